"""Totals: in every year and at every level, do the parts add up to their total?

Arithmetic is exact (Decimal from the printed text). Whether a difference is an error depends
on the indicator's sum mode (exact, at_least for deliberate over-allocation, at_most for a
reserve left unallocated) and on rounding: parts printed to 0.01 can miss their total by a few
hundredths with no error in the plan, while counts (家, 件) are exact and have no such slack.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from planchk.blanks import has_blank
from planchk.context import PlanContext
from planchk.findings import Problem, Severity, Suggestion
from planchk.models.targets import Indicator, SumMode
from planchk.options import choice, decimal_or_printed
from planchk.registry import Option, rule


@dataclass(frozen=True)
class ColumnSum:
    """One total and its parts in one year."""

    indicator: str
    name: str
    area: str
    year: int
    index: int
    mode: SumMode
    total: Decimal
    parts: Decimal
    tolerance: Decimal
    part_areas: tuple[str, ...]

    @property
    def imbalance(self) -> Decimal:
        return self.parts - self.total

    @property
    def within_rounding(self) -> bool:
        return abs(self.imbalance) <= self.tolerance

    def violates_mode(self) -> bool:
        """Whether the parts break the sum mode (before rounding is taken into account)."""
        if self.mode == "at_least":
            return self.imbalance < 0
        if self.mode == "at_most":
            return self.imbalance > 0
        return self.imbalance != 0


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit: how far the printed value may be from the truth."""
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(int(exponent) - 1) if isinstance(exponent, int) else Decimal(0)


def column_sums(ctx: PlanContext) -> list[ColumnSum]:
    """Every checkable (total, parts) pair of every summed indicator; blanks are skipped."""
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is None or hierarchy is None:
        return []
    sums: list[ColumnSum] = []
    for ind_id, indicator in targets.indicators.items():
        mode = ctx.sum_mode(indicator)
        if mode == "none":
            continue
        rows = ctx.rows(ind_id)
        for parent, parts in hierarchy.parts.items():
            sums.extend(_columns(ctx, ind_id, indicator, mode, rows, parent, parts))
    return sums


def _columns(  # noqa: PLR0913, PLR0917  (one level of one indicator: all of it is needed)
    ctx: PlanContext,
    ind_id: str,
    indicator: Indicator,
    mode: SumMode,
    rows: Mapping[str, Sequence[Decimal | None]],
    parent: str,
    parts: Sequence[str],
) -> Iterator[ColumnSum]:
    total_row = rows.get(parent)
    part_rows = [rows.get(area) for area in parts]
    if total_row is None or None in part_rows:
        return  # a missing row is a coverage finding, not a sum to check
    years = len(indicator.years)
    # zip transposes the parts' rows into columns at C speed; a short row ends the columns
    # early, and row-length reports it.
    columns: Iterator[tuple[Decimal | None, ...]] = zip(total_row[:years], *part_rows, strict=False)
    blanks = ctx.has_blanks(ind_id)  # asked once per table, not once per column
    for index, (total, *column) in enumerate(columns):
        if blanks and (total is None or has_blank(column)):
            continue  # a blank cell is a coverage finding
        addends = cast(list[Decimal], column)  # no blank: the table has none, or none here
        parts_sum = sum(addends, Decimal(0))
        if parts_sum == total:
            continue  # the common case: nothing more to work out
        total = cast(Decimal, total)
        values = [total, *addends]
        yield ColumnSum(
            ind_id, indicator.name, parent, indicator.years[index], index, mode,
            total, parts_sum, _tolerance(ctx, indicator, values), tuple(parts),
        )  # fmt: skip


def _tolerance(ctx: PlanContext, indicator: Indicator, values: list[Decimal]) -> Decimal:
    configured = indicator.tolerance
    if configured is None:
        configured = ctx.option("PC102", "tolerance")  # a Decimal, or "printed"
    if isinstance(configured, Decimal):
        return configured
    unit = ctx.units.get(indicator.unit)
    if unit is not None and unit.whole:
        return Decimal(0)  # counts are exact: 99 enterprises is not a rounded figure
    return sum((half_unit(v) for v in values), Decimal(0))


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
    parts = tuple(
        ctx.cell_location(column.indicator, area, column.index) for area in column.part_areas
    )
    suggestions: tuple[Suggestion, ...] = ()
    if ctx.suggest and column.mode == "exact" and not column.within_rounding:
        from planchk.corrections import suggest  # only when a column is off: not at start-up

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
    options={
        "default-sum": Option(
            "exact",
            choice("exact", "at_least", "at_most"),
            "The sum mode of indicators that set no `sum` (ratios are never summed); "
            "used by PC101-PC104.",
        )
    },
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
            岱山街办: [212]

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
    options={
        "tolerance": Option(
            "printed",
            decimal_or_printed,
            'The largest difference accepted as rounding, e.g. "0.01", for indicators that set '
            'no `tolerance`; "printed" (the default) allows half a unit of each printed last '
            "digit. Counts never have rounding slack.",
        )
    },
)
def sum_rounding(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: published figures are rounded to the digits printed, so parts given to 0.01 can
    miss their total by a few hundredths without any error in the plan. This is noted, not
    an error; set `tolerance` on the indicator to accept less or more.

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
        if indicator.kind == "ratio" and indicator.sum not in (None, "none"):
            yield ctx.in_targets(
                ("indicators", ind_id, "sum"),
                f"indicators.{ind_id}.sum",
                name=indicator.name,
                indicator=ind_id,
                mode=indicator.sum,
            )
