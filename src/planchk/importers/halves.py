"""Two tables printed side by side in one sheet: 收入 | 金额 | 支出 | 金额.

A budget's 收支总表 prints its income on the left and its spending on the right, row beside
row, each half with its own items, amounts and total (收入合计, 支出合计). Read as one table,
the right half's items would be notes and its amounts a second column of the left's items.
Where each half names its side (收入项目 | 支出项目, or totals 收入合计 | 支出合计), each half
is read as a table of its own: its own indicators (收入预算数, 支出预算数), items and total.
Where both totals are 总计 (or the title says 收支总表) the halves must balance, and that
equality is proposed as a relation, so that a table whose halves do not balance is a finding.
Halves that name no side (项目 | 金额 | 项目 | 金额: two tables, or one list printed in two
halves) stay refused, with where the second table starts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from operator import itemgetter

from planchk.importers import texts
from planchk.importers.grid import Grid, GridCell, cell_name
from planchk.importers.labels import clean_name
from planchk.importers.printed import has_digit, is_blank, normalized, parse_number, simplified
from planchk.importers.shapes import Table
from planchk.messages import PlanchkError, message

SIDES_READ = message(
    "import.sides-read",
    "{source}: two tables side by side, read one by one: {left} from column {left_column}, "
    "{right} from column {right_column}",
)
SIDES_BALANCE = message(
    "import.sides-balance",
    "  relation {relation}: the totals of the two tables side by side ({left} | {right}) must "
    "balance; as printed: {left_total} and {right_total}",
)
_SIDES = re.compile(r"^(收入|支出|来源|去向|收|支)")
_COLUMN_TEXT = itemgetter(2, 0)  # a GridCell's (column, text)
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")  # CJK unified ideographs
_ASCII_DIGIT = re.compile("[0-9]")
_NAMED = {"收": "收入", "支": "支出"}
_SIDE_TOTAL = re.compile(r"^(?:本年)?(收入|支出)(?:合计|总计)$")
_BALANCED = re.compile(r"收支.{0,8}总表|收支.{0,4}情况表|收入支出.{0,8}总表")  # simplified


@dataclass
class SideGrid(Grid):
    """One half of a sheet that prints two tables side by side."""

    side: str = ""  # 收入 or 支出, as the half names it
    pair: int = 0  # the same for both halves of one sheet
    balanced: bool = False  # the title names a 收支总表: its halves' totals are equal


def sides(grid: Grid) -> list[Grid]:
    """The grid, or its two halves where it prints two tables side by side that each name
    their side; refused, with where the second starts, where the halves name no side."""
    found = _split(grid.rows)
    if found is None:
        return [grid]
    header, names = found
    labels = [_label(grid.rows[header:], column) for column in names]
    if None in labels or labels[0] == labels[1]:
        heads = [clean_name(c.text) for c in grid.rows[header] if c.text]
        raise PlanchkError(
            texts.SIDE_BY_SIDE, source=grid.source, headers=" | ".join(heads),
            left=_letters(names[0]), right=_letters(names[1]),
        )  # fmt: skip
    above = " ".join(c.text for row in grid.rows[:header] for c in row if c.text)
    balanced = bool(_BALANCED.search(simplified(above)))
    halves: list[Grid] = [
        _half(grid, header, start, end, str(label), balanced)
        for start, end, label in ((0, names[1], labels[0]), (names[1], None, labels[1]))
    ]
    grid.notes.append(
        SIDES_READ(
            source=grid.source, left=labels[0], right=labels[1],
            left_column=_letters(names[0]), right_column=_letters(names[1]),
        )
    )  # fmt: skip
    return halves


def _half(  # noqa: PLR0913, PLR0917  (a half: its columns, its side, its table's title)
    grid: Grid, header: int, start: int, end: int | None, label: str, balanced: bool
) -> SideGrid:
    """The rows of one half: lines of one text above the header (the title, the unit line,
    also merged across both halves) whole, then the cells of columns `start` up to `end` of
    each row; a value header named by its side (预算数 → 收入预算数), so that the two halves'
    indicators are told apart."""
    rows: list[list[GridCell]] = []
    for position, cells in enumerate(grid.rows):
        if position < header and len({c.text for c in cells if c.text}) == 1:
            rows.append(cells)
            continue
        own = [c for c in cells if start <= c.column and (end is None or c.column < end)]
        if position == header:
            own = [_named(c, label) if i else c for i, c in enumerate(own)]
        if any(c.text for c in own):
            rows.append(own)
    # the General cells' marks go with their cells (importers.stored: PC403 stays quiet)
    return SideGrid(grid.source, rows, [], grid.flags, grid.sheet, side=label,
                    pair=id(grid), balanced=balanced, stored=grid.stored)  # fmt: skip


def _letters(column: int) -> str:
    return cell_name(1, column)[:-1]


def _split(rows: Sequence[Sequence[GridCell]]) -> tuple[int, list[int]] | None:
    """The header's position and the first column of the right half, if the header reads
    items | values | items | values with the same value headers (or 收入 | 支出 items)."""
    header = next((i for i in range(len(rows) - 1) if _numbers(rows[i + 1]) >= 2), None)
    if header is None:
        return None
    cells = {c.column: clean_name(c.text) for c in rows[header] if c.text}
    if not any(_halves(cells, pair) for pair in _pairs(sorted(cells), cells)):
        return None  # no two columns of the header can part it: the body need not be read
    names = _name_columns(rows[header + 1 :])
    if len(names) != 2 or names[0] not in cells or names[1] not in cells:
        return None
    return (header, names) if _halves(cells, (names[0], names[1])) else None


def _halves(cells: dict[int, str], names: tuple[int, int]) -> bool:
    """Whether the header parts at these two name columns: headers between them and after
    the second, the same headers on both sides (or 收入 | 支出 over the names)."""
    left = [cells[c] for c in sorted(cells) if names[0] < c < names[1]]
    right = [cells[c] for c in sorted(cells) if c > names[1]]
    sides = [_SIDES.match(cells[c]) for c in names]
    return bool(left and right and (left == right or all(sides)))


def _pairs(columns: list[int], cells: dict[int, str]) -> list[tuple[int, int]]:
    """The pairs of header columns that `_halves` may accept: those with as many headers
    between them as after the second (left == right needs as many), and the pairs of 收入 |
    支出 headers. A few pairs, not every pair of a wide header."""
    last = len(columns) - 1
    pairs = [
        (columns[i], columns[(last + i + 1) // 2])
        for i in range(last)
        if (last + i + 1) % 2 == 0 and i < (last + i + 1) // 2
    ]
    sided = [c for c in columns if _SIDES.match(cells[c])]
    return pairs + [(a, b) for n, a in enumerate(sided) for b in sided[n + 1 :]]


def _numbers(cells: Sequence[GridCell]) -> int:
    return sum(1 for c in cells if c.text and parse_number(normalized(c.text)) is not None)


def _name_columns(body: Sequence[Sequence[GridCell]]) -> list[int]:
    """Columns whose cells are names (no digit) on most rows that print one, each followed
    by a column of numbers."""
    names: dict[int, int] = {}
    numbers: dict[int, int] = {}
    # every cell of the sheet is asked: count each (column, text) pair at C speed, then read
    # each distinct pair once (a table repeats its figures; a million cells, a few thousand
    # pairs of figures)
    for (column, text), times in Counter(map(_COLUMN_TEXT, chain.from_iterable(body))).items():
        if _IDEOGRAPH.search(text):  # a row's name, most of these pairs: a name for sure
            counts = names  # (NFKC keeps an ideograph: no number or blank mark holds one)
        elif not text or is_blank(text):
            continue
        else:
            counts = numbers if parse_number(normalized(text)) is not None else names
        # an ASCII digit is a digit in any form: the common answer at C speed
        if counts is names and (_ASCII_DIGIT.search(text) or has_digit(text)):
            continue
        counts[column] = counts.get(column, 0) + times
    return [
        column
        for column, count in sorted(names.items())
        if count > numbers.get(column, 0) and numbers.get(column + 1, 0) > names.get(column + 1, 0)
    ]


def _named(cell: GridCell, label: str) -> GridCell:
    text = clean_name(cell.text)
    if not text or label in text:
        return cell
    return cell._replace(text=f"{label}{text}")


def _label(rows: Sequence[Sequence[GridCell]], column: int) -> str | None:
    """The side a half names: its items' header (收入项目), else its total (收入合计)."""
    texts_ = [simplified(clean_name(c.text)) for r in rows for c in r if c.column == column]
    heads = [t for t in texts_[:1] if _SIDES.match(t)]
    totals = [t for t in texts_[1:] if _SIDE_TOTAL.match(t)]
    for text in heads or totals[-1:]:
        found = _SIDES.match(text)
        if found:
            return _NAMED.get(found.group(1), found.group(1))
    return None


