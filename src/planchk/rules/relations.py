"""Relations between indicators, declared under `relations:` and checked per area and year."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from planchk.errors import RelationError
from planchk.findings import Arg, Location, Problem, Severity, Suggestion
from planchk.messages import RELATION_PROBLEMS
from planchk.plan.comparators import compare
from planchk.plan.relations import (
    Lookup,
    Relation,
    evaluate,
    may_hold,
    printed_alike,
)
from planchk.plan.shown import shown_sides
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.lookups import parsed_relations, unchecked, values_lookup


@dataclass(frozen=True)
class RelationCheck:
    """One relation in one area and year, where it does not hold exactly."""

    index: int  # position under `relations:`
    relation: Relation
    area: str
    year: int | str
    left: Decimal
    right: Decimal
    within_rounding: bool


def relation_checks(ctx: PlanContext) -> list[RelationCheck]:
    checks: list[RelationCheck] = []
    for index, relation in ctx.shared(parsed_relations):
        if isinstance(relation, Relation):
            checks += _check(ctx, index, relation)
    return checks


def _cells(ctx: PlanContext, relation: Relation) -> Iterator[tuple[str, int | str, Lookup]]:
    """Each area and year where every indicator named without a row has a row, with its
    values; a relation that names rows only (`a[甲] <= a[乙]`) is checked once a year, in the
    first row it names."""
    years = _shared_years(ctx, relation.refs())
    per_row = relation.per_row()
    areas = ctx.rows(per_row[0]) if per_row else [relation.fixed()[0][1]]
    for area in areas:
        if any(area not in ctx.rows(name) for name in per_row):
            continue
        for year in years:
            yield area, year, values_lookup(ctx, area, year)


def _check(ctx: PlanContext, index: int, relation: Relation) -> Iterator[RelationCheck]:
    for area, year, lookup in _cells(ctx, relation):
        left, right = evaluate(relation.left, lookup), evaluate(relation.right, lookup)
        if left is None or right is None or compare(left[0], relation.op, right[0]):
            continue
        if relation.op == "==" and printed_alike(left[0], right[0]):
            continue  # 102.9 printed for 102.857…: the table rounded, it did not miss
        within = may_hold(relation.op, left[1], right[1])
        yield RelationCheck(index, relation, area, year, left[0], right[0], within)


def _shared_years(ctx: PlanContext, refs: list[str]) -> list[int | str]:
    years = [indicator.years for name in refs if (indicator := ctx.indicator(name))]
    return [year for year in years[0] if all(year in other for other in years)]


def _report(ctx: PlanContext, check: RelationCheck) -> Problem:
    """At the first cell the relation reads in the row checked; the others are related."""
    cells = [(name, row or check.area) for name, row in check.relation.cells()]
    first = next(((n, r) for n, r in cells if r == check.area), cells[0])
    indicator = ctx.indicator(first[0])
    assert indicator is not None
    cell = ctx.cell(first[0], first[1], indicator.years.index(check.year))
    lookup = values_lookup(ctx, check.area, check.year)
    left, right = shown_sides(check.relation, check.left, check.right, lookup)
    problem = ctx.at_cell(
        cell,
        relation=check.relation.text, area=check.area, year=check.year,
        left=left, right=right, difference=left - right,
    )  # fmt: skip
    related = tuple(
        _cell_location(ctx, name, row, check.year)
        for name, row in dict.fromkeys(cells)
        if (name, row) != first
    )
    path = f"relations.{check.index}.{check.area}.{check.year}"
    suggestions = _suggestions(ctx, check) if ctx.suggest and not check.within_rounding else ()
    return Problem(problem.location, path, problem.args, related, suggestions)


def _cell_location(ctx: PlanContext, name: str, area: str, year: int | str) -> Location:
    indicator = ctx.indicator(name)
    assert indicator is not None
    return ctx.at_cell(ctx.cell(name, area, indicator.years.index(year))).location


def _suggestions(ctx: PlanContext, check: RelationCheck) -> tuple[Suggestion, ...]:
    """One cell of the relation mistyped: for each, the value that makes it hold exactly.
    A cell of a row named in brackets is read by every row's check and is not offered."""
    from planchk.rules.suggest.corrections import checker_for, ranked, slip_edit  # not at start-up

    if check.relation.op != "==":
        return ()
    found: list[Suggestion] = []
    for name in check.relation.per_row():
        indicator = ctx.indicator(name)
        assert indicator is not None
        index = indicator.years.index(check.year)
        value = ctx.rows(name)[check.area][index]
        target = _solve(ctx, check, name, value)
        if value is None or target is None:
            continue
        edits = slip_edit(check.area, index, value, target)
        about = {"relation": check.relation.text}
        found += ranked(ctx, name, checker_for(ctx, name), edits, about)
    best = sorted(found, key=lambda s: -s.score)[:3]
    # Each makes the relation hold on its own: alternatives, numbered again across indicators.
    return tuple(dataclasses.replace(s, alternative=rank) for rank, s in enumerate(best))


