"""The plan's one year, for a table of it that prints none.

A plan of one year (青峰县2025年国土绿化行动方案) prints its annex tables with no year as often
as with one: such a table's figures are that year's, not figures of an undated 本期 that no
goal of 2025 is ever checked against. The plan's year is its title's one year (a title of a
period, （2024—2026年）, names none), else the one year all the plan's other tables print (in
their columns or titles). A table's own year always comes first, and --year before all; the
import log and the written file's comments say which year was taken, and from what.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from planchk.importers.build import Options
from planchk.importers.layout import Table as ReadTable
from planchk.importers.periods import text_year, title_year
from planchk.messages import message
from planchk.models.common import span_of

TABLE_OF_THE_PLAN_TITLE_YEAR = message(
    "plandoc.table-of-the-plan-title-year",
    "  no year is printed: read as the plan's year {year}, which its title names ({title}); "
    "give --year if the table is another year's",
)
TABLE_OF_THE_TABLES_YEAR = message(
    "plandoc.table-of-the-tables-year",
    "  no year is printed: read as the plan's year {year}, the one year its other tables "
    "print; give --year if the table is another year's",
)


@dataclass(frozen=True)
class PlanYear:
    year: int
    note: str  # the log's line: where the year comes from

    def options(self, options: Options) -> Options:
        return dataclasses.replace(options, year=self.year)


def title_plan_year(title: str | None, period: tuple[int, int] | None) -> PlanYear | None:
    """The year a plan's title names alone (a period's title names none, or one year)."""
    if period is not None:
        year: int | None = period[0] if period[0] == period[1] else None
    else:
        year = text_year(title or "")
    if year is None:
        return None
    return PlanYear(year, TABLE_OF_THE_PLAN_TITLE_YEAR(year=year, title=title))


def tables_plan_year(years: Sequence[set[int] | None]) -> PlanYear | None:
    """The one year the plan's dated tables print (`years`: each table's, None where it
    prints none), where one table at least prints none."""
    dated = set().union(*(found for found in years if found))
    if len(dated) != 1 or None not in years:
        return None
    [year] = dated
    return PlanYear(year, TABLE_OF_THE_TABLES_YEAR(year=year))


def printed_years(tables: Sequence[ReadTable]) -> set[int] | None:
    """The years a document's table prints, read as `tables` (its parts); None where a value
    column of it has no year of its own, none from its title and no span (2024-2026年合计)."""
    found: set[int] = set()
    for table in tables:
        own = title_year(table)
        for column in table.value_columns:
            if column.year is not None:
                found.add(column.year)
            elif column.label is None and own is not None:
                found.add(own)
            elif not span_of(column.label):
                return None
    return found
