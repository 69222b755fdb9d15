"""Every column's sum: each total of a summed indicator beside the sum of its parts, per year.

Worked out once per plan (`ctx.shared(column_sums)`) and read by the totals rules, which
judge each sum, and by the plausibility rules, which look at how far off it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from planchk.models.settings import SumMode
from planchk.models.targets import Indicator
from planchk.plan.numbers import has_blank, rounding_allowance, shown_sum
from planchk.registry import Option
from planchk.rules.context import PlanContext
from planchk.rules.options import decimal_or_printed

# Declared on PC102 (rules/totals.py); every column's sum is computed with it.
TOLERANCE = Option(
    "printed",
    decimal_or_printed,
    'The largest difference accepted as rounding, e.g. "0.01", for indicators that set '
    'no `tolerance`; "printed" (the default) allows what rounding each figure to its '
    "printed digits can honestly add up to: half a unit of each last digit for a few parts, "
    "growing like the square root of their number for many. Counts never have rounding slack.",
)


@dataclass(frozen=True)
class ColumnSum:
    """One total and its parts in one year."""

    indicator: str
    name: str
    area: str
    year: int | str
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


ZERO = Decimal(0)


def column_sums(ctx: PlanContext) -> list[ColumnSum]:
    """Every checkable (total, parts) pair of every summed indicator: a blank part counts as
    zero (unless the indicator says `blank: missing`), a blank total is not checked."""
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is None or hierarchy is None:
        return []
    sums: list[ColumnSum] = []
    for ind_id, indicator in targets.indicators.items():
        modes = ctx.sum_modes(indicator)
        if all(mode == "none" for mode in modes):
            continue
        rows = ctx.rows(ind_id)
        for parent, parts in hierarchy.parts.items():
            sums.extend(_columns(ctx, ind_id, indicator, modes, rows, parent, parts))
    return sums


def _columns(  # noqa: PLR0913, PLR0917  (one level of one indicator: all of it is needed)
    ctx: PlanContext,
    ind_id: str,
    indicator: Indicator,
    modes: Sequence[SumMode],
    rows: Mapping[str, Sequence[Decimal | None]],
    parent: str,
    parts: Sequence[str],
) -> Iterator[ColumnSum]:
    total_row = rows.get(parent)
    part_rows = list(map(rows.get, parts))  # at C speed: one total may have 600,000 parts
    if total_row is None or has_blank(part_rows) or not parts:
        return  # a missing row is a coverage finding; an area with no parts has no sum
    years = len(indicator.years)
    # zip transposes the parts' rows into columns at C speed; a short row ends the columns
    # early, and row-length reports it.
    columns: Iterator[tuple[Decimal | None, ...]] = zip(total_row[:years], *part_rows, strict=False)
    blanks = ctx.has_blanks(ind_id)  # asked once per table, not once per column
    zero = indicator.blank_is_zero
    for index, (total, *column) in enumerate(columns):
        if modes[index] == "none":
            continue  # `sum: {2025: none}`: that year's parts are not a breakdown
        addends = cast(list[Decimal], column)  # no blank: the table has none, or none here
        if blanks and (total is None or has_blank(column)):
            if total is None or not zero:
                continue  # a blank total, or a part that is missing: a coverage finding
            addends = [ZERO if value is None else value for value in column]
        parts_sum = sum(addends, Decimal(0))
        if parts_sum == total:
            continue  # the common case: nothing more to work out
        total = cast(Decimal, total)
        values = [total, *addends]
        # The findings print the sum: with its addends' printed digits, not 7.000 under 7.0.
        shown = shown_sum(total, column)
        yield ColumnSum(
            ind_id, indicator.name, parent, indicator.years[index], index, modes[index],
            total, shown, tolerance_of(ctx, indicator, values, (parent, indicator.years[index])),
            tuple(parts),
        )  # fmt: skip


def tolerance_of(
    ctx: PlanContext, indicator: Indicator, values: list[Decimal], column: tuple[str, int | str]
) -> Decimal:
    configured = _configured(ctx, indicator.tolerance, *column)
    if configured is None:
        configured = ctx.option(TOLERANCE)  # a Decimal, or "printed"
    if isinstance(configured, Decimal):
        return configured
    unit = ctx.units.get(indicator.unit)
    if unit is not None and unit.whole:
        return Decimal(0)  # counts are exact: 99 enterprises is not a rounded figure
    return rounding_allowance(values)


def _configured(
    ctx: PlanContext, tolerance: Decimal | dict[int | str, Any] | None, area: str, year: int | str
) -> Decimal | None:
    """The indicator's own tolerance of one sum (`area`'s parts in `year`): its area's by year
    ({甲县: {2024: 501}}, an alias naming its area too), else its year's ({2024: 501}), else
    the one for every sum; None where none is written, for the default."""
    if not isinstance(tolerance, dict):
        return tolerance
    areas = {str(key): value for key, value in tolerance.items() if isinstance(value, dict)}
    canonical = ctx.hierarchy.canonical if ctx.hierarchy is not None else None
    for key, years in areas.items():  # an area's own: the most specific form
        if canonical is not None and year in years and canonical(key) == area:
            return cast(Decimal, years[year])
    found = tolerance.get(year)
    return found if isinstance(found, Decimal) else None
