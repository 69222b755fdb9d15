"""Which cell is wrong: suggested corrections for a column whose parts miss their total.

Every single-cell edit that would balance the column exactly is a candidate: the total set to
the parts' sum, or one part changed by the imbalance, or one area's values of two years
swapped where the other year's column is off by the opposite amount. A candidate is kept only
if a typing slip explains it (the slips module) and it breaks nothing else: the column of the
level above or below, the trend policy, whole numbers for counts, the sign. Candidates are
ranked by how plausible the slip is and by how much the correction smooths the area's row
from year to year (a planted error usually sticks out of its row; an innocent cell changed by
the same amount would stick out instead). With no candidate left, there is no suggestion:
better to say that no single slip explains the imbalance than to invent one.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from operator import is_not, itemgetter
from typing import cast

from planchk.findings import Suggestion
from planchk.plan.numbers import has_blank
from planchk.rules.context import PlanContext
from planchk.rules.lookups import holds_at, relations_of
from planchk.rules.suggest.slips import WEIGHTS, classify, printed

MAX_SUGGESTIONS = 3
RELATION_BONUS = 0.5  # making a relation between indicators hold is strong evidence
# One swap of two years' values that balances both columns explains two findings with one
# slip; a single-cell edit would need a second edit to fix the other column (fewest changes
# first, as in Fellegi-Holt error localisation).
SECOND_COLUMN_BONUS = 0.5
Row = Sequence[Decimal | None]
_known = partial(is_not, None)


@dataclass(frozen=True)
class Edit:
    """A candidate: change one cell (or swap two years of one row)."""

    area: str  # canonical area
    index: int
    new: Decimal
    kind: str
    other_index: int | None = None  # a swap of two years' values


def suggest(
    ctx: PlanContext, ind_id: str, parent: str, index: int, imbalance: Decimal
) -> tuple[Suggestion, ...]:
    """Ranked corrections for the column `index` of `parent`'s parts, off by `imbalance`."""
    checker = checker_for(ctx, ind_id)
    edits = _candidates(checker, parent, index, imbalance)
    return ranked(ctx, ind_id, checker, edits, {"total": parent})


def ranked(
    ctx: PlanContext,
    ind_id: str,
    checker: Checker,
    edits: Iterable[Edit],
    about: Mapping[str, str],
) -> tuple[Suggestion, ...]:
    """The edits that break nothing, best first; `about` names what they restore."""
    best: dict[tuple[str, int, Decimal], tuple[float, Edit]] = {}
    for edit in edits:
        if checker.consistent(edit):
            score = WEIGHTS[edit.kind] + checker.smoothing(edit)
            if edit.other_index is not None:
                score += SECOND_COLUMN_BONUS
            key = (edit.area, edit.index, edit.new)  # one cell, one value: its likeliest slip
            if key not in best or best[key][0] < score:
                best[key] = (score, edit)
    scored = sorted(best.values(), key=lambda pair: -pair[0])
    # Each edit alone balances the column: they are alternatives, numbered best first.
    return tuple(
        dataclasses.replace(_suggestion(ctx, ind_id, edit, score, about), alternative=rank)
        for rank, (score, edit) in enumerate(scored[:MAX_SUGGESTIONS])
    )


def slip_edit(area: str, index: int, old: Decimal, new: Decimal) -> Iterator[Edit]:
    """The edit of `old` to `new`, if a typing slip explains it."""
    slip = classify(old, new)
    if slip is not None:
        yield Edit(area, index, new, slip.kind)


def _candidates(checker: Checker, parent: str, index: int, imbalance: Decimal) -> Iterator[Edit]:
    parts = checker.hierarchy_parts(parent)
    total = checker.value(parent, index)
    if total is not None:
        yield from slip_edit(parent, index, total, total + imbalance)
    column = checker.column(parent, index)
    # The parts with a value, found at C speed: a blank part is no candidate (a column of
    # 600,000 blanks was a Python step each).
    for area, value in itertools.compress(
        zip(parts, cast(list[Decimal], column), strict=True), map(_known, column)
    ):
        yield from slip_edit(area, index, value, value - imbalance)
    yield from _year_swaps(checker, parent, parts, index, imbalance)


