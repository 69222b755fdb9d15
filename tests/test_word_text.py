"""A Word table's cells as Word shows them with the document's changes accepted, as the CSV
saved from it holds them: a field's result (a total computed by =SUM(ABOVE)), a tracked
insertion, a content control and a smart tag are text of the cell (python-docx's `text` reads
none of them: the cell was blank); a tracked deletion, a deleted row and hidden text are not;
a table that a content control holds is read (python-docx's body content skipped it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

runner = CliRunner()
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CHANGE = 'w:author="审核人" w:date="2025-03-01T00:00:00Z"'


def _run_xml(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


# how each cell's figure is stored: the wrapper Word puts around the run that prints it
WRAPPED = {
    "field": lambda t: f'<w:fldSimple {W} w:instr=" =SUM(BELOW) ">{_run_xml(t)}</w:fldSimple>',
    "inserted": lambda t: (
        f'<w:del {W} w:id="1" {CHANGE}><w:r><w:delText>999</w:delText></w:r></w:del>'
        f'<w:ins {W} w:id="2" {CHANGE}>{_run_xml(t)}</w:ins>'
    ),
    "control": lambda t: f"<w:sdt {W}><w:sdtContent>{_run_xml(t)}</w:sdtContent></w:sdt>",
    "smart_tag": lambda t: f'<w:smartTag {W} w:uri="u" w:element="e">{_run_xml(t)}</w:smartTag>',
    "hidden_note": lambda t: (
        f"{_run_xml(t)}<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t>（原为999）</w:t></w:r>"
    ),
    "complex_field": lambda t: (
        f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r {W}><w:instrText xml:space="preserve"> =SUM(BELOW) </w:instrText></w:r>'
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r {W}><w:t>{t}</w:t></w:r><w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'
    ),
}
ROWS = [["县区", "2024年", "2025年"], ["全县", "90", "110"], ["甲镇", "40", "50"],
        ["乙镇", "50", "60"]]  # fmt: skip


def _document(path: Path, wrapped: str | None, deleted_row: bool = False) -> Path:
    """The table, its total row's figures stored as `wrapped` says (plain runs if None), and
    with `deleted_row` a row 丙镇 that a reviewer deleted with tracked changes on."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for line in ("附件", "公共厕所改造任务分解表", "单位：座"):
        document.add_paragraph(line)
    rows = [*ROWS, ["丙镇", "70", "80"]] if deleted_row else ROWS
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if wrapped is not None and r == 1 and c > 0:
                paragraph = table.cell(r, c).paragraphs[0]._p
                for element in parse_xml(f"<w:p {W}>{WRAPPED[wrapped](text)}</w:p>"):
                    paragraph.append(element)
            else:
                table.cell(r, c).text = text
    if deleted_row:
        row_properties = table.rows[len(rows) - 1]._tr.get_or_add_trPr()
        row_properties.append(parse_xml(f'<w:del {W} w:id="9" {CHANGE}/>'))
    document.save(str(path))
    return path


