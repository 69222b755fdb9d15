"""Plan documents written by the tests: data/ rendered as a Word file, a web page and a text
export (in the seed's layout), and small documents with one thing wrong each.

A document is first laid out as blocks (headings, paragraphs, tables with merged cells), then
written in each format: the same plan in three forms, so that the import of each can be held to
the same result. Used only by tests.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planchk.loader import load_file
from planchk.models import TargetsFile, TasksFile
from tests.paths import DATA

NUMERALS = "一二三四五六七八九十"


@dataclass
class Heading:
    text: str  # without its number
    number: str  # 一、 as printed; Word writes it with automatic numbering


@dataclass
class Para:
    text: str


@dataclass
class Grid:
    """A table: rows of cell texts (lines joined with \\n); a row of one cell spans the width."""

    title: str | None
    unit: str | None
    rows: list[list[str]]
    spans: dict[int, int] = field(default_factory=dict)  # row index -> colspan of its one cell


Block = Heading | Para | Grid


def data_plan() -> tuple[TargetsFile, TasksFile]:
    targets = load_file(DATA / "targets.yaml", "t").model
    tasks = load_file(DATA / "tasks.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert isinstance(tasks, TasksFile)
    return targets, tasks


def data_blocks() -> list[Block]:
    """data/ as the plan document prints it: notice, goals, tasks, annex tables."""
    targets, tasks = data_plan()
    plan = targets.plan
    issued = plan.issued
    assert issued is not None
    blocks: list[Block] = [
        Para(plan.document_number or ""),
        Para(plan.issuer or ""),
        Para(f"关于印发《{plan.title}》的通知"),
        Para("各街办、镇、新经济产业集聚区，区政府各部门，区直各单位："),
        Para(f"{issued.year}年{issued.month}月{issued.day}日"),
        Para(plan.title),
        Heading("主要目标", "一、"),
        Para("主要目标：" + "，".join(g.text for g in targets.goals.values()) + "。"),
        Heading("重点任务", "二、"),
    ]
    for section in tasks.sections:
        blocks.append(Para(f"（{section.number}）{section.title}"))
        for task in section.tasks:
            offices = "、".join(task.text_offices or [])
            blocks.append(Para(f"{task.title}。推进此项工作。（责任单位：{offices}）"))
    blocks += [
        Heading("保障措施", "三、"),
        Para("1.强化组织领导。加强领导。（责任单位：区科工局）"),
    ]
    blocks += [Para("附件"), _task_table(tasks)]
    for indicator in targets.indicators.values():
        rows = [["县区", *(f"{y}年" for y in indicator.years)]]
        rows += [[area, *(str(v) for v in row)] for area, row in indicator.values.items()]
        blocks.append(Grid(indicator.table, f"单位：{indicator.unit}", rows))
    return blocks


def _task_table(tasks: TasksFile) -> Grid:
    rows = [["序号", "主要任务", "牵头单位", "责任单位", "配合单位"]]
    spans: dict[int, int] = {}
    for section in tasks.sections:
        spans[len(rows)] = 5
        rows.append([f"（{section.number}）{section.title}"])
        for task in section.tasks:
            rows.append(
                [
                    str(task.number),
                    task.title,
                    "\n".join(task.lead),
                    "\n".join(task.responsible),
                    "、".join(task.cooperating),
                ]
            )
    return Grid("主要工作任务分解表", None, rows, spans)


# --- text export, in the seed's layout -----------------------------------------------------------
def write_text(path: Path, blocks: Sequence[Block]) -> Path:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(block.number + block.text)
        elif isinstance(block, Para):
            lines.append(block.text)
        else:
            lines += [line for line in (block.title, block.unit) if line]
            for row in block.rows:
                for cell in row:
                    first, *rest = cell.split("\n") if cell else [""]
                    lines += [f"\t{first}", *rest]
                lines.append("")
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- web page ----------------------------------------------------------------------------------
NAVIGATION = """<div class="top"><a href="/">首页</a> <a href="/zwgk">政务公开</a>
<a href="/zcwj">政策文件</a> <a href="/hdjl">互动交流</a></div>
<ul class="nav"><li><a href="/a">机构概况</a></li><li><a href="/b">通知公告</a></li>
<li><a href="/c">政府信息公开指南</a></li><li><a href="/d">政府信息公开目录</a></li></ul>"""
FOOTER = """<div class="footer"><a href="/about">关于我们</a> | <a href="/map">网站地图</a>
<p>主办：青云谱区人民政府办公室 <a href="/icp">赣ICP备00000000号</a></p></div>"""


def write_html(path: Path, blocks: Sequence[Block], encoding: str = "utf-8") -> Path:
    body: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h2>{html.escape(block.number + block.text)}</h2>")
        elif isinstance(block, Para):
            body.append(f"<p style='text-indent:2em'>{html.escape(block.text)}</p>")
        else:
            body += [
                f"<p align='center'><b>{html.escape(line)}</b></p>"
                for line in (block.title, block.unit)
                if line
            ]
            body.append("<table border='1'><tbody>")
            for index, row in enumerate(block.rows):
                span = block.spans.get(index)
                cells = [
                    f"<td{f' colspan={span}' if span else ''}>"
                    + "<br>".join(html.escape(line) for line in cell.split("\n"))
                    + "</td>"
                    for cell in row
                ]
                body.append("<tr>" + "".join(cells) + "</tr>")
            body.append("</tbody></table>")
    page = (
        f"<!DOCTYPE html><html><head><meta charset='{encoding}'><title>通知</title>"
        "<script>var x = '<p>不是正文</p>';</script><style>p{margin:0}</style></head><body>"
        f"{NAVIGATION}<div class='main'><div class='left'>{NAVIGATION}</div>"
        f"<div id='zoom' class='article'>{''.join(body)}</div></div>{FOOTER}</body></html>"
    )
    path.write_bytes(page.encode(encoding))
    return path


# --- Word --------------------------------------------------------------------------------------
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def write_docx(path: Path, blocks: Sequence[Block]) -> Path:
    """Headings numbered by Word (一、 drawn from a chineseCounting list), tables with their
    group rows merged across and several offices as paragraphs of one cell."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    num_id = _chinese_list(document, parse_xml, nsdecls)
    for block in blocks:
        if isinstance(block, Heading):
            paragraph = document.add_paragraph(block.text, style="Heading 1")
            numbering = parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
            paragraph._p.get_or_add_pPr().append(numbering)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        else:
            for line in (block.title, block.unit):
                if line:
                    document.add_paragraph(line)
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                cells = table.rows[r].cells
                if len(row) == 1 and block.spans.get(r):
                    cells[0].merge(cells[width - 1])
                for c, text in enumerate(row):
                    lines = text.split("\n")
                    cells[c].text = lines[0]
                    for line in lines[1:]:
                        cells[c].add_paragraph(line)
    document.save(str(path))
    return path


def _chinese_list(document: object, parse_xml: object, nsdecls: object) -> int:
    """A list numbered 一、 二、 三、 added to the document's numbering part."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(  # type: ignore[operator]
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0">'  # type: ignore[operator]
        '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        "</w:lvl></w:abstractNum>"
    )
    num = parse_xml(  # type: ignore[operator]
        f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'  # type: ignore[operator]
    )
    first_num = numbering.find(f"{W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return 90
