"""Workbooks built to exhaust memory (issue 17 §5): a few kilobytes that declare, hold, merge or
span more cells than a sheet of tables needs are refused from their XML (how fast:
benchmarks/hostile.py).

Each is a real workbook whose worksheet XML is written by hand: openpyxl itself would build
every cell of such a sheet before it could save it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planchk.cli import app
from planchk.importers import grid
from tests.cli_runner import CliRunner
from tests.workbooks import sheet_workbook

runner = CliRunner()
TABLE = "".join(
    f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{name}</t></is></c>'
    f'<c r="B{r}"><v>{value}</v></c></row>'
    for r, (name, value) in enumerate(
        [("地区", "2021"), ("全区", "3"), ("甲街道", "1"), ("乙街道", "2")], 1
    )
)


def workbook(path: Path, dimension: str | None, data: str = TABLE, merges: str = "") -> Path:
    """A workbook of one sheet holding `data` (rows of cells), declaring `dimension`."""
    return sheet_workbook(path, data, dimension, merges)


def refused(path: Path, expected: str) -> str:
    result = runner.invoke(app, ["import", str(path), "--unit", "件"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert expected in result.stderr
    return result.stderr


FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def test_the_control_table_imports(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["import", str(workbook(tmp_path / "t.xlsx", "A1:B4")), "--unit", "件"]
    )
    assert result.exit_code == 0, result.output
    assert "甲街道: [1]" in result.stdout


def test_a_declared_dimension_past_the_limit(tmp_path: Path) -> None:
    path = workbook(tmp_path / "far.xlsx", "A1:XFD1048576", TABLE + FAR)
    message = refused(path, "A1:XFD1048576")
    assert "delete the rows and columns past the table" in message


def test_one_far_cell_without_a_dimension(tmp_path: Path) -> None:
    # Two rows as wide as a sheet are 32,768 cells: read, and refused by the layout, quickly.
    refused(workbook(tmp_path / "far.xlsx", None, TABLE + FAR), "no area name")


DIAGONAL = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(10, 80))


@pytest.mark.parametrize("dimension", [None, "A1:B4"])
def test_far_cells_under_no_or_a_false_dimension(tmp_path: Path, dimension: str | None) -> None:
    path = workbook(tmp_path / "far.xlsx", dimension, TABLE + DIAGONAL)
    refused(path, "spans A1:XFD79")


def test_a_merged_range_to_the_end_of_the_sheet(tmp_path: Path) -> None:
    merge = '<mergeCell ref="A20:XFD1048576"/>'
    path = workbook(tmp_path / "merged.xlsx", "A1:B4", TABLE, merge)
    refused(path, "merged ranges cover")


def test_a_blank_merge_adds_no_cells(tmp_path: Path) -> None:
    merge = '<mergeCell ref="C20:H400"/>'
    path = workbook(tmp_path / "m.xlsx", None, TABLE, merge)
    result = runner.invoke(app, ["import", str(path), "--unit", "件"])
    assert result.exit_code == 0, result.output


def test_more_cells_than_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grid, "MAX_CELLS", 100)
    many = "".join(f'<row r="{r}"><c r="C{r}"><v>{r}</v></c></row>' for r in range(5, 200))
    refused(workbook(tmp_path / "many.xlsx", None, TABLE + many), "holds 203 cells")


def test_the_cell_limit_is_checked_before_openpyxl_reads_a_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grid, "MAX_CELLS", 5)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    refused(workbook(tmp_path / "t.xlsx", None), "holds 8 cells")


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1e30, "0.00", "1000000000000000000000000000000.00"),
        (1.5, "0." + "0" * 300, "1." + "5".ljust(30, "0")),  # Excel shows 30 decimals at most
        (2.25, "#,##0.0%", "225.0%"),
    ],
)
def test_number_formats_past_decimals_default_precision(
    tmp_path: Path, value: float, number_format: str, shown: str
) -> None:
    from planchk.importers.printed import excel_text

    assert excel_text(value, number_format) == shown
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["地区", "2021年"], ["全区", value], ["甲街道", value]):
        sheet.append(row)
    sheet["B2"].number_format = sheet["B3"].number_format = number_format
    book.save(tmp_path / "formats.xlsx")
    result = runner.invoke(app, ["import", str(tmp_path / "formats.xlsx"), "--unit", "件"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 2), result.output
