"""The Markdown report, for pull-request comments, job summaries and wikis.

Markdown has no colour, so a marked cell carries a severity sign and the finding's code
(❌ error, ⚠️ warning, ℹ️ info) and a suggested correction as `→ new`; the findings follow
each table in full, then the goals, the tasks and every finding of the plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from planchk import __version__
from planchk.escape import code_span, markdown
from planchk.findings import Finding, Severity
from planchk.formatters.fixes import fix_lines
from planchk.formatters.report import texts
from planchk.formatters.report.notes import counts_line, finding_line, report_title
from planchk.formatters.report.view import (
    CellView,
    GoalView,
    PlanView,
    ReportView,
    RowView,
    TableView,
    TaskView,
)

SIGNS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}
INDENT = "\u3000"  # an ideographic space: Markdown keeps it, so parts show under their total


def render(view: ReportView) -> str:
    return "".join(pieces(view))


def pieces(view: ReportView) -> Iterator[str]:
    """The report line by line, as it is written: never the whole text at once."""
    files = ", ".join(map(_cell, view.report.files))
    head = [f"# {_cell(report_title(view))}", "", f"**{counts_line(view.report)}**", ""]
    head.append(texts.GENERATED(version=__version__, files=files))
    for line in chain(head, *(_plan(plan) for plan in view.plans)):
        yield line + "\n"


def _plan(plan: PlanView) -> Iterable[str]:
    if plan.tables:
        yield from ("", f"## {texts.TABLES()}")
        for table in plan.tables:
            yield from _table(table)
    if plan.goals:
        yield from _goals(plan.goals)
    if plan.tasks:
        yield from _tasks(plan.tasks)
    yield from ("", f"## {texts.FINDINGS()}", "")
    if plan.findings:
        yield from _finding_items(plan.findings)
    else:
        yield texts.NO_FINDINGS()


def _table(table: TableView) -> Iterable[str]:
    yield from ("", f"### {_cell(table.title)}", "", texts.UNIT_LINE(unit=table.unit), "")
    noted = table.noted
    notes = [texts.NOTES()] if noted else []
    yield "| " + " | ".join([texts.AREA(), *map(str, table.years), *notes]) + " |"
    yield "|---" + "|---:" * len(table.years) + "|---" * len(notes) + "|"
    marked: list[Finding] = []  # each cell's findings, then each row's: rows are made once
    about_rows: list[Finding] = []
    for row in table.rows:
        yield _row(row, noted)
        marked += [f for c in row.cells for f in c.findings]
        about_rows += row.findings
    marked += about_rows
    if table.findings or marked:
        yield ""
        yield from _finding_items([*table.findings, *sorted(marked, key=lambda f: f.sort_key)])


def _row(row: RowView, noted: bool) -> str:
    name = INDENT * row.shown_depth + _cell(row.shown) + _signs(row.findings)
    cells = [f"**{name}**" if row.is_total else name]
    cells += [_value(cell, row, index) for index, cell in enumerate(row.cells)]
    cells += [_cell(row.note or "")] if noted else []
    return "| " + " | ".join(cells) + " |"


def _value(cell: CellView, row: RowView, index: int) -> str:
    text = f"**{cell.text}**" if row.is_total and cell.text else cell.text
    text += _signs(cell.findings)
    if row.parts_sum is not None and row.parts_sum[index] is not None and row.sum_differs(index):
        text += f" (Σ {row.parts_sum[index]})"
    text += "".join(f" → {fix.suggestion.new}" for fix in cell.fixes)
    return text


def _signs(findings: Sequence[Finding]) -> str:
    return "".join(f" {SIGNS[f.severity]} {f.code}" for f in findings)


def _finding_items(findings: Sequence[Finding]) -> Iterable[str]:
    for finding in findings:
        place = code_span(str(finding.location))  # a folder's backtick cannot close it
        yield f"- {place} {SIGNS[finding.severity]} {_cell(finding_line(finding))}"
        for line in fix_lines(finding.suggestions):
            yield f"  - {_cell(line)}"


def _goals(goals: Sequence[GoalView]) -> Iterable[str]:
    yield from ("", f"## {texts.GOALS()}", "")
    names = [texts.GOAL(), texts.GOAL_YEAR(), texts.GOAL_NEEDS(), texts.GOAL_PLANNED()]
    yield "| " + " | ".join(names) + " |"
    yield "|---|---:|---|---:|"
    for goal in goals:
        planned = "" if goal.planned is None else f"{goal.planned} {goal.planned_unit}"
        yield (
            f"| {_cell(goal.text)}{_signs(goal.findings)} | {goal.year} | "
            f"{_cell(f'{goal.op} {goal.value} {goal.unit}')} | {_cell(planned)} |"
        )


def _tasks(tasks: Sequence[TaskView]) -> Iterable[str]:
    roles = [role for role, _ in tasks[0].offices]
    yield from ("", f"## {texts.TASKS()}", "")
    names = [texts.TASK_NUMBER(), texts.TASK_TITLE(), *(texts.ROLE_NAMES[r]() for r in roles)]
    yield "| " + " | ".join(names) + " |"
    yield "|---:" + "|---" * (len(names) - 1) + "|"
    section = ""
    for task in tasks:
        if task.section != section:
            section = task.section
            yield "| | **" + _cell(section) + "** |" + " |" * len(roles)
        cells = [str(task.number), _cell(task.title) + _signs(task.findings.get("", ()))]
        cells += [
            _cell("、".join(offices or ())) + _signs(task.findings.get(role, ()))
            for role, offices in task.offices
        ]
        yield "| " + " | ".join(cells) + " |"


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table or start markup or HTML of its own."""
    return markdown(text)
