"""The words of importing a plan document: what was read from it, and what was left out."""

from __future__ import annotations

from planchk.messages import counted, message

AT = message("plandoc.at", "{source}: {place}")
COLUMN = message("plandoc.column", "{table} 第{column}列")

# --- what was left out, and why --------------------------------------------------------------
ROW_CUT_SHORT = message(
    "plandoc.row-cut-short",
    "{place}: the row has {cells} of the header's {width} cells (the table is cut short); "
    "it is left out",
)
TABLE_NO_NUMBERS = message(
    "plandoc.table-no-numbers",
    "{place} holds no numbers and no task offices: not a breakdown or task table; left out",
)
TABLE_UNTITLED = message(
    "plandoc.table-untitled",
    "{place} has no title line above it: it is imported as `{name}`; give it its printed title "
    "(…分解表) so that the text's goals can name it",
)
GOAL_NO_FIGURE = message(
    "plandoc.goal-no-figure",
    "{place}: `{text}` states a goal without a figure; not imported",
)
GOAL_NO_YEAR = message(
    "plandoc.goal-no-year",
    "{place}: `{text}` names no year; taken as the plan's last year, {year}",
)
TARGET_NO_YEAR = message(
    "plandoc.target-no-year",
    "{place}: the performance-target table sets `{name}` for no year (no 年度 column, no year in "
    "its title) and the plan names no period; not imported",
)
GOAL_CUMULATIVE = message(
    "plandoc.goal-cumulative",
    "{place}: `{text}` is the last year of table {id}, whose years add up to another figure: "
    "if the table prints running totals (累计), set its kind to stock and link the goal to it "
    "(indicator: {id}); not linked",
)
GOAL_REPEATED = message(
    "plandoc.goal-repeated", "{place}: `{text}` states goal `{goal}` again; read once"
)
GOAL_RESTATED = message(
    "plandoc.goal-restated",
    "{place}: `{text}` states goal `{goal}` differently from {first}; kept as `restated`, "
    "which the check reports (PC507)",
)
GOAL_MEAN = message(
    "plandoc.unread-goal-mean",
    "{place}: `{text}` states a yearly average over the period, which no one figure of a table "
    "is; not imported",
)
GOAL_OVER_BASE = message(
    "plandoc.unread-goal-over-base",
    "{place}: `{text}` states a change since a base year ({base}), not an amount of the plan's "
    "years; not imported",
)
GOAL_INCREASE_OF_STOCK = message(
    "plandoc.unlinked-increase",
    "{place}: `{text}` states an increase, and table {id} gives levels (a stock), whose last "
    "year is no increase; not linked",
)
GOAL_NO_EXACT_UNIT = message(
    "plandoc.unlinked-inexact-unit",
    "{place}: `{text}` is in {unit} and table {id} in {table}, and no exact factor turns one "
    "into the other; not linked (give the goal in {table} to check it)",
)
GOAL_WHOLE_YEAR = message(
    "plandoc.unread-goal-whole-year",
    "{place}: `{text}` is of one year (全年, 年内) of a plan of several, and neither its "
    "sentence nor its section's heading names which; not imported (write the year: "
    "2024年全年…)",
)
GOAL_UNLINKED = message(
    "plandoc.goal-unlinked",
    "{place}: `{text}` is linked to no table of the plan (none whose name its words say, in a "
    "unit that converts, with its years); imported, and no table is checked against it (set "
    "its `indicator:` to link it)",
)
GOAL_DONE_ALREADY = message(
    "plandoc.unread-goal-done-already",
    "{place}: `{text}` states what was done already, or since a year, in all "
    "(已累计, 以来): the plan's background, not its goal; not imported",
)
GOAL_RUNNING_READINGS = message(
    "plandoc.unlinked-running-total",
    "{place}: `{text}` states a running total (累计), and table {id}'s years {span} add up to "
    "{total} {unit}, which meets it only if it counts years before {first} too; the text does "
    "not say which, so not linked (write {span}年累计… for the plan's years, or set its "
    "`indicator:` by hand)",
)
GOAL_CAP_READINGS = message(
    "plandoc.cap-read-as-year",
    "{place}: `{text}` does not say whether it bounds {year}'s amount (年度, 每年) or that of "
    "{span} together (累计, 规划期内); table {id} gives {own} {unit} in {year} and {total} "
    "{unit} over {span}: checked as {year}'s (write which it means to settle it)",
)
GOAL_YEAR_READINGS = message(
    "plandoc.exact-read-as-year",
    "{place}: `{text}` is table {id}'s figure in {year} ({own} {unit}), and its years {span} "
    "add up to {total} {unit}: no word says whether the table prints running totals (累计) or "
    "each year's amount; checked as {year}'s (set the table's kind, or say 累计 or 三年 in the "
    "goal, to settle it)",
)
TEXT_TASK_UNMATCHED = message(
    "plandoc.text-task-unmatched",
    "{place}: the task `{title}` and its offices are in the text, not in the annex's task table",
)
TEXT_TASK_OUTSIDE = message(
    "plandoc.text-task-outside",
    "{place}: `{title}` lists offices (责任单位) outside the tasks' section ({section}); not "
    "imported as a task",
)
ALIAS_PROPOSED = message(
    "plandoc.alias-proposed",
    "the text says {alias} where the tables say {area}: proposed as an alias; check it",
)
OFFICE_SHORT_NAME = message(
    "plandoc.office-short-name",
    "{short} is taken as a short name of {full} (the one office it fits): written as its alias; "
    "check it",
)
OFFICE_SHORT_AMBIGUOUS = message(
    "plandoc.office-short-ambiguous",
    "{short} could be a short name of {fulls}: taken as neither; add it as the alias of the "
    "office meant",
)
NOTHING_USABLE = message(
    "plandoc.nothing-usable",
    "{path}: no breakdown table, goal or task could be read from it{reasons}",
)
READ_SUMMARY = message(
    "plandoc.read-summary", "{path}: read {tables}, {goals}, {tasks} in {sections}"
)
# English plurals as in planchk.messages (1 goal, 8 goals), never goal(s)
READ_COUNTS = {
    "tables": counted(
        "plandoc.count-tables", "{count} breakdown table", "{count} breakdown tables"
    ),
    "goals": counted("plandoc.count-goals", "{count} goal", "{count} goals"),
    "tasks": counted("plandoc.count-tasks", "{count} task", "{count} tasks"),
    "sections": counted("plandoc.count-sections", "{count} section", "{count} sections"),
}


def read_summary(path: str, counts: dict[str, int]) -> str:
    """What a document import read: its tables, goals and tasks, counted."""
    return READ_SUMMARY(path=path, **{k: word(counts[k]) for k, word in READ_COUNTS.items()})


ONE_DOCUMENT = message(
    "plandoc.one-document",
    "planchk import reads one plan document at a time ({count} files given)",
)
TASKS_NOT_WRITTEN = message(
    "plandoc.tasks-not-written",
    "the task table was read but not written: name a plan directory with -o DIR to write "
    "DIR/targets.yaml and DIR/tasks.yaml",
)
WROTE_PLAN = message("plandoc.wrote-plan", "Wrote {files} to {path}.")
INTO_DOCUMENT = message(
    "plandoc.into-document",
    "--into updates a targets file from CSV or XLSX tables; import a plan document with -o DIR",
)
TOTAL_FIRST_ROW = message(
    "plandoc.total-first-row",
    "{place}: the first row, {name}, is taken as the total (plans print it first); the other "
    "rows do not add up to it, which the check reports",
)
