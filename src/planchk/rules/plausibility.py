"""Plausibility: tables that add up but look wrong, as statistical offices check them.

Milder than errors (info): a share that swings between years, a part growing far out of line
with its total, two areas with the same row (PC701, PC702, PC705): each a part row against its
family, which the three share (Family: a row's extremes, taken once). Each threshold is an
option. The family's other half, a total 10^k times its parts and a goal the table's growth
cannot reach (PC703, PC704), is planchk.rules.plausible_totals.

Over the 300 lines modules aim for: three rules that screen every part row with the same
Family (its extremes, taken once for all three at C speed), and the small statistics they
share; half of each rule's lines are its documentation.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from operator import itemgetter
from typing import Any, cast

from planchk.findings import Deferred, Problem, Severity
from planchk.models.targets import Indicator
from planchk.plan.numbers import tidy
from planchk.registry import Option, rule
from planchk.rules.context import PlanContext
from planchk.rules.deferring import CellDeferrer
from planchk.rules.options import percent, positive_number

INFO = Severity.INFO
MIN_POINTS = Option(
    Decimal(25),
    percent,
    "Report a change of share of at least this many percentage points (default 25).",
)
MAX_RATIO = Option(
    Decimal(20),
    positive_number,
    "Report a part whose growth factor is this many times its total's, or this many "
    "times smaller (default 20).",
)


def _summed(ctx: PlanContext) -> Iterator[tuple[str, Indicator]]:
    for ind_id, indicator in ctx.indicators():
        if any(mode != "none" for mode in ctx.sum_modes(indicator)):
            yield ind_id, indicator


@dataclass(frozen=True)
class Family:
    """One parent and its parts in one table, with each part row's smallest and largest value.

    The extremes are taken once, at C speed (min and max mapped over the rows), and serve
    three rules as screens: a share can swing by 25 points only in a row whose largest value
    reaches 25% of the smallest total; a part can outgrow its total 20-fold only if its own
    values spread that far; two rows can be equal only if their extremes are. In a table
    with blanks they are the extremes of each row's values that are there; `lows` and
    `highs` are None where a row is missing or wholly blank: such families are not screened.
    """

    parent: str
    parts: tuple[str, ...]
    total: Sequence[Decimal | None]
    lows: list[Decimal] | None
    highs: list[Decimal] | None


def families(ctx: PlanContext) -> dict[str, list[Family]]:
    """Every (parent, parts) family of every table, keyed by indicator id."""
    hierarchy = ctx.hierarchy
    out: dict[str, list[Family]] = {}
    if hierarchy is None:
        return out
    for ind_id, _ in ctx.indicators():
        rows, blanks = ctx.rows(ind_id), ctx.has_blanks(ind_id)
        found = out.setdefault(ind_id, [])
        for parent, parts in hierarchy.parts.items():
            part_rows = [rows.get(area) for area in parts]
            lows = highs = None
            if part_rows and None not in part_rows and all(part_rows):
                values = cast(list[Sequence[Decimal]], part_rows)
                if blanks:
                    lows, highs = _known_extremes(values)
                else:
                    rising = ctx.never_falls(ind_id)  # the extremes are the ends of each row
                    lows = list(map(itemgetter(0) if rising else min, values))
                    highs = list(map(itemgetter(-1) if rising else max, values))
            found.append(Family(parent, tuple(parts), rows.get(parent, ()), lows, highs))
    return out


_known = partial(operator.is_not, None)


def _known_extremes(
    rows: Sequence[Sequence[Decimal | None]],
) -> tuple[list[Decimal], list[Decimal]] | tuple[None, None]:
    """Each row's smallest and largest value over its cells that are not blank, at C speed (a
    filter per row, no list): the screens hold as well, since a share, a growth or two rows
    alike are read from values that are there. (None, None) where a row is wholly blank (not
    screened). Each of 600,000 rows `[~, 1]` was divided by its total for nothing."""
    try:
        lows = list(map(min, map(filter, itertools.repeat(_known), rows)))
        highs = list(map(max, map(filter, itertools.repeat(_known), rows)))
    except ValueError:  # min() of a row with no value
        return None, None
    return lows, highs


def _summed_families(ctx: PlanContext) -> Iterator[tuple[str, Indicator, Family]]:
    """Every family of every table whose parts add up to their total."""
    shared = ctx.shared(families)
    for ind_id, indicator in _summed(ctx):
        for family in shared.get(ind_id, ()):
            yield ind_id, indicator, family


def _share(part: Decimal | None, total: Decimal | None) -> Decimal | None:
    if part is None or total is None or total <= 0:
        return None
    return part / total * 100


@rule(
    "PC701",
    "share-swing",
    INFO,
    "A part's share of its total swings between years",
    "{name} ({indicator}) {area}: its share of {total} moves from {old_share}% in {from_year} "
    "to {new_share}% in {to_year}",
    options={"min-points": MIN_POINTS},
)
def share_swing(ctx: PlanContext) -> Iterator[Deferred]:
    """
    Why: the sub-areas' shares of a target usually move slowly; a share that jumps (洪都街办
    with 58% of the 2021 patent target and 9% of 2022's) is either a deliberate
    re-allocation worth a sentence in the plan, or values typed into the wrong row or year.

    Bad:
        values:
          全区: [100, 110]
          甲街道: [60, 10]
          乙街道: [40, 100]

    Good:
        values:
          全区: [100, 110]
          甲街道: [60, 64]
          乙街道: [40, 46]
    """
    threshold: Decimal = ctx.option(MIN_POINTS)
    defer = CellDeferrer(ctx, _swing_args)
    for ind_id, _, family in _summed_families(ctx):
        if not _positive_pair(family.total):
            continue  # no two years in a row with a share: nothing can swing
        for area in _large_shares(family, threshold):
            yield from _swings(ctx, defer, ind_id, (area, family.parent), threshold)


_at_least: Callable[[Any, Any], bool] = operator.ge


def _positive_pair(total: Sequence[Decimal | None]) -> bool:
    """Whether the total is above 0 in two years in a row: only there has a part a share in
    both (_share), so only there can a share swing (a negative total gives none: each of
    600,000 parts was divided for nothing)."""
    return any(
        old is not None and new is not None and old > 0 and new > 0
        for old, new in itertools.pairwise(total)
    )


def _large_shares(family: Family, threshold: Decimal) -> Iterable[str]:
    """The parts whose share could reach `threshold` percent of the total in some year.

    A share moves by `threshold` points only if it is that large in one of the two years,
    which needs the row's largest value to reach `threshold` percent of the smallest total;
    the other parts need no division.
    """
    known = [value for value in family.total if value is not None]
    lows, highs = family.lows, family.highs
    if lows is None or highs is None or len(known) < len(family.total) or not known:
        return family.parts  # not screened
    if min(known) <= 0 or min(lows, default=Decimal(0)) < 0:
        return family.parts  # a negative share moves without reaching the cut
    cut = min(known) * threshold / 100
    return itertools.compress(family.parts, map(_at_least, highs, itertools.repeat(cut)))


def _wide_rows(family: Family, ratio: Decimal | None) -> Iterable[str]:
    """The parts whose largest value is at least `ratio` times their smallest.

    A part's growth can be `limit` times its total's only if its own values spread that far.
    """
    lows, highs = family.lows, family.highs
    if ratio is None or lows is None or highs is None or not lows or min(lows) <= 0:
        return family.parts  # not screened
    wide = map(_at_least, highs, map(operator.mul, lows, itertools.repeat(ratio)))
    return itertools.compress(family.parts, wide)


def _swings(
    ctx: PlanContext,
    defer: CellDeferrer,
    ind_id: str,
    pair: tuple[str, str],
    threshold: Decimal,
) -> Iterator[Deferred]:
    area, parent = pair
    shares = _shares(ctx, ind_id, area, parent)
    swings = []
    for index in range(1, len(shares)):
        old, new = shares[index - 1], shares[index]
        if old is None or new is None or max(old, new) > 100:
            continue  # a part larger than its total: the sum rules report that column
        if abs(new - old) >= threshold:
            swings.append(index)
    return defer.row(ind_id, area, swings, parent)  # or counted (findings.Tally)


def _shares(ctx: PlanContext, ind_id: str, area: str, parent: str) -> list[Decimal | None]:
    rows = ctx.rows(ind_id)
    row, total = rows.get(area, ()), rows.get(parent, ())
    return [_share(p, t) for p, t in zip(row, total, strict=False)]


def _swing_args(
    ctx: PlanContext, ind_id: str, area: str, index: int, parent: str
) -> dict[str, Any]:
    indicator = ctx.values_of(ind_id)[0]
    old, new = _shares(ctx, ind_id, area, parent)[index - 1 : index + 1]
    assert old is not None
    assert new is not None
    return {
        "name": indicator.name, "indicator": ind_id, "area": area, "total": parent,
        "from_year": indicator.years[index - 1], "to_year": indicator.years[index],
        "old_share": round(old), "new_share": round(new),
    }  # fmt: skip


@rule(
    "PC702",
    "growth-out-of-line",
    INFO,
    "A part grows far out of line with its total",
    "{name} ({indicator}) {area}: {old} in {from_year} becomes {new} in {to_year} "
    "(x{part_growth}), while {total} grows x{total_growth}",
    options={"max-ratio": MAX_RATIO},
)
def growth_out_of_line(ctx: PlanContext) -> Iterator[Deferred]:
    """
    Why: a part that multiplies while its total barely moves (or collapses while the total
    grows) is how a value in the wrong unit, a shifted decimal point or a row typed into the
    wrong area shows itself when the sums still hold by accident or are not checked.

    Bad:
        values:
          全区: [100, 110]
          甲街道: [0.5, 60]
          乙街道: [99.5, 50]

    Good:
        values:
          全区: [100, 110]
          甲街道: [50, 60]
          乙街道: [50, 50]
    """
    limit: Decimal = ctx.option(MAX_RATIO)
    defer = CellDeferrer(ctx, _growth_args)
    for ind_id, indicator, family in _summed_families(ctx):
        rows = ctx.rows(ind_id)
        total, parent = family.total, family.parent
        if not any(_growth(total, index) for index in range(1, len(total))):
            continue  # the total never grows nor falls by a factor: nothing to compare
        spread = _widest_growth(total)
        ratio = limit / spread if spread else None
        for area in _wide_rows(family, ratio):
            row = rows.get(area, ())
            ends = range(1, min(len(row), len(total), len(indicator.years)))
            out_of_line = [index for index in ends if _out_of_line(row, total, index, limit)]
            yield from defer.row(ind_id, area, out_of_line, parent)  # or counted


def _out_of_line(
    row: Sequence[Decimal | None], total: Sequence[Decimal | None], index: int, limit: Decimal
) -> bool:
    """Whether the part's growth into year `index` is `limit` times its total's, or less
    than a `limit`th of it."""
    grows, total_grows = _growth(row, index), _growth(total, index)
    if grows is None or total_grows is None or total_grows == 0:
        return False
    return grows == 0 or not 1 / limit < grows / total_grows < limit


def _growth_args(
    ctx: PlanContext, ind_id: str, area: str, index: int, parent: str
) -> dict[str, Any]:
    indicator, rows = ctx.values_of(ind_id)[0], ctx.rows(ind_id)
    row, total = rows.get(area, ()), rows.get(parent, ())
    grows, total_grows = _growth(row, index), _growth(total, index)
    assert grows is not None
    assert total_grows is not None
    return {
        "name": indicator.name, "indicator": ind_id, "area": area, "total": parent,
        "from_year": indicator.years[index - 1], "to_year": indicator.years[index],
        "old": row[index - 1], "new": row[index], "part_growth": _factor(grows),
        "total_growth": _factor(total_grows),
    }  # fmt: skip


def _widest_growth(total: Sequence[Decimal | None]) -> Decimal | None:
    """The largest year-to-year growth factor of a total, either way (at least 1)."""
    factors = [_growth(total, index) for index in range(1, len(total))]
    known = [f for f in factors if f]
    if len(known) != len(factors):
        return None  # a blank or a zero: no quick screen
    return max((max(f, 1 / f) for f in known), default=Decimal(1))


def _growth(row: object, index: int) -> Decimal | None:
    assert isinstance(row, list | tuple)
    old, new = row[index - 1], row[index]
    if old is None or new is None or old <= 0 or new < 0:
        return None  # growth from or to a negative value has no factor
    return Decimal(new) / Decimal(old)


def _factor(value: Decimal) -> Decimal:
    """Two decimals, or two significant digits for a factor below 0.01 (never "x0")."""
    if value == 0 or value >= Decimal("0.01"):
        return tidy(value.quantize(Decimal("0.01")))
    return tidy(value.quantize(Decimal(1).scaleb(value.adjusted() - 1)))


@rule(
    "PC705",
    "identical-rows",
    INFO,
    "Two areas have the same row",
    "{name} ({indicator}): the row of {area} is the same as the row of {first}",
)
def identical_rows(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: two sibling areas with exactly the same targets in every year, while their other
    siblings differ, usually share a row that was copied and not edited. Rows that do not
    change from year to year, and an equal split among all siblings, are left alone: plans
    do allocate that way on purpose.

    Bad:
        values:
          全区: [17, 22, 29]
          甲街道: [4, 6, 9]
          乙街道: [4, 6, 9]
          丙街道: [9, 10, 11]

    Good:
        values:
          全区: [17, 22, 29]
          甲街道: [4, 6, 9]
          乙街道: [5, 7, 8]   # each street its own row
          丙街道: [8, 9, 12]
    """
    shared = ctx.shared(families)
    for ind_id, indicator in ctx.indicators():
        rows = ctx.rows(ind_id)
        for family in shared.get(ind_id, ()):
            if family.lows is not None and family.highs is not None:
                # Sets straight from iterators (C speed, no list of every row first): rows
                # copied all alike then hold one item, not a list and a set of 600,000.
                pairs = set(zip(family.lows, family.highs, strict=True))
                if len(pairs) == len(family.lows):
                    continue  # no two rows with the same extremes, so no two rows equal
                distinct = len(set(map(tuple, map(rows.__getitem__, family.parts))))
                if distinct in {1, len(family.parts)}:
                    continue  # the extremes met by chance and the rows differ, or every
                    # sibling has the same row (an equal split: left alone, as _copied does)
            for area, first in _copied(rows, family.parts):
                row_name = ctx.row_name(indicator, area)
                source = ("indicators", ind_id, "values", row_name)
                yield ctx.in_targets(
                    source, ".".join(source), on_key=True,
                    name=indicator.name, indicator=ind_id, area=row_name, first=first,
                )  # fmt: skip


def _copied(
    rows: Mapping[str, Sequence[Decimal | None]], parts: Sequence[str]
) -> Iterator[tuple[str, str]]:
    """(area, the sibling it repeats) for rows that change over the years and that some,
    not all, siblings share."""
    groups: dict[tuple[Decimal | None, ...], list[str]] = {}
    for area in parts:
        row = tuple(rows.get(area, ()))
        if len(set(row)) > 1:  # a row that changes over the years
            groups.setdefault(row, []).append(area)
    for areas in groups.values():
        if 1 < len(areas) < len(parts):
            yield from ((area, areas[0]) for area in areas[1:])
