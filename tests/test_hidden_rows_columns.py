"""A workbook's hidden rows and columns are not read (issue 14): a printed table is what the sheet
shows, and a hidden check column or scratch row read as data gave false errors (PC101, PC307).
The import log names, once, the hidden rows and columns that held something."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from openpyxl.worksheet.worksheet import Worksheet

from planchk.cli import app
from planchk.importers.hidden import Hidden, hidden_note
from tests.cli_runner import CliRunner
from tests.xlsfile import XlsCell, XlsSheet, xls_bytes

runner = CliRunner()

# Column C is a check column (任务 minus the towns' sum, as a spreadsheet keeps it); row 8 a
# scratch row. Read as data, C is an indicator whose total misses and 临时行 an area of 999.
ROWS: list[list[Any]] = [
    ["2025年城镇保障性安居工程任务表"],
    ["单位：套"],
    ["县区", "任务", "校验"],
    ["合计", 700, 0],
    ["甲县", 300, 0],
    ["乙县", 250, -50],
    ["丙县", 150, -150],
    ["临时行", 999, None],
]
VALUES = {"合计": [700], "甲县": [300], "乙县": [250], "丙县": [150]}


def _hide_marked(sheet: Worksheet) -> None:
    sheet.row_dimensions[8].hidden = True
    sheet.column_dimensions["C"].hidden = True


def _hide_by_size(sheet: Worksheet) -> None:
    """A height and width of 0 (openpyxl writes no 0 size: _sized rewrites the XML)."""
    sheet.row_dimensions[8].height = 1
    sheet.column_dimensions["C"].width = 1


def _hide_in_a_collapsed_outline(sheet: Worksheet) -> None:
    sheet.row_dimensions.group(8, 8, hidden=True)  # a collapsed group: its rows hidden
    sheet.column_dimensions.group("C", "C", hidden=True)


def _workbook(path: Path, rows: list[list[Any]], hide: Callable[[Worksheet], None]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    hide(sheet)
    book.save(path)
    if hide is _hide_by_size:
        _sized(path)
    return path


def _sized(path: Path) -> None:
    """The sheet's sizes of 1 made 0, as Excel writes a row or column dragged shut."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].decode("utf-8")
    assert 'ht="1"' in xml
    assert 'width="1"' in xml
    parts[sheet] = xml.replace('ht="1"', 'ht="0"').replace('width="1"', 'width="0"').encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _import(source: Path, into: Path) -> tuple[dict[str, Any], list[str]]:
    result = runner.invoke(app, ["import", str(source), "-o", str(into)])
    assert result.exit_code == 0, result.output
    plan: dict[str, Any] = yaml.safe_load((into / "targets.yaml").read_text(encoding="utf-8"))
    return plan, result.stderr.splitlines()


def _findings(plan: Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["validate", "--format", "json", str(plan)])
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = yaml.safe_load(result.stdout)["findings"]
    return found


@pytest.mark.parametrize("hide", [_hide_marked, _hide_by_size, _hide_in_a_collapsed_outline])
def test_hidden_rows_and_columns_are_not_read_and_the_log_says_so(
    hide: Callable[[Worksheet], None], tmp_path: Path
) -> None:
    source = _workbook(tmp_path / "t.xlsx", ROWS, hide)
    plan, log = _import(source, tmp_path / "plan")
    assert list(plan["indicators"]) == ["任务"]  # no 校验 indicator
    assert plan["indicators"]["任务"]["values"] == VALUES  # no 临时行
    hidden = [line for line in log if "hidden in the workbook" in line]
    assert hidden == [
        f"{source}, sheet Sheet: row 8 and column C are hidden in the workbook: not read"
    ]
    assert _findings(tmp_path / "plan") == []


def test_the_same_table_shown_whole_gives_the_false_errors(tmp_path: Path) -> None:
    """The control: nothing hidden, the check column and scratch row are read, and fail."""
    source = _workbook(tmp_path / "t.xlsx", ROWS, lambda sheet: None)
    plan, log = _import(source, tmp_path / "plan")
    assert "临时行" in plan["indicators"]["任务"]["values"]
    assert not [line for line in log if "hidden in the workbook" in line]
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path / "plan")])
    codes = {f["code"] for f in yaml.safe_load(result.stdout)["findings"]}
    assert "PC101" in codes


