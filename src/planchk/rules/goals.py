"""Goals: does the table's final-year total meet the headline goal?

Here the goal against its table (PC501, PC502, PC505, PC506); whether the goal says what its
printed text says (PC503, PC504, PC507) is planchk.rules.goal_wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from planchk.findings import Problem, Severity
from planchk.models.targets import Goal, Indicator
from planchk.plan.comparators import compare
from planchk.plan.goal_text import read_wording
from planchk.plan.numbers import half_unit, rounding_allowance
from planchk.registry import rule
from planchk.rules.context import Cell, PlanContext
from planchk.rules.lookups import goal_cells


@dataclass(frozen=True)
class GoalCheck:
    """A goal beside the table total it is about, both in the indicator's unit: the goal's
    year's cell, or for a goal of a period the sum of its years (a flow) or its last year."""

    goal_id: str
    goal: Goal
    cell: Cell  # the cell of the goal's (last) year, where the table shows it
    actual: Decimal
    target: Decimal
    unit: str
    allowance: Decimal  # how far an exact (==) goal may honestly miss: the printed digits

    @property
    def met(self) -> bool:
        if self.goal.op == "==":
            return abs(self.actual - self.target) <= self.allowance
        at_boundary = self.actual == self.target and self.goal.op in (">", "<")
        return at_boundary or compare(self.actual, self.goal.op, self.target)


def goal_checks(ctx: PlanContext) -> list[GoalCheck]:
    """Goals that name an indicator whose table has a value for the goal's year (every year
    of its period, for a flow's period goal) and area."""
    targets = ctx.targets
    if targets is None:
        return []
    checks = []
    for goal_id, goal in targets.goals.items():
        indicator = ctx.indicator(goal.indicator)
        cells = goal_cells(ctx, goal)
        if indicator is None or not cells:
            continue
        goal_unit, table_unit = ctx.units.get(goal.unit), ctx.units.get(indicator.unit)
        if goal_unit is None or table_unit is None:
            continue
        if not ctx.units.convertible(goal_unit, table_unit):
            continue  # reported by goal-unit-incompatible
        values = [c.value for c in cells if c.value is not None]
        if len(values) < len(cells):
            continue  # a blank year: nothing to compare
        target = goal_unit.to(table_unit, goal.value)
        allowance = goal_unit.to(table_unit, _half_unit(ctx, goal)) + (
            Decimal(0) if table_unit.whole else rounding_allowance(values)
        )
        actual = sum(values, Decimal(0))
        checks.append(
            GoalCheck(goal_id, goal, cells[-1], actual, target, indicator.unit, allowance)
        )
    return checks


def _half_unit(ctx: PlanContext, goal: Goal) -> Decimal:
    """How far the goal's figure may be from the truth, in the goal's unit: half a unit of the
    last digit its text prints (3.6万亩 is ± 0.05万亩 = 500亩 even where `value` is written
    36000 in 亩), else of its value's."""
    said = read_wording(goal.text)
    amount = said.amount(goal.unit, ctx.units) if said is not None else None
    if said is None or amount != goal.value or not said.value:
        return half_unit(goal.value)
    return half_unit(said.value) * amount / said.value


def _report(ctx: PlanContext, check: GoalCheck) -> Problem:
    table = ctx.at_cell(check.cell)
    problem = ctx.in_targets(
        ("goals", check.goal_id, "value"),
        f"goals.{check.goal_id}",
        goal=check.goal_id,
        text=check.goal.text,
        op=check.goal.op,
        target=check.target,
        unit=check.unit,
        actual=check.actual,
        year=check.goal.when,
        area=check.cell.area,
        indicator=check.cell.indicator,
    )
    return Problem(problem.location, problem.path, problem.args, (table.location,))


