"""Old Excel (.xls) and OpenDocument (.ods) workbooks are read as XLSX is (issue 14 §8): the same
grid (merged cells, bold, indents), numbers as they are shown, the same limits for hostile files,
and a clear exit 2 for a broken one. The files are written by the tests (tests/xlsfile.py,
tests/odsfile.py); corpus tables from tests/tables/ give the same plan as their CSV.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from planchk.cli import app
from planchk.importers import grid
from planchk.importers.ods import read_ods
from planchk.importers.xls import read_xls
from tests.cli_runner import CliRunner
from tests.corpus import TABLES, as_excel, expectations
from tests.odsfile import OdsCell, OdsSheet, content_xml, ods_bytes
from tests.xlsfile import XlsCell, XlsSheet, xls_bytes

runner = CliRunner()
CASES = [
    "07_chinese_numbered_levels",
    "09_indented_levels",
    "11_of_which_rows",
    "13_total_column",
    "16_traditional_characters",
    "20_percent_cells",
    "24_two_row_header",
    "32_binary_floats_and_bold",
]


def _records(case: str) -> list[tuple[int, int, str, int]]:
    """The CSV's non-blank cells: row, column, text without its indentation, the indentation."""
    with (TABLES / f"{case}.csv").open(encoding="utf-8", newline="") as handle:
        return [
            (row, column, text.lstrip("\u3000 "), len(text) - len(text.lstrip("\u3000 ")))
            for row, record in enumerate(csv.reader(handle), 1)
            for column, text in enumerate(record, 1)
            if text.strip()
        ]


def _address(name: str) -> tuple[int, int]:
    letters = name.rstrip("0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(name[len(letters) :]), column


def _merges(case: str) -> list[tuple[int, int, int, int]]:
    bounds = []
    for text in expectations(TABLES / f"{case}.csv").get("xlsx", {}).get("merge", []):
        (r1, c1), (r2, c2) = (_address(part) for part in text.split(":"))
        bounds.append((r1, c1, r2, c2))
    return bounds


def _xls(case: str, path: Path) -> Path:
    """The table as someone typed it into old Excel: numbers with the format that prints them
    as the CSV does, the XLSX form's stored floats, bold labels and merged header cells."""
    extra = expectations(TABLES / f"{case}.csv").get("xlsx", {})
    stored = {_address(name): value for name, value in extra.get("values", {}).items()}
    bold = {_address(name) for name in extra.get("bold", [])}
    covered = {
        (r, c)
        for r1, c1, r2, c2 in _merges(case)
        for r in range(r1, r2 + 1)
        for c in range(c1, c2 + 1)
        if (r, c) != (r1, c1)
    }
    cells = []
    for row, column, text, indent in _records(case):
        if (row, column) in covered:
            continue
        value, number_format = as_excel(text)
        if (row, column) in stored:
            value, number_format = stored[(row, column)], "General"
        xls_value = float(value) if isinstance(value, int) else value
        cells.append(XlsCell(row, column, xls_value, number_format or "General",
                             (row, column) in bold, indent))  # fmt: skip
    path.write_bytes(xls_bytes([XlsSheet("Sheet1", cells, _merges(case))]))
    return path


def _ods(case: str, path: Path) -> Path:
    """The table as LibreOffice saves it: each number's stored value beside the text it shows
    (the CSV's), merged header cells spanning, indents as margins."""
    spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in _merges(case)}
    covered = {(r1 + r, c1 + c) for (r1, c1), (down, wide) in spans.items()
               for r in range(down) for c in range(wide) if (r, c) != (0, 0)}  # fmt: skip
    cells = []
    for row, column, text, indent in _records(case):
        if (row, column) in covered:
            continue
        value, number_format = as_excel(text)
        kind = "percentage" if number_format and "%" in number_format else "float"
        stored = None if isinstance(value, str) else repr(value)
        span = spans.get((row, column), (1, 1))
        cells.append(OdsCell(row, column, text, stored, kind, indent=indent, span=span))
    path.write_bytes(ods_bytes([OdsSheet("Sheet1", cells)]))
    return path


