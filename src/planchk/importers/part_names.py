"""The names of 其中 rows in the file: 甲县其中：专项资金, the whole's name before the part's,
so that the 专项资金 of each county is a row of its own; an English `of which:` row is named
as printed after it (`primary care` under Total), or `primary care (Northfield)` where that
name is another row's too (issue 14, item 4: was `Total其中：primary care`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from planchk.importers.shapes import Row


def name_parts(of_which: Mapping[str, Sequence[Row]], others: Iterable[str]) -> None:
    """Name the 其中 rows of each whole (a name -> its rows, in the order printed); `others`:
    the names of the table's other rows, which an English part's own name must not repeat."""
    english = Counter(part.part for parts in of_which.values() for part in parts if _english(part))
    taken = set(others)
    for whole, parts in of_which.items():
        for part in parts:
            own = part.part or part.name
            if not _english(part):
                part.name = f"{whole}其中：{own}"
            elif english[own] == 1 and own not in taken:
                part.name = own
            else:
                part.name = f"{own} ({whole})"


def _english(row: Row) -> bool:
    return row.name[:2].lower() == "of" and bool(row.part)
