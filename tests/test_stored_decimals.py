"""XLSX cells in the General number format show each value as stored (importers/stored.py):
their differing decimals (3.5, 4.25, 10) are the values' own, so import writes the indicator
`decimals: stored` and PC403 (mixed precision) stays quiet; a fixed format (0.00) prints the
digits chosen, and differing fixed formats are still PC403's to ask about."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from planchk.models import TargetsFile
from tests.helpers import imported_and_validated

ROWS = [("合计", 17.75, 12.0), ("甲县", 3.5, 2.5), ("乙县", 4.25, 4.5), ("丙县", 10, 5.0)]


def _book(tmp_path: Path, formats: dict[str, list[str]]) -> Path:
    """A table of two category columns, each cell in the number format `formats` gives its
    column (one per row, from the total down)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2024年补助资金表"])
    sheet.append(["单位：万元"])
    sheet.append(["地区", "中央资金", "省级资金"])
    for position, (name, first, second) in enumerate(ROWS):
        sheet.append([name, first, second])
        for column, letter in ((2, "B"), (3, "C")):
            sheet.cell(position + 4, column).number_format = formats[letter][position]
    path = tmp_path / "t.xlsx"
    book.save(path)
    return path


def _by_name(model: TargetsFile) -> dict[str, Any]:
    return {indicator.name: indicator for indicator in model.indicators.values()}


def test_a_general_column_is_written_stored_and_pc403_stays_quiet(tmp_path: Path) -> None:
    general = ["General"] * 4
    done = imported_and_validated(
        tmp_path, _book(tmp_path, {"B": general, "C": ["0.0"] * 4}), expect=0
    )
    found = _by_name(done.targets)
    assert found["中央资金"].decimals == "stored"
    assert found["中央资金"].values["丙县"] == [Decimal(10)]  # shown as stored: 10, not 10.00
    assert found["中央资金"].values["乙县"] == [Decimal("4.25")]
    assert found["省级资金"].decimals is None  # 0.0 prints one decimal in every cell
    assert "中央资金: its cells are in the General number format" in done.log
    assert "省级资金: its cells" not in done.log
    assert [f["code"] for f in done.findings] == []


def test_a_fixed_format_column_prints_the_digits_chosen(tmp_path: Path) -> None:
    fixed = ["0.00"] * 4
    done = imported_and_validated(
        tmp_path, _book(tmp_path, {"B": fixed, "C": ["0.0"] * 4}), expect=0
    )
    central = _by_name(done.targets)["中央资金"]
    assert central.decimals is None
    assert central.values["丙县"] == [Decimal("10.00")]
    assert [f["code"] for f in done.findings] == []


def test_fixed_formats_that_differ_are_still_asked_about(tmp_path: Path) -> None:
    mixed = ["0.00", "0.0", "0.00", "0"]  # 17.75, 3.5, 4.25, 10: the digits someone chose
    done = imported_and_validated(
        tmp_path, _book(tmp_path, {"B": mixed, "C": ["0.0"] * 4}), expect=0
    )
    assert _by_name(done.targets)["中央资金"].decimals is None
    assert [(f["code"], f["args"]["name"]) for f in done.findings] == [("PC403", "中央资金")]


def test_one_fixed_cell_in_a_general_column_keeps_the_question(tmp_path: Path) -> None:
    partly = ["General", "General", "0.00", "General"]  # 4.25 printed to two places by choice
    done = imported_and_validated(
        tmp_path, _book(tmp_path, {"B": partly, "C": ["0.0"] * 4}), expect=0
    )
    assert _by_name(done.targets)["中央资金"].decimals is None
    assert [f["code"] for f in done.findings] == ["PC403"]


def test_a_csv_never_says_stored(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "表\n单位：万元\n地区,2024年\n合计,17.75\n甲县,3.5\n乙县,4.25\n丙县,10\n",
        expect=0,
    )
    assert [i.decimals for i in done.targets.indicators.values()] == [None]
    assert [f["code"] for f in done.findings] == ["PC403"]


# --- every reader that has the mark carries it (.xls, .ods, and the grids import splits) ----


def _xls_table(tmp_path: Path, formats: dict[str, list[str]]) -> Path:
    """The table of _book in an old .xls workbook, each number cell in the format given."""
    from tests.xlsfile import XlsCell, XlsSheet, xls_bytes

    cells = [XlsCell(1, 1, "2024年补助资金表"), XlsCell(2, 1, "单位：万元")]
    cells += [XlsCell(3, c, t) for c, t in ((1, "地区"), (2, "中央资金"), (3, "省级资金"))]
    for position, (name, first, second) in enumerate(ROWS):
        row = position + 4
        cells.append(XlsCell(row, 1, name))
        cells.append(XlsCell(row, 2, float(first), formats["B"][position]))
        cells.append(XlsCell(row, 3, float(second), formats["C"][position]))
    path = tmp_path / "t.xls"
    path.write_bytes(xls_bytes([XlsSheet("Sheet1", cells)]))
    return path


