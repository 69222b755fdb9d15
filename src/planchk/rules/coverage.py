"""Coverage: every area of the hierarchy has a value for every year of the plan period.

Here the rows and cells (PC301-PC303, PC307); the family's years (PC304-PC306) are
planchk.rules.years.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from planchk.findings import Arg, Deferred, Problem, Severity
from planchk.plan.numbers import has_blank
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.deferring import CellDeferrer
from planchk.rules.lookups import expected_tops


@rule(
    "PC301",
    "row-missing",
    Severity.ERROR,
    "An area has no row",
    "{name} ({indicator}): there is no row for {area}",
)
def row_missing(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: every area of the hierarchy takes a share of every indicator; a missing row means
    an area was forgotten, and its parent's total cannot be checked. Where the plan holds
    tables of separate trees (a 收支总表's 收入合计 and 支出合计 side by side: no indicator
    prints rows under both tops), each indicator is asked only for the rows of its own tree.

    Bad:
        areas:
          青云谱区: [洪都街办, 京山街办]
        ...
        values:
          青云谱区: [10]
          洪都街办: [6]

    Good:
        values:
          青云谱区: [10]
          洪都街办: [6]
          京山街办: [4]
    """
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is None or hierarchy is None:
        return
    for ind_id, indicator in targets.indicators.items():
        rows = ctx.rows(ind_id)
        if all(map(rows.__contains__, hierarchy.areas)):
            continue  # every area has its row (at C speed: the common case, 600,000 areas)
        expected = ctx.shared(expected_tops)  # two tables side by side: each its own tree
        tops = hierarchy.tops
        covers = expected[ind_id] | {""}  # "": an area only reachable through a cycle
        for area in hierarchy.depth_first:
            if area not in rows and tops.get(area, "") in covers:
                yield ctx.in_targets(
                    ("indicators", ind_id, "values"),
                    f"indicators.{ind_id}.values.{area}",
                    on_key=True,
                    name=indicator.name,
                    indicator=ind_id,
                    area=area,
                )


@rule(
    "PC302",
    "cell-blank",
    Severity.ERROR,
    "A table cell is blank",
    "{name} ({indicator}) {area} {year}: the value is blank",
)
def cell_blank(ctx: PlanContext) -> Iterator[Deferred]:
    """
    Why: in a printed table a blank (or -, /, …) means "nothing here", and counts as zero in
    the column's sum; but a blank total over parts that hold amounts leaves the total
    unstated. With `blank: missing` on the indicator every blank is a value not given, and
    each one is reported.

    Bad:
        values:
          全区: [~]
          洪都街办: [5]
          京山街办: [7]

    Good:
        values:
          全区: [12]
          洪都街办: [5]
          京山街办: [7]
    """
    hierarchy, defer = ctx.hierarchy, CellDeferrer(ctx, _blank_args)
    for ind_id, indicator in ctx.indicators():
        if not ctx.has_blanks(ind_id):
            continue  # no blank anywhere in the table, decided at C speed
        years = len(indicator.years)
        every = indicator.blank == "missing"
        rows = ctx.rows(ind_id)
        for area, row in indicator.values.items():
            if not has_blank(row[:years]):
                continue
            parts = () if every or hierarchy is None else hierarchy.parts.get(area, ())
            if not every and (not parts or indicator.kind == "ratio"):
                continue
            # a total whose sum is not checked (sum: none: 数量 counted in each row's unit)
            # states no amount of its parts: its blank leaves nothing unstated
            if not every and all(mode == "none" for mode in ctx.sum_modes(indicator)):
                continue
            blanks = (
                index
                for index, value in enumerate(row[:years])
                if value is None and (every or _parts_hold(rows, parts, index))
            )
            yield from defer.row(ind_id, area, blanks)  # or counted (findings.Tally)


def _blank_args(ctx: PlanContext, ind_id: str, area: str, index: int, _: None) -> dict[str, Arg]:
    indicator = ctx.values_of(ind_id)[0]
    year = indicator.years[index]
    return {"name": indicator.name, "indicator": ind_id, "area": area, "year": year}


def _parts_hold(
    rows: Mapping[str, Sequence[Decimal | None]], parts: Sequence[str], index: int
) -> bool:
    """Whether any part has a value in the column (a blank total over blank parts is fine)."""
    for part in parts:
        row = rows.get(part, ())
        if index < len(row) and row[index] is not None:
            return True
    return False


@rule(
    "PC303",
    "row-length",
    Severity.ERROR,
    "A row has the wrong number of values",
    "{name} ({indicator}) {area}: the row has {count} values for {expected} years",
)
def row_length(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: each row holds one value per year of `years`, in order; a row with one value too
    few or too many has its values under the wrong years.

    Bad:
        years: [2021, 2022, 2023]
        values:
          洪都街办: [5, 7]

    Good:
        years: [2021, 2022, 2023]
        values:
          洪都街办: [5, 6, 7]
    """
    for ind_id, indicator in ctx.indicators():
        if set(map(len, indicator.values.values())) <= {len(indicator.years)}:
            continue  # every row as long as the years, decided at C speed
        for area, row in indicator.values.items():
            if len(row) != len(indicator.years):
                yield ctx.in_targets(
                    ("indicators", ind_id, "values", area),
                    f"indicators.{ind_id}.values.{area}",
                    name=indicator.name,
                    indicator=ind_id,
                    area=area,
                    count=len(row),
                    expected=len(indicator.years),
                )


@rule(
    "PC307",
    "negative-value",
    Severity.ERROR,
    "A target is negative",
    "{name} ({indicator}) {area} {year}: {value} {unit} is negative",
)
def negative_value(ctx: PlanContext) -> Iterator[Deferred]:
    """
    Why: a target of -5 enterprises or -0.3 亿元 is a typing slip (a stray minus sign) or a
    change typed where a level belongs. Ratios and percentages (a growth rate) and changes
    (`kind: change`: 比上年增减, 调整数) may be negative and are not checked.

    Bad:
        unit: 家
        values:
          洪都街办: [5, -6, 7]

    Good:
        unit: 家
        values:
          洪都街办: [5, 6, 7]
    """
    defer = CellDeferrer(ctx, _negative_args)
    for ind_id, indicator in ctx.indicators():
        unit = ctx.units.get(indicator.unit)
        if indicator.kind in ("ratio", "change") or (unit and unit.dimension == "percent"):
            continue
        if ctx.smallest(ind_id) >= 0:
            continue  # no negative value in the table, decided at C speed
        for area, row in indicator.values.items():
            if not any(map(_negative, row)):
                continue
            cells = enumerate(row[: len(indicator.years)])
            negative = (index for index, value in cells if value is not None and value < 0)
            yield from defer.row(ind_id, area, negative)  # or counted (findings.Tally)


def _negative_args(ctx: PlanContext, ind_id: str, area: str, index: int, _: None) -> dict[str, Arg]:
    indicator = ctx.values_of(ind_id)[0]
    return {
        "name": indicator.name, "indicator": ind_id, "area": area,
        "year": indicator.years[index], "value": indicator.values[area][index],
        "unit": indicator.unit,
    }  # fmt: skip


def _negative(value: Decimal | None) -> bool:
    return value is not None and value.is_signed() and bool(value)