Halves = tuple[Table, Sequence[tuple[str, Sequence[Decimal | None]]]]  # a table, its indicators


def balances(written: Sequence[Halves]) -> Iterator[tuple[str, str]]:
    """The relations that say two tables side by side balance (收入总计 = 支出总计), each with
    what the log says of it: for the halves of one sheet whose totals are both 总计 or whose
    title names a 收支总表, each indicator of the left with the right's of the same place."""
    halves: dict[int, list[Halves]] = {}
    for table, indicators in written:
        if isinstance(table.grid, SideGrid):
            halves.setdefault(table.grid.pair, []).append((table, indicators))
    for pair in halves.values():
        if len(pair) != 2 or len(pair[0][1]) != len(pair[1][1]):
            continue
        (left, of_left), (right, of_right) = pair
        if left.total is None or right.total is None:
            continue  # a half with no total (a list of entries) balances nothing
        names = (left.total.name, right.total.name)
        grid = left.grid
        totals = all("总计" in simplified(name) for name in names)
        if not (totals or (isinstance(grid, SideGrid) and grid.balanced)):
            continue
        if any(c in name for name in names for c in "[]"):
            continue  # a row reference cannot name it
        for (left_id, left_row), (right_id, right_row) in zip(of_left, of_right, strict=True):
            relation = f"{left_id}[{names[0]}] = {right_id}[{names[1]}]"
            yield relation, SIDES_BALANCE(
                relation=relation, left=names[0], right=names[1],
                left_total=_shown(left_row), right_total=_shown(right_row),
            )  # fmt: skip


def _shown(row: Sequence[Decimal | None]) -> str:
    return ", ".join("—" if value is None else str(value) for value in row)
