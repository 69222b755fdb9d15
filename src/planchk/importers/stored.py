"""Figures a spreadsheet shows as stored: XLSX and .xls cells in the General number format
(and .ods cells whose text is their stored value) show each value with the decimals it holds
(3.5, 4.25, 10), where a fixed format (0.00) prints the digits someone chose (3.50, 4.25,
10.00). Differing decimals in a General column say nothing about the digits typed, so rule
PC403 (mixed precision: a digit missing or extra) has nothing to ask of them: import writes
such an indicator `decimals: stored`, and says so. Readers mark such cells in Grid.stored;
a reader that splits a grid (stacked tables, halves) passes the marks on.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Protocol

from planchk.importers.grid import Grid
from planchk.importers.printed import parse_number
from planchk.messages import message

AS_STORED = message(
    "import.decimals-stored",
    "  {name}: its cells are in the General number format, which shows each value as stored: "
    "their decimals ({decimals}) are the values' own, not digits chosen to print; written "
    "`decimals: stored` (no mixed-precision question, PC403)",
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")  # a year typed as a number in a header


def is_general(value: object, number_format: str) -> bool:
    """Whether an XLSX or .xls cell shows a number as stored: in the General format, with as
    many decimals as the value holds (3.5, 4.25, 10), none of them chosen to be printed."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return number_format.split(";", 1)[0].strip().lower() in ("general", "")


def stored_columns(grid: Grid) -> set[int]:
    """The grid's columns whose figures all show as stored (workbook cells in the General
    format, grid.stored), years aside (a header's 2024 typed as a number)."""
    if not grid.stored:  # a CSV, or a workbook whose cells carry number formats
        return set()
    columns: dict[int, bool] = {}
    for cells in grid.rows:
        for cell in cells:
            if cell.text and parse_number(cell.text) is not None and not _YEAR.match(cell.text):
                kept = columns.get(cell.column, True)
                columns[cell.column] = kept and (cell.row, cell.column) in grid.stored
    return {column for column, all_stored in columns.items() if all_stored}


class _Indicator(Protocol):
    name: str
    values: dict[str, list[Decimal | None]]
    decimals: str | None


def mark_stored(indicator: _Indicator, all_stored: bool) -> list[str]:
    """An indicator whose cells all show as stored (`all_stored`) and whose values differ in
    their decimals (3.5, 4.25, 10) is marked `decimals: stored`, since the decimals say
    nothing about the digits anyone typed; the log's line for it. Nothing where they agree:
    the file says only what changes a check."""
    if not all_stored:  # a column of it in a fixed format (0.00), or a CSV's text
        return []
    places = {
        max(0, -int(value.as_tuple().exponent))
        for row in indicator.values.values()
        for value in row
        if value is not None
    }
    if len(places) < 2:
        return []
    indicator.decimals = "stored"
    return [AS_STORED(name=indicator.name, decimals=", ".join(map(str, sorted(places))))]
