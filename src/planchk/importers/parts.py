"""其中 lists that name only their first part: 其中：公务用车购置费 over 公务用车运行费.

A 三公经费 table splits 公务用车购置及运行费 into its two parts and prints 其中： once, before
the first; the second part stands on the next row, indented under the first or not at all.
Read as a row of its own it would be a part of the whole's level (a false PC101: the whole
is 35, its one "part" 30). A row right after an 其中 row is taken as the next part of the same
list where, with it, the list adds up to the whole exactly in every column the whole prints:
the numbers say so, not the form (an indented town under its county after an 其中 row that
does not complete it stays the county's part).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

from planchk.importers.shapes import Row

_MOST = 3  # rows after an 其中 row that may complete its list


def continue_of_which(rows: Sequence[Row], ratios: frozenset[int]) -> None:
    """Mark the rows that complete an 其中 list as 其中 parts (role and part name); the
    columns of percentages (`ratios`) are no sums."""
    whole: Row | None = None
    position = 0
    while position < len(rows):
        row = rows[position]
        if row.role != "of_which":
            whole = row
            position += 1
            continue
        start = position
        while position < len(rows) and rows[position].role == "of_which":
            position += 1
        if whole is not None:
            position += _complete(
                whole, rows[start:position], rows[position : position + _MOST], ratios
            )


def _complete(
    whole: Row, listed: Sequence[Row], after: Sequence[Row], ratios: frozenset[int]
) -> int:
    """How many of the rows `after` an 其中 list complete it (0: none). Where some of them
    add up to the whole on their own, they are its parts (a county over its towns, the 其中
    row printed between; one town equal to its county after an 其中 part of 0), and the list
    stays as printed."""
    plain = list(itertools.takewhile(lambda row: row.role == "row", after))
    if any(_adds_up(whole, plain[:count], ratios) for count in range(1, len(plain) + 1)):
        return 0
    for count in range(1, len(after) + 1):
        rows = after[:count]
        if any(row.role != "row" for row in rows):
            return 0
        if _adds_up(whole, [*listed, *rows], ratios):
            for row in rows:
                row.role, row.part = "of_which", row.name
            return count
    return 0


def _adds_up(whole: Row, parts: Sequence[Row], ratios: frozenset[int]) -> bool:
    values = whole.values.items()
    printed = {i: value for i, value in values if value is not None and i not in ratios}
    if not printed:
        return False
    for index, value in printed.items():
        got = [v for part in parts if (v := part.values.get(index)) is not None]
        if not got or sum(got, Decimal(0)) != value:
            return False
    return True
