"""Several tables one under another in one sheet, each with its own title and unit line.

An annex often prints its tables one after another on one sheet (表1 … 表2 …), or a page copied
into a spreadsheet keeps them so. Read as one table, the second table's title, unit line and
header would be rows of the first: garbage areas (单位：万元 as a place), never what the sheet
says. A new table starts where, after rows of numbers, one to three lines of a single cell
(a title, a unit line, 附件N) stand over a header (two cells or more, no number), and at least
one of those lines is a unit line or names a table (…表, 表2), and none says the table above
goes on (its title again with （续）, 续表: a new page of it). A note after a table (注：…)
stays with the table above it; a heading row inside a table (甲县 alone over its towns) stands
over rows of numbers, not over a header, and starts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter

from planchk.importers.blocks import join_blocks
from planchk.importers.columns import numeric
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name
from planchk.importers.pages import split_body
from planchk.importers.units import unit_line
from planchk.messages import message

STACKED = message(
    "import.stacked-tables",
    "{source}: the sheet holds {count} tables one under another (each with its own title or "
    "unit line over its header), read one by one: rows {starts}",
)
_TITLE = re.compile(r"表\s*[:：]?$|^(附件|附表|表)\s*[\d０-９一二三四五六七八九十]+")
# The same table carried on over a page: its title again with （续）, or 续表.
_CONTINUED = re.compile(r"[（(]\s*续\s*[）)]|续表|續表|[（(]\s*續\s*[）)]|continued", re.IGNORECASE)
_MOST_LINES = 3  # title lines over a table: 附件N, the title, the unit line
_TEXT = itemgetter(0)  # a GridCell's text


def split_stacked(grid: Grid) -> list[Grid]:
    """The grid's tables, each a grid of its own rows; `grid`'s notes say so. A wide table
    printed in blocks one above another is joined first (importers.blocks)."""
    blocks = join_blocks(grid)
    return [table for block in blocks for table in _split(block, grid.notes)]


def _split(grid: Grid, notes: list[str]) -> list[Grid]:
    starts = [0]
    header = numbers = False  # a table's header seen, and rows of numbers under it
    for position, cells in enumerate(grid.rows):
        # a table starts on a line of one cell: the other rows (nearly all) are told by their
        # first two cells, or at C speed
        two = len(cells) > 1 and cells[0][0] and cells[1][0]
        alone = numbers and not two and len(cells) - list(map(_TEXT, cells)).count("") == 1
        start = _table_start(grid.rows, position) if alone else None
        if start is not None:
            starts.append(start)
            header = numbers = False
        numbers = numbers or (header and _holds_numbers(cells))
        header = header or _is_header(cells)
    if len(starts) == 1:
        return [grid]
    ends = [*starts[1:], len(grid.rows)]
    parts = [_part(grid, grid.rows[start:end]) for start, end in zip(starts, ends, strict=True)]
    first_rows = ", ".join(str(grid.rows[start][0].row) for start in starts)
    notes.append(STACKED(source=grid.source, count=len(parts), starts=first_rows))
    return parts


def _part(grid: Grid, rows: list[list[GridCell]]) -> Grid:
    # the General cells' marks go with their rows (importers.stored: PC403 stays quiet)
    return Grid(
        grid.source, rows, [], grid.flags, grid.sheet, merges=grid.merges, stored=grid.stored
    )


def _filled(cells: Sequence[GridCell]) -> list[GridCell]:
    return [cell for cell in cells if cell.text]


def _holds_numbers(cells: Sequence[GridCell]) -> bool:
    filled = _filled(cells)
    return len(filled) >= 2 and any(numeric(cell.text) for cell in filled[1:])


def _is_header(cells: Sequence[GridCell]) -> bool:
    filled = _filled(cells)
    return len(filled) >= 2 and not any(numeric(cell.text) for cell in filled)


def _table_start(rows: Sequence[Sequence[GridCell]], position: int) -> int | None:
    """Where a table starts, if the single-cell lines from `position` (right after a row of
    several cells) stand over a header: after the notes that end the table above, one to
    three lines, one of them a unit line or a table's title, none saying the table above
    goes on (（续）, 续表: a new page of it)."""
    if position == 0 or len(_filled(rows[position - 1])) < 2:
        return None
    lines: list[str] = []
    # by index: a slice `rows[position:]` copied the rest of the sheet at every row
    # (quadratic: 45 s of a 10^6-cell table)
    for index in range(position, len(rows)):
        filled = _filled(rows[index])
        if len(filled) != 1 or numeric(filled[0].text):
            break
        lines.append(clean_name(filled[0].text))
    end = position + len(lines)
    if not lines or end >= len(rows) or not _is_header(rows[end]):
        return None
    # the lines up to the last note (注：…, 资料来源：…) end the table above
    notes = 1 + max((n for n, line in enumerate(lines) if _is_note(line)), default=-1)
    own = lines[notes:]
    if not own or len(own) > _MOST_LINES or any(_CONTINUED.search(line) for line in lines):
        return None
    return position + notes if any(unit_line(t) or _TITLE.search(t) for t in own) else None


def _is_note(line: str) -> bool:
    return not split_body([[GridCell(line, 0, 0)]])[0]