def _year_swaps(
    checker: Checker, parent: str, parts: Sequence[str], index: int, imbalance: Decimal
) -> Iterator[Edit]:
    """One area's values typed into each other's year columns: both columns are off."""
    for other in range(len(checker.years)):
        if other == index or checker.imbalance(parent, other) != -imbalance:
            continue
        for area in (parent, *parts):
            here, there = checker.value(area, index), checker.value(area, other)
            if here is None or there is None:
                continue
            needed = imbalance if area == parent else -imbalance
            if there - here == needed:
                yield Edit(area, index, there, "column", other_index=other)


def checker_for(ctx: PlanContext, ind_id: str) -> Checker:
    """One Checker per table and plan, so that its column sums are worked out once."""
    checkers = ctx.shared(_checkers)
    if ind_id not in checkers:
        checkers[ind_id] = Checker(ctx, ind_id)
    return checkers[ind_id]


def _checkers(ctx: PlanContext) -> dict[str, Checker]:
    return {}


class Checker:
    """Evaluates candidate edits of one table against every constraint of the table."""

    def __init__(self, ctx: PlanContext, ind_id: str) -> None:
        assert ctx.hierarchy is not None
        assert ctx.targets is not None
        indicator = ctx.targets.indicators[ind_id]
        self.ctx, self.ind_id = ctx, ind_id
        self.hierarchy = ctx.hierarchy
        self.rows = ctx.rows(ind_id)
        self.relations = relations_of(ctx, ind_id)
        self.years = indicator.years
        unit = ctx.units.get(indicator.unit)
        self.whole = unit is not None and unit.whole
        self.no_fall = indicator.trend_policy == "non_decreasing"
        self._imbalances: dict[tuple[str, int], Decimal | None] = {}
        self._relation_changes: dict[Edit, list[str]] = {}
        self._part_rows: dict[str, list[Row]] = {}

    def hierarchy_parts(self, area: str) -> Sequence[str]:
        return self.hierarchy.parts.get(area, ())

    def value(self, area: str, index: int) -> Decimal | None:
        row = self.rows.get(area, ())
        return row[index] if index < len(row) else None

    def column(self, parent: str, index: int) -> list[Decimal | None]:
        """value() of each of `parent`'s parts, at C speed where every row reaches column
        `index` (their rows looked up once per parent: one total may have 600,000 parts)."""
        rows = self._part_rows.get(parent)
        if rows is None:
            parts = self.hierarchy_parts(parent)
            rows = self._part_rows[parent] = list(map(self.rows.get, parts, itertools.repeat(())))
        if min(map(len, rows), default=index + 1) > index:
            return list(map(itemgetter(index), rows))
        return [row[index] if index < len(row) else None for row in rows]

    def imbalance(self, parent: str, index: int, edit: Edit | None = None) -> Decimal | None:
        """Parts minus total of `parent` in column `index`, with `edit` applied.

        The column is summed once; an edit changes it by the difference it makes to one
        cell, so trying a hundred candidates does not add up a hundred columns again.
        """
        key = (parent, index)
        if key not in self._imbalances:
            self._imbalances[key] = self._summed(parent, index)
        base = self._imbalances[key]
        if base is None or edit is None:
            return base
        if edit.area == parent:
            sign = -1  # the total itself
        elif self.hierarchy.parent.get(edit.area) == parent:
            sign = 1
        else:
            return base
        old, new = self.value(edit.area, index), self._edited(edit.area, index, edit)
        if old is None or new is None:
            return None
        return base + sign * (new - old)

    def _summed(self, parent: str, index: int) -> Decimal | None:
        total = self.value(parent, index)
        parts = self.column(parent, index)
        if total is None or has_blank(parts):
            return None
        return sum(cast(list[Decimal], parts), Decimal(0)) - total

    def consistent(self, edit: Edit) -> bool:
        """The edit balances its column and breaks no other constraint."""
        if self.whole and edit.new != edit.new.to_integral_value():
            return False
        old = self.value(edit.area, edit.index)
        if edit.new < 0 and old is not None and old >= 0:
            return False
        for index in {edit.index, *([edit.other_index] if edit.other_index is not None else [])}:
            for parent in self._columns_touched(edit.area):
                if self.imbalance(parent, index, edit) not in (0, None):
                    return False
        if edit.other_index is None and "broken" in self._relations(edit):
            return False
        return not (self.no_fall and self._falls(self._row_after(edit.area, edit)))

    def smoothing(self, edit: Edit) -> float:
        """How much smoother the area's row gets (positive) or rougher (negative), plus a
        bonus for each relation between indicators the edit makes hold."""
        before = self.rows.get(edit.area, ())
        bonus = RELATION_BONUS * sum(1 for change in self._relations(edit) if change == "fixed")
        return _roughness(before) - _roughness(self._row_after(edit.area, edit)) + bonus

    def _relations(self, edit: Edit) -> list[str]:
        """For each relation involving the table: fixed or broken by the edit (asked by both
        `consistent` and `smoothing`, so worked out once per edit)."""
        if edit not in self._relation_changes:
            self._relation_changes[edit] = self._relation_changes_of(edit)
        return self._relation_changes[edit]

    def _relation_changes_of(self, edit: Edit) -> list[str]:
        year = self.years[edit.index]
        changes = []
        for relation in self.relations:
            before = holds_at(self.ctx, relation, edit.area, year)
            after = holds_at(self.ctx, relation, edit.area, year, (self.ind_id, edit.new))
            if before is not None and after is not None and before != after:
                changes.append("fixed" if after else "broken")
        return changes

    def _columns_touched(self, area: str) -> list[str]:
        """The totals whose column the area's value enters: its parent's and its own."""
        touched = [area] if area in self.hierarchy.parts else []
        parent = self.hierarchy.parent.get(area)
        return [*touched, parent] if parent is not None else touched

    def _edited(self, area: str, index: int, edit: Edit | None) -> Decimal | None:
        if edit is not None and area == edit.area:
            if index == edit.index:
                return edit.new
            if index == edit.other_index:
                return self.value(area, edit.index)
        return self.value(area, index)

    def _row_after(self, area: str, edit: Edit) -> list[Decimal | None]:
        return [self._edited(area, i, edit) for i in range(len(self.rows.get(area, ())))]

    @staticmethod
    def _falls(row: Row) -> bool:
        values = [v for v in row if v is not None]
        return any(b < a for a, b in itertools.pairwise(values))


def _roughness(row: Row) -> float:
    """The sum of relative year-to-year changes: 0 for a flat row, up to 2 per reversal."""
    values = [float(v) for v in row if v is not None]
    total = 0.0
    for a, b in itertools.pairwise(values):
        scale = max(abs(a), abs(b))
        total += abs(b - a) / scale if scale else 0.0
    return total


def _suggestion(
    ctx: PlanContext, ind_id: str, edit: Edit, score: float, about: Mapping[str, str]
) -> Suggestion:
    cell = ctx.cell(ind_id, edit.area, edit.index)
    assert cell.value is not None
    args: dict[str, str | int] = {"area": cell.area, "year": cell.year, "indicator": ind_id}
    args.update(about)
    if edit.other_index is not None:
        assert ctx.targets is not None
        args["other_year"] = ctx.targets.indicators[ind_id].years[edit.other_index]
    return Suggestion(
        path=cell.path,
        location=ctx.at_cell(cell).location,
        old=str(cell.value),
        new=printed(edit.new, cell.value),
        kind=edit.kind,
        score=round(score, 3),
        args=args,
    )
