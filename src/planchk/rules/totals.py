"""Totals: in every year and at every level, do the parts add up to their total?

Arithmetic is exact (Decimal from the printed text). Whether a difference is an error depends
on the indicator's sum mode (exact, at_least for deliberate over-allocation, at_most for a
reserve left unallocated) and on rounding: parts printed to 0.01 can miss their total by a few
hundredths with no error in the plan, while counts (家, 件) are exact and have no such slack.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import islice

from planchk.findings import MAX_RELATED, Problem, Severity, Suggestion
from planchk.models.settings import SumMode, shown
from planchk.models.targets import Indicator
from planchk.plan.numbers import half_unit, shown_sum
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.options import DEFAULT_SUM
from planchk.rules.sums import TOLERANCE, ColumnSum, column_sums


def _report(ctx: PlanContext, column: ColumnSum) -> Problem:
    total = ctx.cell(column.indicator, column.area, column.index)
    problem = ctx.at_cell(
        total,
        indicator=column.indicator,
        name=column.name,
        area=column.area,
        year=column.year,
        parts=column.parts,
        total=column.total,
        imbalance=column.imbalance,
        tolerance=column.tolerance,
        mode=column.mode,
    )
    shown = islice(column.part_areas, MAX_RELATED)  # the first parts, not 600,000 of them
    parts = tuple(ctx.cell_location(column.indicator, area, column.index) for area in shown)
    suggestions: tuple[Suggestion, ...] = ()
    if ctx.suggest and column.mode == "exact" and column.within_rounding:
        from planchk.rules.suggest.rounding import balancing  # only for a column that is off

        suggestions = balancing(
            ctx, column.indicator, column.area, column.index, column.imbalance, column.part_areas
        )
    elif ctx.suggest and column.mode == "exact" and not column.within_rounding:
        from planchk.rules.suggest.corrections import (
            suggest,  # only when a column is off: not at start-up
        )

        suggestions = suggest(ctx, column.indicator, column.area, column.index, column.imbalance)
    return Problem(problem.location, problem.path, problem.args, parts, suggestions)


def _violations(ctx: PlanContext, mode: SumMode, rounding: bool) -> Iterator[Problem]:
    for column in ctx.shared(column_sums):
        if column.mode == mode and column.violates_mode() and column.within_rounding == rounding:
            yield _report(ctx, column)


@rule(
    "PC101",
    "sum-mismatch",
    Severity.ERROR,
    "Parts do not add up to the total",
    "{name} ({indicator}) {year}: the parts of {area} add up to {parts}, "
    "the total is {total} (imbalance {imbalance:+})",
    options={"default-sum": DEFAULT_SUM},
    always_suggests=True,
)
def sum_mismatch(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: with `sum: exact` the sub-areas' targets must add up to the total; a difference
    beyond what rounding of the printed digits explains is a typing or allocation error.

    Bad:
        patent_applications:
          unit: 件
          sum: exact
          values:
            青云谱区: [513]
            洪都街办: [301]
            岱山街办: [221]   # 301 + 221 = 522, not 513

    Good:
        values:
          青云谱区: [513]
          洪都街办: [301]
          岱山街办: [212]   # 301 + 212 = 513
    """
    yield from _violations(ctx, "exact", rounding=False)


