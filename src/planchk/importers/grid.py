"""Tables as people keep them, read into one shape: a grid of printed texts with positions.

A CSV cell is its text (planchk.importers.csvgrid). A workbook cell is what the sheet shows
(planchk.importers.xlsx, .xls and .ods): a number as its number format prints it (a cell
showing 6.0 is "6.0", never the float's 6), a formula's value as last calculated, a merged
cell's text in every cell of the merge (a header spanning two columns names both). Every
reader checks a file's size, and a workbook's cells, before it holds them; every refusal says
what to do.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from planchk.importers import texts
from planchk.messages import Message, PlanchkError, os_reason

# Cells a sheet may hold, declare, merge or span (rows × columns as read): a plan's tables are
# thousands; a sheet past this would take gigabytes as Python objects. Every workbook reader
# reads it from here at the time of reading (the tests lower it).
MAX_CELLS = 200_000
Bounds = tuple[int, int, int, int]  # a range's min row, min column, max row, max column
Shown = dict[tuple[int, int], tuple[str, bool]]  # (row, column) -> text shown, covered by a merge
Flags = dict[tuple[int, int], tuple[bool, int]]  # (row, column) -> bold, indent


class GridCell(NamedTuple):  # a tuple: a million of them are made at C speed
    text: str  # as shown, stripped
    row: int  # 1-based, as the spreadsheet numbers it
    column: int  # 1-based
    merged: bool = False  # covered by a merge that another cell anchors
    bold: bool = False  # printed in bold (a subtotal's label, often)
    indent: int = 0  # how far the text is indented: a deeper level of the row names


@dataclass
class Grid:
    """One sheet (or one CSV file): its non-blank rows of cells, in order."""

    source: str  # file name, and sheet for XLSX
    rows: list[list[GridCell]]
    notes: list[str] = field(default_factory=list)  # what reading it involved, for the user
    # (row, column) -> (bold, indent) of the XLSX cells that print bold or indented
    flags: Flags = field(default_factory=dict)
    sheet: str | None = None  # the workbook's sheet it is, if any
    # columns read as text whatever they hold: a 主要指标 table's 年均增长 or 属性 beside its
    # years is one figure or word per indicator, kept as the row's note, not an indicator
    text_columns: frozenset[int] = frozenset()
    # quantities each row counts in its own unit (a purchase list's 数量): never summed
    counted: frozenset[int] = frozenset()
    # whether a cell may be covered by a merge: a CSV's may not, and the table reader then
    # asks no row for one (a pass over every cell)
    merges: bool = True
    # (row, column) of the XLSX cells that show a number in the General format: as stored,
    # their decimals the value's own, not digits anyone chose to print (rules PC403)
    stored: set[tuple[int, int]] = field(default_factory=set)

    def where(self, row: int, column: int) -> str:
        return texts.CELL_PLACE(source=self.source, cell=cell_name(row, column))

    def column_place(self, column: int) -> str:
        return texts.COLUMN_PLACE(source=self.source, column=cell_name(1, column)[:-1])


def no_data_rows(grid: Grid) -> Message:
    """The refusal of a grid with no table: naming --sheet only where there are sheets."""
    return texts.NO_DATA_ROWS_SHEET if grid.sheet else texts.NO_DATA_ROWS


def cell_name(row: int, column: int) -> str:
    """A1-style name of a cell: column letters, then the row number."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; refused past --max-bytes before it is read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PlanchkError(texts.FILE_TOO_LARGE, path=path, size=size, limit=max_bytes)
        return path.read_bytes()
    except OSError as error:
        raise PlanchkError(texts.FILE_UNREADABLE, path=path, reason=os_reason(error)) from None


def area(bounds: Bounds) -> int:
    return (bounds[2] - bounds[0] + 1) * (bounds[3] - bounds[1] + 1)


def check_merged(place: str, merges: Iterable[Bounds]) -> None:
    check_merged_area(place, sum(area(b) for b in merges))


def check_merged_area(place: str, merged: int) -> None:
    if merged > MAX_CELLS:
        raise PlanchkError(texts.XLSX_MERGED_TOO_FAR, place=place, cells=merged, limit=MAX_CELLS)


def check_held(place: str, cells: int) -> None:
    if cells > MAX_CELLS:
        raise PlanchkError(texts.XLSX_TOO_MANY_CELLS, place=place, cells=cells, limit=MAX_CELLS)


def spread(grid: Grid, shown: Shown, merges: Iterable[Bounds]) -> Grid:
    """`grid` with the sheet's non-blank rows, each dense from the first to the last column that
    holds a value, a merged range's text in every cell it covers (`shown` is filled in)."""
    for min_row, min_column, max_row, max_column in merges:
        text = shown.get((min_row, min_column), ("", False))[0]
        if not text:
            continue  # a blank merge shows nothing; it adds no cell
        for row in range(min_row, max_row + 1):
            for column in range(min_column, max_column + 1):
                if (row, column) != (min_row, min_column):
                    shown[(row, column)] = (text, True)
    filled = {key for key, (text, _) in shown.items() if text}
    if filled:
        rows = sorted({row for row, _ in filled})
        first = min(column for _, column in filled)
        last = max(column for _, column in filled)
        if len(rows) * (last - first + 1) > MAX_CELLS:
            raise PlanchkError(
                texts.XLSX_TOO_WIDE, place=grid.source,
                span=f"{cell_name(rows[0], first)}:{cell_name(rows[-1], last)}",
                cells=len(rows) * (last - first + 1), limit=MAX_CELLS,
            )  # fmt: skip
        grid.rows = [_dense_row(shown, grid.flags, row, first, last) for row in rows]
    return grid


def _dense_row(
    shown: Shown,
    flags: Flags,
    row: int,
    first: int,
    last: int,
) -> list[GridCell]:
    cells = []
    for column in range(first, last + 1):
        text, covered = shown.get((row, column), ("", False))
        cells.append(GridCell(text, row, column, covered, *flags.get((row, column), (False, 0))))
    return cells


_TEXT = itemgetter(0)  # a GridCell's text


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector held off while a table is read: reading makes a million small
    objects (cells, rows, numbers) and no reference cycles, and the collector's passes over
    the young ones find nothing (0.3 s of a 10^6-cell import). What a pass would have found
    is collected once the block ends; the peak memory is the same (measured, 435 MB)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # what was made meanwhile goes straight to the oldest generation, as it would after
        # surviving the young ones (re-enabled alone, the collector's next pass would walk
        # every object made meanwhile)
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def texts_of(cells: Iterable[GridCell]) -> list[str]:
    """The texts of the cells that hold one, in order, at C speed (asked of every row by the
    table reader's tests for notes, sign-offs and footnotes)."""
    return list(filter(None, map(_TEXT, cells)))


def non_blank(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    return [row for row in rows if any(cell.text for cell in row)]
