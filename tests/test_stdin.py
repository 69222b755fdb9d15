"""`-` reads a plan file from stdin; --stdin-filename names it for positions and pairing."""

from __future__ import annotations

import io
import json
from pathlib import Path

from planchk.cli import app
from planchk.loader.discover import discover
from tests.conftest import DATA, CliRunner

runner = CliRunner()
TARGETS = (DATA / "targets.yaml").read_bytes()


def _json(*args: str, stdin: bytes = TARGETS) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["validate", "-f", "json", *args], input=stdin)
    return result.exit_code, json.loads(result.stdout)


def test_dash_reads_the_targets_file_from_stdin() -> None:
    code, document = _json("-")
    assert code == 0
    assert document["files"] == ["-"]
    findings = document["findings"]
    assert isinstance(findings, list)
    assert ("-", 69, 21, "PC202") in {
        (f["file"], f["line"], f["column"], f["code"]) for f in findings
    }


def test_stdin_filename_names_the_positions() -> None:
    named = str(DATA / "targets.yaml")
    code, document = _json("-", "--stdin-filename", named)
    assert code == 0
    assert document["files"] == [named]
    findings = document["findings"]
    assert isinstance(findings, list)
    assert {f["file"] for f in findings} == {named}  # the tasks file beside is context only


def test_a_targets_file_from_stdin_pairs_with_the_tasks_file_beside_its_name() -> None:
    found = discover([Path("-")], 10**6, stdin=io.BytesIO(TARGETS), stdin_filename=DATA / "x.yaml")
    [plan] = found.plans
    assert plan.tasks is not None
    assert plan.tasks.path == DATA / "tasks.yaml"
    assert plan.reported == {str(DATA / "x.yaml")}
    [alone] = discover([Path("-")], 10**6, stdin=io.BytesIO(TARGETS)).plans
    assert alone.tasks is None


def test_a_tasks_file_from_stdin_has_the_targets_beside_its_name_as_context() -> None:
    tasks = (DATA / "tasks.yaml").read_bytes()
    named = str(DATA / "tasks.yaml")
    code, document = _json("-", "--stdin-filename", named, stdin=tasks)
    findings = document["findings"]
    assert isinstance(findings, list)
    codes = {f["code"] for f in findings}
    assert code == 0
    assert "PC601" in codes
    assert "PC014" not in codes
    _, alone = _json("-", stdin=tasks)
    assert isinstance(alone["findings"], list)
    assert "PC014" in {f["code"] for f in alone["findings"]}  # no targets: said so


def test_stdin_over_the_size_limit_is_refused() -> None:
    code, document = _json("-", "--max-bytes", "100")
    assert code == 2
    findings = document["findings"]
    assert isinstance(findings, list)
    assert [f["code"] for f in findings] == ["PC012"]
