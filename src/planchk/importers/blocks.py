"""A wide table printed in blocks one above another: the same areas, the later columns below.

A table too wide for the page (2021年 … 2026年, or 合计 | 中央 | 省级 then 市级 | 县级 | 农户自缴)
is often printed in two blocks: the first columns over the areas, then, after a blank line or a
续表 line, the header again with the areas' column (县区) and the other columns, over the same
areas. Read as one table, the second header would be a data row (合计（甲县至县区）, an area
named 县区) and the second block's figures a second set of areas.

A block starts at a header row (no number in it) after rows of numbers, that prints the first
block's leading header texts again (县区, or 序号 | 县区) over columns whose other texts are all
new (a header repeated as printed is a page of the same table: importers.pages), with at most
a 续表 line or the title again between. Where the blocks list the same areas (in the same order,
or each once), their rows are joined by area, the second block's columns after the first's;
otherwise they are read as two tables, the second under the first's title and unit line. The
log says which.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from planchk.importers.columns import numeric
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name
from planchk.messages import message

JOINED = message(
    "import.side-blocks-joined",
    "{source}: the table is printed in blocks one above another (the header again at row "
    "{row}, over the same areas): read as one table, the second block's columns after the first's",
)
APART = message(
    "import.side-blocks-apart",
    "{source}: the header is printed again at row {row} over other areas than the first "
    "block's: read as a second table, under the first's title and unit line",
)
# between two blocks: a 续表 line (续表, 续表1, （续）) or the title printed again
_BETWEEN = re.compile(r"^[（(]?\s*[续續]\s*(?:表|上表)?\s*[\d一二三四五六七八九十]*\s*[）)]?$")
_MOST_HEADER_ROWS = 3
_TEXT = itemgetter(0)


@dataclass(frozen=True)
class _Block:
    header: int  # the index of its first header row in the grid's rows
    data: int  # the index of its first row of numbers
    end: int  # past its last row
    keys: int  # how many leading header cells name its rows (县区, or 序号 | 县区)


def join_blocks(grid: Grid, notes: list[str] | None = None) -> list[Grid]:
    """The grid with its blocks joined (one grid), or read apart (two); `[grid]` if it
    prints one block. What was done goes to `notes` (the grid's own, by default)."""
    notes = grid.notes if notes is None else notes
    rows = grid.rows
    first = _first_block(rows)
    if first is None:
        return [grid]
    found = _next_block(rows, first)
    if found is None:
        return [grid]
    second, end = found
    first = dataclasses.replace(first, end=end)
    row = rows[second.header][0].row
    title = rows[: first.header]
    if _same_areas(rows, first, second):
        notes.append(JOINED(source=grid.source, row=row))
        joined = [*title, *_joined(grid, first, second), *rows[second.end :]]
        return join_blocks(_with_rows(grid, joined), notes)
    notes.append(APART(source=grid.source, row=row))
    above = _with_rows(grid, rows[: second.header])
    below = _with_rows(grid, [*title, *rows[second.header :]])
    return [above, *join_blocks(below, notes)]


def _with_rows(grid: Grid, rows: list[list[GridCell]]) -> Grid:
    return dataclasses.replace(grid, rows=rows, notes=[])  # every other field as the grid's


def _filled(cells: Sequence[GridCell]) -> list[GridCell]:
    return [cell for cell in cells if cell.text]


def _numbers(cells: Sequence[GridCell]) -> bool:
    filled = _filled(cells)
    return len(filled) >= 2 and any(numeric(cell.text) for cell in filled[1:])


def _header(cells: Sequence[GridCell]) -> bool:
    filled = _filled(cells)
    return len(filled) >= 2 and not any(numeric(cell.text) for cell in filled)


def _first_block(rows: Sequence[Sequence[GridCell]]) -> _Block | None:
    for index, cells in enumerate(rows):
        if _header(cells):
            data = _data_start(rows, index)
            return None if data is None else _Block(index, data, len(rows), 0)
        if _numbers(cells):
            return None
    return None


def _data_start(rows: Sequence[Sequence[GridCell]], header: int) -> int | None:
    """The first row of numbers under a header row, within the header's few rows."""
    for index in range(header + 1, min(header + 1 + _MOST_HEADER_ROWS, len(rows))):
        if _numbers(rows[index]):
            return index
        if not _header(rows[index]):
            return None
    return None


def _next_block(rows: Sequence[Sequence[GridCell]], first: _Block) -> tuple[_Block, int] | None:
    """The second block under `first`, its header after the rows of numbers and at most a
    续表 line or the title again; and where `first` ends (past its last row of numbers)."""
    titles = {clean_name(t) for cells in rows[: first.header] for t in map(_TEXT, cells) if t}
    lead = [clean_name(c.text) for c in _filled(rows[first.header])]
    last = first.data  # the last row of numbers seen
    foreign = False  # a line of its own since then: a title, a unit line, a note
    for index in range(first.data, len(rows)):
        cells = rows[index]
        if _numbers(cells):
            last, foreign = index, False
            continue
        own = [clean_name(c.text) for c in _filled(cells)]
        if len(own) == 1 and (_BETWEEN.match(own[0]) or own[0] in titles):
            continue
        if not _header(cells) or own[0] != lead[0] or index - last > _MOST_HEADER_ROWS:
            foreign = foreign or len(own) == 1
            continue
        if foreign:  # 表2 …, 单位：万元 over the header: a table of its own (importers.stacked)
            return None
        # the leading texts printed again name the rows; every other text is new
        keys = next((n for n, (a, b) in enumerate(zip(lead, own, strict=False)) if a != b), 0)
        if keys == 0 or set(lead[keys:]) & set(own[keys:]):
            continue
        data = _data_start(rows, index)
        if data is not None and data - index == first.data - first.header:
            return _Block(index, data, _block_end(rows, data), keys), last + 1
    return None


def _block_end(rows: Sequence[Sequence[GridCell]], data: int) -> int:
    end = data
    while end < len(rows) and not _header(rows[end]) and len(_filled(rows[end])) > 1:
        end += 1
    return end


def _key(cells: Sequence[GridCell], columns: Sequence[int]) -> tuple[str, ...]:
    by_column = {cell.column: clean_name(cell.text) for cell in cells}
    return tuple(by_column.get(column, "") for column in columns)


def _key_columns(rows: Sequence[Sequence[GridCell]], block: _Block, keys: int) -> list[int]:
    return [cell.column for cell in _filled(rows[block.header])[:keys]]


def _same_areas(rows: Sequence[Sequence[GridCell]], first: _Block, second: _Block) -> bool:
    """Whether the blocks list the same rows: in the same order, or each once."""
    above = [_key(r, _key_columns(rows, first, second.keys)) for r in rows[first.data : first.end]]
    below = [
        _key(r, _key_columns(rows, second, second.keys)) for r in rows[second.data : second.end]
    ]
    if above == below:
        return True
    return len(set(above)) == len(above) == len(below) == len(set(below)) and set(above) == set(
        below
    )


def _joined(grid: Grid, first: _Block, second: _Block) -> list[list[GridCell]]:
    """The first block's rows, each with the second block's cells of its area after its own
    (moved right past the first block's last column; the cells keep their printed rows)."""
    rows = grid.rows
    below_keys = _key_columns(rows, second, second.keys)
    above_keys = _key_columns(rows, first, second.keys)
    width = max(c.column for r in rows[first.header : first.end] for c in _filled(r))
    start = max(below_keys)

    depth = first.data - first.header
    head = [
        [
            *_within(rows[first.header + n], width),
            *_moved(grid, rows[second.header + n], start, width),
        ]
        for n in range(depth)
    ]
    above, below = rows[first.data : first.end], rows[second.data : second.end]
    by_key = {_key(r, below_keys): r for r in below}
    same_order = [_key(r, above_keys) for r in above] == [_key(r, below_keys) for r in below]
    pairs = (
        zip(above, below, strict=True)
        if same_order
        else [(r, by_key[_key(r, above_keys)]) for r in above]
    )
    return [*head, *([*_within(a, width), *_moved(grid, b, start, width)] for a, b in pairs)]


def _within(cells: Sequence[GridCell], width: int) -> list[GridCell]:
    return [cell for cell in cells if cell.column <= width]


def _moved(grid: Grid, cells: Sequence[GridCell], start: int, width: int) -> list[GridCell]:
    """The cells right of the key columns (`start` the last), moved past column `width`; a
    stored number's mark (importers.stored) moves with its cell."""
    out = []
    for cell in cells:
        if cell.column > start:
            column = width + cell.column - start
            if (cell.row, cell.column) in grid.stored:
                grid.stored.add((cell.row, column))
            out.append(cell._replace(column=column))
    return out
