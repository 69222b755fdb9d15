"""Cells that carried their unit or bound (planchk.importers.carried), settled in the table.

Once the columns and the table's unit are known: a number with a unit is that number in its
column's unit, converted exactly in Decimal (3.5亿元 in a 万元 column is 35000; 120.50万元 in a
亿元 column 0.012050, its printed digits moved, none made up); a column with no unit of its own
takes the one its cells carry; a unit that does not convert (万元 in a 亩 column), or a column
of no unit whose cells carry two measures, is refused at its cells with the option that settles
it; a figure in a larger unit sets the tolerance its printed digit allows.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, localcontext

from planchk.importers import texts
from planchk.importers.carried import Carried, Place
from planchk.importers.conversion import convert, exponent_of, shifted
from planchk.importers.grid import Grid, GridCell, cell_name
from planchk.importers.printed import parse_number
from planchk.importers.shapes import Column
from planchk.importers.units import declared_unit
from planchk.messages import PlanchkError
from planchk.plan.numbers import plain, rounding_allowance, tidy
from planchk.plan.units import BUILT_IN

_DIGITS = 15  # of a tolerance written: as many as Excel shows of a number


@dataclass
class Settled:
    """The table's columns and body once the carried units are converted, and the log."""

    columns: tuple[Column, ...]
    body: list[Sequence[GridCell]]
    said: list[str]
    # a figure printed in a larger unit, by its (row, column) -> the rounding its column's
    # figures allow with it at its printed digit: the tolerance of the sums it is in
    tolerances: dict[Place, Decimal]


@dataclass(frozen=True)
class Given:
    """What the table and the command line say of units: the unit line, the indicator name of
    a column of years (its title's), and the --unit options."""

    unit: str | None
    name: str
    options: Sequence[str] = ()


def settle(
    grid: Grid,
    carried: dict[Place, Carried],
    columns: Sequence[Column],
    body: Sequence[Sequence[GridCell]],
    given: Given,
) -> Settled:
    """Convert each carried unit into its column's unit (the column takes its cells' unit where
    the table gives it none), and give the text and code columns their cells as printed."""
    fixed: dict[Place, str] = {}
    said: list[str] = []
    settled: list[Column] = []
    tolerances: dict[Place, Decimal] = {}
    by_column: dict[int, dict[Place, Carried]] = {}
    for place, cell in carried.items():
        by_column.setdefault(place[1], {})[place] = cell
    with_units = {place for place, cell in carried.items() if cell.unit is not None}
    for column in columns:
        here = by_column.get(column.index, {})
        if column.kind in ("text", "code"):  # a note of 50万元 stays as printed
            fixed.update((p, c.text) for p, c in here.items())
        elif here:
            _refuse_percent(grid, column, here)
            bare = _bare(body, with_units, _undeclared(columns, column, given))
            converted = _converted(grid, column, here, (body, bare), given)
            fixed.update(converted.fixed)
            said.extend(converted.said)
            if converted.tolerance is not None:
                tolerances.update(dict.fromkeys(converted.coarse, converted.tolerance))
            bounds = [c.text for c in here.values() if c.bound]
            if bounds:
                said.append(
                    texts.BOUNDS_READ(len(bounds), header=column.header, texts=_few(bounds))
                )
            column = converted.column  # noqa: PLW2901 (its unit, where its cells gave it)
        settled.append(column)
    if not fixed:
        return Settled(tuple(settled), list(body), said, tolerances)
    touched = {row for row, _ in fixed}  # only the rows with a cell to print anew are copied
    rows: list[Sequence[GridCell]] = [
        [_fixed(cell, fixed) for cell in cells] if cells and cells[0].row in touched else cells
        for cells in body
    ]
    return Settled(tuple(settled), rows, said, tolerances)


def _undeclared(columns: Sequence[Column], column: Column, given: Given) -> set[int]:
    """The columns of the indicator `column` is of (its category, or the years of the table's
    one indicator) that nothing gives a unit: a unit its cells carry would be theirs too."""
    return {
        other.index
        for other in columns
        if other.name == column.name
        and other.kind not in ("text", "code")
        and declared_unit([other], given.unit, other.name or given.name, given.options) is None
    }


def _bare(
    body: Sequence[Sequence[GridCell]], with_units: set[Place], indices: set[int]
) -> list[GridCell]:
    """The figures of these columns that print no unit (a bound alone, ≥100, is one)."""
    return [
        cell
        for cells in body
        for cell in cells
        if cell.column in indices
        and (cell.row, cell.column) not in with_units
        and parse_number(cell.text) is not None
    ]


def _refuse_percent(grid: Grid, column: Column, here: dict[Place, Carried]) -> None:
    """≥95% among amounts, said as the cell prints it (the table reader would say 95%)."""
    if column.kind == "percent":
        return
    for (row, index), cell in here.items():
        if cell.percent:
            raise PlanchkError(
                texts.PERCENT_IN_VALUES, place=grid.where(row, index), text=cell.text
            )


def _fixed(cell: GridCell, fixed: dict[Place, str]) -> GridCell:
    text = fixed.get((cell.row, cell.column))
    if text is None:
        return cell
    return GridCell(text, cell.row, cell.column, cell.merged, cell.bold, cell.indent)


@dataclass
class _Converted:
    column: Column
    fixed: dict[Place, str]
    said: list[str]
    tolerance: Decimal | None = None  # of a figure printed in a larger unit (3.5亿元 in 万元)
    coarse: tuple[Place, ...] = ()  # where such figures are


