"""The HTML report: one self-contained page (no script, no network, no external assets).

Each breakdown table is laid out as printed, total row first; a cell with a finding is coloured
by severity and carries the findings and suggested corrections in its `title` (shown on hover)
and, for corrections and a total's computed sum, in small print beside the value, so that the
page also reads on a phone and on paper. Trends show as a small inline SVG line per area.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain

from planchk import __version__, i18n
from planchk.escape import visible
from planchk.findings import Finding, Severity
from planchk.formatters.fixes import fix_lines
from planchk.formatters.report import texts
from planchk.formatters.report.notes import (
    cell_notes,
    counts_line,
    finding_line,
    report_title,
)
from planchk.formatters.report.view import (
    GoalView,
    PlanView,
    ReportView,
    RowView,
    TableView,
    TaskView,
)


def escape(text: str) -> str:
    """HTML-escaped, with control, bidi and invisible characters shown as escapes."""
    return html.escape(visible(text))


STYLE = """
:root { --error: #f8d0d0; --warning: #fbe3b0; --info: #d8e6fb; --line: #c8c8c8; }
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1rem;
       color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 600; background: #f4f4f4; }
th[scope=row] { text-align: left; white-space: nowrap; font-weight: normal; }
.depth-1 th[scope=row] { padding-left: 1.5rem; } .depth-2 th[scope=row] { padding-left: 2.5rem; }
.depth-3 th[scope=row] { padding-left: 3.5rem; }
.error { background: var(--error) !important; } .warning { background: var(--warning) !important; }
.info { background: var(--info) !important; }
.mark { font-size: 0.7rem; vertical-align: super; margin-left: 0.2rem; color: #555; }
.sum, .fix { display: block; font-size: 0.75rem; font-weight: normal; color: #444; }
.sum.differs { color: #a00000; font-weight: 600; } .fix { color: #1d6b1d; }
.spark svg { display: block; } .unit { color: #555; margin: 0; }
ul.findings li { margin-bottom: 0.3rem; } .code { font-family: ui-monospace, monospace; }
.summary { font-weight: 600; } .files { color: #555; font-size: 0.85rem; }
.files, ul.findings { overflow-wrap: anywhere; }  /* long file paths wrap on a phone */
@media (max-width: 40rem) { body { margin: 0.5rem; } th, td { padding: 0.2rem 0.3rem; } }
@media print { .wrap { overflow: visible; } body { margin: 0; }
  .error, .warning, .info { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def render(view: ReportView) -> str:
    return "".join(pieces(view))


def pieces(view: ReportView) -> Iterator[str]:
    """The page as it is written, a row at a time: never the whole page at once."""
    title = report_title(view)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{i18n.tag()}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>",
        f"<body><header><h1>{escape(title)}</h1>",
        f'<p class="summary">{escape(counts_line(view.report))}</p>',
        f'<p class="files">{escape(_generated(view))}</p></header>',
    ]
    for part in chain(head, *(_plan(plan) for plan in view.plans)):
        yield part + "\n"
    yield "</body></html>\n"


def _generated(view: ReportView) -> str:
    return texts.GENERATED(version=__version__, files=", ".join(view.report.files))


def _plan(plan: PlanView) -> Iterable[str]:
    if plan.tables:
        yield f"<section><h2>{escape(texts.TABLES())}</h2>"
        for table in plan.tables:
            yield from _table(table)
        yield "</section>"
    if plan.goals:
        yield from _goals(plan.goals)
    if plan.tasks:
        yield from _tasks(plan.tasks)
    yield from _findings(plan.findings)


def _table(table: TableView) -> Iterable[str]:
    yield f'<article class="table" id="{escape(_anchor(table.ind_id))}">'
    yield f"<h3>{escape(table.title)}</h3>"
    yield f'<p class="unit">{escape(texts.UNIT_LINE(unit=table.unit))}</p>'
    yield f'<div class="wrap"><table class="breakdown" data-indicator="{escape(table.ind_id)}">'
    header = "".join(f'<th scope="col">{year}</th>' for year in table.years)
    noted = table.noted
    notes = f'<th scope="col">{escape(texts.NOTES())}</th>' if noted else ""
    yield (
        f'<thead><tr><th scope="col">{escape(texts.AREA())}</th>{header}'
        f'<th scope="col">{escape(texts.TREND())}</th>{notes}</tr></thead><tbody>'
    )
    for row in table.rows:
        yield _row(row, noted)
    yield "</tbody></table></div>"
    if table.findings:
        yield f"<p>{escape(texts.TABLE_NOTES())}</p>"
        yield _finding_list(table.findings)
    yield "</article>"


def _row(row: RowView, noted: bool) -> str:
    classes = ["total"] if row.is_total else []
    classes.append(f"depth-{min(row.depth, 3)}")
    name_class = _severity_class(max((f.severity for f in row.findings), default=None))
    name_title = _title_attribute([finding_line(f) for f in row.findings])
    cells = [
        f'<tr class="{" ".join(classes)}" data-area="{escape(row.area)}">',
        f'<th scope="row"{name_class}{name_title}>{escape(row.shown)}{_marks(row.findings)}</th>',
    ]
    for index, cell in enumerate(row.cells):
        notes = cell_notes(cell, row, index)
        inside = escape(cell.text) + _marks(cell.findings)
        if row.parts_sum is not None and row.parts_sum[index] is not None:
            differs = " differs" if row.sum_differs(index) else ""
            inside += f'<span class="sum{differs}">Σ {escape(str(row.parts_sum[index]))}</span>'
        for fix in cell.fixes:
            inside += f'<span class="fix">{escape(texts.SUGGESTED(new=fix.suggestion.new))}</span>'
        codes = " ".join(f.code for f in cell.findings)
        cells.append(
            f'<td class="num{_class_suffix(cell.severity)}" data-path="{escape(cell.path)}"'
            f' data-codes="{escape(codes)}"{_title_attribute(notes)}>{inside}</td>'
        )
    cells.append(f'<td class="spark">{_sparkline([c.value for c in row.cells])}</td>')
    cells.append(f'<td class="note">{escape(row.note or "")}</td></tr>' if noted else "</tr>")
    return "".join(cells)


def _marks(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    return f'<span class="mark">{escape(" ".join(f.code for f in findings))}</span>'


def _severity_class(severity: Severity | None) -> str:
    return f' class="{severity.label}"' if severity is not None else ""


def _class_suffix(severity: Severity | None) -> str:
    return f" {severity.label}" if severity is not None else ""


def _title_attribute(notes: Sequence[str]) -> str:
    return f' title="{escape(chr(10).join(notes))}"' if notes else ""


def _sparkline(values: Sequence[Decimal | None], width: int = 80, height: int = 22) -> str:
    """A small line through the row's values, scaled to its own range."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(v for _, v in known), max(v for _, v in known)
    span = (high - low) or Decimal(1)
    step = (width - 4) / max(len(values) - 1, 1)
    points = " ".join(
        f"{2 + i * step:.1f},{height - 2 - float((v - low) / span) * (height - 4):.1f}"
        for i, v in known
    )
    return (
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-hidden="true"><polyline fill="none" stroke="#3465a4" stroke-width="1.5" '
        f'points="{points}"/></svg>'
    )


def _goals(goals: Sequence[GoalView]) -> Iterable[str]:
    yield f'<section><h2>{escape(texts.GOALS())}</h2><div class="wrap"><table class="goals">'
    yield (
        f"<thead><tr><th>{escape(texts.GOAL())}</th><th>{escape(texts.GOAL_YEAR())}</th>"
        f"<th>{escape(texts.GOAL_NEEDS())}</th><th>{escape(texts.GOAL_PLANNED())}</th></tr></thead>"
        "<tbody>"
    )
    for goal in goals:
        severity = max((f.severity for f in goal.findings), default=None)
        notes = _title_attribute([finding_line(f) for f in goal.findings])
        planned = "" if goal.planned is None else f"{goal.planned} {goal.planned_unit}"
        yield (
            f'<tr data-goal="{escape(goal.goal_id)}"><td{_severity_class(severity)}{notes}>'
            f"{escape(goal.text)}{_marks(goal.findings)}</td><td>{goal.year}</td>"
            f'<td class="num">{escape(goal.op)} {goal.value} {escape(goal.unit)}</td>'
            f'<td class="num">{escape(planned)}</td></tr>'
        )
    yield "</tbody></table></div></section>"


def _tasks(tasks: Sequence[TaskView]) -> Iterable[str]:
    yield f'<section><h2>{escape(texts.TASKS())}</h2><div class="wrap"><table class="tasks">'
    roles = "".join(f"<th>{escape(texts.ROLE_NAMES[role]())}</th>" for role, _ in tasks[0].offices)
    yield (
        f"<thead><tr><th>{escape(texts.TASK_NUMBER())}</th><th>{escape(texts.TASK_TITLE())}</th>"
        f"{roles}</tr></thead><tbody>"
    )
    section = ""
    for task in tasks:
        if task.section != section:
            section = task.section
            span = 2 + len(task.offices)
            yield f'<tr class="section"><th colspan="{span}">{escape(section)}</th></tr>'
        own = task.findings.get("", ())
        cells = [
            f'<tr data-task="{task.number}"><td>{task.number}</td>',
            f"<td{_severity_class(max((f.severity for f in own), default=None))}"
            f"{_title_attribute([finding_line(f) for f in own])}>{escape(task.title)}"
            f"{_marks(own)}</td>",
        ]
        for role, offices in task.offices:
            found = task.findings.get(role, ())
            cells.append(
                f'<td data-role="{role}"{_severity_class(task.role_severity(role))}'
                f"{_title_attribute([finding_line(f) for f in found])}>"
                f"{escape('、'.join(offices or ()))}{_marks(found)}</td>"
            )
        yield "".join(cells) + "</tr>"
    yield "</tbody></table></div></section>"


def _findings(findings: Sequence[Finding]) -> Iterable[str]:
    yield f"<section><h2>{escape(texts.FINDINGS())}</h2>"
    yield _finding_list(findings) if findings else f"<p>{escape(texts.NO_FINDINGS())}</p>"
    yield "</section>"


def _finding_list(findings: Sequence[Finding]) -> str:
    items = []
    for finding in findings:
        fixes = "".join(
            f'<span class="fix">{escape(line)}</span>' for line in fix_lines(finding.suggestions)
        )
        items.append(
            f'<li class="{finding.severity.label}" data-code="{finding.code}">'
            f'<span class="code">{escape(str(finding.location))}</span> '
            f"{escape(finding_line(finding))}{fixes}</li>"
        )
    return '<ul class="findings">' + "".join(items) + "</ul>"


def _anchor(ind_id: str) -> str:
    return "table-" + ind_id
