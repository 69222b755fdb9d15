"""Lookups that several rules, the suggested corrections and the report share.

The area a goal is about; the plan's relations, read once per plan; the values a relation
names at one area and year, with the rounding their printed digits allow; the tasks with their
place in the file, which both halves of the tasks family walk. Here rather than
in a rule module, so that no module uses a rule as a library.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planchk.errors import RelationError
from planchk.models.targets import Goal
from planchk.models.tasks import Task
from planchk.plan.comparators import compare
from planchk.plan.numbers import decimals, half_unit
from planchk.plan.relations import Lookup, Relation, divides_by_zero, evaluate, parse
from planchk.rules.context import Cell, PlanContext


def goal_area(ctx: PlanContext, goal: Goal) -> str | None:
    hierarchy = ctx.hierarchy
    if hierarchy is None:
        return None
    if goal.area is not None:
        return hierarchy.canonical(goal.area)
    roots = hierarchy.roots
    return roots[0] if len(roots) == 1 else None


def goal_cells(ctx: PlanContext, goal: Goal) -> list[Cell]:
    """The cells that hold a goal's figure: its year's at its area; for a goal of a period,
    each of its years' when the indicator is a flow (or a change: the period's figure is their
    sum), else its last year's; the one cell of a table of that period as a whole (years:
    [2024-2026]). Empty when the table has no row or no column for one of them."""
    indicator, area = ctx.indicator(goal.indicator), goal_area(ctx, goal)
    if indicator is None or area is None:
        return []
    if goal.period is not None and indicator.span == tuple(goal.period):
        return [ctx.cell(goal.indicator or "", area, 0)]  # the table's figure for the period
    index = {year: i for i, year in enumerate(indicator.years)}
    years = [goal.last_year]
    if goal.period is not None and indicator.kind in ("flow", "change"):
        years = list(range(goal.period[0], goal.period[1] + 1))
    if not all(year in index for year in years):
        return []
    return [ctx.cell(goal.indicator or "", area, index[year]) for year in years]


def printed_tops(ctx: PlanContext) -> dict[str, set[str]]:
    """Each indicator -> the top areas whose trees it prints a row of (read once per run)."""
    hierarchy, targets = ctx.hierarchy, ctx.targets
    if hierarchy is None or targets is None:
        return {}
    tops = hierarchy.tops
    return {
        ind_id: {tops[area] for area in ctx.rows(ind_id) if area in tops}
        for ind_id in targets.indicators
    }


def joined_tops(ctx: PlanContext) -> list[list[str]]:
    """The top areas in groups that make one table: two tops are joined where one indicator
    prints a row under each (a forgotten parent: PC039), and stay apart where each is the
    tree of other indicators (two tables side by side, 收入合计 | 支出合计, or one under
    another over other areas). A top whose tree no indicator prints joins the first printed
    top's group (a forgotten parent still); where no indicator prints a row, all are one."""
    hierarchy, targets = ctx.hierarchy, ctx.targets
    if hierarchy is None or targets is None:
        return []
    roots = hierarchy.roots
    group = {root: root for root in roots}

    def find(root: str) -> str:
        while group[root] != root:
            group[root] = group[group[root]]
            root = group[root]
        return root

    printed: set[str] = set()
    for tops in ctx.shared(printed_tops).values():
        printed |= tops
        first, *rest = sorted(tops) or [""]
        for other in rest:
            group[find(other)] = find(first)
    if not printed:
        return [roots] if roots else []
    # a top whose tree no indicator prints is a table's forgotten part: the first table's
    joining = next(root for root in roots if root in printed)
    for root in roots:
        if root not in printed:
            group[find(root)] = find(joining)
    groups: dict[str, list[str]] = {}
    for root in roots:
        groups.setdefault(find(root), []).append(root)
    return list(groups.values())


def expected_tops(ctx: PlanContext) -> dict[str, frozenset[str]]:
    """Each indicator -> the top areas whose trees it must cover: those of the group(s) it
    prints a row in (joined_tops) and those no indicator prints; all for one printing none."""
    hierarchy, targets = ctx.hierarchy, ctx.targets
    if hierarchy is None or targets is None:
        return {}
    by_top = {top: frozenset(group) for group in ctx.shared(joined_tops) for top in group}
    printed = ctx.shared(printed_tops)
    every = frozenset(hierarchy.roots)
    unprinted = every.difference(*printed.values())  # every table's to print: PC301 on each
    return {
        ind_id: frozenset().union(unprinted, *(by_top[t] for t in tops)) if tops else every
        for ind_id, tops in printed.items()
    }