def _converted(
    grid: Grid,
    column: Column,
    here: dict[Place, Carried],
    body: tuple[Sequence[Sequence[GridCell]], list[GridCell]],
    given: Given,
) -> _Converted:
    with_units = {p: c for p, c in here.items() if c.unit is not None}
    done = _Converted(column, {}, [])
    if not with_units:
        return done
    name = column.name or given.name
    target = declared_unit([column], given.unit, name, given.options)
    if target is None:
        target = _from_cells(grid, column, with_units, body[1], name)
        done.said.append(texts.UNIT_FROM_CELLS(header=column.header, unit=target))
        done.column = dataclasses.replace(column, unit=target)
    wrong = {p: c for p, c in with_units.items() if convert(c, target) is None}
    if wrong:
        raise PlanchkError(
            texts.UNIT_NOT_CONVERTIBLE, source=grid.source, header=column.header, unit=target,
            cells=_cells(wrong), name=name,
        )  # fmt: skip
    for place, cell in with_units.items():
        if cell.unit != target:  # in the column's unit, the cell reads as lifted already
            done.fixed[place] = plain(convert(cell, target))  # type: ignore[arg-type]
    units = "、".join(dict.fromkeys(c.unit for c in with_units.values() if c.unit))
    done.said.append(
        texts.UNITS_CONVERTED(len(with_units), header=column.header, unit=target, units=units)
    )
    _coarse(done, with_units, body[0], target)
    return done


def _coarse(
    done: _Converted,
    with_units: dict[Place, Carried],
    body: Sequence[Sequence[GridCell]],
    target: str,
) -> None:
    """A figure printed in a larger unit than its column's is known only to its printed digit:
    3.5亿元 is 35000 万元 give or take 500. The file prints 35000, whose digits allow a miss of
    0.5; so the sums that figure is in (build: its row's parts, its parent's) take as their
    `tolerance` what the rounding of all the column's figures allows with that figure at its
    printed digit, and the log says so."""
    into = BUILT_IN.get(target)
    larger = {
        unit
        for unit in {c.unit for c in with_units.values() if c.unit is not None}
        if into is not None and unit in BUILT_IN and BUILT_IN[unit].factor > into.factor
    }
    moved = {p: shifted(c, target) for p, c in with_units.items() if c.unit in larger}
    coarse = {p: m for p, m in moved.items() if m is not None and exponent_of(m) > 0}
    if not coarse:
        return
    figures: list[Decimal] = []
    for cells in body:
        for cell in cells:
            place = (cell.row, cell.column)
            if cell.column == done.column.index and cell.text:
                figure = coarse.get(place) or parse_number(done.fixed.get(place, cell.text))
                figures.extend([figure] if figure is not None else [])
    # as wide as the figures: 1.2亿元 beside a figure of 36 decimals needs 40 digits; written
    # to 15 digits at most, rounded up (500.5000…0005 is 500.500000000001: a file reads it)
    wide = max(f.adjusted() for f in figures) - min(exponent_of(f) for f in figures) + 8
    with localcontext(prec=max(wide, 28)):
        allowance = rounding_allowance(figures)
        if len(allowance.as_tuple().digits) > _DIGITS:
            allowance = allowance.quantize(
                Decimal(1).scaleb(allowance.adjusted() - _DIGITS + 1), rounding=ROUND_CEILING
            )
    done.tolerance = tidy(allowance)
    done.coarse = tuple(coarse)
    shown = "、".join(with_units[p].text for p in coarse)
    done.said.append(
        texts.TOLERANCE_FROM_CELLS(
            header=done.column.header, cells=shown, unit=target, tolerance=plain(done.tolerance)
        )
    )


def _from_cells(
    grid: Grid,
    column: Column,
    with_units: dict[Place, Carried],
    bare: Sequence[GridCell],
    name: str,
) -> str:
    """The unit a column of no stated unit takes from its cells: the one they carry, or the
    one most of them carry where all are of one measure (亿元 total over 万元 parts). A figure
    printed with no unit beside them, in this column or another of its indicator (whose unit
    it would become: 1.5 under 2025年 beside 12000万元 under 2024年), would be a guess: asked."""
    here = [cell for cell in bare if cell.column == column.index]
    if here:
        raise PlanchkError(
            texts.UNIT_PARTLY_CARRIED, source=grid.source, header=column.header,
            cells=_cells(with_units), bare=", ".join(cell_name(c.row, c.column) for c in here[:5]),
            name=name,
        )  # fmt: skip
    if bare:
        raise PlanchkError(
            texts.UNIT_BESIDE_BARE_COLUMNS, source=grid.source, header=column.header,
            cells=_cells(with_units), bare=", ".join(cell_name(c.row, c.column) for c in bare[:5]),
            name=name,
        )  # fmt: skip
    units = [BUILT_IN[c.unit] for c in with_units.values() if c.unit]
    if len({unit.dimension for unit in units}) > 1:
        raise PlanchkError(
            texts.UNITS_OF_MEASURES, source=grid.source, header=column.header,
            cells=_cells(with_units), name=name,
        )  # fmt: skip
    counts = Counter(unit.name for unit in units)
    # most carried first; of as many, the smaller unit, into which the others convert whole
    return min(counts, key=lambda n: (-counts[n], BUILT_IN[n].factor))


def _cells(carried: dict[Place, Carried]) -> str:
    """The cells named in a message: B4 (3.5亿元), B6 (30亩), the first five."""
    shown = [f"{cell_name(row, column)} ({c.text})" for (row, column), c in carried.items()]
    return ", ".join(shown[:5]) + (" …" if len(shown) > 5 else "")


def _few(items: Sequence[str]) -> str:
    shown = list(dict.fromkeys(items))
    return "、".join(shown[:3]) + ("…" if len(shown) > 3 else "")