def test_an_xls_general_column_is_written_stored(tmp_path: Path) -> None:
    general, fixed = ["General"] * 4, ["0.0"] * 4
    done = imported_and_validated(
        tmp_path, _xls_table(tmp_path, {"B": general, "C": fixed}), expect=0
    )
    found = _by_name(done.targets)
    assert (found["中央资金"].decimals, found["省级资金"].decimals) == ("stored", None)
    assert found["中央资金"].values["丙县"] == [Decimal(10)]
    assert "中央资金: its cells are in the General number format" in done.log
    assert done.findings == []


def test_an_xls_fixed_cell_in_a_general_column_keeps_the_question(tmp_path: Path) -> None:
    partly = ["General", "General", "0.00", "General"]
    done = imported_and_validated(
        tmp_path, _xls_table(tmp_path, {"B": partly, "C": ["0.0"] * 4}), expect=0
    )
    assert _by_name(done.targets)["中央资金"].decimals is None
    assert [f["code"] for f in done.findings] == ["PC403"]


def _ods_table(tmp_path: Path, shown: dict[str, list[str]]) -> Path:
    """The table of _book in an .ods file, each number cell showing the text given (its
    stored office:value the number of ROWS)."""
    from tests.odsfile import OdsCell, OdsSheet, ods_bytes

    cells = [OdsCell(1, 1, "2024年补助资金表"), OdsCell(2, 1, "单位：万元")]
    cells += [OdsCell(3, c, t) for c, t in ((1, "地区"), (2, "中央资金"), (3, "省级资金"))]
    for position, (name, first, second) in enumerate(ROWS):
        row = position + 4
        cells.append(OdsCell(row, 1, name))
        cells.append(OdsCell(row, 2, shown["B"][position], str(first)))
        cells.append(OdsCell(row, 3, shown["C"][position], str(second)))
    path = tmp_path / "t.ods"
    path.write_bytes(ods_bytes([OdsSheet("Sheet1", cells)]))
    return path


def test_an_ods_column_that_shows_its_values_as_stored_is_written_stored(tmp_path: Path) -> None:
    as_stored = ["17.75", "3.5", "4.25", "10"]  # LibreOffice's General: each value as it is
    fixed = ["12.0", "2.5", "4.5", "5.0"]  # 0.0: one decimal chosen for every cell
    done = imported_and_validated(
        tmp_path, _ods_table(tmp_path, {"B": as_stored, "C": fixed}), expect=0
    )
    found = _by_name(done.targets)
    assert (found["中央资金"].decimals, found["省级资金"].decimals) == ("stored", None)
    assert "中央资金: its cells are in the General number format" in done.log
    assert done.findings == []


def test_an_ods_cell_padded_by_its_format_keeps_the_question(tmp_path: Path) -> None:
    padded = ["17.75", "3.5", "4.25", "10.0"]  # 10 shown 10.0: a format chose that digit
    done = imported_and_validated(
        tmp_path, _ods_table(tmp_path, {"B": padded, "C": ["12.0", "2.5", "4.5", "5.0"]}), expect=0
    )
    assert _by_name(done.targets)["中央资金"].decimals is None
    assert [f["code"] for f in done.findings] == ["PC403"]


def _sheet(tmp_path: Path, lines: list[list[object]]) -> Path:
    """An XLSX sheet of `lines`, every number in the General format (openpyxl's default)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in lines:
        sheet.append(line)
    path = tmp_path / "t.xlsx"
    book.save(path)
    return path


def test_general_marks_go_with_each_of_two_stacked_tables(tmp_path: Path) -> None:
    lines: list[list[object]] = [
        ["表1 2024年补助资金分配表"], ["单位：万元"], ["县区", "补助资金"],
        ["合计", 17.75], ["甲县", 3.5], ["乙县", 4.25], ["丙县", 10],
        ["表2 2024年贴息资金分配表"], ["单位：万元"], ["县区", "贴息资金"],
        ["合计", 8.25], ["甲县", 1.5], ["乙县", 2.75], ["丙县", 4],
    ]  # fmt: skip
    source = _sheet(tmp_path, lines)
    done = imported_and_validated(tmp_path, source, expect=0)
    assert "2 tables one under another" in done.log
    found = _by_name(done.targets)
    assert (found["补助资金"].decimals, found["贴息资金"].decimals) == ("stored", "stored")
    assert done.findings == []


def test_general_marks_go_with_each_half_of_a_side_by_side_table(tmp_path: Path) -> None:
    lines: list[list[object]] = [
        ["2025年部门收支预算总表"], ["单位：万元"], ["收入项目", "预算数", "支出项目", "预算数"],
        ["一般公共预算拨款收入", 800.5, "一般公共服务支出", 500.25],
        ["政府性基金预算拨款收入", 200.25, "教育支出", 300.5],
        ["事业收入", 100, "社会保障和就业支出", 300],
        ["收入合计", 1100.75, "支出合计", 1100.75],
    ]  # fmt: skip
    source = _sheet(tmp_path, lines)
    done = imported_and_validated(tmp_path, source, expect=0)
    assert "two tables side by side" in done.log
    found = _by_name(done.targets)
    assert (found["收入预算数"].decimals, found["支出预算数"].decimals) == ("stored", "stored")
    assert done.findings == []
