"""The XLSX report: a sheet per breakdown table laid out as printed, then goals, tasks, findings.

A table sheet holds the title, the unit line, the header and the rows and nothing else, so that
`planchk import` reads it back unchanged. Values are written as numbers with a number format
of their printed decimals (6.0 shows as 6.0). A cell with a finding is filled by severity and
carries the findings and suggested corrections in a cell comment; a total's cells carry its
parts' computed sum in a comment; findings about a whole table sit in a comment on its title.
Written row by row (`workbook.py`): every text a cell of text, never a formula.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Sequence
from decimal import Decimal

from planchk import messages
from planchk.escape import visible
from planchk.findings import Finding, Severity
from planchk.formatters.fixes import fix_lines
from planchk.formatters.report import texts
from planchk.formatters.report.notes import cell_notes, finding_line
from planchk.formatters.report.ooxml import BOLD, Style
from planchk.formatters.report.view import PlanView, ReportView, RowView, TableView
from planchk.formatters.report.workbook import Book, Cell, Sheet, Value

FILLS = {
    Severity.ERROR: "F8D0D0",
    Severity.WARNING: "FBE3B0",
    Severity.INFO: "D8E6FB",
}
SUM_DIFFERS = "F8D0D0"
MAX_SHEET_NAME = 31  # Excel's limit
MAX_WIDTH = 255  # Excel's widest column, in characters
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def render(view: ReportView) -> bytes:
    buffer = io.BytesIO()
    book = Book(buffer)
    names: set[str] = set()
    for plan in view.plans:
        for table in plan.tables:
            with book.sheet(_sheet_name(table.name, names)) as sheet:
                _table_sheet(sheet, table)
    for plan in view.plans:
        if plan.goals:
            with book.sheet(_sheet_name(texts.SHEET_GOALS(), names)) as sheet:
                _goals_sheet(sheet, plan)
        if plan.tasks:
            with book.sheet(_sheet_name(texts.SHEET_TASKS(), names)) as sheet:
                _tasks_sheet(sheet, plan)
    findings = tuple(f for plan in view.plans for f in plan.findings)
    with book.sheet(_sheet_name(texts.SHEET_FINDINGS(), names)) as sheet:
        _findings_sheet(sheet, findings)
    book.close()
    return buffer.getvalue()


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


def _table_sheet(sheet: Sheet, table: TableView) -> None:
    sheet.row([Cell(table.title, BOLD, _comment([finding_line(f) for f in table.findings]))])
    sheet.row([texts.UNIT_LINE(unit=table.unit)])
    noted = table.noted  # a 备注 column, which import reads back as the rows' notes
    header: list[str | int] = [texts.AREA(), *table.years, *([texts.NOTES()] if noted else [])]
    sheet.row([Cell(value, BOLD) for value in header])
    widest = noted_width = 8
    for row in table.rows:
        sheet.row(_table_row(row, noted))
        widest = max(widest, _width(row.shown) + 2 * row.shown_depth)
        noted_width = max(noted_width, _width(row.note or ""))
    widths = {1: min(widest, MAX_WIDTH)}
    if noted:
        widths[len(table.years) + 2] = min(noted_width, MAX_WIDTH)
    sheet.widths, sheet.freeze = widths, "B4"


def _table_row(row: RowView, noted: bool) -> list[Value]:
    # Only the table's total is bold: indentation gives the levels below it, and a bold
    # subtotal would read as the parent of the rows printed level with it after its parts.
    bold = row.is_total and row.depth == 0
    cells: list[Value] = [
        Cell(row.shown, _style(bold, _fill(row.findings), None, row.shown_depth),
             _comment([finding_line(f) for f in row.findings]))
    ]  # fmt: skip
    for index, view in enumerate(row.cells):
        severity = view.severity
        fill = FILLS[severity] if severity is not None else None
        if fill is None and row.sum_differs(index):
            fill = SUM_DIFFERS
        shown = None if view.value is None else number_format(view.value)
        style = _style(bold, fill, shown, 0)
        cells.append(Cell(view.value, style, _comment(cell_notes(view, row, index))))
    if noted:
        cells.append(row.note)
    return cells


def _goals_sheet(sheet: Sheet, plan: PlanView) -> None:
    header = [texts.GOAL(), texts.GOAL_YEAR(), texts.GOAL_NEEDS(), texts.GOAL_PLANNED()]
    sheet.row([Cell(text, BOLD) for text in header])
    for goal in plan.goals:
        needs = f"{goal.op} {goal.value} {goal.unit}"
        planned = None if goal.planned is None else f"{goal.planned} {goal.planned_unit}"
        sheet.row([_marked(goal.text, goal.findings), goal.year, needs, planned])
    sheet.widths, sheet.freeze = dict(enumerate([40, 8, 16, 16], start=1)), "A2"


def _tasks_sheet(sheet: Sheet, plan: PlanView) -> None:
    roles = [role for role, _ in plan.tasks[0].offices]
    header = [texts.TASK_NUMBER(), texts.TASK_TITLE(), *(texts.ROLE_NAMES[r]() for r in roles)]
    sheet.row([Cell(text, BOLD) for text in header])
    section = ""
    for task in plan.tasks:
        if task.section != section:
            section = task.section
            sheet.row([None, Cell(section, BOLD)])
        offices = [
            _marked("、".join(o or ()), task.findings.get(role, ())) for role, o in task.offices
        ]
        sheet.row([task.number, _marked(task.title, task.findings.get("", ())), *offices])
    sheet.widths, sheet.freeze = dict(enumerate([6, 28, 20, 28, 40, 40], start=1)), "A2"


def _findings_sheet(sheet: Sheet, findings: Sequence[Finding]) -> None:
    header = [
        texts.WHERE(), texts.SEVERITY(), texts.CODE(), texts.MESSAGE(),
        texts.WAIVER_REASON(), texts.SUGGESTIONS(),
    ]  # fmt: skip
    sheet.row([Cell(text, BOLD) for text in header])
    for finding in findings:
        fixes = "\n".join(fix_lines(finding.suggestions))
        severity = messages.severity(finding.severity.label)
        sheet.row(
            [
                str(finding.location),
                Cell(severity, _style(False, FILLS[finding.severity], None, 0)),
                finding.code,
                finding.message,
                finding.waived,
                fixes or None,
            ]
        )
    sheet.widths, sheet.freeze = dict(enumerate([30, 8, 8, 80, 24, 60], start=1)), "A2"


@functools.cache
def _style(bold: bool, fill: str | None, shown: str | None, indent: int) -> Style:
    # One object per distinct style, not one per cell.
    return Style(bold, fill, shown, indent)


def _fill(findings: Sequence[Finding]) -> str | None:
    return FILLS[max(f.severity for f in findings)] if findings else None


def _marked(text: str, findings: Sequence[Finding]) -> Cell:
    """A cell filled by its findings' severity, its comment saying them."""
    return Cell(
        text, _style(False, _fill(findings), None, 0), _comment([finding_line(f) for f in findings])
    )


def _comment(notes: Sequence[str]) -> str | None:
    return "\n".join(notes) or None


def _width(text: str) -> int:
    """Columns a text takes: wide (CJK) characters count twice."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
