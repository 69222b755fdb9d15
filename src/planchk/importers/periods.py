"""The year of a table of one year, and its columns of other years.

A budget of 2025 prints 2025's figures beside last year's (上年执行数, 2024年执行数): one table
of one year, whose other-year columns are the table's own indicators named as headed (issue
14, item 7), never years of their own: a year rule comparing 2024年执行数 with 2025's budget as
if both were one indicator's years would report drops and rises that the table does not print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from planchk.importers import texts
from planchk.importers.identities import CHANGE_NAME, COMPARED, GROWTH_NAME
from planchk.importers.printed import normalized
from planchk.importers.shapes import Column, Table
from planchk.messages import message

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.年])")  # Grants, 2024
YEAR_OF_THE_CHANGE = message(
    "import.year-of-the-change",
    "  the table's year: {year}, the later of the years its change compares ({other} and "
    "{year}; the title names none: give --year if the table is of another)",
)
_PREVIOUS = re.compile(r"^(?:上年|上一年|去年)|prior\s+year|last\s+year", re.IGNORECASE)


def title_year(table: Table) -> int | None:
    """The table's year: its title's (not the one it compares with), else, where its title
    names none, the later of the two years its change compares (`compared_year`)."""
    found = _years_in(table.title)
    if not found:
        return compared_year(table)
    return int(found.pop()) if len(found) == 1 else None


def text_year(text: str) -> int | None:
    """The one year a title names (2025年, FY2025; not one it compares with), or None."""
    found = _years_in(text)
    return int(found.pop()) if len(found) == 1 else None


def _years_in(title: str | None) -> set[str]:
    text = COMPARED.sub(" ", normalized(title or ""))
    return set(_TITLE_YEAR.findall(text)) or set(_BARE_YEAR.findall(text))


def compared_year(table: Table) -> int | None:
    """2025年 | 2024年 | 比上年增减 under a title of no year: the change is this year's over
    last year's, so the table is of the later year; None for any other table."""
    categories = [c for c in table.value_columns if c.name is not None]
    dated = sorted(c.year for c in table.value_columns if c.name is None and c.year is not None)
    if len(dated) != 2 or dated[1] - dated[0] != 1:
        return None
    return dated[1] if _compared(table, dated[1], categories) else None


def as_headed(table: Table) -> dict[int, int]:
    """The columns of another year in a table of one year (2024年执行数 or 上年执行数 in a 2025
    budget), each kept as the table's own indicator named as headed (issue 14, item 7): their
    index -> the year they print. Beside categories of no year, every category of another
    year; among categories that all print a year, one that is alone of its name (执行数 of
    2024 beside 预算数 of 2025): several of one name (2023年完成, 2024年完成) are its years."""
    year = title_year(table)
    categories = [c for c in table.value_columns if c.name is not None]
    if year is None or not categories:
        return {}
    if any(c.year is None for c in categories):
        found = {c.index: c.year for c in categories if c.year is not None and c.year != year}
        previous = (c for c in categories if c.year is None and _PREVIOUS.search(c.header))
        found.update((c.index, year - 1) for c in previous)
        found.update(_compared(table, year, categories))
        return found
    by_name: dict[str, list[Column]] = {}
    for column in categories:
        by_name.setdefault(column.name or "", []).append(column)
    if len(by_name) < 2 or all(c.year != year for c in categories):
        return {}
    alone = (group[0] for group in by_name.values() if len(group) == 1)
    return {c.index: c.year for c in alone if c.year is not None and c.year != year}


def other_year(table: Table, column: Column, headed: dict[int, int]) -> Iterator[str]:
    """What the log says of a column `as_headed` kept (in place of "the category …"), and,
    of a title that names no year, where the table's year came from."""
    year = title_year(table)
    yield texts.OTHER_YEAR_COLUMN(header=column.header, year=headed[column.index], table_year=year)
    if year is not None and not _years_in(table.title):
        yield YEAR_OF_THE_CHANGE(year=year, other=headed[column.index])


def beside_last_year(table: Table) -> bool:
    """Whether the table prints last year beside its own year to show the change (`_compared`):
    its own year's column then keeps the table's name, as a table of years does (a plan's goal
    links to it by that name), while last year's is named as headed."""
    year = title_year(table)
    categories = [c for c in table.value_columns if c.name is not None]
    return year is not None and bool(_compared(table, year, categories))


def _compared(table: Table, year: int, categories: Sequence[Column]) -> dict[int, int]:
    """2025年 | 2024年 | 比上年增减 | 增长%: a table of one year that prints last year beside
    it to show the change (FY2025 | FY2024 | Change): last year's column is named as headed,
    so that the change (2025年 - 2024年) and the growth are relations the rows are checked by
    (importers.identities), not a year rule's guess at a fall the table prints itself."""
    if not any(
        CHANGE_NAME.search(c.name or "") or GROWTH_NAME.search(c.name or "") for c in categories
    ):
        return {}
    dated = [c for c in table.value_columns if c.name is None and c.year is not None]
    if sorted(c.year or 0 for c in dated) != [year - 1, year]:
        return {}
    return {c.index: year - 1 for c in dated if c.year != year}
