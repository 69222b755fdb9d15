"""Plausibility of totals: a total exactly 10^k times the sum of its parts (PC703), and a goal
beyond the table's last year that the table's own growth does not reach (PC704); of the
plausibility family (PC701-PC705), info like the rest of it.

The family's other half, a part row against its family (a share that swings, growth out of
line, a copied row), is planchk.rules.plausibility.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planchk.findings import Problem, Severity
from planchk.plan.numbers import tidy
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.lookups import goal_area
from planchk.rules.sums import column_sums

INFO = Severity.INFO


@rule(
    "PC703",
    "total-unit-slip",
    INFO,
    "A total is a power of ten times its parts",
    "{name} ({indicator}) {year}: the total of {area} is {total}, exactly {factor} times the "
    "sum of its parts ({parts}): a value in the wrong unit or a shifted decimal point",
)
def total_unit_slip(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a total that is exactly 10, 100 or 10,000 times the sum of its parts was typed in
    another unit (万元 for 亿元) or with its decimal point shifted; the sum finding says the
    column is off, this one says how.

    Bad:
        unit: 亿元
        values:
          全区: [83000]
          甲街道: [3.3]
          乙街道: [5.0]

    Good:
        values:
          全区: [8.3]
          甲街道: [3.3]
          乙街道: [5.0]
    """
    for column in ctx.shared(column_sums):
        if column.parts in (0, column.total):
            continue
        ratio = column.total / column.parts
        for exponent in (1, 2, 3, 4, 8):
            factor = Decimal(10) ** exponent
            if ratio in (factor, 1 / factor):
                yield ctx.at_cell(
                    ctx.cell(column.indicator, column.area, column.index),
                    name=column.name, indicator=column.indicator, year=column.year,
                    area=column.area, total=column.total, parts=column.parts,
                    factor=tidy(ratio),
                )  # fmt: skip


@rule(
    "PC704",
    "goal-out-of-reach",
    INFO,
    "The table's growth does not reach a later goal",
    "goal `{goal}` needs {op} {target} {unit} in {year}; growing at the table's "
    "{rate}% a year from {last_year}, {area} reaches {projected} {unit}",
)
def goal_out_of_reach(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a goal set for a year after the table's last column (a 2025 goal beside a 2021-2023
    breakdown) is reached only if the table's growth goes on; when the table's own yearly
    growth rate, continued, falls short, the breakdown does not support the goal.

    Bad:
        years: [2021, 2023]
        values:
          全区: [100, 110]
        goals:
          g: {text: 到2025年达到200件, year: 2025, op: ">=", value: 200, ...}

    Good:
        values:
          全区: [100, 150]
    """
    for goal_id, goal in ctx.goals():
        indicator = ctx.indicator(goal.indicator)
        area = goal_area(ctx, goal)
        if indicator is None or area is None or goal.unit != indicator.unit:
            continue
        if goal.op == "==" or (goal.period is not None and indicator.kind in ("flow", "change")):
            continue  # growth reaches a level: not an exact figure, nor a period's sum
        row = ctx.rows(goal.indicator or "").get(area, ())
        if indicator.dated is None:
            continue  # a period with a label: no years to project along
        projection = _project(indicator.dated, row, goal.last_year)
        if projection is None:
            continue
        projected, rate = projection
        reached = projected >= goal.value if goal.op in (">", ">=") else projected <= goal.value
        if not reached:
            yield ctx.in_targets(
                ("goals", goal_id, "year"), f"goals.{goal_id}.reach",
                goal=goal_id, op=goal.op, target=goal.value, unit=goal.unit, year=goal.when,
                rate=rate, last_year=indicator.years[-1], area=area, projected=projected,
            )  # fmt: skip


def _project(years: list[int], row: object, year: int) -> tuple[Decimal, Decimal] | None:
    """The row's last value grown at its first-to-last yearly rate until `year`."""
    assert isinstance(row, list | tuple)
    if len(years) < 2 or year <= years[-1] or len(row) < len(years):
        return None
    first, last = row[0], row[len(years) - 1]
    if first is None or last is None or first <= 0:
        return None
    yearly = (Decimal(last) / Decimal(first)) ** (Decimal(1) / (years[-1] - years[0]))
    projected = Decimal(last) * yearly ** (year - years[-1])
    return projected.quantize(Decimal("0.01")), ((yearly - 1) * 100).quantize(Decimal("0.1"))