def _solve(
    ctx: PlanContext, check: RelationCheck, name: str, value: Decimal | None
) -> Decimal | None:
    """The value of `name` that makes the relation hold, others fixed (if it is linear)."""
    if value is None:
        return None

    def gap(x: Decimal) -> Decimal | None:
        lookup = values_lookup(ctx, check.area, check.year, override=(name, x))
        left, right = evaluate(check.relation.left, lookup), evaluate(check.relation.right, lookup)
        return None if left is None or right is None else left[0] - right[0]

    here, step = gap(value), gap(value + 1)
    if here is None or step is None or step == here:
        return None
    solution = value - here / (step - here)
    return solution if gap(solution) == 0 else None


@rule(
    "PC106",
    "relation-mismatch",
    Severity.ERROR,
    "A relation between indicators does not hold",
    "{relation} does not hold for {area} in {year}: the left side is {left}, "
    "the right side {right} (difference {difference:+})",
)
def relation_mismatch(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: tables that depend on each other (a total and its categories, a part and the whole
    it belongs to, funds and the households they pay for) must agree in every area and year;
    declared under `relations:`, planchk checks them like sums, with exact arithmetic.

    Bad:
        relations:
          - total = new + renovated
        ...
          total:     {values: {全区: [10]}}
          new:       {values: {全区: [6]}}
          renovated: {values: {全区: [5]}}

    Good:
        relations:
          - total = new + renovated
        ...
          total:     {values: {全区: [11]}}
    """
    for check in ctx.shared(relation_checks):
        if not check.within_rounding:
            yield _report(ctx, check)


@rule(
    "PC107",
    "relation-rounding",
    Severity.INFO,
    "A relation misses by a rounding difference",
    "{relation} for {area} in {year}: the left side is {left}, the right side {right}; "
    "the difference {difference:+} is within the rounding of the printed digits",
)
def relation_rounding(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: values printed to a few digits can miss a relation by what their rounding allows
    (0.33 + 0.33 + 0.33 against 1.00); noted, not an error. A side printed as the other
    rounded to its digits (完成率 102.9 for 72 / 70 * 100 = 102.857…) holds: no finding.

    Bad:
        relations:
          - total = a + b + c
        ...
          total: {unit: 亿元, values: {全区: [1.00]}}
          a:     {unit: 亿元, values: {全区: [0.33]}}
          b:     {unit: 亿元, values: {全区: [0.33]}}
          c:     {unit: 亿元, values: {全区: [0.33]}}

    Good:
        ...
          a:     {unit: 亿元, values: {全区: [0.34]}}
    """
    for check in ctx.shared(relation_checks):
        if check.within_rounding:
            yield _report(ctx, check)


@rule(
    "PC108",
    "relation-invalid",
    Severity.ERROR,
    "A relation cannot be read",
    "relation `{relation}` cannot be read: {problem}",
    localize=lambda args: {**args, "problem": RELATION_PROBLEMS[str(args["problem"])](**args)},
)
def relation_invalid(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a relation is written in a small expression language (names of indicators, numbers,
    + - * / and parentheses, one comparator); a relation that does not read is not checked
    at all, so a typo must not pass silently.

    Bad:
        relations:
          - total = new + renovatd
        indicators: {total: ..., new: ..., renovated: ...}

    Good:
        relations:
          - total = new + renovated
        ...
          total:     {values: {全区: [11]}}
          new:       {values: {全区: [6]}}
          renovated: {values: {全区: [5]}}
    """
    targets = ctx.targets
    for index, relation in ctx.shared(parsed_relations):
        if isinstance(relation, RelationError) and targets is not None:
            args: dict[str, Arg] = {k: str(v) for k, v in relation.args_.items()}
            args.update(relation=targets.relations[index], problem=relation.problem)
            where = ctx.where(ctx.targets_file, ("relations", index))  # type: ignore[arg-type]
            yield Problem(where, f"relations.{index}", args)


@rule(
    "PC110",
    "relation-divides-by-zero",
    Severity.WARNING,
    "A relation divides by zero",
    "`{relation}` divides by zero for {area} in {year}, so it cannot be checked there",
)
def relation_divides_by_zero(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a relation with a division (a share, a rate, an amount per household) says nothing
    where the divisor is 0; passing that cell silently would read as "checked and holds".

    Bad:
        relations:
          - rate = funds / households
        ...
          rate:       {values: {甲街道: [1.5]}}
          funds:      {values: {甲街道: [180]}}
          households: {values: {甲街道: [0]}}

    Good:
        relations:
          - rate = funds / households
        ...
          households: {values: {甲街道: [120]}}
    """
    targets = ctx.targets
    for index, relation in ctx.shared(parsed_relations):
        if not isinstance(relation, Relation) or targets is None:
            continue
        for area, year, lookup in _cells(ctx, relation):
            if unchecked(relation, lookup):
                where = ctx.where(ctx.targets_file, ("relations", index))  # type: ignore[arg-type]
                args: dict[str, Arg] = {"relation": targets.relations[index], "area": area}
                args["year"] = year
                yield Problem(where, f"relations.{index}.{area}.{year}", args)
