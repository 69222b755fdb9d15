"""Several tables in one file: one under another in a sheet, or one per sheet of a workbook.

Import reads each as a table of its own, says so, and names a total printed as 全市 in one
table and 合计 in another over the same areas alike; never only the first table or sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

FUNDS: list[list[object]] = [
    ["2024年资金分配表"],
    ["单位：万元"],
    ["地区", "资金"],
    ["合计", 300],
    ["甲县", 100],
    ["乙县", 200],
]
TASKS: list[list[object]] = [
    ["2024年任务分解表"],
    ["单位：亩"],
    ["地区", "任务"],
    ["全市", 90],
    ["甲县", 40],
    ["乙县", 50],
]
runner = CliRunner()


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _imported(source: Path, tmp_path: Path) -> tuple[TargetsFile, str]:
    out = tmp_path / "targets.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return model, result.stderr


def _values(model: TargetsFile) -> dict[str, dict[str, list[object]]]:
    return {
        i.name: {area: [str(v) for v in row] for area, row in i.values.items()}
        for i in model.indicators.values()
    }


def test_every_sheet_of_a_workbook_is_imported_without_sheet(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "annex.xlsx", {"表1": FUNDS, "表2": TASKS})
    model, log = _imported(book, tmp_path)
    assert dict(model.areas) == {"合计": ["甲县", "乙县"]}
    assert _values(model) == {
        "资金": {"合计": ["300"], "甲县": ["100"], "乙县": ["200"]},
        "任务": {"合计": ["90"], "甲县": ["40"], "乙县": ["50"]},
    }
    assert "sheet 表1: table 「2024年资金分配表」" in log
    assert "sheet 表2: table 「2024年任务分解表」" in log
    assert "全市 (row 4) is the total 合计 of an earlier table" in log


def test_two_tables_in_one_sheet_are_read_apart(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "annex.xlsx", {"附件": [*FUNDS, ["注：按因素法分配。"], *TASKS]})
    model, log = _imported(book, tmp_path)
    assert dict(model.areas) == {"合计": ["甲县", "乙县"]}
    assert _values(model)["任务"] == {"合计": ["90"], "甲县": ["40"], "乙县": ["50"]}
    assert "2 tables one under another" in log
    assert "rows 1, 8" in log  # the note (row 7) stays with the first table


def test_a_heading_row_inside_a_table_starts_no_new_table(tmp_path: Path) -> None:
    """甲县 alone over its towns stands over rows of numbers, not over a header."""
    source = tmp_path / "t.csv"
    source.write_text(
        "2024年资金分配表\n单位：万元\n地区,资金\n合计,100\n甲县\n东镇,30\n西镇,20\n"
        "甲县小计,50\n乙县,50\n",
        "utf-8",
    )
    model, log = _imported(source, tmp_path)
    assert "one under another" not in log
    assert dict(model.areas) == {"合计": ["甲县", "乙县"], "甲县": ["东镇", "西镇"]}


def test_a_total_over_other_parts_keeps_its_name(tmp_path: Path) -> None:
    """全市 over 丙县 and 丁县 is not the 合计 of 甲县 and 乙县: two totals, as printed."""
    other = [
        row
        if row[0] not in ("甲县", "乙县")
        else [row[0].replace("甲", "丙").replace("乙", "丁"), row[1]]
        for row in TASKS
    ]
    book = _workbook(tmp_path / "annex.xlsx", {"表1": FUNDS, "表2": other})
    model, log = _imported(book, tmp_path)
    assert dict(model.areas) == {"合计": ["甲县", "乙县"], "全市": ["丙县", "丁县"]}
    assert "of an earlier table" not in log


def test_a_second_block_over_other_areas_is_a_second_table(tmp_path: Path) -> None:
    """The header again (县区 | other columns) over other areas: two tables, the second
    under the first's title and unit; its header is never a data row (an area 县区)."""
    source = tmp_path / "t.csv"
    source.write_text(
        "2025年任务表\n单位：个\n县区,广场\n合计,21\n甲县,9\n乙县,12\n"
        "县区,步道\n全市,26\n丙县,11\n丁县,15\n",
        "utf-8",
    )
    model, log = _imported(source, tmp_path)
    assert "the header is printed again at row 7 over other areas" in log
    assert dict(model.areas) == {"合计": ["甲县", "乙县"], "全市": ["丙县", "丁县"]}
    assert _values(model) == {
        "广场": {"合计": ["21"], "甲县": ["9"], "乙县": ["12"]},
        "步道": {"全市": ["26"], "丙县": ["11"], "丁县": ["15"]},
    }
    assert {str(i.unit) for i in model.indicators.values()} == {"个"}


def test_a_workbook_block_joins_its_area_rows(tmp_path: Path) -> None:
    """Three blocks in a sheet, the second in another order under a blank row, the third
    after 续表: each joined by area, the years in order."""
    rows: list[list[object]] = [
        ["造林任务表"],
        ["单位：亩"],
        ["县区", "2021年"],
        ["合计", 30],
        ["甲县", 10],
        ["乙县", 20],
        [],
        ["县区", "2022年"],
        ["乙县", 25],
        ["甲县", 15],
        ["合计", 40],
        ["续表"],
        ["县区", "2023年", "2024年"],
        ["合计", 50, 60],
        ["甲县", 20, 25],
        ["乙县", 30, 35],
    ]
    book = _workbook(tmp_path / "annex.xlsx", {"表1": rows})
    model, log = _imported(book, tmp_path)
    assert log.count("the header again at row") == 2
    assert dict(model.areas) == {"合计": ["甲县", "乙县"]}
    [indicator] = model.indicators.values()
    assert indicator.years == [2021, 2022, 2023, 2024]
    assert _values(model)[indicator.name] == {
        "合计": ["30", "40", "50", "60"],
        "甲县": ["10", "15", "20", "25"],
        "乙县": ["20", "25", "30", "35"],
    }


def test_a_table_with_its_own_title_over_the_same_areas_is_no_block(tmp_path: Path) -> None:
    """表2's title and unit line over 县区 | 资金 and the same areas: a second table in its own
    unit, never a block of the first joined in the first's unit."""
    source = tmp_path / "t.csv"
    source.write_text(
        "表1 2025年任务\n单位：个\n县区,任务\n合计,44\n甲,17\n乙,27\n\n"
        "表2 2025年资金\n单位：万元\n县区,资金\n合计,16.1\n甲,1.7\n乙,14.4\n",
        "utf-8",
    )
    model, log = _imported(source, tmp_path)
    assert "blocks one above another" not in log
    assert "2 tables one under another" in log
    assert {i.name: str(i.unit) for i in model.indicators.values()} == {
        "任务": "个",
        "资金": "万元",
    }