@rule(
    "PC102",
    "sum-rounding",
    Severity.INFO,
    "Parts miss the total by a rounding difference",
    "{name} ({indicator}) {year}: the parts of {area} add up to {parts}, the total is {total}; "
    "the difference {imbalance:+} is within the rounding of the printed digits (±{tolerance})",
    options={"tolerance": TOLERANCE},
)
def sum_rounding(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: published figures are rounded to the digits printed, so parts given to 0.01 can
    miss their total by a few hundredths without any error in the plan. This is noted, not
    an error; set `tolerance` on the indicator to accept less or more. The default allowance
    is half a unit of each printed last digit for a few parts; for many it grows like the
    square root of their number (independent roundings mostly cancel: 4,000 parts printed to
    0.01 honestly miss by up to 0.55, not 20), so a large table off by 7 is an error.

    Bad:
        unit: 亿元
        values:
          全区: [1.0]
          甲街道: [0.33]
          乙街道: [0.33]
          丙街道: [0.33]   # 0.99: rounding of 1/3 each

    Good:
        values:
          全区: [1.00]
          甲街道: [0.34]
          乙街道: [0.33]
          丙街道: [0.33]
    """
    modes: tuple[SumMode, ...] = ("exact", "at_least", "at_most")
    for mode in modes:
        yield from _violations(ctx, mode, rounding=True)


@rule(
    "PC103",
    "sum-below-total",
    Severity.ERROR,
    "Parts do not cover the total",
    "{name} ({indicator}) {year}: the parts of {area} add up to {parts}, "
    "less than the total {total} they must cover (imbalance {imbalance:+})",
)
def sum_below_total(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: with `sum: at_least` the plan allocates at least the whole total to its parts
    (over-allocation as a safety margin is allowed, 层层加码); parts that add up to less
    leave part of the target with no one responsible for it.

    Bad:
        sum: at_least
        values:
          全区: [100]
          甲街道: [50]
          乙街道: [40]

    Good:
        sum: at_least
        values:
          全区: [100]
          甲街道: [60]
          乙街道: [45]   # 105 >= 100: a deliberate margin
    """
    yield from _violations(ctx, "at_least", rounding=False)


@rule(
    "PC104",
    "sum-above-total",
    Severity.ERROR,
    "Parts exceed the total",
    "{name} ({indicator}) {year}: the parts of {area} add up to {parts}, "
    "more than the total {total} they may use (imbalance {imbalance:+})",
)
def sum_above_total(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: with `sum: at_most` the parts may leave a reserve unallocated but must not hand
    out more than the total (a budget or a quota).

    Bad:
        sum: at_most
        values:
          全区: [100]
          甲街道: [60]
          乙街道: [50]

    Good:
        sum: at_most
        values:
          全区: [100]
          甲街道: [60]
          乙街道: [30]   # 10 kept in reserve
    """
    yield from _violations(ctx, "at_most", rounding=False)


@rule(
    "PC105",
    "ratio-summed",
    Severity.WARNING,
    "A ratio indicator is given a sum mode",
    "{name} ({indicator}) is a ratio; ratios are never added up across areas, "
    "so `sum: {mode}` is ignored: write `sum: none` or remove it",
)
def ratio_summed(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: shares and rates (R&D share of GDP, a completion rate) of the parts do not add up
    to the share of the whole; summing them would report false errors.

    Bad:
        rd_share:
          unit: "%"
          kind: ratio
          sum: exact

    Good:
        rd_share:
          unit: "%"
          kind: ratio
    """
    for ind_id, indicator in ctx.indicators():
        written = indicator.sum
        modes = written.values() if isinstance(written, dict) else [written]
        if indicator.kind == "ratio" and any(mode not in (None, "none") for mode in modes):
            yield ctx.in_targets(
                ("indicators", ind_id, "sum"),
                f"indicators.{ind_id}.sum",
                name=indicator.name,
                indicator=ind_id,
                mode=shown(written),
            )


@rule(
    "PC109",
    "of-which-above-whole",
    Severity.ERROR,
    "其中 rows exceed their whole",
    "{name} ({indicator}) {year}: the 其中 rows of {area} add up to {parts}, "
    "more than {area}'s {total}",
)
def of_which_above_whole(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a 其中 (of which) row printed under a row is a part of that row's amount, not a
    sibling: for amounts that cannot be negative, the 其中 rows together are at most their
    whole. More than the whole is a typing error in one of them.

    Bad:
        of_which:
          甲县: [甲县其中：专项资金]
        ...
          values:
            甲县: [400]
            甲县其中：专项资金: [450]

    Good:
          values:
            甲县: [400]
            甲县其中：专项资金: [150]
    """
    hierarchy = ctx.hierarchy
    if hierarchy is None or not hierarchy.of_which:
        return
    for ind_id, indicator in ctx.indicators():
        if indicator.kind == "ratio":
            continue
        rows = ctx.rows(ind_id)
        for whole, parts in hierarchy.of_which.items():
            for index, total, addends in _of_which_columns(rows, whole, parts, indicator):
                parts_sum = sum(addends, Decimal(0))
                if parts_sum <= total + sum(map(half_unit, (total, *addends)), Decimal(0)):
                    continue
                first = next(p for p in parts if p in rows and rows[p][index] is not None)
                yield ctx.at_cell(
                    ctx.cell(ind_id, first, index), name=indicator.name, indicator=ind_id,
                    area=whole, year=indicator.years[index],
                    parts=shown_sum(total, addends), total=total,
                )  # fmt: skip


def _of_which_columns(
    rows: Mapping[str, Sequence[Decimal | None]],
    whole: str,
    parts: Sequence[str],
    indicator: Indicator,
) -> Iterator[tuple[int, Decimal, list[Decimal]]]:
    """Per year: the whole (a blank one as zero, if blanks are zero) and its 其中 values, where
    they are amounts that cannot be negative."""
    whole_row = rows.get(whole)
    part_rows = [rows[part] for part in parts if part in rows]
    if whole_row is None or not part_rows:
        return
    for index in range(len(indicator.years)):
        found = (r[index] for r in part_rows if index < len(r))
        addends = [value for value in found if value is not None]
        total = whole_row[index] if index < len(whole_row) else None
        if total is None and indicator.blank_is_zero:
            total = Decimal(0)
        if not addends or total is None or total < 0 or min(addends) < 0:
            continue
        yield index, total, addends
