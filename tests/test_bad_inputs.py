"""Broken and hostile input: a clear finding with a position, exit 1 or 2, never a traceback,
never a file written by a run that failed.

The corpus is tests/bad_inputs/: one file per case and cases.yaml with what each must give.
Cases that cannot be files in git (a missing path, an unreadable file, a symlink loop, a 100 MB
file) are made here in a temporary directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from planchk.cli import app
from planchk.findings import Problem
from planchk.rules.context import PlanContext
from tests.cli_runner import CliRunner
from tests.paths import DATA
from tests.small_plans import MINIMAL_TARGETS

CORPUS = Path(__file__).parent / "bad_inputs"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8"))
runner = CliRunner()


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in CORPUS.glob("*.yaml")} - {"cases.yaml"}
    assert files == set(CASES)
    assert len(files) >= 60


def place(case: str, directory: Path) -> Path:
    """The case file as the plan file it stands for; a tasks file gets areas beside it."""
    kind = case.split(".")[-2]
    target = directory / f"{kind}.yaml"
    shutil.copyfile(CORPUS / case, target)
    if kind == "tasks":
        (directory / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    return target


def assert_clean_exit(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", sorted(CASES))
def test_corpus_case(tmp_path: Path, case: str) -> None:
    expected = CASES[case]
    path = place(case, tmp_path)
    result = runner.invoke(app, ["validate", str(path), "-f", "json"])
    assert_clean_exit(result)
    assert result.exit_code == expected["exit"]
    findings = json.loads(result.stdout)["findings"]
    where = [[f["code"], f["line"], f["column"]] for f in findings]
    if expected["expect"] == "accepted":
        assert where == []
    else:
        assert expected["expect"] in where
        hit = next(f for f in findings if [f["code"], f["line"], f["column"]] == expected["expect"])
        assert hit["message"]
        assert hit["file"] == str(path)


@pytest.mark.parametrize("case", [c for c in sorted(CASES) if CASES[c]["exit"] == 2])
def test_text_report_names_file_line_and_column(tmp_path: Path, case: str) -> None:
    path = place(case, tmp_path)
    result = runner.invoke(app, ["validate", str(path)])
    code, line, column = CASES[case]["expect"]
    assert f"{path}:{line}:{column}: error {code} " in result.stdout


@pytest.mark.parametrize("case", [c for c in sorted(CASES) if CASES[c]["exit"] == 2][:12])
def test_no_output_file_when_the_input_is_unusable(tmp_path: Path, case: str) -> None:
    path = place(case, tmp_path)
    old = tmp_path / "old.sarif"
    old.write_text("previous report\n", encoding="utf-8")
    for target in (tmp_path / "new.sarif", old):
        result = runner.invoke(app, ["validate", str(path), "-f", "sarif", "-o", str(target)])
        assert result.exit_code == 2
        assert CASES[case]["expect"][0] in result.stderr
    assert not (tmp_path / "new.sarif").exists()
    assert old.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {path.name, "old.sarif"} | ({"targets.yaml"} if "tasks" in case else set())
    )


def test_no_baseline_written_when_the_input_is_unusable(tmp_path: Path) -> None:
    path = place("yaml-unclosed-flow.targets.yaml", tmp_path)
    result = runner.invoke(
        app, ["validate", str(path), "--write-baseline", str(tmp_path / "b.json")]
    )
    assert result.exit_code == 2
    assert not (tmp_path / "b.json").exists()


@pytest.mark.parametrize("case", ["yaml-unclosed-flow.targets.yaml", "dup-row.targets.yaml"])
def test_diff_of_a_broken_revision(tmp_path: Path, case: str) -> None:
    old = tmp_path / "old"
    old.mkdir()
    (old / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
    new = tmp_path / "new"
    new.mkdir()
    place(case, new)
    result = runner.invoke(app, ["diff", str(old), str(new), "-o", str(tmp_path / "d.md")])
    assert_clean_exit(result)
    assert result.exit_code == 2
    assert not (tmp_path / "d.md").exists()


# --- files that cannot live in git -----------------------------------------------------------


def validate(*paths: Path | str) -> tuple[Result, list[dict[str, Any]]]:
    result = runner.invoke(app, ["validate", *map(str, paths), "-f", "json"])
    assert_clean_exit(result)
    return result, json.loads(result.stdout)["findings"]


def test_missing_path(tmp_path: Path) -> None:
    result, findings = validate(tmp_path / "nowhere" / "targets.yaml")
    assert result.exit_code == 2
    assert [f["code"] for f in findings] == ["PC001"]


def test_directory_without_plan_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result, findings = validate(tmp_path)
    assert result.exit_code == 2
    assert [f["code"] for f in findings] == ["PC013"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL_TARGETS, encoding="utf-8")

    def refuse(file: Path, mode: str = "r") -> object:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return open(file, mode)  # the configuration, looked up from here

    monkeypatch.setattr("planchk.reading.open", refuse, raising=False)
    result, findings = validate(path)
    assert result.exit_code == 2
    assert [f["code"] for f in findings] == ["PC001"]
    assert "Permission denied" in findings[0]["message"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL_TARGETS, encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # as CI runs: root reads any file, unless it gives up the right to
        code, findings = _validate_without_override(path)
        assert (code, [f["code"] for f in findings]) == (2, ["PC001"])
        assert "Permission denied" in findings[0]["message"]
        return
    result, findings = validate(path)
    assert (result.exit_code, [f["code"] for f in findings]) == (2, ["PC001"])


# Root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH obeys a file's mode bits like anyone.
WITHOUT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _validate_without_override(path: Path) -> tuple[int, list[dict[str, Any]]]:
    """`planchk validate -f json` in a process that may not bypass file permissions."""
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed to run this test as root")
    command = [*WITHOUT_OVERRIDE, sys.executable, "-m", "planchk", "validate", str(path)]
    done = subprocess.run(
        [*command, "-f", "json"], cwd=path.parent, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)["findings"]


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    result, findings = validate(tmp_path / "a.yaml")
    assert result.exit_code == 2
    assert [f["code"] for f in findings] == ["PC001"]
    assert "symbolic links" in findings[0]["message"]


def test_a_100_mb_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "targets.yaml"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: takes no disk and no time

    def never(file: Path, mode: str = "r") -> object:
        if Path(file) == path:
            raise AssertionError("a file over the limit must not be read")
        return open(file, mode)  # the configuration, looked up from here

    monkeypatch.setattr("planchk.reading.open", never, raising=False)
    result, findings = validate(path)
    assert result.exit_code == 2
    assert [f["code"] for f in findings] == ["PC012"]
    assert "--max-bytes" in findings[0]["message"]


def test_the_size_limit_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL_TARGETS, encoding="utf-8")
    assert validate(path)[0].exit_code == 0
    refused = runner.invoke(app, ["validate", str(path), "--max-bytes", "100", "-f", "json"])
    assert [f["code"] for f in json.loads(refused.stdout)["findings"]] == ["PC012"]
    raised = runner.invoke(app, ["validate", str(path)], env={"PLANCHK_MAX_BYTES": "100000"})
    assert raised.exit_code == 0


def test_a_file_that_is_no_plan(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# 说明\n\n这不是方案文件。\n", encoding="utf-8")
    result, findings = validate(path)
    assert result.exit_code == 2
    assert [f["code"] for f in findings] == ["PC011"]


def test_a_failing_rule_is_a_finding_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from planchk import registry

    def broken(ctx: PlanContext) -> list[Problem]:
        raise ZeroDivisionError("division by zero")

    info = dataclasses.replace(registry.get("PC101"), check=broken)
    monkeypatch.setitem(registry._CODES, "PC101", info)
    result, findings = validate(DATA)
    assert result.exit_code == 2
    [internal] = [f for f in findings if f["code"] == "PC999"]
    assert "ZeroDivisionError" in internal["message"]
    assert any(f["code"] == "PC202" for f in findings)  # the other rules still ran
    monkeypatch.setenv("PLANCHK_DEBUG", "1")
    debug = runner.invoke(app, ["validate", str(DATA)])
    assert isinstance(debug.exception, ZeroDivisionError)


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    path = place("yaml-billion-laughs.targets.yaml", tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "planchk", "validate", str(path)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "PC005" in done.stdout
