"""Units and printed precision: known units, whole counts, consistent digits, goal units."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from itertools import chain, groupby
from operator import itemgetter
from typing import cast

from planchk.findings import Arg, Deferred, Problem, Severity
from planchk.messages import joined
from planchk.models.targets import Indicator
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.deferring import CellDeferrer

_DECIMAL_POINT = re.compile(r"[0-9]\.[0-9]")


@dataclass
class Precision:
    """What one pass over an indicator's cells learns about their printed digits."""

    examples: dict[int, str] = field(default_factory=dict)  # decimals -> first value so printed
    fractional: list[tuple[str, int]] = field(default_factory=list)  # (row, index), count units


def precision_scan(ctx: PlanContext) -> dict[str, Precision]:
    """Printed decimals of every cell, and the counts that are not whole, in one pass."""
    scans: dict[str, Precision] = {}
    file = ctx.targets_file
    # No decimal point between digits anywhere in the file's text (a regular expression over
    # the text runs at C speed): then every cell is a whole number printed without decimals.
    whole_file = file is not None and not _DECIMAL_POINT.search(file.sourcemap.text)
    for ind_id, indicator in ctx.indicators():
        unit = ctx.units.get(indicator.unit)
        scan = scans[ind_id] = Precision()
        if whole_file:
            scan.examples[0] = str(next(_non_blank(indicator), 0))
            continue
        texts = list(map(str, _non_blank(indicator)))
        if "." not in "".join(texts):  # a table of whole numbers, decided at C speed
            scan.examples[0] = texts[0] if texts else "0"
            continue
        # Each distinct printed text once, in the order of the table (a table repeats its
        # figures): the first value printed with each number of decimals is the example.
        for text in dict.fromkeys(texts):
            point = text.find(".")
            scan.examples.setdefault(0 if point < 0 else len(text) - point - 1, text)
        if unit is not None and unit.whole and indicator.kind != "ratio":
            for area, row in indicator.values.items():
                scan.fractional += _fractional(area, row)
    return scans


_NOT_BLANK = partial(operator.is_not, None)


def _non_blank(indicator: Indicator) -> Iterator[Decimal]:
    """The table's cells that are not blank, row by row, at C speed."""
    # filter() with a partial cannot tell mypy that it drops the Nones.
    cells = chain.from_iterable(indicator.values.values())
    return cast("Iterator[Decimal]", filter(_NOT_BLANK, cells))


def _fractional(area: str, row: Sequence[Decimal | None]) -> list[tuple[str, int]]:
    """The cells of a count's row that are not whole numbers."""
    return [
        (area, index)
        for index, value in enumerate(row)
        if value is not None and value != value.to_integral_value()
    ]


