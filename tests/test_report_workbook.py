"""The XLSX report's own workbook writer (formatters/report/workbook.py, issue 17): what a
reader gets back, a workbook every part of which is declared and well-formed, text that stays
text, and memory that does not grow with the comments."""

from __future__ import annotations

import io
import re
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from planchk.formatters.report.ooxml import BOLD, MAIN, Style
from planchk.formatters.report.workbook import Book, Cell, Value
from tests.test_round_trips import printed, report_and_back

FORMULAS = [
    "=甲区",
    "+乙区",
    "-丙区",
    "@丁区",
    '=HYPERLINK("http://e.example","y")',
    "=cmd|' /C calc'!A0",
]


def _book(*rows: Sequence[Value], freeze: str | None = "B2") -> bytes:
    buffer = io.BytesIO()
    book = Book(buffer)
    with book.sheet("表 <1> & 'x'") as sheet:
        for row in rows:
            sheet.row(row)
        sheet.widths, sheet.freeze = {1: 30, 3: 12.5}, freeze
    with book.sheet("Findings") as sheet:
        sheet.row([Cell("Where", BOLD)])
    book.close()
    return buffer.getvalue()


def _comment(cell: Any) -> str:
    assert cell.comment is not None
    text: str = cell.comment.text
    return text


def test_what_openpyxl_reads_back() -> None:
    data = _book(
        [Cell("标题", BOLD, "第一行\r\n第二行\x1b")],
        ["名称", 2021, None, ""],
        [
            Cell("甲", Style(indent=3, fill="F8D0D0"), "PC101 error: 差 1"),
            Cell(Decimal("6.0"), Style(bold=True, number_format="0.0")),
            Cell(Decimal("0.098"), Style(number_format="0.000")),
            Cell(None, Style(fill="D8E6FB"), "blank, with a comment"),
        ],
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["表 <1> & 'x'", "Findings"]
    sheet = book.worksheets[0]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["标题", None, None, None],
        ["名称", 2021, None, None],  # an empty text is a blank, as openpyxl writes it
        ["甲", 6.0, 0.098, None],
    ]
    assert [sheet[c].font.b for c in ("A1", "B3", "A2", "A3")] == [True, True, False, False]
    assert _comment(sheet["A1"]) == "第一行\r\n第二行\\x1b"  # \r kept, ESC as its escape
    assert (sheet["B3"].number_format, sheet["C3"].number_format) == ("0.0", "0.000")
    assert sheet["A3"].alignment.indent == 3
    assert sheet["A3"].fill.fgColor.rgb.endswith("F8D0D0")
    assert sheet["D3"].fill.fgColor.rgb.endswith("D8E6FB")
    assert _comment(sheet["D3"]) == "blank, with a comment"
    assert sheet.freeze_panes == "B2"
    widths = {k: d.width for k, d in sheet.column_dimensions.items() if d.customWidth}
    assert widths == {"A": 30, "C": 12.5}
    assert book["Findings"]["A1"].value == "Where"
    assert book["Findings"].freeze_panes is None


def test_every_part_is_declared_and_well_formed() -> None:
    data = _book([Cell("a", comment="note")], [Cell("b", comment="other")], freeze="A2")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        types = ET.fromstring(archive.read("[Content_Types].xml"))
        declared = {e.get("PartName", "") for e in types} - {""}
        extensions = {e.get("Extension", "") for e in types} - {""}
        for name in names:
            text = archive.read(name)
            ET.fromstring(text)  # each part parses (the VML too)
            if name != "[Content_Types].xml":
                assert "/" + name in declared or name.rsplit(".", 1)[1] in extensions, name
        for part in declared:
            assert part.lstrip("/") in names
        # No entry carries zip's 64-bit extension: Excel refuses it on entries this small.
        assert [(i.extra, i.extract_version) for i in archive.infolist()] == [(b"", 20)] * len(
            names
        )
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        assert '<dimension ref="A1:A2"/>' in sheet
        assert '<legacyDrawing r:id="anysvml"/>' in sheet
        assert "legacyDrawing" not in archive.read("xl/worksheets/sheet2.xml").decode()
        vml = archive.read("xl/drawings/commentsDrawing1.vml").decode()
        assert re.findall(r"<x:Row>(\d+)</x:Row>", vml) == ["0", "1"]
    assert data == _book([Cell("a", comment="note")], [Cell("b", comment="other")], freeze="A2")


def test_text_that_looks_like_a_formula_is_text() -> None:
    data = _book(FORMULAS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert [(c.value, c.data_type) for c in sheet[1]] == [(name, "s") for name in FORMULAS]


def test_formula_names_stay_text_in_the_report_and_import_back(tmp_path: Path) -> None:
    """Area and indicator names starting with = + - @: the XLSX report holds them as text
    (no formula cell in any sheet), and imports back to the same plan."""
    plan = tmp_path / "plan"
    plan.mkdir()
    rows = "".join(f"      '{name.replace(chr(39), chr(39) * 2)}': [1, 2]\n" for name in FORMULAS)
    parts = ", ".join("'" + name.replace("'", "''") + "'" for name in FORMULAS)
    (plan / "targets.yaml").write_text(
        f"plan: {{title: 测试, period: [2021, 2022]}}\nareas:\n  全区: [{parts}]\n"
        "indicators:\n  x:\n    name: '=指标'\n    unit: 件\n    kind: flow\n"
        f"    years: [2021, 2022]\n    values:\n      全区: [6, 12]\n{rows}",
        encoding="utf-8",
    )
    back = report_and_back(plan, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert {c.value for c in cells} >= {*FORMULAS, "=指标"}
    assert printed(back) == printed(plan / "targets.yaml")
    assert list(printed(back)["areas"]["全区"]) == FORMULAS


def test_comments_do_not_grow_memory_as_openpyxl_did() -> None:
    """40,000 comments took openpyxl's report to 422 MB (about 7.7 KB each while saving):
    here they wait in temporary files. 20,000 commented cells, each with a long note."""
    note = "PC101 error: the parts add up to 41, not to the total printed 40\n" * 3
    tracemalloc.start()
    try:
        buffer = io.BytesIO()
        book = Book(buffer)
        with book.sheet("t") as sheet:
            for line in range(20_000):
                sheet.row([f"区{line}", Cell(Decimal(line), comment=note)])
        book.close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak - len(buffer.getvalue()) < 20 * 1024 * 1024  # openpyxl: 7.7 KB a comment, 150 MB
    with zipfile.ZipFile(buffer) as archive:
        comments = ET.fromstring(archive.read("xl/comments/comment1.xml"))
        shapes = archive.read("xl/drawings/commentsDrawing1.vml").decode()
    found = {c.get("ref"): "".join(c.itertext()) for c in comments.iter(f"{{{MAIN}}}comment")}
    assert len(found) == 20_000
    assert found["B20000"] == note
    assert shapes.count("<x:Row>") == 20_000
    assert re.search(r'data="1,2,3,[0-9,]*20"', shapes)  # 20,000 shapes from 1025 to 21024
