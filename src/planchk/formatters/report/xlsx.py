"""The XLSX report: a sheet per breakdown table laid out as printed, then goals, tasks, findings.

A table sheet holds the title, the unit line, the header and the rows and nothing else, so that
`planchk import` reads it back unchanged. Values are written as numbers with a number format
of their printed decimals (6.0 shows as 6.0). A cell with a finding is filled by severity and
carries the findings and suggested corrections in a cell comment; a total's cells carry its
parts' computed sum in a comment; findings about a whole table sit in a comment on its title.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planchk import messages
from planchk.escape import visible
from planchk.findings import Finding, Severity
from planchk.formatters.fixes import fix_lines
from planchk.formatters.report import texts
from planchk.formatters.report.notes import cell_notes, finding_line
from planchk.formatters.report.view import PlanView, ReportView, TableView

FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="F8D0D0"),
    Severity.WARNING: PatternFill("solid", fgColor="FBE3B0"),
    Severity.INFO: PatternFill("solid", fgColor="D8E6FB"),
}
SUM_DIFFERS = PatternFill("solid", fgColor="F8D0D0")
BOLD = Font(bold=True)
AUTHOR = "planchk"
MAX_SHEET_NAME = 31  # Excel's limit
MAX_WIDTH = 255  # Excel's widest column, in characters
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
# What XML cannot hold: openpyxl's control characters, and U+FFFE, U+FFFF and lone surrogates,
# which it lets through and lxml then refuses when the workbook is saved.
_NOT_XML = re.compile(ILLEGAL_CHARACTERS_RE.pattern + "|[\ufffe\uffff\ud800-\udfff]")


def render(view: ReportView) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    names: set[str] = set()
    for plan in view.plans:
        for table in plan.tables:
            _table_sheet(book.create_sheet(_sheet_name(table.name, names)), table)
    for plan in view.plans:
        if plan.goals:
            _goals_sheet(book.create_sheet(_sheet_name(texts.SHEET_GOALS(), names)), plan)
        if plan.tasks:
            _tasks_sheet(book.create_sheet(_sheet_name(texts.SHEET_TASKS(), names)), plan)
    findings = tuple(f for plan in view.plans for f in plan.findings)
    _findings_sheet(book.create_sheet(_sheet_name(texts.SHEET_FINDINGS(), names)), findings)
    for sheet in book.worksheets:
        _as_text(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append(sheet: Worksheet, values: Sequence[object]) -> None:
    """A row whose texts hold no character XML cannot (a control character is shown as its
    escape, \\x1b); `_as_text` then makes sure each of them stays text."""
    sheet.append([_xml_text(v) if isinstance(v, str) else v for v in values])


def _as_text(sheet: Worksheet) -> None:
    """Every text the report writes is text: a name such as `=HYPERLINK(...)` or
    `=cmd|' /C calc'!A0` is shown, never run as a formula (openpyxl stores a text that starts
    with = as one), in every cell of every sheet; comments hold no control character either."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell, MergedCell):
                continue
            if isinstance(cell.value, str):
                cell.data_type = "s"
            if cell.comment is not None:
                cell.comment.text = _xml_text(cell.comment.text)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda found: visible(found.group()), text)


def _sheet_name(wanted: str, taken: set[str]) -> str:
    wanted = visible(wanted)  # a control character is no part of a sheet's name
    base = _NOT_IN_SHEET_NAMES.sub("_", wanted).strip("'")[:MAX_SHEET_NAME] or "Sheet"
    name, counter = base, 2
    while name.lower() in taken:
        suffix = f" ({counter})"
        name, counter = base[: MAX_SHEET_NAME - len(suffix)] + suffix, counter + 1
    taken.add(name.lower())
    return name


def number_format(value: Decimal) -> str:
    """The Excel number format that shows `value` with its printed decimals."""
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * decimals if decimals else "0"


