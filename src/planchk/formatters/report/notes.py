"""The words attached to a marked cell: its findings, the corrections suggested for it, and a
total's computed sum. Shared by every report format so that they say the same thing."""

from __future__ import annotations

from planchk import messages
from planchk.findings import Finding
from planchk.formatters.fixes import alternatives, fix_lines, suggestion_text
from planchk.formatters.report import texts
from planchk.formatters.report.view import CellView, Fix, ReportView, RowView
from planchk.report import Report


def report_title(view: ReportView) -> str:
    """The report's heading: the plans' titles, or a plain one for plans without."""
    titles = [plan.title for plan in view.plans if plan.title]
    return texts.REPORT_TITLE(title="；".join(titles)) if titles else texts.REPORT_TITLE_UNTITLED()


def finding_line(finding: Finding) -> str:
    severity = messages.severity(finding.severity.label)
    if finding.waived is not None:
        return texts.FINDING_LINE_WAIVED(
            code=finding.code, severity=severity, message=finding.message, reason=finding.waived
        )
    return texts.FINDING_LINE(code=finding.code, severity=severity, message=finding.message)


def fix_line(fix: Fix) -> str:
    """The most likely correction of another cell's finding, at the cell it would change."""
    several = alternatives(fix.finding.suggestions) > 1
    template = messages.SUGGESTION_MOST_LIKELY if several else messages.SUGGESTION_LINE
    return template(text=suggestion_text(fix.suggestion))


def cell_notes(cell: CellView, row: RowView, index: int) -> list[str]:
    """Everything to say about one cell: each finding with its alternative corrections, then
    the most likely correction of a finding elsewhere that would change this cell."""
    notes = []
    for finding in cell.findings:
        notes.append(finding_line(finding))
        notes += fix_lines(finding.suggestions)
    notes += [
        fix_line(fix)
        for fix in cell.fixes
        if not any(fix.finding is finding for finding in cell.findings)
    ]
    if row.parts_sum is not None and row.parts_sum[index] is not None:
        value = row.parts_sum[index]
        template = texts.PARTS_SUM_DIFFERS if row.sum_differs(index) else texts.PARTS_SUM
        notes.append(template(value=value))
    return notes


def counts_line(report: Report) -> str:
    counts = report.counts()
    return texts.COUNTS(
        error=messages.ERRORS(counts["error"]), warning=messages.WARNINGS(counts["warning"]),
        info=counts["info"],
        waived=counts["waived"],
    )  # fmt: skip
