"""A reader that stops early (`planchk validate | head -1`): planchk stops quietly, as git and
grep do, with no "cannot write None: Broken pipe" and the exit code the run gives (issue 17);
and a table given to report or diff is refused with the commands that make it a plan (issue 14),
as validate refuses one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.helpers import closed_early
from tests.paths import DATA

runner = CliRunner()
TABLE = "单位：万元\n县区,2024年,2025年\n合计,30,40\n甲县,10,15\n乙县,20,25\n"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(DATA), "-f", "text"],
        ["validate", str(DATA), "-f", "json"],
        ["validate", str(DATA), "--fail-on", "warning"],  # findings: exit 1, pipe or not
        ["report", str(DATA), "-f", "html"],
        ["diff", str(DATA / "targets.yaml"), str(DATA / "targets.yaml"), "-f", "json"],
    ],
)
def test_a_closed_pipe_stops_quietly_with_the_runs_exit_code(args: list[str]) -> None:
    written = subprocess.run(
        [sys.executable, "-m", "planchk", *args], capture_output=True, check=False
    )
    assert written.stdout  # there is output to lose
    closed = closed_early(args)
    assert closed.stderr.decode() == written.stderr.decode()
    assert closed.returncode == written.returncode
    assert closed.returncode in (0, 1)


def _table(tmp_path: Path, name: str = "funds.csv") -> Path:
    path = tmp_path / name
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_report_on_a_table_names_the_import_and_the_report(tmp_path: Path) -> None:
    table = _table(tmp_path)
    result = runner.invoke(app, ["report", str(table)])
    assert result.exit_code == 2
    plan = tmp_path / "funds"
    assert result.stderr.strip() == (
        f"planchk: error: {table} is a table, not a plan file: import it into a plan directory "
        f"first, then report on that: planchk import {table} -o {plan} && planchk report {plan}"
    )
    assert "PC011" not in result.output
    assert result.stdout == ""
    # The commands it names do what it says.
    assert runner.invoke(app, ["import", str(table), "-o", str(plan)]).exit_code == 0
    assert runner.invoke(app, ["report", str(plan), "-o", str(tmp_path / "r.html")]).exit_code == 0


def test_diff_of_two_tables_names_both_imports_and_the_diff(tmp_path: Path) -> None:
    old, new = _table(tmp_path, "old.csv"), _table(tmp_path, "新 表.xlsx")
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 2
    quoted = f"'{tmp_path / '新 表'}'"
    assert result.stderr.strip() == (
        f"planchk: error: {old} is a table, not a plan file: import each table into a plan "
        f"directory first, then compare those: planchk import {old} -o {tmp_path / 'old'} && "
        f"planchk import '{new}' -o {quoted} && planchk diff {tmp_path / 'old'} {quoted}"
    )
    assert "PC011" not in result.output


def test_diff_of_a_table_and_a_plan_keeps_the_plan_side(tmp_path: Path) -> None:
    table = _table(tmp_path)
    plan = tmp_path / "funds"
    result = runner.invoke(app, ["diff", str(DATA), "-", "--stdin-filename", str(table)],
                           input=TABLE.encode())  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        f"planchk import - --stdin-filename {table} -o {plan} && planchk diff {DATA} {plan}"
    )
    # The commands it names compare the two plans.
    assert runner.invoke(app, ["import", str(table), "-o", str(plan)]).exit_code == 0
    assert runner.invoke(app, ["diff", str(DATA), str(plan)]).exit_code == 0


def test_the_refusals_in_chinese(tmp_path: Path) -> None:
    table = _table(tmp_path)
    for command in (["report", str(table)], ["diff", str(table), str(DATA)]):
        result = runner.invoke(app, ["--lang", "zh", *command])
        assert result.exit_code == 2
        assert "是表格，不是方案文件" in result.stderr
        assert f"planchk import {table} -o {tmp_path / 'funds'}" in result.stderr
