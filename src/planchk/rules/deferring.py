"""Deferred findings at table cells: what a rule that may fire on every cell yields.

A rule makes one `CellDeferrer` per run, with the function that works out a finding's message
arguments from its cell; each finding it yields is a `findings.Deferred` whose `make` is the
deferrer's (shared by all of them) and whose `key` is the cell and one value of the rule's
own (the year a fall starts from, a part's total). The key is the whole of what a finding
costs while unmade: a report of 600,000 findings carries them unmade until each is written
(suppress.unmade), and the cap and the baseline decide on the path and the row's place
without making them (issue 17).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from planchk.findings import NEVER, Arg, Deferred, Location, Problem
from planchk.loader.sourcemap import VALUE_MASK, pack
from planchk.rules.context import PlanContext

if TYPE_CHECKING:
    from planchk.loader import LoadedFile

# How a rule words a finding at a cell: (ctx, indicator id, area, year index, extra) -> args.
ArgsOf = Callable[[PlanContext, str, str, int, Any], Mapping[str, Arg]]
CellKey = tuple[str, str, int, Any]  # indicator id, area (as the rule named it), index, extra


class CellDeferrer:
    """Defers a rule's findings at cells: `defer(ind_id, area, index, extra)`."""

    __slots__ = ("_args", "_ctx", "_file", "_make")
    _file: LoadedFile | None

    def __init__(self, ctx: PlanContext, args: ArgsOf) -> None:
        # Made by the rule before it knows of any cell: a plan may have no targets file.
        self._ctx, self._file, self._args = ctx, ctx.targets_file, args
        # One bound method for every Deferred of the run (an attribute read makes a new one).
        self._make: Callable[[CellKey], Problem] = self._problem

    def __call__(self, ind_id: str, area: str, index: int, extra: Any = None) -> Deferred:
        """The finding at the cell, made only if the engine keeps it: its path and its row's
        place now (a cell is at or after its row: a lower bound), the rest when made."""
        assert self._file is not None  # a cell is in the targets file
        indicator, places = self._ctx.values_of(ind_id)
        name = area if area in indicator.values else self._ctx.row_name(indicator, area)
        path = f"indicators.{ind_id}.values.{name}.{indicator.years[index]}"
        packed = places.get(name, 0) & VALUE_MASK  # sourcemap.node of the row, inlined
        if not packed:
            packed = pack(*self._file.sourcemap.nearest(("indicators", ind_id, "values", name)))
        return Deferred(self._file.display, path, packed, self._make, (ind_id, area, index, extra))

    def row(
        self, ind_id: str, area: str, indexes: Iterable[int], extra: Any = None
    ) -> Iterator[Deferred]:
        """The findings at `indexes` of a row (at most one a cell), or none when the cap would
        only count them (findings.Tally): then the running rule's tally counts them. A cell
        the baseline holds back unmade (Tally.take) is not yielded."""
        ctx = self._ctx
        tally = ctx.tally
        if tally.after < NEVER and ctx.counted(ind_id, area):
            tally.count += sum(1 for _ in indexes)
            return
        for index in indexes:
            if tally.take is None or not ctx.taken(ind_id, area, index):
                yield self(ind_id, area, index, extra)

    def _problem(self, key: CellKey) -> Problem:
        ind_id, area, index, extra = key
        ctx, file = self._ctx, self._file
        assert file is not None
        indicator, places = ctx.values_of(ind_id)
        name = area if area in indicator.values else ctx.row_name(indicator, area)
        source = ("indicators", ind_id, "values", name, index)
        sourcemap = file.sourcemap
        # Where node() would find it (no cell has a place of its own in a row of numbers).
        found = None
        if not sourcemap.members.get(source[:-1]):
            found = sourcemap.row_item(places.get(name, 0) & VALUE_MASK, index)
        where = Location(file.display, *found) if found else ctx.where(file, source)
        path = f"indicators.{ind_id}.values.{name}.{indicator.years[index]}"
        return Problem(where, path, self._args(ctx, ind_id, area, index, extra))


def given_args(
    ctx: PlanContext, ind_id: str, area: str, index: int, extra: Any
) -> Mapping[str, Arg]:
    """For a deferrer whose `extra` is the arguments themselves, or what gives them (tests,
    and rules whose findings are few)."""
    return extra() if callable(extra) else extra  # type: ignore[no-any-return]
