"""Period totals: does each area's printed figure for the whole period (a 2024-2026年合计
column beside the years, kept as `period_total:`) equal the sum of its years?

The same arithmetic and rounding allowance as the column sums (planchk.rules.sums): exact
Decimal sums, a blank year as zero unless the indicator says `blank: missing`, and a miss
that the printed digits can explain reported as rounding, not as an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planchk.findings import Problem, Severity
from planchk.models.targets import Indicator
from planchk.plan.numbers import shown_sum
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.sums import tolerance_of


@dataclass(frozen=True)
class PeriodCheck:
    """One area's printed period total beside its years' sum, where the two differ."""

    indicator: str
    area: str  # as the file names it under `period_total`
    row: str  # the canonical area of its row in `values`
    total: Decimal
    years: Decimal  # the years' sum, with their printed digits
    tolerance: Decimal

    @property
    def imbalance(self) -> Decimal:
        return self.years - self.total

    @property
    def within_rounding(self) -> bool:
        return abs(self.imbalance) <= self.tolerance


def period_checks(ctx: PlanContext) -> list[PeriodCheck]:
    """Every period total that its years do not add up to exactly."""
    hierarchy = ctx.hierarchy
    if ctx.targets is None or hierarchy is None:
        return []
    checks: list[PeriodCheck] = []
    for ind_id, indicator in ctx.indicators():
        if indicator.kind == "ratio" or not indicator.period_total:
            continue  # a ratio's years are never added up
        rows = ctx.rows(ind_id)
        for area, total in indicator.period_total.items():
            row = hierarchy.canonical(area) or area
            years = _years(indicator, rows.get(row))
            if years is None or sum(years, Decimal(0)) == total:
                continue
            tolerance = tolerance_of(ctx, indicator, [total, *years], (row, period(indicator)))
            found = shown_sum(total, years)
            checks.append(PeriodCheck(ind_id, area, row, total, found, tolerance))
    return checks


def _years(indicator: Indicator, row: Sequence[Decimal | None] | None) -> list[Decimal] | None:
    """The row's years to add up: a blank one as zero; None where there is no row, a year
    is missing (`blank: missing`) or the row is short (row-length's finding)."""
    if row is None or len(row) < len(indicator.years):
        return None
    if None in row and not indicator.blank_is_zero:
        return None
    return [Decimal(0) if value is None else value for value in row]


def period(indicator: Indicator) -> str:
    """The period the years make, as messages print it: 2024–2026 (or the one year's)."""
    years = indicator.years
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def _report(ctx: PlanContext, check: PeriodCheck) -> Problem:
    """At the printed period total; the row's years are related."""
    indicator = ctx.indicator(check.indicator)
    assert indicator is not None
    problem = ctx.in_targets(
        ("indicators", check.indicator, "period_total", check.area),
        f"indicators.{check.indicator}.period_total.{check.area}",
        name=indicator.name, indicator=check.indicator, area=check.area,
        period=period(indicator), total=check.total, years=check.years,
        imbalance=check.imbalance, tolerance=check.tolerance,
    )  # fmt: skip
    related = tuple(
        ctx.cell_location(check.indicator, check.row, index)
        for index in range(len(indicator.years))
    )
    return Problem(problem.location, problem.path, problem.args, related)


@rule(
    "PC111",
    "period-total-mismatch",
    Severity.ERROR,
    "A period total is not the sum of its years",
    "{name} ({indicator}) {area}: the total for {period} is printed as {total}, "
    "its years add up to {years} (imbalance {imbalance:+})",
)
def period_total_mismatch(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a table that prints each area's figure for the whole period beside its years
    (2024-2026年合计 | 2024年 | 2025年 | 2026年) states every row twice; where the period
    total is not the sum of the years, one of the figures is mistyped, and the table does
    not say which.

    Bad:
        years: [2024, 2025, 2026]
        values:
          甲镇: [10, 10, 10]
        period_total:
          甲镇: 31   # the years add up to 30

    Good:
        years: [2024, 2025, 2026]
        values:
          甲镇: [10, 10, 10]
        period_total:
          甲镇: 30
    """
    for check in ctx.shared(period_checks):
        if not check.within_rounding:
            yield _report(ctx, check)


@rule(
    "PC112",
    "period-total-rounding",
    Severity.INFO,
    "A period total misses its years by a rounding difference",
    "{name} ({indicator}) {area}: the total for {period} is printed as {total}, its years "
    "add up to {years}; the difference {imbalance:+} is within the rounding of the printed "
    "digits (±{tolerance})",
)
def period_total_rounding(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a period total rounded to the digits printed (each year's figure rounded on its
    own) can miss the sum of the printed years by what that rounding allows; noted, not an
    error. Set `tolerance` on the indicator to accept less or more.

    Bad:
        unit: 亿元
        years: [2024, 2025, 2026]
        values:
          甲镇: [0.33, 0.33, 0.33]
        period_total:
          甲镇: 1.00   # 0.99: each third rounded on its own

    Good:
        values:
          甲镇: [0.34, 0.33, 0.33]
        period_total:
          甲镇: 1.00
    """
    for check in ctx.shared(period_checks):
        if check.within_rounding:
            yield _report(ctx, check)
