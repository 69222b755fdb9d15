"""The words of `planchk report`: headings, column names and notes, in the reader's language."""

from __future__ import annotations

from planchk.messages import message

REPORT_TITLE = message("report.title", "Plan check: {title}")
REPORT_TITLE_UNTITLED = message("report.title-untitled", "Plan check")
GENERATED = message("report.generated", "Made by planchk {version} from {files}.")
TABLES = message("report.tables", "Breakdown tables")
GOALS = message("report.goals", "Goals")
TASKS = message("report.tasks", "Tasks")
FINDINGS = message("report.findings", "Findings")
NO_FINDINGS = message("report.no-findings", "No findings.")
UNIT_LINE = message("report.unit-line", "Unit: {unit}")
AREA = message("report.area", "Area")
NOTES = message("report.notes", "Notes")
TREND = message("report.trend", "Trend")
PARTS_SUM = message("report.parts-sum", "sum of the parts: {value}")
PARTS_SUM_DIFFERS = message(
    "report.parts-sum-differs", "the parts add up to {value}, not to the total printed"
)
TABLE_NOTES = message("report.table-notes", "About the whole table")
COUNTS = message("report.counts", "{error}, {warning}, {info} info, {waived} waived")
GOAL = message("report.goal", "Goal")
GOAL_YEAR = message("report.goal-year", "Year")
GOAL_NEEDS = message("report.goal-needs", "Needs")
GOAL_PLANNED = message("report.goal-planned", "In the breakdown table")
TASK_NUMBER = message("report.task-number", "No.")
TASK_TITLE = message("report.task-title", "Task")
ROLE_LEAD = message("report.role-lead", "Lead office")
ROLE_RESPONSIBLE = message("report.role-responsible", "Responsible offices")
ROLE_COOPERATING = message("report.role-cooperating", "Cooperating offices")
ROLE_TEXT = message("report.role-text", "Offices in the main text")
WHERE = message("report.where", "Where")
SEVERITY = message("report.severity", "Severity")
CODE = message("report.code", "Code")
MESSAGE = message("report.message", "Message")
WAIVER_REASON = message("report.waiver-reason", "Waived because")
FINDING_LINE = message("report.finding-line", "{code} {severity}: {message}")
FINDING_LINE_WAIVED = message(
    "report.finding-line-waived", "{code} {severity}: {message} (waived: {reason})"
)
SUGGESTIONS = message("report.suggestions", "Suggested corrections")
SUGGESTED = message("report.suggested", "suggested: {new}")
SHEET_GOALS = message("report.sheet-goals", "Goals")
SHEET_TASKS = message("report.sheet-tasks", "Tasks")
SHEET_FINDINGS = message("report.sheet-findings", "Findings")

ROLE_NAMES = {
    "lead": ROLE_LEAD,
    "responsible": ROLE_RESPONSIBLE,
    "cooperating": ROLE_COOPERATING,
    "text_offices": ROLE_TEXT,
}
