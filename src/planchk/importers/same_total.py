"""Several tables of one import whose totals are named differently over the same areas.

An annex's 表1 names its total 合计 and 表2 全市; two sheets of one workbook do the same. Both
are the whole of the same areas: kept as two areas, each of 甲县 and 乙县 would be a part of
two parents (PC033), and each indicator would miss a row for the other's total (PC301). A
table whose total is a new name over exactly the parts of a total already read takes that
total's name, and the log says so.
"""

from __future__ import annotations

import dataclasses

from planchk.importers.shapes import Table
from planchk.messages import message

SAME_TOTAL = message(
    "import.same-total",
    "  total row: {name} (row {row}) is the total {first} of an earlier table (the same "
    "parts: {parts}), named {first} here as well",
)


def same_total(areas: dict[str, list[str]], table: Table) -> tuple[Table, str | None]:
    """`table` with its total named as the earlier total over the same parts, if any, and
    what to say about it."""
    if table.total is None:  # a list of entries (importers.entries): no total to name
        return table, None
    name = table.total.name
    parts = table.areas.get(name, [])
    if name in areas or not parts:
        return table, None
    children = {child for names in areas.values() for child in names}
    first = next(
        (top for top, own in areas.items() if top not in children and set(own) == set(parts)),
        None,
    )
    if first is None:
        return table, None
    said = SAME_TOTAL(name=name, row=table.total.number, first=first, parts="、".join(parts))
    table.total.name = first  # the row object the table's rows hold: its values follow
    renamed = {first if parent == name else parent: names for parent, names in table.areas.items()}
    of_which = {first if whole == name else whole: p for whole, p in table.of_which.items()}
    return dataclasses.replace(table, areas=renamed, of_which=of_which), said