def _plan(source: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    loaded: dict[str, Any] = yaml.safe_load(result.stdout)
    return loaded


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("form", ["xls", "ods"])
def test_a_corpus_table_gives_the_plan_its_csv_gives(case: str, form: str, tmp_path: Path) -> None:
    folder = tmp_path / form
    folder.mkdir()
    write = _xls if form == "xls" else _ods
    source = write(case, folder / f"{case}.{form}")
    from_csv = _plan(TABLES / f"{case}.csv")
    assert _plan(source) == from_csv
    assert from_csv["indicators"]  # a plan with values, not two empty documents


# --- numbers as shown, the grid's cells -----------------------------------------------------


def test_xls_numbers_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "t.xls"
    cells = [
        XlsCell(1, 1, "地区"), XlsCell(1, 2, "2024年"),
        XlsCell(2, 1, "合计", bold=True), XlsCell(2, 2, 3.3000000000000003, "0.0"),
        XlsCell(3, 1, "甲", indent=2), XlsCell(3, 2, 1234.5, "#,##0.00"),
        XlsCell(4, 1, "乙"), XlsCell(4, 2, 0.1 + 0.2),
        XlsCell(5, 1, "丙"), XlsCell(5, 2, 0.125, "0.0%"),
    ]  # fmt: skip
    path.write_bytes(xls_bytes([XlsSheet("表", cells, [(6, 1, 6, 2)]), XlsSheet("空")]))
    [sheet] = read_xls(path, ["表"], 10**6)
    shown = {(c.row, c.column): (c.text, c.bold, c.indent) for row in sheet.rows for c in row}
    assert shown[(2, 2)] == ("3.3", False, 0)
    assert shown[(2, 1)] == ("合计", True, 0)
    assert shown[(3, 1)] == ("甲", False, 2)
    assert shown[(3, 2)][0] == "1234.50"  # grouping is not printed back, as for XLSX
    assert shown[(4, 2)][0] == "0.3"  # 0.30000000000000004 at 15 significant digits
    assert shown[(5, 2)][0] == "12.5%"
    assert sheet.source.endswith("sheet 表")


def test_ods_numbers_prefer_the_shown_text_where_it_is_a_number(tmp_path: Path) -> None:
    path = tmp_path / "t.ods"
    cells = [
        OdsCell(1, 1, "地区", span=(1, 2)),
        OdsCell(2, 1, "合计", bold=True), OdsCell(2, 2, "3.30", "3.3000000000000003"),
        OdsCell(3, 1, "甲", indent=1), OdsCell(3, 2, "1,234.50", "1234.5"),
        OdsCell(4, 1, "乙"), OdsCell(4, 2, "¥1,000.00", "1000", "currency"),
        OdsCell(5, 1, "丙"), OdsCell(5, 2, "12.50%", "0.125", "percentage"),
        OdsCell(6, 1, "丁"), OdsCell(6, 2, "###", "0.30000000000000004"),
    ]  # fmt: skip
    path.write_bytes(ods_bytes([OdsSheet("表", cells)]))
    [sheet] = read_ods(path, [], 10**6)
    shown = {(c.row, c.column): (c.text, c.merged, c.bold, c.indent) for r in sheet.rows for c in r}
    assert shown[(1, 2)] == ("地区", True, False, 0)  # the merge's text in each cell it covers
    assert shown[(2, 1)] == ("合计", False, True, 0)
    assert shown[(3, 1)] == ("甲", False, False, 1)
    shown_numbers = [shown[(r, 2)][0] for r in range(2, 7)]
    assert shown_numbers == ["3.30", "1,234.50", "¥1,000.00", "12.50%", "0.3"]
    assert len(sheet.rows) == 6  # the million blank rows LibreOffice writes add nothing


def test_a_sheet_is_chosen_by_name_and_a_missing_one_named(tmp_path: Path) -> None:
    table = [OdsCell(1, 1, "单位：个"), OdsCell(2, 1, "地区"), OdsCell(2, 2, "2024年"),
             OdsCell(3, 1, "合计"), OdsCell(3, 2, "3", "3"), OdsCell(4, 1, "甲"),
             OdsCell(4, 2, "3", "3")]  # fmt: skip
    path = tmp_path / "t.ods"
    path.write_bytes(
        ods_bytes([OdsSheet("说明", [OdsCell(1, 1, "本表说明")]), OdsSheet("表2", table)])
    )
    result = runner.invoke(app, ["import", str(path), "--sheet", "表2"])
    assert result.exit_code == 0, result.output
    assert "甲: [3]" in result.stdout
    piped = runner.invoke(
        app, ["import", "-", "--stdin-filename", "t.ods"], input=path.read_bytes()
    )
    assert piped.exit_code == 0, piped.output
    assert "甲: [3]" in piped.stdout
    result = runner.invoke(app, ["import", str(path), "--sheet", "表9"])
    assert result.exit_code == 2
    assert "表9" in result.stderr
    assert "说明、表2" in result.stderr


# --- hostile and broken files ----------------------------------------------------------------


def _refused(path: Path, *expected: str) -> str:
    result = runner.invoke(app, ["import", str(path), "--unit", "件"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for word in expected:
        assert word in result.stderr, result.stderr
    return result.stderr


def _ods_content(path: Path, table: str) -> Path:
    sheet = f'<table:table table:name="表">{table}</table:table>'
    xml = content_xml([]).replace("<office:spreadsheet></office:spreadsheet>",
                                  f"<office:spreadsheet>{sheet}</office:spreadsheet>")  # fmt: skip
    path.write_bytes(ods_bytes([], xml))
    return path


def _cell(attributes: str = "") -> str:
    return (f'<table:table-cell {attributes} office:value-type="float" office:value="1">'
            "<text:p>1</text:p></table:table-cell>")  # fmt: skip


def test_ods_repeats_are_counted_before_they_are_expanded(tmp_path: Path) -> None:
    wide = _cell('table:number-columns-repeated="1000000000"')
    _refused(_ods_content(tmp_path / "w.ods", f"<table:table-row>{wide}</table:table-row>"),
             "holds 1000000000 cells")  # fmt: skip
    tall = f'<table:table-row table:number-rows-repeated="1000000">{_cell()}</table:table-row>'
    _refused(_ods_content(tmp_path / "tall.ods", tall), "holds 1000000 cells")
    spans = 'table:number-rows-spanned="100000" table:number-columns-spanned="1000"'
    merged = f"<table:table-row>{_cell(spans)}</table:table-row>"
    _refused(_ods_content(tmp_path / "merged.ods", merged), "merged ranges cover 100000000 cells")


def test_ods_and_xls_cells_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grid, "MAX_CELLS", 100)
    many = [OdsCell(r, c, str(r), str(r)) for r in range(1, 30) for c in range(1, 5)]
    (tmp_path / "t.ods").write_bytes(ods_bytes([OdsSheet("表", many)]))
    _refused(tmp_path / "t.ods", "holds 101 cells")
    (tmp_path / "t.xls").write_bytes(
        xls_bytes(
            [XlsSheet("表", [XlsCell(r, c, float(r)) for r in range(1, 30) for c in range(1, 5)])]
        )
    )

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("xlrd read the sheet's cells")

    import xlrd.sheet

    monkeypatch.setattr(xlrd.sheet.Sheet, "read", never)
    _refused(tmp_path / "t.xls", "holds 116 cells")


def test_an_xls_cell_far_out_is_refused_from_its_records(tmp_path: Path) -> None:
    cells = [XlsCell(1, 1, "地区"), XlsCell(65536, 256, 1.0)]
    (tmp_path / "far.xls").write_bytes(xls_bytes([XlsSheet("表", cells)]))
    _refused(tmp_path / "far.xls", "spans A1:IV65536")


def test_an_ods_zip_bomb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", b" " * (300 * 1024 * 1024))
    _refused(path, "unpack to 314572846 bytes")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("t.ods", b"not a zip", "not an .ods file"),
        ("t.xls", b"not an OLE file", "not an .xls workbook"),
        (
            "t.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            "not a readable .xls workbook",
        ),
    ],
)
def test_broken_files_exit_2_saying_what(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    (tmp_path / name).write_bytes(content)
    _refused(tmp_path / name, expected)


def test_broken_ods_parts_exit_2_saying_what(tmp_path: Path) -> None:
    _refused(_ods_content(tmp_path / "x.ods", "<table:table-row>"), "not a readable .ods")
    bad = '<table:table-row table:number-rows-repeated="many"><table:table-cell/></table:table-row>'
    _refused(_ods_content(tmp_path / "n.ods", bad), "not a readable .ods")
    text = tmp_path / "text.ods"
    with zipfile.ZipFile(text, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    _refused(text, "not an OpenDocument spreadsheet")


def test_an_xlsx_named_xls_is_read_as_xlsx(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["单位：个"], ["地区", "2024年"], ["合计", 3], ["甲", 1], ["乙", 2]):
        sheet.append(row)
    book.save(tmp_path / "t.xlsx")
    (tmp_path / "t.xlsx").rename(tmp_path / "t.xls")
    result = runner.invoke(app, ["import", str(tmp_path / "t.xls")])
    assert result.exit_code == 0, result.output
    assert "乙: [2]" in result.stdout
