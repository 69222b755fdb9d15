"""What the rules look at: one plan's loaded files and the facts derived from them once.

Derived facts (the hierarchy, the unit table, the office registry, every column sum) are
computed on first use and shared, so that no rule walks the tables again for itself. The
lookups several rules share are in planchk.rules.lookups: a rule never imports another rule.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import cached_property
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from planchk import registry
from planchk.findings import Arg, Location, Problem, Tally
from planchk.loader.sourcemap import VALUE_MASK
from planchk.models import TargetsFile, TasksFile
from planchk.models.settings import SumMode
from planchk.models.targets import Goal, Indicator
from planchk.plan.hierarchy import Hierarchy
from planchk.plan.numbers import has_blank
from planchk.plan.offices import OfficeRegistry
from planchk.plan.units import Unit, UnitTable
from planchk.rules.cell import Cell as Cell  # noqa: PLC0414 (rules import it from here)
from planchk.rules.options import DEFAULT_SUM

if TYPE_CHECKING:
    from planchk.loader import LoadedFile

T = TypeVar("T")


class RuleOptions(Protocol):
    """Where the rules' options come from: the run's configuration (planchk.config.Config)."""

    def option(self, code: str, name: str) -> Any: ...


class _Defaults:
    """Every option at its declared default: a plan checked without a configuration."""

    def option(self, code: str, name: str) -> Any:
        return registry.get(code).options[name].default


def _smallest_values(ctx: PlanContext) -> dict[str, Decimal]:
    smallest: dict[str, Decimal] = {}
    for ind_id, indicator in ctx.indicators():
        rows = [row for row in indicator.values.values() if row]
        if ctx.has_blanks(ind_id):
            cells = (v for v in chain.from_iterable(rows) if v is not None)
            smallest[ind_id] = min(cells, default=Decimal(0))
        elif rows:
            first = itemgetter(0) if ctx.never_falls(ind_id) else min  # a rising row starts low
            smallest[ind_id] = min(map(first, cast(list[list[Decimal]], rows)))
    return smallest


def _rising_tables(ctx: PlanContext) -> frozenset[str]:
    """Tables without blanks in which no row falls from one year to the next: most tables of
    a plan. A row that does not fall equals its sorted copy, decided at C speed."""
    rising = []
    for ind_id, indicator in ctx.indicators():
        if not ctx.has_blanks(ind_id):
            rows = cast(Iterable[list[Decimal]], indicator.values.values())
            if all(map(operator.eq, rows, map(sorted, rows))):
                rising.append(ind_id)
    return frozenset(rising)


def _tables_with_blanks(ctx: PlanContext) -> frozenset[str]:
    return frozenset(
        ind_id
        for ind_id, indicator in ctx.indicators()
        if has_blank(chain.from_iterable(indicator.values.values()))
    )


class PlanContext:
    def __init__(
        self,
        targets: LoadedFile | None,
        tasks: LoadedFile | None,
        config: RuleOptions | None = None,
        *,
        suggest: bool = True,
    ) -> None:
        self.config = config or _Defaults()
        # Suggested corrections cost a search per sum finding; skipped where nobody sees them.
        self.suggest = suggest
        self.targets_file = targets if targets is not None and targets.usable else None
        self.tasks_file = tasks if tasks is not None and tasks.usable else None
        self._shared: dict[Callable[[PlanContext], Any], Any] = {}
        self._tables: dict[str, tuple[Indicator, Mapping[str | int, int]]] = {}
        self.tally = Tally()  # the running rule's, set by the engine (findings.Tally)

    def option(self, option: registry.Option | str, name: str = "") -> Any:
        """A rule option's configured value, or its default: asked with the option's
        declaration (ctx.option(MIN_POINTS)); a code and a name still work."""
        if isinstance(option, registry.Option):
            return self.config.option(*registry.option_key(option))
        return self.config.option(option, name)

    def has_blanks(self, ind_id: str) -> bool:
        """Whether any cell of the indicator's table is blank (asked once per table)."""
        return ind_id in self.shared(_tables_with_blanks)

    def never_falls(self, ind_id: str) -> bool:
        """Whether the table has no blank and no row that falls (so each row's first value is
        its smallest and its last its largest)."""
        return ind_id in self.shared(_rising_tables)

    def smallest(self, ind_id: str) -> Decimal:
        """The smallest value of the indicator's table (0 for an empty or blank table)."""
        return self.shared(_smallest_values).get(ind_id, Decimal(0))

    def sum_modes(self, indicator: Indicator) -> list[SumMode]:
        """How the indicator's parts relate to their total, per year; ratios are never summed."""
        if indicator.kind == "ratio":
            return ["none"] * len(indicator.years)
        return indicator.sum_modes(self.option(DEFAULT_SUM))

    def shared(self, compute: Callable[[PlanContext], T]) -> T:
        """`compute(self)`, computed once per plan however many rules ask for it."""
        if compute not in self._shared:
            self._shared[compute] = compute(self)
        result: T = self._shared[compute]
        return result

    @property
    def targets(self) -> TargetsFile | None:
        model = self.targets_file.model if self.targets_file else None
        return model if isinstance(model, TargetsFile) else None

    @property
    def tasks(self) -> TasksFile | None:
        model = self.tasks_file.model if self.tasks_file else None
        return model if isinstance(model, TasksFile) else None

    def indicators(self) -> Iterable[tuple[str, Indicator]]:
        """The indicators of the targets file, or none when it is absent or unusable."""
        return self.targets.indicators.items() if self.targets else ()

    def indicator(self, ind_id: str | None) -> Indicator | None:
        """The indicator a goal names, or None when there is none by that id."""
        return self.targets.indicators.get(ind_id or "") if self.targets else None

    def goals(self) -> Iterable[tuple[str, Goal]]:
        return self.targets.goals.items() if self.targets else ()

    @cached_property
    def hierarchy(self) -> Hierarchy | None:
        if self.targets is None:
            return None
        targets = self.targets
        return Hierarchy.build(targets.areas, targets.aliases, targets.of_which)

    @cached_property
    def units(self) -> UnitTable:
        declared = self.targets.units if self.targets else {}
        return UnitTable({n: Unit(n, d.dimension, d.factor, d.whole) for n, d in declared.items()})

    @cached_property
    def offices(self) -> OfficeRegistry | None:
        return OfficeRegistry(self.tasks, self.hierarchy) if self.tasks else None

    def rows(self, indicator_id: str) -> Mapping[str, Sequence[Decimal | None]]:
        """The indicator's rows keyed by canonical area; rows of unknown areas left out."""
        return self._rows[indicator_id]

    @cached_property
    def _rows(self) -> dict[str, Mapping[str, Sequence[Decimal | None]]]:
        out: dict[str, Mapping[str, Sequence[Decimal | None]]] = {}
        assert self.targets is not None
        assert self.hierarchy is not None
        areas = self.hierarchy.known
        for ind_id, indicator in self.targets.indicators.items():
            if areas.issuperset(indicator.values):  # every row under an area's own name
                out[ind_id] = indicator.values  # read only: no copy (a large plan's 20 MB)
                continue
            rows: dict[str, Sequence[Decimal | None]] = {}
            for name, row in indicator.values.items():
                area = self.hierarchy.canonical(name)
                if area is not None:
                    rows.setdefault(area, row)  # a second row for one area is reported apart
            out[ind_id] = rows
        return out

    def row_name(self, indicator: Indicator, area: str) -> str:
        """The key under which `area`'s row is typed (the area itself or an alias of it)."""
        if area in indicator.values:
            return area
        assert self.hierarchy is not None
        return next((n for n in indicator.values if self.hierarchy.canonical(n) == area), area)

    def cell(self, ind_id: str, area: str, index: int) -> Cell:
        assert self.targets is not None
        indicator = self.targets.indicators[ind_id]
        name = self.row_name(indicator, area)
        row = indicator.values.get(name, ())
        value = row[index] if index < len(row) else None
        return Cell(ind_id, name, indicator.years[index], index, value)

    def cell_location(self, ind_id: str, area: str, index: int) -> Location:
        """Where a cell is, without building a Cell and a Problem: asked for every part of a
        column that does not add up, a hundred at a time in a large plan."""
        assert self.targets is not None
        assert self.targets_file is not None
        name = self.row_name(self.targets.indicators[ind_id], area)
        found = self.targets_file.sourcemap.node(("indicators", ind_id, "values", name, index))
        if found is None:
            return self.where(self.targets_file, ("indicators", ind_id, "values", name, index))
        return Location(self.targets_file.display, *found)

    def counted(self, ind_id: str, area: str) -> bool:
        """Whether the cap would only count a deferred finding in `area`'s row: the row starts
        after `tally.after` and the baseline holds none of its cells (findings.Tally). The
        rule then adds to `tally.count`; asked only while `tally.after` is below NEVER."""
        indicator, places = self.values_of(ind_id)
        name = area if area in indicator.values else self.row_name(indicator, area)
        if places.get(name, 0) & VALUE_MASK <= self.tally.after:
            return False
        held, row = self.tally.held, f"indicators.{ind_id}.values.{name}."
        return not held or held.isdisjoint(map(row.__add__, map(str, indicator.years)))

    def taken(self, ind_id: str, area: str, index: int) -> bool:
        """Whether the baseline holds back, unmade, the running rule's one finding at a cell
        (findings.Tally.take): for rules that yield at most one finding a cell."""
        indicator, take = self.values_of(ind_id)[0], self.tally.take
        name = area if area in indicator.values else self.row_name(indicator, area)
        path = f"indicators.{ind_id}.values.{name}.{indicator.years[index]}"
        return take is not None and path in self.tally.held and take(path)

    def values_of(self, ind_id: str) -> tuple[Indicator, Mapping[str | int, int]]:
        """An indicator and its rows' packed places in the source map, looked up once."""
        found = self._tables.get(ind_id)
        if found is None:
            assert self.targets is not None
            assert self.targets_file is not None
            members = self.targets_file.sourcemap.members
            places = members.get(("indicators", ind_id, "values"), {})
            found = self._tables[ind_id] = (self.targets.indicators[ind_id], places)
        return found

    def at_cell(self, cell: Cell, **args: Arg) -> Problem:
        assert self.targets_file is not None
        return Problem(self.where(self.targets_file, cell.source), cell.path, args)

    def in_targets(
        self, source: Sequence[str | int], path: str, *, on_key: bool = False, **args: Arg
    ) -> Problem:
        assert self.targets_file is not None
        return Problem(self.where(self.targets_file, source, on_key), path, args)

    def in_tasks(
        self, source: Sequence[str | int], path: str, *, on_key: bool = False, **args: Arg
    ) -> Problem:
        assert self.tasks_file is not None
        return Problem(self.where(self.tasks_file, source, on_key), path, args)

    @staticmethod
    def where(file: LoadedFile, source: Sequence[str | int], on_key: bool = False) -> Location:
        """The position of a data path: its key (a name) or its value."""
        found = file.sourcemap.key(source) if on_key else None
        line, column = found or file.sourcemap.nearest(source)
        return Location(file.display, line, column)
