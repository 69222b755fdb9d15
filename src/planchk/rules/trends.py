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

from planchk.findings import NEVER, Arg, Deferred, Severity
from planchk.models.targets import TrendPolicy
from planchk.plan.numbers import has_blank
from planchk.registry import Option, rule
from planchk.rules.context import PlanContext
from planchk.rules.deferring import CellDeferrer
from planchk.rules.options import percent

MIN_DROP_PERCENT = Option(
    Decimal(0),
    percent,
    "Report a fall only when it is at least this share of the earlier value "
    "(0, the default, reports every fall).",
)

_not_above: Callable[[Decimal | None, Decimal | None], bool] = operator.le  # type: ignore[assignment]


def _reported(minimum: Decimal | None, old: Decimal, new: Decimal) -> bool:
    """Whether a fall from `old` to `new` is reported: at least `minimum` percent of `old`
    when the option applies (growth_expected; None otherwise) and `old` is above 0."""
    if not minimum or old <= 0:  # 0, the default: every fall
        return True
    return (old - new) * 100 >= minimum * old


def _decreases(ctx: PlanContext, policy: TrendPolicy) -> Iterator[Deferred]:
    # Deferred: a plan whose rows all fall raises one finding per row (600,000 in issue 17);
    # only those the cap keeps are placed and worded, and those it would only count are
    # counted (ctx.tally), a row at a time.
    minimum = ctx.option(MIN_DROP_PERCENT) if policy == "growth_expected" else None
    tally, defer = ctx.tally, CellDeferrer(ctx, _fall_args)
    for ind_id, indicator in ctx.indicators():
        if indicator.trend_policy != policy:
            continue
        years = indicator.years
        width = len(years)
        for area, row in _unsorted_rows(ctx, ind_id, indicator.values):
            if tally.after < NEVER and ctx.counted(ind_id, area):
                tally.count += _count_falls(row[:width], minimum)
                continue
            for before, index in _falls(row[:width], minimum):
                if tally.take is not None and ctx.taken(ind_id, area, index):
                    continue  # held back by the baseline (a fall is one finding a cell)
                yield defer(ind_id, area, index, before)


def _falls(row: Sequence[Decimal | None], minimum: Decimal | None) -> Iterator[tuple[int, int]]:
    """Each reported fall of a row: the index of the value before and of the lower one. A
    blank cell is a coverage finding: the comparison goes across it."""
    before, old = 0, None  # the last value not blank, and its index
    for index, value in enumerate(row):
        if value is None:
            continue
        if old is not None and value < old and _reported(minimum, old, value):
            yield before, index
        before, old = index, value


def _count_falls(row: Sequence[Decimal | None], minimum: Decimal | None) -> int:
    """How many falls _falls gives, at C speed for a row without blanks and every fall
    reported (the default)."""
    if not minimum and not has_blank(row):
        return sum(map(operator.gt, row, row[1:]))  # type: ignore[arg-type]
    return sum(1 for _ in _falls(row, minimum))


def _fall_args(ctx: PlanContext, ind_id: str, area: str, index: int, before: int) -> dict[str, Arg]:
    """A fall's message arguments, from its row (`area` names it as the table does)."""
    indicator = ctx.values_of(ind_id)[0]
    row, years = indicator.values[area], indicator.years
    old, new = row[before], row[index]
    assert old is not None
    assert new is not None
    return {
        "name": indicator.name, "indicator": ind_id, "area": area, "from_year": years[before],
        "to_year": years[index], "old": old, "new": new, "change": new - old,
    }  # fmt: skip


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
def trend_decrease(ctx: PlanContext) -> Iterator[Deferred]:
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
def trend_flow_decrease(ctx: PlanContext) -> Iterator[Deferred]:
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