def _table_sheet(sheet: Worksheet, table: TableView) -> None:
    _append(sheet, [table.title])
    sheet["A1"].font = BOLD
    if table.findings:
        sheet["A1"].comment = _comment([finding_line(f) for f in table.findings])
    _append(sheet, [texts.UNIT_LINE(unit=table.unit)])
    noted = table.noted  # a 备注 column, which import reads back as the rows' notes
    _append(sheet, [texts.AREA(), *table.years, *([texts.NOTES()] if noted else [])])
    for cell in sheet[3]:
        cell.font = BOLD
    # Rows are counted here: `sheet.max_row` looks at every cell, once per row made it
    # quadratic (100,000 rows did not finish in five minutes).
    for line, row in enumerate(table.rows, start=4):
        # Only the table's total is bold: indentation gives the levels below it, and a bold
        # subtotal would read as the parent of the rows printed level with it after its parts.
        bold = row.is_total and row.depth == 0
        _append(sheet, [row.shown, *(c.value for c in row.cells), *([row.note] if noted else [])])
        name = sheet.cell(line, 1)
        name.alignment = _indent(row.shown_depth)
        if bold:
            name.font = BOLD
        _mark(name, row.findings)
        for index, cell_view in enumerate(row.cells):
            cell = sheet.cell(line, 2 + index)
            if cell_view.value is not None:
                cell.number_format = number_format(cell_view.value)
            if bold:
                cell.font = BOLD
            severity = cell_view.severity
            if severity is not None:
                cell.fill = FILLS[severity]
            elif row.sum_differs(index):
                cell.fill = SUM_DIFFERS
            notes = cell_notes(cell_view, row, index)
            if notes:
                cell.comment = _comment(notes)
    sheet.freeze_panes = "B4"
    widest = max(8, *(_width(r.shown) + 2 * r.shown_depth for r in table.rows))
    _widths(sheet, [min(widest, MAX_WIDTH)])
    if noted:
        letter = get_column_letter(len(table.years) + 2)
        noted_width = max(8, *(_width(r.note or "") for r in table.rows))
        sheet.column_dimensions[letter].width = min(noted_width, MAX_WIDTH)


def _goals_sheet(sheet: Worksheet, plan: PlanView) -> None:
    header = [texts.GOAL(), texts.GOAL_YEAR(), texts.GOAL_NEEDS(), texts.GOAL_PLANNED()]
    _append(sheet, header)
    for line, goal in enumerate(plan.goals, start=2):
        needs = f"{goal.op} {goal.value} {goal.unit}"
        planned = None if goal.planned is None else f"{goal.planned} {goal.unit}"
        _append(sheet, [goal.text, goal.year, needs, planned])
        _mark(sheet.cell(line, 1), goal.findings)
    _header(sheet)
    _widths(sheet, [40, 8, 16, 16])


def _tasks_sheet(sheet: Worksheet, plan: PlanView) -> None:
    roles = [role for role, _ in plan.tasks[0].offices]
    _append(
        sheet, [texts.TASK_NUMBER(), texts.TASK_TITLE(), *(texts.ROLE_NAMES[r]() for r in roles)]
    )
    section, line = "", 1
    for task in plan.tasks:
        if task.section != section:
            section, line = task.section, line + 1
            _append(sheet, [None, section])
            sheet.cell(line, 2).font = BOLD
        _append(sheet, [task.number, task.title, *("、".join(o or ()) for _, o in task.offices)])
        line += 1
        _mark(sheet.cell(line, 2), task.findings.get("", ()))
        for index, role in enumerate(roles):
            _mark(sheet.cell(line, 3 + index), task.findings.get(role, ()))
    _header(sheet)
    _widths(sheet, [6, 28, 20, 28, 40, 40])


def _findings_sheet(sheet: Worksheet, findings: Sequence[Finding]) -> None:
    _append(sheet,
        [
            texts.WHERE(), texts.SEVERITY(), texts.CODE(), texts.MESSAGE(),
            texts.WAIVER_REASON(), texts.SUGGESTIONS(),
        ]
    )  # fmt: skip
    for line, finding in enumerate(findings, start=2):
        fixes = "\n".join(fix_lines(finding.suggestions))
        _append(
            sheet,
            [
                str(finding.location),
                messages.severity(finding.severity.label),
                finding.code,
                finding.message,
                finding.waived,
                fixes or None,
            ],
        )
        sheet.cell(line, 2).fill = FILLS[finding.severity]
    _header(sheet)
    _widths(sheet, [30, 8, 8, 80, 24, 60])


@functools.cache
def _indent(depth: int) -> Alignment:
    # One per depth, not one per row: openpyxl builds and hashes each style it is given.
    return Alignment(indent=depth)


def _mark(cell: Cell | MergedCell, findings: Sequence[Finding]) -> None:
    if findings:
        cell.fill = FILLS[max(f.severity for f in findings)]
        cell.comment = _comment([finding_line(f) for f in findings])


def _comment(notes: Sequence[str]) -> Comment:
    text = "\n".join(notes)
    comment = Comment(text, AUTHOR)
    comment.width = 320
    comment.height = 40 + 18 * (text.count("\n") + 1 + len(text) // 40)
    return comment


def _header(sheet: Worksheet) -> None:
    for cell in sheet[1]:
        cell.font = BOLD
    sheet.freeze_panes = "A2"


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _width(text: str) -> int:
    """Columns a text takes: wide (CJK) characters count twice."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