def _values(path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["import", str(path), "-o", str(path.parent / "out")])
    assert result.exit_code == 0, result.output
    targets = load_file(path.parent / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (indicator,) = targets.indicators.values()
    return {area: [str(v) for v in row] for area, row in indicator.values.items()}


PRINTED = {"全县": ["90", "110"], "甲镇": ["40", "50"], "乙镇": ["50", "60"]}


def test_a_plain_table_reads_as_printed(tmp_path: Path) -> None:
    assert _values(_document(tmp_path / "plan.docx", None)) == PRINTED


def test_a_total_in_a_field_or_a_tracked_change_reads_as_word_shows_it(tmp_path: Path) -> None:
    for name in WRAPPED:
        folder = tmp_path / name
        folder.mkdir()
        assert _values(_document(folder / "plan.docx", name)) == PRINTED, name


def test_a_row_deleted_with_tracked_changes_is_not_read(tmp_path: Path) -> None:
    assert _values(_document(tmp_path / "plan.docx", None, deleted_row=True)) == PRINTED


def test_a_goal_corrected_with_tracked_changes_reads_corrected(tmp_path: Path) -> None:
    """The paragraphs too: a goal whose figure a reviewer changed (990 deleted, 110 inserted)."""
    import docx
    from docx.oxml import parse_xml

    path = _document(tmp_path / "plan.docx", None)
    document = docx.Document(str(path))
    heading = document.paragraphs[0].insert_paragraph_before("一、主要目标")
    said = _run_xml("2025年，全县改造公共厕所") + WRAPPED["inserted"]("110") + _run_xml("座。")
    heading._p.addnext(parse_xml(f"<w:p {W}>{said}</w:p>"))
    document.save(str(path))
    _values(path)
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (read,) = targets.goals.values()
    assert (read.text, str(read.value), read.year) == ("2025年，全县改造公共厕所110座", "110", 2025)


def test_a_table_inside_a_content_control_is_read(tmp_path: Path) -> None:
    """A template's annex held in a block content control (<w:sdt> around the title, the unit
    line and the table): python-docx's body content skips it, and the table was not read."""
    import docx
    from docx.oxml import parse_xml

    path = _document(tmp_path / "plan.docx", None)
    document = docx.Document(str(path))
    body = document.element.body
    control = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    first = document.paragraphs[1]._p  # the title; the annex line stays outside
    first.addprevious(control)
    for element in [first, document.paragraphs[2]._p, document.tables[0]._tbl]:
        control[1].append(element)  # moved into the control, in order
    assert len(body.findall(f"{{{docx.oxml.ns.nsmap['w']}}}tbl")) == 0
    document.save(str(path))
    assert _values(path) == PRINTED
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert [(i.name, i.unit) for i in targets.indicators.values()] == [("公共厕所改造", "座")]


def test_a_cell_whose_paragraph_is_inside_a_content_control(tmp_path: Path) -> None:
    """A form's cell holds its paragraph in a content control (<w:tc><w:sdt>…<w:p>): the
    cell's paragraphs in python-docx skip it, and the figure read blank."""
    import docx
    from docx.oxml import parse_xml

    path = _document(tmp_path / "plan.docx", None)
    document = docx.Document(str(path))
    tc = document.tables[0].cell(1, 2)._tc  # 全县 2025年: 110
    paragraph = tc.findall(f"{{{docx.oxml.ns.nsmap['w']}}}p")[0]
    control = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    paragraph.addprevious(control)
    control[1].append(paragraph)
    control.addnext(parse_xml(f"<w:p {W}/>"))  # a cell ends with a paragraph of its own
    document.save(str(path))
    assert _values(path) == PRINTED


def test_rows_and_cells_inside_content_controls_are_read(tmp_path: Path) -> None:
    """A repeating section (<w:tbl><w:sdt>…<w:tr>) holding 甲镇's and 乙镇's rows, and a cell
    held in a control of its own (<w:tr><w:sdt>…<w:tc>): python-docx reads a table's rows
    and a row's cells as its own children only; they were not read."""
    import docx
    from docx.oxml import parse_xml

    path = _document(tmp_path / "plan.docx", None)
    document = docx.Document(str(path))
    table = document.tables[0]
    rows = [table.rows[2]._tr, table.rows[3]._tr]
    control = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    rows[0].addprevious(control)
    for row in rows:
        control[1].append(row)
    cell = table.rows[1]._tr.findall(f"{{{docx.oxml.ns.nsmap['w']}}}tc")[1]  # 全县 2024年
    held = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    cell.addprevious(held)
    held[1].append(cell)
    document.save(str(path))
    assert _values(path) == PRINTED


def _numbered(document: Any) -> None:
    """numId 91: level 0 printed 一、, level 1 （一）, as a plan's serial markers are."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:lvlText w:val="{pattern}"/></w:lvl>'
        for level, pattern in ((0, "%1、"), (1, "（%2）"))
    )
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="91">{levels}</w:abstractNum>')
    num = f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'
    first = numbering.find(f"{{{W[9:-1]}}}num")
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(num))


def test_serial_markers_numbered_by_word_in_a_cell_make_the_levels(tmp_path: Path) -> None:
    """一、市直学校 typed as a Word list (the marker is the list's, not the text's): a CSV saved
    from it prints 一、 and （一）, and the table reader nests by them. 市直学校 misses its parts
    (300 against 120 + 170): the markers still make it their subtotal, and the check reports
    it there; the cell's text alone lost the levels (市直学校 a part of 总计 beside its own
    parts, the total then missing by 290)."""
    import docx
    from docx.oxml import parse_xml

    rows = [("项目单位", None), ("总计", None), ("市直学校", 0), ("市一中", 1), ("市二中", 1),
            ("县区学校", 0), ("东林县", 1), ("西林县", 1)]  # fmt: skip
    values = ["分配金额", "900", "300", "120", "170", "600", "350", "250"]
    document = docx.Document()
    _numbered(document)
    for line in ("附件", "学校维修改造资金分配表", "单位：万元"):
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=2)
    for r, ((name, level), value) in enumerate(zip(rows, values, strict=True)):
        table.cell(r, 0).text, table.cell(r, 1).text = name, value
        if level is not None:
            number = f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'
            table.cell(r, 0).paragraphs[0]._p.get_or_add_pPr().append(parse_xml(number))
    path = tmp_path / "plan.docx"
    document.save(str(path))
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert targets.areas == {
        "总计": ["市直学校", "县区学校"],
        "市直学校": ["市一中", "市二中"],
        "县区学校": ["东林县", "西林县"],
    }
    checked = runner.invoke(app, ["validate", str(path), "-f", "json"])
    found = [(f["code"], f["args"].get("area")) for f in json.loads(checked.stdout)["findings"]]
    assert found == [("PC101", "市直学校")]


def test_a_paragraph_numbered_by_its_style_keeps_its_number(tmp_path: Path) -> None:
    """The quick test for numbered paragraphs asks the style only where it numbers: a heading
    whose style carries the list is still printed 一、."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    from planchk.importers.documents import read_document

    document = docx.Document()
    _numbered(document)
    style = document.styles.add_style("编号标题", WD_STYLE_TYPE.PARAGRAPH)
    number = f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'
    style.element.get_or_add_pPr().append(parse_xml(number))
    document.add_paragraph("主要目标", style="编号标题")
    document.add_paragraph("重点任务", style="编号标题")
    document.add_paragraph("正文")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    read = read_document(path, 10**6)
    assert [p.printed for p in read.paragraphs] == ["一、主要目标", "二、重点任务", "正文"]