def parsed_relations(ctx: PlanContext) -> list[tuple[int, Relation | RelationError]]:
    """The plan's relations, read; names are indicator ids or unambiguous Chinese names."""
    targets = ctx.targets
    if targets is None:
        return []
    names = {ind_id: ind_id for ind_id in targets.indicators}
    by_name: dict[str, list[str]] = {}
    for ind_id, indicator in targets.indicators.items():
        by_name.setdefault(indicator.name, []).append(ind_id)
    names.update({name: ids[0] for name, ids in by_name.items() if len(ids) == 1})
    hierarchy = ctx.hierarchy

    def row(ind_id: str, written: str) -> str | None:
        """A row named in brackets: the area it is, or stands for as an alias, if the
        indicator's table has a row for it."""
        area = hierarchy.canonical(written) if hierarchy is not None else written
        return area if area is not None and area in ctx.rows(ind_id) else None

    out: list[tuple[int, Relation | RelationError]] = []
    for index, text in enumerate(targets.relations):
        try:
            out.append((index, parse(text, names, row)))
        except RelationError as error:
            out.append((index, error))
    return out


def values_lookup(
    ctx: PlanContext, area: str, year: int | str, override: tuple[str, Decimal] | None = None
) -> Lookup:
    """The values of one area and year, with the half unit their printed digits allow;
    `override` replaces one indicator's value in this area, to try a correction.

    The allowance follows the digits a value is printed with, not its unit: a count printed
    whole (3 件) is exact, but a count printed as 0.33 was rounded like any other figure, and
    0.33 × 3 against 1.00 misses by rounding, not by a mistake.
    """

    def lookup(name: str, row_name: str) -> tuple[Decimal, Decimal] | None:
        here = row_name or area  # a row named in brackets, or the one checked
        if override is not None and override[0] == name and here == area:
            return override[1], Decimal(0)
        indicator = ctx.indicator(name)
        if indicator is None or year not in indicator.years:
            return None
        row = ctx.rows(name).get(here, ())
        index = indicator.years.index(year)
        value = row[index] if index < len(row) else None
        if value is None:
            return (Decimal(0), Decimal(0)) if indicator.blank_is_zero else None
        unit = ctx.units.get(indicator.unit)
        exact = unit is not None and unit.whole and decimals(value) == 0
        return value, Decimal(0) if exact else half_unit(value)

    return lookup


def relations_of(ctx: PlanContext, name: str) -> list[Relation]:
    """The readable relations that involve an indicator."""
    return [
        relation
        for _, relation in ctx.shared(parsed_relations)
        if isinstance(relation, Relation) and name in relation.refs()
    ]


def holds_at(
    ctx: PlanContext,
    relation: Relation,
    area: str,
    year: int | str,
    override: tuple[str, Decimal] | None = None,
) -> bool | None:
    """Whether the relation holds exactly for an area and year (None: a value is missing)."""
    lookup = values_lookup(ctx, area, year, override)
    left, right = evaluate(relation.left, lookup), evaluate(relation.right, lookup)
    if left is None or right is None:
        return None
    return compare(left[0], relation.op, right[0])


@dataclass(frozen=True)
class Placed:
    """A task with its position in the file."""

    section: int
    index: int
    task: Task

    def source(self, *rest: str | int) -> tuple[str | int, ...]:
        return ("sections", self.section, "tasks", self.index, *rest)

    def path(self, *rest: str) -> str:
        return ".".join(("tasks", str(self.task.number), *rest))


def placed_tasks(ctx: PlanContext) -> list[Placed]:
    tasks = ctx.tasks
    if tasks is None:
        return []
    return [
        Placed(s, t, task)
        for s, section in enumerate(tasks.sections)
        for t, task in enumerate(section.tasks)
    ]


def unchecked(relation: Relation, lookup: Lookup) -> bool:
    """Whether a relation divides by zero where the other side prints a value (PC110): a
    growth rate left blank over a base of 0, the way tables print it, has nothing to check."""
    for zero, other in ((relation.left, relation.right), (relation.right, relation.left)):
        if divides_by_zero(zero, lookup) and (
            divides_by_zero(other, lookup) or evaluate(other, lookup) is not None
        ):
            return True
    return False
