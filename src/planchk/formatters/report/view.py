"""What a report shows, as plain data: the plan's tables, goals and tasks with findings attached.

Every report format (HTML, XLSX, Markdown) renders this one view, so that they agree on which
cell a finding marks. A finding marks what its data path names: a cell
(`indicators.x.values.洪都街办.2022`), a row (`indicators.x.values.洪都街办`), a table
(`indicators.x...`), a goal (`goals.x`) or a task and role (`tasks.5.responsible`). A suggested
correction marks the cell it would change.

Over the 300 lines modules aim for: it is the one shape every report format renders (tables
with their rows, 其中 rows and notes, goals, tasks) and the one lookup that attaches findings
to them; split, the formats would agree on a cell only through several modules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planchk.findings import Finding, Severity, Suggestion
from planchk.formatters.fixes import most_likely
from planchk.loader.discover import Discovery, Plan
from planchk.models import TargetsFile, TasksFile
from planchk.models.targets import Indicator
from planchk.plan.numbers import exact, shown_sum
from planchk.report import Report
from planchk.rules.context import PlanContext
from planchk.rules.lookups import goal_cells

ROLES = ("lead", "responsible", "cooperating", "text_offices")


@dataclass(frozen=True)
class Fix:
    """The most likely correction of a finding, shown at the cell it would change."""

    finding: Finding
    suggestion: Suggestion


@dataclass(frozen=True)
class CellView:
    year: int | str
    value: Decimal | None  # None: blank
    path: str
    findings: tuple[Finding, ...] = ()
    fixes: tuple[Fix, ...] = ()

    @property
    def text(self) -> str:
        return "" if self.value is None else str(self.value)  # as printed: 6.0 stays 6.0

    @property
    def severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


# Excel indents a cell by at most 250 levels (openpyxl refuses more than 255): a deeper row is
# shown at that depth in every format (a Markdown level is a character: 20,000 levels deep,
# one per row, were 2 x 10^8 of them, 1.3 GB).
MAX_SHOWN_DEPTH = 250


@dataclass(frozen=True)
class RowView:
    area: str  # as typed in the file
    depth: int  # 0 for a top area
    cells: tuple[CellView, ...]
    findings: tuple[Finding, ...] = ()  # about the row as a whole
    parts_sum: tuple[Decimal | None, ...] | None = None  # for a total: its parts added up
    part_of: str | None = None  # an 其中 row: the row it is part of
    note: str | None = None  # what the indicator's `notes` say of the row (its 备注)

    @property
    def shown(self) -> str:
        """The name as a printed table shows it: an 其中 row as 其中：专项资金 under its whole,
        which import names 合计其中：专项资金 again (the file's name, unique in the plan)."""
        if self.part_of is None:
            return self.area
        own = self.area.removeprefix(self.part_of)
        return own if own.startswith("其中") else f"其中：{self.area}"

    @property
    def shown_depth(self) -> int:
        return min(self.depth, MAX_SHOWN_DEPTH)

    @property
    def is_total(self) -> bool:
        return self.parts_sum is not None

    def sum_differs(self, index: int) -> bool:
        if self.parts_sum is None:
            return False
        computed, declared = self.parts_sum[index], self.cells[index].value
        return computed is not None and declared is not None and computed != declared


class Rows:
    """A table's rows, each made as it is gone through and then dropped: a report of 100,000
    rows held a row view and its cell views for every one of them before writing the first."""

    def __init__(self, make: Callable[[], Iterator[RowView]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[RowView]:
        return self._make()


@dataclass(frozen=True)
class TableView:
    ind_id: str
    name: str
    title: str  # the printed table title, or the indicator's name
    unit: str
    kind: str
    years: tuple[int | str, ...]
    rows: Iterable[RowView]  # made again each time they are gone through
    findings: tuple[Finding, ...]  # about the table, not one cell or row
    file: str
    noted: bool  # whether a row has a note: the table then prints a 备注 column


@dataclass(frozen=True)
class GoalView:
    goal_id: str
    text: str
    year: int | str  # or its period: 2024–2026
    op: str
    value: Decimal
    unit: str
    planned: Decimal | None  # the table's value for the goal's area and year
    planned_unit: str  # the table's unit, which need not be the goal's (万亩 over 亩)
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class TaskView:
    section: str  # 一, 二, ... and the section title
    number: int
    title: str
    offices: tuple[tuple[str, tuple[str, ...] | None], ...]  # role -> offices (None: absent)
    findings: dict[str, tuple[Finding, ...]]  # role ("" for the task) -> findings

    def role_severity(self, role: str) -> Severity | None:
        return max((f.severity for f in self.findings.get(role, ())), default=None)


@dataclass(frozen=True)
class PlanView:
    title: str
    files: tuple[str, ...]
    tables: tuple[TableView, ...]
    goals: tuple[GoalView, ...]
    tasks: tuple[TaskView, ...]
    findings: tuple[Finding, ...]  # every finding of the plan's files


@dataclass(frozen=True)
class ReportView:
    plans: tuple[PlanView, ...]
    report: Report


def build_view(found: Discovery, report: Report) -> ReportView:
    """The view of every plan the discovery paired, with the report's findings attached."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.location.file].append(finding)
    with exact():  # the sums a report shows are the sums validate checked
        plans = tuple(_plan_view(plan, by_file) for plan in found.plans if plan.reported)
    return ReportView(plans, report)


def _plan_view(plan: Plan, by_file: dict[str, list[Finding]]) -> PlanView:
    ctx = PlanContext(plan.targets, plan.tasks)
    files = tuple(sorted(plan.reported))
    tables: tuple[TableView, ...] = ()
    goals: tuple[GoalView, ...] = ()
    title = ""
    if ctx.targets_file is not None and isinstance(ctx.targets, TargetsFile):
        found = _Lookup(by_file.get(ctx.targets_file.display, []))
        title = ctx.targets.plan.title
        tables = tuple(
            _table_view(ctx, ind_id, indicator, found, ctx.targets_file.display)
            for ind_id, indicator in ctx.indicators()
        )
        goals = tuple(_goal_views(ctx, found))
    tasks: tuple[TaskView, ...] = ()
    if ctx.tasks_file is not None and isinstance(ctx.tasks, TasksFile):
        tasks = tuple(_task_views(ctx.tasks, _Lookup(by_file.get(ctx.tasks_file.display, []))))
    every = tuple(f for name in files for f in by_file.get(name, []))
    return PlanView(title, files, tables, goals, tasks, every)


class _Lookup:
    """The findings of one file by data path, and the corrections by the cell they change."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.by_path: dict[str, list[Finding]] = defaultdict(list)
        self.fixes: dict[str, list[Fix]] = defaultdict(list)
        for finding in findings:
            self.by_path[finding.path].append(finding)
            # A cell shows a proposed value only for the most likely alternative: the others
            # would each balance the column too, and shown at once they read as all applied.
            for suggestion in most_likely(finding.suggestions):
                self.fixes[suggestion.path].append(Fix(finding, suggestion))
        self.claimed: set[str] = set()
        # The paths by their first two parts (`tasks.5`, `goals.g1`, `indicators.x`): asking
        # for the findings under a task looked at every path, for every task and role (10,000
        # tasks beside 1,000 findings: 5 x 10^7 comparisons).
        self.by_head: dict[str, list[str]] = defaultdict(list)
        for path in self.by_path:
            self.by_head[_head(path)].append(path)

    def take(self, path: str) -> tuple[Finding, ...]:
        self.claimed.add(path)
        return self.at(path)

    def at(self, path: str) -> tuple[Finding, ...]:
        """The findings of `path`, leaving it unclaimed: a table's rows are made as they are
        written, so what they take is told from the table itself (`_table_findings`)."""
        return tuple(self.by_path.get(path, ()))

    def under(self, prefix: str) -> tuple[Finding, ...]:
        """Findings under `prefix` that no cell, row or role took, in the order found."""
        return tuple(
            f
            for path in self.paths_under(prefix)
            if path not in self.claimed
            for f in self.by_path[path]
        )

    def paths_under(self, prefix: str) -> list[str]:
        """The paths that are `prefix` or under it, in the order found. A path under a prefix
        of two parts or more starts with the same two parts: only those are looked at."""
        near = self.by_head.get(_head(prefix), []) if prefix.count(".") else list(self.by_path)
        return [path for path in near if path == prefix or path.startswith(prefix + ".")]


def _head(path: str) -> str:
    return ".".join(path.split(".", 2)[:2])


def _table_view(
    ctx: PlanContext, ind_id: str, indicator: Indicator, found: _Lookup, file: str
) -> TableView:
    of_which = ctx.hierarchy.of_which if ctx.hierarchy else {}
    wholes = {part: whole for whole, parts in of_which.items() for part in parts}
    order = _row_order(ctx, indicator)

    def rows() -> Iterator[RowView]:
        for name in order:
            yield _row_view(ctx, ind_id, indicator, name, found, wholes.get(name))

    return TableView(
        ind_id=ind_id,
        name=indicator.name,
        title=indicator.table or indicator.name,
        unit=indicator.unit,
        kind=indicator.kind,
        years=tuple(indicator.years),
        rows=Rows(rows),
        findings=_table_findings(found, ind_id, indicator),
        file=file,
        noted=any(name in indicator.notes for name in indicator.values),
    )


def _table_findings(found: _Lookup, ind_id: str, indicator: Indicator) -> tuple[Finding, ...]:
    """Findings about the table as a whole: under the indicator, and not about one of its rows
    (`indicators.x.values.甲`) or cells (`indicators.x.values.甲.2022`), which the rows show."""
    prefix = f"indicators.{ind_id}"
    values, years = f"{prefix}.values.", {str(year) for year in indicator.years}

    def shown_by_a_row(path: str) -> bool:
        if not path.startswith(values):
            return False
        rest = path[len(values) :]
        name, _, year = rest.rpartition(".")
        return rest in indicator.values or (year in years and name in indicator.values)

    return tuple(
        finding
        for path in found.paths_under(prefix)
        if not shown_by_a_row(path)
        for finding in found.by_path[path]
    )


def _row_order(ctx: PlanContext, indicator: Indicator) -> list[str]:
    """Rows as typed, a total before its parts (the hierarchy's order), unknown areas last."""
    hierarchy = ctx.hierarchy
    if hierarchy is None:
        return list(indicator.values)
    by_area = {hierarchy.canonical(name) or name: name for name in indicator.values}
    ordered = []
    for area in hierarchy.depth_first:  # each row, then its 其中 rows, as a table prints them
        if area in by_area:
            ordered.append(by_area[area])
        ordered += [by_area[part] for part in hierarchy.of_which.get(area, ()) if part in by_area]
    placed = set(ordered)  # a set: a list here made 100,000 rows take a minute
    return ordered + [name for name in indicator.values if name not in placed]


def _row_view(  # noqa: PLR0913, PLR0917  (the table's context, the row, and its whole)
    ctx: PlanContext,
    ind_id: str,
    indicator: Indicator,
    name: str,
    found: _Lookup,
    whole: str | None,
) -> RowView:
    prefix = f"indicators.{ind_id}.values.{name}"
    row = indicator.values[name]
    cells = tuple(
        CellView(
            year,
            row[index] if index < len(row) else None,
            f"{prefix}.{year}",
            found.at(f"{prefix}.{year}"),
            tuple(found.fixes.get(f"{prefix}.{year}", ())),
        )
        for index, year in enumerate(indicator.years)
    )
    hierarchy = ctx.hierarchy
    area = hierarchy.canonical(name) if hierarchy else None
    depth = hierarchy.depths.get(area, 0) if hierarchy and area else 0
    if hierarchy is not None and whole is not None:  # under its whole, one level deeper
        depth = hierarchy.depths.get(whole, 0) + 1
    parts_sum = _parts_sum(ctx, ind_id, indicator, area) if area else None
    note = indicator.notes.get(name)
    return RowView(name, depth, cells, found.at(prefix), parts_sum, whole, note)


def _parts_sum(
    ctx: PlanContext, ind_id: str, indicator: Indicator, area: str
) -> tuple[Decimal | None, ...] | None:
    hierarchy = ctx.hierarchy
    if hierarchy is None or area not in hierarchy.parts or indicator.kind == "ratio":
        return None
    rows = ctx.rows(ind_id)
    parts = [rows.get(part) for part in hierarchy.parts[area]]
    total = rows.get(area, ())
    return tuple(
        _column_sum(total[index] if index < len(total) else None, parts, index)
        for index in range(len(indicator.years))
    )


def _column_sum(
    total: Decimal | None, parts: Sequence[Sequence[Decimal | None] | None], index: int
) -> Decimal | None:
    values = [row[index] if row is not None and index < len(row) else None for row in parts]
    if not values or any(value is None for value in values):
        return None  # a missing or blank part: no sum to show
    # Printed with its addends' digits beside the total's, not Decimal's 7.000 under 7.0.
    return shown_sum(total, values)


def _goal_views(ctx: PlanContext, found: _Lookup) -> Iterable[GoalView]:
    for goal_id, goal in ctx.goals():
        cells = goal_cells(ctx, goal)  # a flow's period goal: its years, summed
        values = [cell.value for cell in cells if cell.value is not None]
        planned = sum(values, Decimal(0)) if cells and len(values) == len(cells) else None
        indicator = ctx.indicator(goal.indicator)
        yield GoalView(
            goal_id, goal.text, goal.when, goal.op, goal.value, goal.unit, planned,
            indicator.unit if indicator is not None else goal.unit,
            found.take(f"goals.{goal_id}") + found.under(f"goals.{goal_id}"),
        )  # fmt: skip


def _task_views(tasks: TasksFile, found: _Lookup) -> Iterable[TaskView]:
    for section in tasks.sections:
        for task in section.tasks:
            prefix = f"tasks.{task.number}"
            offices = tuple((role, _offices(getattr(task, role))) for role in ROLES)
            by_role = {role: found.under(f"{prefix}.{role}") for role in ROLES}
            for role in ROLES:
                found.claimed.update(f.path for f in by_role[role])
            by_role[""] = found.under(prefix)
            yield TaskView(
                f"{section.number}、{section.title}", task.number, task.title, offices, by_role
            )


def _offices(value: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)