def _decimal_list(document: Any, suffix: str | None) -> None:
    """numId 92: a List Number list printed 1. 2. 3., its w:suff `suffix` (unset: a tab)."""
    from docx.oxml import parse_xml

    suff = "" if suffix is None else f'<w:suff w:val="{suffix}"/>'
    level = (
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{suff}'
        f'<w:lvlText w:val="%1."/></w:lvl>'
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="92">{level}</w:abstractNum>')
    first = numbering.find(f"{{{W[9:-1]}}}num")
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="92"><w:abstractNumId w:val="92"/></w:num>'))


def _numbered_cells(path: Path, rows: list[list[str]], column: int, suffix: str | None) -> Path:
    """A 县区 table whose cells in `column` (below the header) are paragraphs of list 92."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    _decimal_list(document, suffix)
    for line in ("附件", "2025年各县区衔接资金分配表", "单位：万元"):
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            if r and c == column:
                number = f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="92"/></w:numPr>'
                table.cell(r, c).paragraphs[0]._p.get_or_add_pPr().append(parse_xml(number))
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [None, "tab", "space", "nothing"])
def test_a_figure_cell_in_a_numbered_list_reads_its_figure(tmp_path: Path, suffix: str) -> None:
    """A List Number style on the figure column prints 1.<tab>10: the 1. is a 序号, not part
    of the amount (glued on, 甲县 10 read 1.10 and 乙县 20 read 2.20, silently)."""
    rows = [["县区", "资金"], ["合计", "30"], ["甲县", "10"], ["乙县", "20"]]
    path = _numbered_cells(tmp_path / "plan.docx", rows, 1, suffix)
    assert _values(path) == {"合计": ["30"], "甲县": ["10"], "乙县": ["20"]}


def _cells(path: Path) -> list[list[str]]:
    from planchk.importers.documents.docx import blocks

    tables = [b for b in blocks(path.read_bytes(), path, []) if not hasattr(b, "text")]
    return [[cell.text for cell in row] for row in tables[0]]


@pytest.mark.parametrize(
    ("suffix", "printed"), [(None, " "), ("tab", " "), ("space", " "), ("nothing", "")]
)
def test_a_numbered_name_cell_reads_with_the_levels_suffix(
    tmp_path: Path, suffix: str | None, printed: str
) -> None:
    """Word prints a level's number, then its suffix (w:suff: a tab unless space or nothing
    is set; a tab is the gap it prints, a space, so that no name holds one), then the text; an
    empty numbered cell (a 序号 column) still prints its number."""
    rows = [["序号", "县区", "资金"], ["", "甲县", "10"], ["", "乙县", "20"]]
    path = _numbered_cells(tmp_path / "plan.docx", rows, 0, suffix)
    assert [row[0] for row in _cells(path)] == ["序号", "1.", "2."]
    path = _numbered_cells(tmp_path / "names.docx", rows, 1, suffix)
    assert [row[1] for row in _cells(path)] == ["县区", f"1.{printed}甲县", f"2.{printed}乙县"]
