"""The year of a table of one year, and its columns of other years.

A budget of 2025 prints 2025's figures beside last year's (上年执行数, 2024年执行数): one table
of one year, whose other-year columns are the table's own indicators named as headed (issue
14, item 7), never years of their own: a year rule comparing 2024年执行数 with 2025's budget as
if both were one indicator's years would report drops and rises that the table does not print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planchk.importers import texts
from planchk.importers.printed import normalized
from planchk.importers.shapes import Table

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.年])")  # Grants, 2024
_PREVIOUS = re.compile(r"^(?:上年|上一年|去年)|prior\s+year|last\s+year", re.IGNORECASE)


def title_year(table: Table) -> int | None:
    title = normalized(table.title or "")
    found = set(_TITLE_YEAR.findall(title)) or set(_BARE_YEAR.findall(title))
    return int(found.pop()) if len(found) == 1 else None


def other_years(table: Table) -> Iterator[str]:
    """What a column of another year in a table of one year (2024年执行数 or 上年执行数 in a
    2025 budget) was read as: the table's own, named as headed (issue 14, item 7)."""
    year = title_year(table)
    if year is None or not any(c.name is not None and c.year is None for c in table.columns):
        return  # a table whose columns are years: each column is its year
    for column in table.value_columns:
        other = column.year if column.year not in (None, year) else None
        if other is None and column.year is None and _PREVIOUS.search(column.header):
            other = year - 1
        if other is not None:
            yield texts.OTHER_YEAR_COLUMN(header=column.header, year=other, table_year=year)
