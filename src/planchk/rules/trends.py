"""Trends: does each area's target move from year to year the way the indicator allows?

A stock (the number of high-tech enterprises) accumulates and should not fall; a flow (patent
applications filed in a year) may fall, but a plan usually means growth, so a fall is worth a
look; a ratio moves freely. The indicator's `trend` setting overrides what its kind implies.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal

from planchk.findings import Problem, Severity
from planchk.models.targets import TrendPolicy
from planchk.plan.numbers import has_blank
from planchk.registry import Option, rule
from planchk.rules.context import PlanContext
from planchk.rules.options import percent

MIN_DROP_PERCENT = Option(
    Decimal(0),
    percent,
    "Report a fall only when it is at least this share of the earlier value "
    "(0, the default, reports every fall).",
)

_not_above: Callable[[Decimal | None, Decimal | None], bool] = operator.le  # type: ignore[assignment]


def _falls(ctx: PlanContext, policy: TrendPolicy, old: Decimal, new: Decimal) -> bool:
    if new >= old:
        return False
    if policy != "growth_expected" or old <= 0:
        return True
    minimum: Decimal = ctx.option(MIN_DROP_PERCENT)
    return (old - new) * 100 >= minimum * old


def _decreases(ctx: PlanContext, policy: TrendPolicy) -> Iterator[Problem]:
    for ind_id, indicator in ctx.indicators():
        if indicator.trend_policy != policy:
            continue
        years = indicator.years
        for area, row in _unsorted_rows(ctx, ind_id, indicator.values):
            previous: tuple[int, Decimal] | None = None
            for index, value in enumerate(row[: len(years)]):
                if value is None:
                    continue  # a blank cell is a coverage finding; compare across it
                if previous is not None and _falls(ctx, policy, previous[1], value):
                    yield ctx.at_cell(
                        ctx.cell(ind_id, area, index),
                        name=indicator.name,
                        indicator=ind_id,
                        area=area,
                        from_year=years[previous[0]],
                        to_year=years[index],
                        old=previous[1],
                        new=value,
                        change=value - previous[1],
                    )
                previous = (index, value)


def _unsorted_rows(
    ctx: PlanContext, ind_id: str, values: Mapping[str, Sequence[Decimal | None]]
) -> Iterable[tuple[str, Sequence[Decimal | None]]]:
    """The rows in which some value falls. The common case is decided at C speed: a row
    without blanks in which nothing falls equals its own sorted copy."""
    if ctx.never_falls(ind_id):
        return ()
    if ctx.has_blanks(ind_id):
        return [
            (area, row)
            for area, row in values.items()
            if has_blank(row) or not all(map(_not_above, row, row[1:]))
        ]
    rows = values.values()
    return itertools.compress(values.items(), map(operator.ne, rows, map(sorted, rows)))  # type: ignore[arg-type]


@rule(
    "PC201",
    "trend-decrease",
    Severity.ERROR,
    "A value that must not fall falls",
    "{name} ({indicator}) {area}: {old} in {from_year} falls to {new} in {to_year} "
    "({change:+}); this indicator must not decrease",
)
def trend_decrease(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a stock (number of enterprises, of platforms) accumulates; a target that falls from
    one year to the next is almost always a typing error or a row shifted by one. Applies to
    indicators with `trend: non_decreasing`, the default for `kind: stock`.

    Bad:
        kind: stock
        years: [2021, 2022, 2023]
        values:
          洪都街办: [5, 6, 4]

    Good:
        kind: stock
        years: [2021, 2022, 2023]
        values:
          洪都街办: [5, 6, 7]
    """
    yield from _decreases(ctx, "non_decreasing")


@rule(
    "PC202",
    "trend-flow-decrease",
    Severity.WARNING,
    "A value expected to grow falls",
    "{name} ({indicator}) {area}: {old} in {from_year} falls to {new} in {to_year} "
    "({change:+}), while the plan expects growth",
    options={"min-drop-percent": MIN_DROP_PERCENT},
)
def trend_flow_decrease(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a flow (applications filed, turnover in a year) may fall, but a three-year plan
    usually means growth; a fall should be deliberate. Waive it with a reason when it is.
    Applies to indicators with `trend: growth_expected`, the default for `kind: flow`.

    Bad:
        kind: flow
        values:
          洪都街办: [300, 50, 53]

    Good:
        kind: flow
        values:
          洪都街办: [30, 50, 53]
        # or keep the drop and record why, in waivers:
        #   - {rule: trend-flow-decrease, where: "*.洪都街办.2022", reason: "..."}
    """
    yield from _decreases(ctx, "growth_expected")
