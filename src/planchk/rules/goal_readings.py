"""A goal whose wording leaves two readings, and which one its check took (PC508): of the goals
family (PC501-PC508), beside planchk.rules.goals (the goal against its table).

`到2026年，全县新增建设用地控制在500亩以内` bounds 2026's own amount or what 2024-2026 add together;
`到2026年，全区新建…55个` beside a table of the years' amounts is 2026's figure or their sum. The
import chooses the reading that raises no error on a guess (docs/import.md); where the other
reading would fail, the choice is what a reviewer must see, so it is a finding of its own, in
every output (an import log line alone never reaches CI), at info level: nothing is wrong yet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

from planchk.findings import Problem, Severity
from planchk.models.targets import Goal
from planchk.plan.goal_text import by_year_alone
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.goals import GoalCheck, goal_checks
from planchk.rules.lookups import goal_area


def _other(ctx: PlanContext, check: GoalCheck) -> tuple[Decimal, str] | None:
    """The figure the other reading checks, and the years it is of: the year's own for a goal
    of the period, the sum from the plan's first year for a goal of its year; None where the
    table has not every one of those years, or the goal's wording settles it."""
    goal, targets = check.goal, ctx.targets
    indicator = ctx.indicator(goal.indicator)
    if targets is None or indicator is None or not _unsettled(goal, indicator.kind):
        return None
    first = targets.plan.period[0] if targets.plan.period else min(indicator.years, default=0)
    last, area = goal.last_year, goal_area(ctx, goal)
    years = range(int(goal.period[0]) if goal.period else int(first), last + 1)
    if area is None or len(years) < 2 or any(y not in indicator.years for y in years):
        return None
    cells = [ctx.cell(goal.indicator or "", area, indicator.years.index(y)) for y in years]
    values = [cell.value for cell in cells if cell.value is not None]
    if len(values) < len(cells):
        return None
    if goal.period is not None:
        return values[-1], str(last)
    return sum(values, Decimal(0)), f"{first}–{last}"


def _unsettled(goal: Goal, kind: str) -> bool:
    """Whether the goal's wording leaves its reading open over a table of `kind`: a cap, or an
    exact figure checked as its year's, dated by 到YYYY年 alone, over the years' amounts (an
    exact figure of the period is the years' amount, as an adding verb says: docs/import.md)."""
    if kind not in ("flow", "change") or goal.op not in ("<=", "<", "=="):
        return False
    settled = goal.op == "==" and goal.period is not None
    return not settled and by_year_alone(goal.text, goal.last_year)


@rule(
    "PC508",
    "goal-reading-chosen",
    Severity.INFO,
    "A goal's wording leaves two readings; the check took the one the table meets",
    "goal `{goal}` ({text}) may be of {year} or of {other_years}: its wording says neither "
    "每年/年度 nor 累计; checked as {year}'s, {actual} {unit}; as {other_years}'s it would be "
    "{other} {unit}, which does not meet {op} {target} (say which in the wording to settle it)",
)
def goal_reading_chosen(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: `到2023年，新增建设用地控制在500亩以内` may bound 2023's own amount or what the plan's
    years add together, and the two can disagree: 500 in 2023 keeps within it, 400 + 450 + 500
    does not. The check takes the reading the table meets, so that no error rests on a guess;
    this says which it took and what the other gives, so that the plan's wording is settled.

    Bad:
        goals:
          land: {text: 到2023年，全区新增建设用地控制在500亩以内, indicator: land,
                 year: 2023, op: "<=", value: 500, unit: 亩}
        indicators:
          land:
            unit: 亩
            kind: flow
            values:
              青云谱区: [400, 450, 500]

    Good:
        goals:
          land: {text: 到2023年，全区年度新增建设用地控制在500亩以内, indicator: land,
                 year: 2023, op: "<=", value: 500, unit: 亩}
    """
    for check in ctx.shared(goal_checks):
        other = _other(ctx, check) if check.met else None
        if other is None or dataclasses.replace(check, actual=other[0]).met:
            continue
        goal = check.goal
        yield ctx.in_targets(
            ("goals", check.goal_id, "text"),
            f"goals.{check.goal_id}.text",
            goal=check.goal_id,
            text=goal.text,
            year=goal.when,
            actual=check.actual,
            unit=check.unit,
            other_years=other[1],
            other=other[0],
            op=goal.op,
            target=check.target,
        )
