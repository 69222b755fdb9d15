"""At most so many findings of one rule in one file (planchk.suppress.cap), then one PC903."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from planchk.cli import app
from planchk.findings import Finding, Location, Severity
from planchk.suppress.cap import capped
from tests.small_plans import MINIMAL_TARGETS, write_plan

runner = CliRunner()


def _finding(code: str, file: str, line: int, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        code=code, slug="x", severity=severity, message="m",
        location=Location(file, line, 1), path=f"p{line}",
    )  # fmt: skip


def test_each_rule_and_file_keeps_its_first_findings_and_one_summary() -> None:
    many = [_finding("PC201", "a.yaml", n, Severity.WARNING) for n in range(1, 6)]
    many[3] = _finding("PC201", "a.yaml", 4, Severity.ERROR)  # a dropped one is an error
    other_file = [_finding("PC201", "b.yaml", n) for n in (1, 2)]
    other_code = [_finding("PC101", "a.yaml", n) for n in (7, 8, 9)]
    shown = capped([*many, *other_file, *other_code], limit=2)
    kept = [(f.code, f.location.file, f.location.line) for f in shown if f.code != "PC903"]
    assert kept == [
        ("PC201", "a.yaml", 1), ("PC201", "a.yaml", 2),
        ("PC201", "b.yaml", 1), ("PC201", "b.yaml", 2),
        ("PC101", "a.yaml", 7), ("PC101", "a.yaml", 8),
    ]  # fmt: skip
    summaries = {(f.args["rule"], f.location.line): f for f in shown if f.code == "PC903"}
    assert sorted((rule, line) for rule, line in summaries) == [("PC101 x", 9), ("PC201 x", 3)]
    pc201 = summaries[("PC201 x", 3)]
    assert (pc201.args["count"], pc201.args["limit"], pc201.severity) == (3, 2, Severity.ERROR)
    assert summaries[("PC101 x", 9)].args["count"] == 1


def test_waived_and_fatal_findings_are_never_dropped_and_zero_means_all() -> None:
    waived = [replace(_finding("PC201", "a.yaml", n), waived="accepted") for n in range(1, 4)]
    fatal = [replace(_finding("PC003", "a.yaml", n), fatal=True) for n in range(1, 4)]
    assert capped([*waived, *fatal], limit=1) == [*waived, *fatal]
    assert capped(waived, limit=5) is waived  # nothing left out: the same sequence
    many = [_finding("PC201", "a.yaml", n) for n in range(1, 50)]
    assert capped(many, limit=0) == many


def _unbalanced(tmp_path: Path, limit: int | None) -> tuple[int, list[dict[str, Any]]]:
    plan = write_plan(tmp_path / "plan", MINIMAL_TARGETS.replace("[10, 20]", "[11, 21]"))
    if limit is not None:
        (tmp_path / "planchk.toml").write_text(
            f"max-findings-per-rule = {limit}\n", encoding="utf-8"
        )
    result = runner.invoke(
        app, ["validate", str(plan), "-f", "json", "--config", str(tmp_path / "planchk.toml")]
        if limit is not None else ["validate", str(plan), "-f", "json"],
    )  # fmt: skip
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_the_cap_keeps_the_exit_code_and_says_how_many_more(tmp_path: Path) -> None:
    code_all, every = _unbalanced(tmp_path / "all", None)
    assert [f["code"] for f in every].count("PC101") == 2  # two years out of balance
    code_capped, shown = _unbalanced(tmp_path / "capped", 1)
    assert code_capped == code_all == 1
    assert [f["code"] for f in shown].count("PC101") == 1
    summary = next(f for f in shown if f["code"] == "PC903")
    assert summary["severity"] == "error"
    assert summary["args"]["count"] in (1, "1")
