"""A table given to validate (issue 14, hunt cause 11): refused with the commands that make it
a plan and check it (exit 2), never read as YAML (a CSV was PC011 "the document is a single
value", a workbook PC002 with iconv advice that does not apply)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import DATA

runner = CliRunner()
TABLE = "单位：万元\n县区,2024年,2025年\n合计,30,40\n甲县,10,15\n乙县,20,25\n"


def _table(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"funds{suffix}"
    if suffix == ".csv":
        path.write_text(TABLE, encoding="utf-8")
    elif suffix == ".xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for line in TABLE.splitlines():
            sheet.append([int(c) if c.isdigit() else c for c in line.split(",")])
        book.save(path)
    else:  # refused by its name: the bytes are never read
        path.write_bytes(b"\xd0\xcf\x11\xe0 not read")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xls", ".ods", ".XLSX"])
def test_a_table_is_refused_with_the_commands_that_check_it(tmp_path: Path, suffix: str) -> None:
    table = _table(tmp_path, suffix)
    result = runner.invoke(app, ["validate", str(table)])
    assert result.exit_code == 2
    plan = tmp_path / "funds"
    assert result.stderr.strip() == (
        f"planchk: error: {table} is a table, not a plan file: import it into a plan directory "
        f"first, then check that: planchk import {table} -o {plan} && planchk validate {plan}"
    )
    assert "PC011" not in result.output
    assert "PC002" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_commands_it_names_check_the_table(tmp_path: Path, suffix: str) -> None:
    table = _table(tmp_path, suffix)
    plan = tmp_path / "funds"
    assert runner.invoke(app, ["import", str(table), "-o", str(plan)]).exit_code == 0
    checked = runner.invoke(app, ["validate", str(plan), "-f", "json"])
    assert checked.exit_code == 0, checked.output


def test_a_table_among_plan_files_and_one_on_stdin(tmp_path: Path) -> None:
    table = _table(tmp_path, ".csv")
    mixed = runner.invoke(app, ["validate", str(DATA), str(table)])
    assert mixed.exit_code == 2
    assert f"{table} is a table" in mixed.stderr
    piped = runner.invoke(app, ["validate", "-", "--stdin-filename", "t.csv"], input=TABLE.encode())
    assert piped.exit_code == 2
    assert "planchk import - --stdin-filename t.csv -o t && planchk validate t" in piped.stderr


def test_a_folder_named_like_a_table_is_a_plan_directory(tmp_path: Path) -> None:
    folder = tmp_path / "v2.csv"
    folder.mkdir()
    for name in ("targets.yaml", "tasks.yaml"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    assert runner.invoke(app, ["validate", str(folder)]).exit_code == 0


def test_the_refusal_in_chinese(tmp_path: Path) -> None:
    table = _table(tmp_path, ".csv")
    result = runner.invoke(app, ["--lang", "zh", "validate", str(table)])
    assert result.exit_code == 2
    assert "是表格，不是方案文件" in result.stderr
    assert f"planchk import {table} -o {tmp_path / 'funds'}" in result.stderr


def test_a_name_with_a_space_is_quoted_in_the_commands(tmp_path: Path) -> None:
    table = tmp_path / "资金 分配.csv"
    table.write_text(TABLE, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(table)])
    assert result.exit_code == 2
    plan = tmp_path / "资金 分配"
    assert f"planchk import '{table}' -o '{plan}' && planchk validate '{plan}'" in result.stderr