@rule(
    "PC501",
    "goal-not-met",
    Severity.ERROR,
    "The table does not meet the goal",
    "goal `{goal}` ({text}) needs {op} {target} {unit} in {year}, "
    "but the table gives {area} {actual} {unit}",
)
def goal_not_met(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: the breakdown tables are how the headline goals are reached; a final-year total
    short of the goal means the goal or the table is wrong.

    Bad:
        goals:
          patents: {text: 发明专利申请量达到609件, indicator: patent_applications,
                    year: 2023, op: ">=", value: 609, unit: 件}
        indicators:
          patent_applications:
            values:
              青云谱区: [513, 565, 600]

    Good:
        values:
          青云谱区: [513, 565, 609]
    """
    for check in ctx.shared(goal_checks):
        if not check.met:
            yield _report(ctx, check)


@rule(
    "PC502",
    "goal-strict-boundary",
    Severity.WARNING,
    "The table reaches the goal's figure, which a strict goal excludes",
    "goal `{goal}` ({text}) needs {op} {target} {unit} in {year}; "
    "the table gives {area} exactly {actual} {unit}, which the strict wording excludes",
)
def goal_strict_boundary(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: 超过, 突破 and 高于 mean strictly more: a table that plans exactly 130 does not
    reach "超过130家". Either the wording should say 达到 or the table should plan more.

    Bad:
        goals:
          high_tech: {text: 高新技术企业超过130家, op: ">", value: 130, ...}
        indicators:
          high_tech_enterprises:
            unit: 家
            values:
              青云谱区: [99, 111, 130]

    Good:
        goals:
          high_tech: {text: 高新技术企业达到130家, op: ">=", value: 130, ...}
    """
    for check in ctx.shared(goal_checks):
        if check.actual == check.target and check.goal.op in (">", "<"):
            yield _report(ctx, check)


@rule(
    "PC505",
    "goal-year-missing",
    Severity.ERROR,
    "A goal's year has no column in its table",
    "goal `{goal}` is for {when}, but {indicator} has no column for {year}",
)
def goal_year_missing(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a goal is checked against its table's column for the goal's year; a year inside
    the table's span (or before it) without that column leaves the goal set but not broken
    down. A goal after the table's last column is not this: the table simply ends earlier
    (a 2025 goal beside a 2021-2023 breakdown), and goal-out-of-reach (PC704) says whether
    the table's growth reaches it. A flow's goal of a period is the sum of every year of it,
    which no growth projects: any year of the period the table lacks, after its last column
    too, is this.

    Bad:
        goals:
          patents: {indicator: patent_applications, year: 2022, ...}
        indicators:
          patent_applications: {years: [2021, 2023], ...}

    Good:
        goals:
          patents: {indicator: patent_applications, year: 2023, ...}
    """
    for goal_id, goal in ctx.goals():
        indicator = ctx.indicator(goal.indicator)
        year = None if indicator is None else _missing_year(goal, indicator)
        if year is not None:
            yield ctx.in_targets(
                ("goals", goal_id, "year" if goal.period is None else "period"),
                f"goals.{goal_id}.year",
                goal=goal_id,
                when=goal.when,
                year=year,
                indicator=goal.indicator,
            )


def _missing_year(goal: Goal, indicator: Indicator) -> int | None:
    """The goal's year the table has no column for, where that leaves the goal unchecked."""
    if goal.period is not None and indicator.span == tuple(goal.period):
        return None  # a table of the period as a whole (years: [2024-2026]) prints its figure
    if goal.period is not None and indicator.kind in ("flow", "change"):
        years = range(goal.period[0], goal.period[1] + 1)  # summed: each one is needed
        return next((year for year in years if year not in indicator.years), None)
    if goal.last_year in indicator.years:
        return None
    dated = indicator.dated
    if not dated or goal.last_year < max(dated):  # after the last column: PC704's to say
        return goal.last_year
    return None


@rule(
    "PC506",
    "goal-area-ambiguous",
    Severity.ERROR,
    "A goal does not say which area it is for",
    "goal `{goal}` names no area and the hierarchy has {count} top areas ({roots}); "
    "add `area:` to the goal",
)
def goal_area_ambiguous(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a goal is compared with its area's total; with several top-level areas (or none
    declared) planchk cannot tell which total is meant.

    Bad:
        areas:
          东区: [a, b]
          西区: [c, d]
        goals:
          g: {indicator: x, year: 2023, ...}

    Good:
        goals:
          g: {indicator: x, area: 东区, year: 2023, ...}
    """
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is None or hierarchy is None:
        return
    roots = hierarchy.roots
    for goal_id, goal in targets.goals.items():
        if goal.indicator and goal.area is None and len(roots) != 1:
            yield ctx.in_targets(
                ("goals", goal_id),
                f"goals.{goal_id}.area",
                on_key=True,
                goal=goal_id,
                count=len(roots),
                roots=", ".join(roots) or "none",
            )