def test_a_hidden_row_holding_an_error_is_not_read(tmp_path: Path) -> None:
    """A hidden town of 50 inside the table would make the towns miss their total by 50."""
    rows = [row[:2] for row in [*ROWS[:6], ["丁县", 50], *ROWS[6:7]]]
    source = _workbook(
        tmp_path / "t.xlsx", rows, lambda s: setattr(s.row_dimensions[7], "hidden", True)
    )
    plan, log = _import(source, tmp_path / "plan")
    assert plan["indicators"]["任务"]["values"] == VALUES
    assert plan["areas"] == {"合计": ["甲县", "乙县", "丙县"]}
    assert [line for line in log if "hidden in the workbook" in line] == [
        f"{source}, sheet Sheet: row 7 is hidden in the workbook: not read"
    ]
    assert _findings(tmp_path / "plan") == []


def test_empty_hidden_columns_are_not_named(tmp_path: Path) -> None:
    """Excel hides the unused columns to the right (D:XFD): nothing was left unread there."""

    def hide(sheet: Worksheet) -> None:
        sheet.column_dimensions["C"].hidden = True
        sheet.column_dimensions["D"].hidden = True
        sheet.column_dimensions["D"].min, sheet.column_dimensions["D"].max = 4, 16384

    source = _workbook(tmp_path / "t.xlsx", [[*row[:2], None] for row in ROWS[:7]], hide)
    plan, log = _import(source, tmp_path / "plan")
    assert plan["indicators"]["任务"]["values"] == VALUES
    assert not [line for line in log if "hidden in the workbook" in line]


def test_an_old_excel_workbook_hides_rows_and_columns_alike(tmp_path: Path) -> None:
    cells = [
        XlsCell(row, column, value)
        for row, values in enumerate(ROWS, 1)
        for column, value in enumerate(values, 1)
        if value is not None
    ]
    source = tmp_path / "t.xls"
    source.write_bytes(xls_bytes([XlsSheet("Sheet1", cells, hidden_rows=[8], hidden_columns=[3])]))
    plan, log = _import(source, tmp_path / "plan")
    assert plan["indicators"]["任务"]["values"] == VALUES
    assert [line for line in log if "hidden in the workbook" in line] == [
        f"{source}, sheet Sheet1: row 8 and column C are hidden in the workbook: not read"
    ]
    assert _findings(tmp_path / "plan") == []


def test_the_log_names_runs_of_rows_and_stops_after_a_few() -> None:
    hidden = Hidden(held_rows={3, 4, 5, 9}, held_columns={6, 7})
    assert (
        hidden_note("t", hidden)
        == "t: rows 3-5, 9 and columns F-G are hidden in the workbook: not read"
    )
    many = Hidden(held_rows=set(range(1, 40, 2)))
    assert hidden_note("t", many) == (
        "t: rows 1, 3, 5, 7, 9, 11, 13, 15, … are hidden in the workbook: not read"
    )
    assert (
        hidden_note("t", Hidden(held_columns={27}))
        == "t: column AA is hidden in the workbook: not read"
    )


def _hide_c(sheet: Worksheet) -> None:
    sheet.column_dimensions["C"].hidden = True


def test_a_hidden_column_inside_the_table_is_read_as_if_deleted(tmp_path: Path) -> None:
    """A hidden check column between two figure columns: taken out of each row, the header was
    read by list position and the figures by sheet column (cell D4: a column of numbers with no
    header). Blank in place, the table reads as if the column were deleted."""
    rows: list[list[Any]] = [
        ["2025年各县区衔接资金分配表"],
        ["单位：万元"],
        ["县区", "资金", "核对", "补助"],
        ["合计", 300, 999, 30],
        ["甲县", 100, -1, 10],
        ["乙县", 200, 7, 20],
    ]
    source = _workbook(tmp_path / "t.xlsx", rows, _hide_c)
    plan, log = _import(source, tmp_path / "out")
    indicators = plan["indicators"]
    assert sorted(indicators) == ["补助", "资金"]
    assert indicators["资金"]["values"] == {"合计": [300], "甲县": [100], "乙县": [200]}
    assert indicators["补助"]["values"] == {"合计": [30], "甲县": [10], "乙县": [20]}
    assert indicators["补助"]["years"] == [2025]
    assert f"{source}, sheet Sheet: column C is hidden in the workbook: not read" in log
    assert _findings(tmp_path / "out") == []


