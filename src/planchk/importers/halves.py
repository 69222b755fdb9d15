"""Two tables printed side by side in one sheet: 收入 | 金额 | 支出 | 金额.

A budget's 收支总表 prints its income on the left and its spending on the right, row beside
row, each half with its own items, amounts and total (收入合计, 支出合计). Read as one table,
the right half's items would be notes and its amounts a second column of the left's items.
A plan keeps one hierarchy of areas, and the two halves are not parts of one another: import
stops and says where the second table starts, so that each half is imported on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter

from planchk.importers import texts
from planchk.importers.grid import Grid, GridCell, cell_name
from planchk.importers.labels import clean_name
from planchk.importers.printed import has_digit, is_blank, normalized, parse_number
from planchk.messages import PlanchkError

_SIDES = re.compile(r"^(收入|支出|来源|去向|收|支)")
_COLUMN_TEXT = itemgetter(2, 0)  # a GridCell's (column, text)
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")  # CJK unified ideographs
_ASCII_DIGIT = re.compile("[0-9]")


def refuse_side_by_side(grid: Grid) -> None:
    """Stop, with what was found and what to do, where the grid prints two tables side by
    side: a plan has one hierarchy of areas, and every indicator has a row for each area, so
    the two halves read into one plan would each lack the other's rows (a false PC301 per
    row)."""
    found = _split(grid.rows)
    if found is None:
        return
    header, names = found
    heads = [clean_name(c.text) for c in grid.rows[header] if c.text]
    raise PlanchkError(
        texts.SIDE_BY_SIDE, source=grid.source, headers=" | ".join(heads),
        left=_letters(names[0]), right=_letters(names[1]),
    )  # fmt: skip


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
