"""Several tables one under another in one sheet, each with its own title and unit line.

An annex often prints its tables one after another on one sheet (表1 … 表2 …), or a page copied
into a spreadsheet keeps them so. Read as one table, the second table's title, unit line and
header would be rows of the first: garbage areas (单位：万元 as a place), never what the sheet
says. A new table starts where, after rows of numbers, one to three lines of a single cell
(a title, a unit line, 附件N) stand over a header (two cells or more, no number), and at least
one of those lines is a unit line or names a table (…表, 表2). A note after a table (注：…)
stays with the table above it; a heading row inside a table (甲县 alone over its towns) stands
over rows of numbers, not over a header, and starts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.body import split_body
from planchk.importers.columns import numeric
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name
from planchk.importers.units import unit_line
from planchk.messages import message

STACKED = message(
    "import.stacked-tables",
    "{source}: the sheet holds {count} tables one under another (each with its own title or "
    "unit line over its header), read one by one: rows {starts}",
)
_TITLE = re.compile(r"表\s*[:：]?$|^(附件|附表|表)\s*[\d０-９一二三四五六七八九十]+")
_MOST_LINES = 3  # title lines over a table: 附件N, the title, the unit line


def split_stacked(grid: Grid) -> list[Grid]:
    """The grid's tables, each a grid of its own rows; `grid`'s notes say so."""
    starts = [0]
    header = numbers = False  # a table's header seen, and rows of numbers under it
    for position, cells in enumerate(grid.rows):
        if numbers and _starts_table(grid.rows, position):
            starts.append(position)
            header = numbers = False
        numbers = numbers or (header and _holds_numbers(cells))
        header = header or _is_header(cells)
    if len(starts) == 1:
        return [grid]
    ends = [*starts[1:], len(grid.rows)]
    parts = [_part(grid, grid.rows[start:end]) for start, end in zip(starts, ends, strict=True)]
    first_rows = ", ".join(str(grid.rows[start][0].row) for start in starts)
    grid.notes.append(STACKED(source=grid.source, count=len(parts), starts=first_rows))
    return parts


def _part(grid: Grid, rows: list[list[GridCell]]) -> Grid:
    return Grid(grid.source, rows, [], grid.flags, grid.sheet)


def _filled(cells: Sequence[GridCell]) -> list[GridCell]:
    return [cell for cell in cells if cell.text]


def _holds_numbers(cells: Sequence[GridCell]) -> bool:
    filled = _filled(cells)
    return len(filled) >= 2 and any(numeric(cell.text) for cell in filled[1:])


def _is_header(cells: Sequence[GridCell]) -> bool:
    filled = _filled(cells)
    return len(filled) >= 2 and not any(numeric(cell.text) for cell in filled)


def _starts_table(rows: Sequence[Sequence[GridCell]], position: int) -> bool:
    """Whether single-cell lines from `position` stand over a header, one of them a unit line
    or a table's title, none of them a note that ends the table above."""
    lines: list[str] = []
    for cells in rows[position : position + _MOST_LINES + 1]:
        filled = _filled(cells)
        if len(filled) == 1 and not numeric(filled[0].text):
            lines.append(clean_name(filled[0].text))
            continue
        if not _is_header(cells) or not lines or len(lines) > _MOST_LINES:
            return False
        noted, _ = split_body([[GridCell(lines[0], 0, 0)]])
        return bool(noted) and any(unit_line(line) or _TITLE.search(line) for line in lines)
    return False
