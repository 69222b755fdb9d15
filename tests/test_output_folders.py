"""`-o` into folders that are not there yet: every command makes them, as ruff's --output-file
and pytest's --junitxml do, and a run that writes nothing (refused input, a write that fails)
leaves none of them behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import DATA

TABLE = Path(__file__).parent / "tables" / "30_no_year_anywhere.csv"
COMMANDS = {
    "validate": ["validate", str(DATA), "-f", "json"],
    "report": ["report", str(DATA), "-f", "html"],
    "diff": ["diff", str(DATA), str(DATA)],
    "import": ["import", str(TABLE)],
}
NAMES = {"import": "out.yaml"}  # import writes a plan directory to a name not ending in .yaml


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_output_makes_its_folders(command: str, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "a" / "b" / NAMES.get(command, "out.txt")
    result = runner.invoke(app, [*COMMANDS[command], "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert out.is_file()
    assert out.stat().st_size > 0
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary left


def test_import_makes_a_plan_directory_and_the_folders_above_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    plan = tmp_path / "a" / "b" / "plan"
    result = runner.invoke(app, ["import", str(TABLE), "-o", str(plan)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in plan.iterdir()) == ["targets.yaml"]
    assert runner.invoke(app, ["validate", str(plan)]).exit_code == 0


@pytest.mark.parametrize("out", ["new/deep/targets.yaml", "new/deep/plan"])
def test_a_refused_import_leaves_no_folder(out: str, tmp_path: Path, runner: CliRunner) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("表\n单位：个\n区域,2021年\n合计,3\n甲,1..2\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(bad), "-o", str(tmp_path / out)])
    assert result.exit_code == 2
    assert "cell B5" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_file_where_a_folder_would_go_is_refused(
    command: str, tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "taken").write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "taken" / "sub" / NAMES.get(command, "out.txt")
    result = runner.invoke(app, [*COMMANDS[command], "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"planchk: error: cannot write {out}")
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