def test_a_hidden_row_inside_the_table_before_a_later_subtotal(tmp_path: Path) -> None:
    """A hidden scratch row between two subtotals' rows (and a hidden check column) is not
    read: the later subtotal still sums its own rows, and nothing misses."""
    rows: list[list[Any]] = [
        ["2025年城镇保障性安居工程任务表"],
        ["单位：套"],
        ["县区", "任务", "校验", "竣工"],
        ["合计", 700, 0, 70],
        ["城区小计", 300, 0, 30],
        ["甲区", 100, 0, 10],
        ["乙区", 200, 5, 20],
        ["临时行", 999, None, 99],
        ["县域小计", 400, 0, 40],
        ["丙县", 150, 0, 15],
        ["丁县", 250, 0, 25],
    ]

    def hide(sheet: Worksheet) -> None:
        _hide_c(sheet)
        sheet.row_dimensions[8].hidden = True

    source = _workbook(tmp_path / "t.xlsx", rows, hide)
    plan, log = _import(source, tmp_path / "out")
    assert plan["areas"] == {
        "合计": ["城区小计", "县域小计"],
        "城区小计": ["甲区", "乙区"],
        "县域小计": ["丙县", "丁县"],
    }
    assert plan["indicators"]["任务"]["values"] == {
        "合计": [700], "城区小计": [300], "甲区": [100], "乙区": [200],
        "县域小计": [400], "丙县": [150], "丁县": [250],
    }  # fmt: skip
    assert plan["indicators"]["竣工"]["values"]["县域小计"] == [40]
    assert f"{source}, sheet Sheet: row 8 and column C are hidden in the workbook: not read" in log
    assert _findings(tmp_path / "out") == []


def test_a_merge_anchored_in_a_hidden_column_keeps_its_text(tmp_path: Path) -> None:
    """A title merged over A1:C1 with column A (序号) hidden: Excel shows it across B1:C1, so it
    is the table's title (its year the figures' year), not lost as covered cells only."""
    rows: list[list[Any]] = [
        ["2025年各县区衔接资金分配表"],
        ["单位：万元"],
        ["序号", "县区", "资金"],
        [None, "合计", 300],
        [1, "甲县", 100],
        [2, "乙县", 200],
    ]

    def hide(sheet: Worksheet) -> None:
        sheet.merge_cells("A1:C1")
        sheet.merge_cells("A2:C2")
        sheet.column_dimensions["A"].hidden = True

    source = _workbook(tmp_path / "t.xlsx", rows, hide)
    plan, log = _import(source, tmp_path / "out")
    assert plan["plan"]["title"] == "2025年各县区衔接资金分配表"
    assert plan["indicators"]["资金"]["years"] == [2025]
    assert plan["indicators"]["资金"]["values"] == {"合计": [300], "甲县": [100], "乙县": [200]}
    assert f"{source}, sheet Sheet: table 「2025年各县区衔接资金分配表」" in log
    assert _findings(tmp_path / "out") == []


def test_the_hidden_rows_and_columns_are_said_in_the_written_file_too(tmp_path: Path) -> None:
    """Issue 14 item 10: what import assumed stays in the file as comments, for a reviewer who
    reads the file and not the log: the hidden row and column left unread among them, said
    before the table's lines, as on stderr. How a CSV's bytes were decoded is said on stderr
    only (of the file, not of a table in it)."""
    source = _workbook(tmp_path / "t.xlsx", ROWS, _hide_marked)
    _import(source, tmp_path / "plan")
    text = (tmp_path / "plan" / "targets.yaml").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    said = f"# {source}, sheet Sheet: row 8 and column C are hidden in the workbook: not read"
    assert said in comments
    table = next(n for n, line in enumerate(comments) if "table 「" in line)
    assert comments.index(said) < table
    twin = tmp_path / "t.csv"
    twin.write_text("\n".join(",".join(map(str, row[:2])) for row in ROWS[:-1]) + "\n", "utf-8")
    result = runner.invoke(app, ["import", str(twin), "-o", str(tmp_path / "csv.yaml")])
    assert result.exit_code == 0, result.output
    assert f"{twin}: read as utf-8" in result.stderr
    assert "read as" not in (tmp_path / "csv.yaml").read_text(encoding="utf-8")
