"""A document's tables through the table reader: its log of what it inferred and skipped is
passed on per table (`附件 表2: …`), in the printed table's own row numbers, to stderr and as
comments in targets.yaml, as for a CSV or XLSX table."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests import documents
from tests.cli_runner import CliRunner

runner = CliRunner()
FORMATS = {"docx": documents.write_docx, "html": documents.write_html, "txt": documents.write_text}


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _noted_table() -> list[documents.Block]:
    rows = [
        ["县区", "2022年", "2023年"],
        ["全区", "30", "40"],
        ["甲街道", "10", "待定"],
        ["乙街道", "20", "25"],
        ["注：2023年甲街道的任务待定。"],
    ]
    table = documents.Grid("（一）专利申请量分解表", "单位：件", rows, spans={4: 3})
    return [documents.Para("附件"), table]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_the_table_log_is_passed_on_in_the_printed_rows(tmp_path: Path, suffix: str) -> None:
    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", _noted_table())
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert f"{document}: 附件 表1: table 「（一）专利申请量分解表」" in said
    # rows counted as the document prints the table: the header is its 第1行, 全区 its 第2行
    assert re.search(r"header: rows? 1;", said), said
    assert "total row: 全区 (row 2)" in said
    assert re.search(
        r"rows? 5 after the table (is a note|are notes), not imported: 注：2023年", said
    )
    assert re.search(r"column 2023年: 1 cells? holds? text \(待定\)", said)
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    comments = [line[2:] for line in written.splitlines() if line.startswith("# ")]
    logged = said[said.index(f"{document}: 附件 表1: table") :].splitlines()
    logged = logged[: next(i for i, line in enumerate(logged[1:], 1) if not line[:1].isspace())]
    assert [line.rstrip() for line in logged] == comments[comments.index(logged[0]) :][
        : len(logged)
    ]
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)  # the comments keep the file readable
    (indicator,) = targets.indicators.values()
    assert [str(v) if v is not None else None for v in indicator.values["甲街道"]] == ["10", None]


def test_validate_shows_the_table_log_with_verbose(tmp_path: Path) -> None:
    document = documents.write_docx(tmp_path / "plan.docx", _noted_table())
    quiet, verbose = _run("validate", document), _run("validate", "-v", document)
    assert "Traceback" not in quiet.output + verbose.output
    assert quiet.stdout == verbose.stdout  # the same findings
    assert f"{document}: 附件 表1: table 「（一）专利申请量分解表」" in verbose.stderr
    assert "total row: 全区 (row 2)" in verbose.stderr
    assert "附件 表1: table" not in quiet.stderr
    assert "read 1 breakdown table" in quiet.stderr  # what was read is said either way


def test_a_document_table_of_many_subtotals_logs_ten_and_the_file_keeps_all(
    tmp_path: Path,
) -> None:
    rows = [["县区", "2023年"], ["全区", "42"]]
    for n in range(1, 15):
        rows += [[f"（{n}）县{n}", "3"], [f"1.甲{n}", "1"], [f"2.乙{n}", "2"]]
    table = documents.Grid("（一）任务分解表", "单位：万元", rows)
    document = documents.write_docx(tmp_path / "plan.docx", [documents.Para("附件"), table])
    imported = _run("import", document, "-o", tmp_path / "out")
    assert imported.exit_code == 0, imported.output
    assert imported.stderr.count("subtotal 县") == 10
    assert "  and 4 more subtotals" in imported.stderr
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert written.count("subtotal 县") == 14
    assert "more subtotals" not in written
    # validate leaves the table reader's log, the count with it, to -v
    quiet, verbose = _run("validate", document), _run("validate", "-v", document)
    assert "subtotal 县" not in quiet.stderr
    assert "more subtotals" not in quiet.stderr
    assert verbose.stderr.count("subtotal 县") == 10
    assert "  and 4 more subtotals" in verbose.stderr


# --- a text export's layout: tab-indented paragraphs, a table's first row -------------------------
def _import_text(tmp_path: Path, text: str) -> tuple[TargetsFile, str]:
    document = tmp_path / "plan.txt"
    document.write_text(text, encoding="utf-8")
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    return targets, str(result.stderr)


def _rows_text(rows: list[list[str]]) -> str:
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


TABLE = [["县区", "2022年", "2023年"], ["全区", "30", "40"], ["甲街道", "10", "15"],
         ["乙街道", "20", "25"]]  # fmt: skip


def test_tab_indented_paragraphs_right_before_a_table(tmp_path: Path) -> None:
    """Two indented goal paragraphs (one row of two 'cells' by the tab rule) and a one-line
    paragraph, then the table with no title line between: the sentences are paragraphs, the
    table starts at its header."""
    text = (
        "一、主要目标\n\n"
        "\t到2023年，力争专利申请量达到40件。\n"
        "\t全区专利工作取得明显成效；\n\n"
        "\t各街道要加强组织领导，落实工作责任。\n\n"
        "\t（一）专利申请量分解表\n\n"
        "\t单位：件\n\n" + _rows_text(TABLE)
    )
    targets, said = _import_text(tmp_path, text)
    (indicator,) = targets.indicators.values()
    assert indicator.table == "（一）专利申请量分解表"  # the title line, read as the title
    assert indicator.unit == "件"
    assert {a: [str(v) for v in row] for a, row in indicator.values.items()} == {
        "全区": ["30", "40"], "甲街道": ["10", "15"], "乙街道": ["20", "25"],
    }  # fmt: skip
    (goal,) = targets.goals.values()  # the indented sentence is read as the goal it states
    assert (goal.value, goal.indicator) == (Decimal(40), next(iter(targets.indicators)))
    assert "header: row 1;" in said.replace("rows 1;", "row 1;")


def test_a_table_whose_first_row_has_one_cell(tmp_path: Path) -> None:
    """A merged first row (the years' span) is the table's own: kept in it, not a paragraph;
    the rows below read as ever."""
    rows = [["2022—2023年"], *TABLE]
    text = "附件\n（一）专利申请量分解表\n单位：件\n" + _rows_text(rows)
    targets, said = _import_text(tmp_path, text)
    (indicator,) = targets.indicators.values()
    assert indicator.table == "（一）专利申请量分解表"
    assert indicator.years == [2022, 2023]
    assert [str(v) for v in indicator.values["乙街道"]] == ["20", "25"]
    assert "附件 表1: table" in said


def test_an_indented_task_table_keeps_its_group_row(tmp_path: Path) -> None:
    """A task table whose first row after the header is a group row of one cell: a row of the
    table (its section), not a paragraph."""
    rows = [
        ["序号", "主要任务", "牵头单位", "责任单位"],
        ["（一）培育科技企业"],
        ["1", "培育高新技术企业", "区科工局", "各街办"],
        ["2", "引进研发机构", "区发改委", "区科工局"],
    ]
    text = "附件\n主要工作任务分解表\n" + _rows_text(rows)
    document = tmp_path / "plan.txt"
    document.write_text(text, encoding="utf-8")
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "out" / "tasks.yaml").read_text(encoding="utf-8")
    assert "title: 培育科技企业" in written
    assert written.count("- number:") == 3  # one section, two tasks


_TWO_ROW_HEADER = [
    ["县区", "2024年", "2024年", "备注"],
    ["县区", "中央资金", "省级资金", "备注"],
    ["合计", "1000", "500", ""],
    ["甲县", "600", "300", "含提前下达"],
    ["乙县", "400", "200", ""],
]


def _header_html(path: Path) -> Path:
    """县区 and 备注 merged down the two header rows, 2024年 across two columns."""
    body = (
        '<tr><td rowspan="2">县区</td><td colspan="2">2024年</td><td rowspan="2">备注</td></tr>'
        "<tr><td>中央资金</td><td>省级资金</td></tr>"
        + "".join(
            "<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>"
            for row in _TWO_ROW_HEADER[2:]
        )
    )
    above = "<p>附件</p><p>资金分配表</p><p>单位：万元</p>"
    page = f"<html><body>{above}<table>{body}</table></body></html>"
    path.write_text(page, "utf-8")
    return path


def _header_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("附件")
    document.add_paragraph("资金分配表")
    document.add_paragraph("单位：万元")
    table = document.add_table(rows=len(_TWO_ROW_HEADER), cols=4)
    for r, row in enumerate(_TWO_ROW_HEADER):
        for c, text in enumerate(row):
            if r < 2 and (c in (0, 3) or (r == 0 and c == 2)):
                continue  # filled by the merges below
            table.cell(r, c).text = text
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 3).text = "县区", "2024年", "备注"
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 3).merge(table.cell(1, 3))
    document.save(str(path))
    return path


@pytest.mark.parametrize("write", [_header_html, _header_docx], ids=["html", "docx"])
def test_a_merge_beside_another_does_not_widen_it(tmp_path: Path, write: Any) -> None:
    """省级资金 stands left of the position 备注's merge covers: that position is 备注's, so the
    column is 备注 (notes), not a second 省级资金 (was `column 备注 / 省级资金`)."""
    suffix = "html" if write is _header_html else "docx"
    out = tmp_path / "targets.yaml"
    result = _run("import", write(tmp_path / f"plan.{suffix}"), "-o", out)
    assert result.exit_code == 0, result.output
    assert "column 备注: text" in result.output
    assert "备注 / " not in result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    assert sorted(i.name for i in model.indicators.values()) == ["中央资金", "省级资金"]
    notes = {area: text for i in model.indicators.values() for area, text in i.notes.items()}
    assert notes == {"甲县": "含提前下达"}


def _of_which_table(central: str) -> list[documents.Block]:
    rows = [
        ["县区", "下达资金"],
        ["合计", "900"],
        ["其中：中央资金", central],
        ["甲县", "400"],
        ["乙县", "500"],
    ]
    return [documents.Grid("2025年以工代赈资金分配表", "单位：万元", rows)]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_a_document_table_s_of_which_row_is_a_part_of_its_whole(
    tmp_path: Path, suffix: str
) -> None:
    """The 其中 row of a document's table is written under `of_which:` as a CSV import
    writes it: it was left out, and validate took the row for an unknown area (PC030)."""
    ok = FORMATS[suffix](tmp_path / f"ok.{suffix}", _of_which_table("600"))
    assert _run("import", ok, "-o", tmp_path / "ok").exit_code == 0
    targets = load_file(tmp_path / "ok" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert targets.of_which == {"合计": ["合计其中：中央资金"]}
    checked = _run("validate", tmp_path / "ok", "-f", "json")
    assert checked.exit_code == 0, checked.stdout
    bad = FORMATS[suffix](tmp_path / f"bad.{suffix}", _of_which_table("950"))
    assert _run("import", bad, "-o", tmp_path / "bad").exit_code == 0
    found = _run("validate", tmp_path / "bad", "-f", "json")
    codes = [f["code"] for f in json.loads(found.stdout)["findings"]]
    assert codes == ["PC109"], found.stdout  # 950 above its whole 900, and nothing else
