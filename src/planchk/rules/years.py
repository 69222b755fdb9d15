"""Years: a table's years lie within the plan period (PC304), cover it (PC305) and are in order
(PC306); of the coverage family (PC301-PC307).

The family's other half, rows and cells (a missing row or value, a row of the wrong length, a
negative value), is planchk.rules.coverage.
"""

from __future__ import annotations

from collections.abc import Iterator

from planchk.findings import Problem, Severity
from planchk.models.common import span_of
from planchk.registry import rule
from planchk.rules.context import PlanContext


def _period(ctx: PlanContext) -> list[int] | None:
    """The plan period the years are held to; none without targets or when no table names a year."""
    targets = ctx.targets
    return None if targets is None else targets.plan.period


@rule(
    "PC304",
    "year-outside-period",
    Severity.ERROR,
    "A year lies outside the plan period",
    "{name} ({indicator}): {year} lies outside the plan period {first}-{last}",
)
def year_outside_period(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a plan for 2021-2023 sets no targets for 2024; a year outside the period is
    usually a typing error in the header.

    Bad:
        plan: {period: [2021, 2023]}
        years: [2021, 2022, 2024]

    Good:
        years: [2021, 2022, 2023]
    """
    if (period := _period(ctx)) is None:
        return
    first, last = period
    for ind_id, indicator in ctx.indicators():
        for index, year in enumerate(indicator.years):
            ends = span_of(year) or ((year, year) if isinstance(year, int) else None)
            if ends is not None and not first <= ends[0] <= ends[1] <= last:  # 2024-2026 too
                yield ctx.in_targets(
                    ("indicators", ind_id, "years", index),
                    f"indicators.{ind_id}.years.{year}",
                    name=indicator.name,
                    indicator=ind_id,
                    year=year,
                    first=first,
                    last=last,
                )


@rule(
    "PC305",
    "year-missing",
    Severity.WARNING,
    "A year of the plan period has no column",
    "{name} ({indicator}): the plan period {first}-{last} includes {year}, "
    "but the table has no column for it",
)
def year_missing(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a year-by-year breakdown normally covers every year of the plan period. A table of
    one year (the final year's targets, a base year, one year's growth rate) is no breakdown
    by year and is not held to the period.

    Bad:
        plan: {period: [2021, 2023]}
        years: [2021, 2023]

    Good:
        years: [2021, 2022, 2023]
    """
    if (period := _period(ctx)) is None:
        return
    first, last = period
    for ind_id, indicator in ctx.indicators():
        if indicator.dated is None or len(indicator.dated) < 2:
            # one period with a label, or one year: printed tables set a final year's target,
            # a base year or a growth rate beside the years as a column of its own
            continue
        for year in sorted(set(range(first, last + 1)) - set(indicator.dated)):
            yield ctx.in_targets(
                ("indicators", ind_id, "years"),
                f"indicators.{ind_id}.years.{year}",
                name=indicator.name,
                indicator=ind_id,
                year=year,
                first=first,
                last=last,
            )


@rule(
    "PC306",
    "years-order",
    Severity.ERROR,
    "Years are repeated or out of order",
    "{name} ({indicator}): {year} comes after {previous}; years must be listed once each, "
    "in increasing order",
)
def years_order(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: rows are read in the order of `years`; a repeated or swapped year puts values under
    the wrong year and makes trends meaningless.

    Bad:
        years: [2021, 2023, 2022]

    Good:
        years: [2021, 2022, 2023]
    """
    for ind_id, indicator in ctx.indicators():
        years = indicator.dated or []  # one label has no order
        for index in range(1, len(years)):
            previous, year = years[index - 1], years[index]
            if year <= previous:
                yield ctx.in_targets(
                    ("indicators", ind_id, "years", index),
                    f"indicators.{ind_id}.years.{year}",
                    name=indicator.name,
                    indicator=ind_id,
                    year=year,
                    previous=previous,
                )