@rule(
    "PC401",
    "unit-unknown",
    Severity.WARNING,
    "Unknown unit",
    "{name} ({indicator}): the unit `{unit}` is not known; declare it under `units:` "
    "so that conversions and whole-number checks apply",
)
def unit_unknown(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: planchk converts between units of one kind (元, 万元, 亿元) and knows that counts
    (家, 件) are whole; an unknown unit, often a typo, gets neither check.

    Bad:
        unit: 万株

    Good:
        units:
          万株: {dimension: 株, factor: 10000}
        indicators:
          trees:
            unit: 万株
    """
    for ind_id, indicator in ctx.indicators():
        if ctx.units.get(indicator.unit) is None:
            yield ctx.in_targets(
                ("indicators", ind_id, "unit"),
                f"indicators.{ind_id}.unit",
                name=indicator.name,
                indicator=ind_id,
                unit=indicator.unit,
            )


@rule(
    "PC402",
    "count-not-whole",
    Severity.ERROR,
    "A count is not a whole number",
    "{name} ({indicator}) {area} {year}: {value} {unit} is not a whole number",
)
def count_not_whole(ctx: PlanContext) -> Iterator[Deferred]:
    """
    Why: counts (家, 件, 个, 项, 户) are whole numbers; 12.5 enterprises is a typing error
    or a value in the wrong table. An indicator of kind ratio is no count although its unit
    is one: 每万人口发明专利拥有量 6.3 件 is patents per 10,000 people.

    Bad:
        unit: 家
        values:
          京山街办: [12.5, 13, 15]

    Good:
        unit: 家
        values:
          京山街办: [12, 13, 15]
    """
    defer = CellDeferrer(ctx, _fraction_args)
    for ind_id, _ in ctx.indicators():
        fractional = ctx.shared(precision_scan)[ind_id].fractional  # row by row
        for area, cells in groupby(fractional, key=itemgetter(0)):
            indexes = [index for _, index in cells]
            yield from defer.row(ind_id, area, indexes)  # or counted (findings.Tally)


def _fraction_args(ctx: PlanContext, ind_id: str, area: str, index: int, _: None) -> dict[str, Arg]:
    indicator = ctx.values_of(ind_id)[0]
    cell = ctx.cell(ind_id, area, index)  # the row as typed, and its value
    return {
        "name": indicator.name, "indicator": ind_id, "area": cell.area, "year": cell.year,
        "value": cell.value, "unit": indicator.unit,
    }  # fmt: skip


@rule(
    "PC403",
    "mixed-precision",
    Severity.INFO,
    "A table mixes printed precisions",
    "{name} ({indicator}): values are printed with {decimals} decimals (e.g. {examples}); "
    "check that each figure has the digits intended",
    localize=lambda args: {
        **args,
        "decimals": joined(args["decimals"]),
        "examples": joined(args["examples"]),
    },
)
def mixed_precision(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a table whose figures carry 1, 2 and 3 decimals (6.0, 0.05, 0.098) was often typed
    from sources of different precision; a digit may be missing or extra. The rounding
    tolerance of totals follows the printed digits, so they matter. Figures read from
    spreadsheet cells in the General format show each value as stored, with the decimals it
    holds (3.5, 4.25, 10): those say nothing about the digits typed, and an indicator marked
    `decimals: stored` (as planchk import writes it) is not reported.

    Bad:
        values:
          全区: [6.1]
          甲: [6.05]
          乙: [0.098]

    Good:
        values:
          全区: [6.148]
          甲: [6.050]
          乙: [0.098]
    """
    for ind_id, indicator in ctx.indicators():
        example = ctx.shared(precision_scan)[ind_id].examples
        if len(example) > 1 and indicator.decimals != "stored":
            places = sorted(example)
            yield ctx.in_targets(
                ("indicators", ind_id, "values"),
                f"indicators.{ind_id}.values",
                on_key=True,
                name=indicator.name,
                indicator=ind_id,
                decimals=", ".join(map(str, places)),
                examples=", ".join(example[p] for p in places),
            )


@rule(
    "PC404",
    "goal-unit-differs",
    Severity.WARNING,
    "A goal's unit differs from its table's",
    "goal `{goal}` is stated in {goal_unit}, its table {indicator} in {unit}; "
    "they are compared after conversion, but the text and the table should agree",
)
def goal_unit_differs(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a goal in 万元 beside a table in 亿元 invites a reader (and a typist) to mix them up.

    Bad:
        goals:
          turnover: {text: 突破83000万元, unit: 万元, indicator: contract_turnover, ...}
        indicators:
          contract_turnover: {unit: 亿元, ...}

    Good:
        goals:
          turnover: {text: 突破8.3亿元, unit: 亿元, indicator: contract_turnover, ...}
    """
    yield from _goal_units(ctx, convertible=True)


@rule(
    "PC405",
    "goal-unit-incompatible",
    Severity.ERROR,
    "A goal's unit cannot be its table's",
    "goal `{goal}` is stated in {goal_unit}, its table {indicator} in {unit}; "
    "the two units do not measure the same thing",
)
def goal_unit_incompatible(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a goal in 件 cannot be met by a table in 家; the goal points at the wrong indicator
    or carries the wrong unit.

    Bad:
        indicators:
          high_tech_enterprises: {unit: 家, ...}
          patent_applications: {unit: 件, ...}
        goals:
          patents: {text: 达到609件, unit: 件, indicator: high_tech_enterprises, ...}

    Good:
        goals:
          patents: {text: 达到609件, unit: 件, indicator: patent_applications, ...}
    """
    yield from _goal_units(ctx, convertible=False)


def _goal_units(ctx: PlanContext, convertible: bool) -> Iterator[Problem]:
    for goal_id, goal in ctx.goals():
        indicator = ctx.indicator(goal.indicator)
        if indicator is None or goal.unit == indicator.unit:
            continue
        ours, theirs = ctx.units.get(goal.unit), ctx.units.get(indicator.unit)
        same_kind = ours is not None and theirs is not None and ctx.units.convertible(ours, theirs)
        if same_kind == convertible:
            yield ctx.in_targets(
                ("goals", goal_id, "unit"),
                f"goals.{goal_id}.unit",
                goal=goal_id,
                goal_unit=goal.unit,
                indicator=goal.indicator,
                unit=indicator.unit,
            )
