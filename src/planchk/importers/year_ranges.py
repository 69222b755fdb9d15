"""A header's period of years (2024—2026年, 2024-2026年合计): read apart from a year, which
it is not, and from a fiscal year (2019-20, 2019/2020), which is one year. Beside its years'
columns it is each row's sum over them, kept as the indicator's `period_total:`; as a table's
one value column it is the figure for the period as a whole (`years: [2024-2026]`)."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Protocol

from planchk.importers.printed import normalized
from planchk.importers.shapes import Column, Table
from planchk.messages import message
from planchk.models.common import span_of

PERIOD_TOTAL_KEPT = message(
    "import.period-total-kept",
    "  {name}: the column {header} written as `period_total:` (each row's figure for the "
    "period), which validate checks against the row's years (PC111, PC112)",
)

# 2024—2026年, 2024-2026年合计, 2024至2026年: a period of years, not its first year (nor a fiscal
# year: 2019-20 and 2019/2020 are one year, _FISCAL). Beside its years' columns it is their sum.
_RANGE = re.compile(
    r"^(?P<first>(?:19|20)\d{2})\s*年?\s*[-–—―~～至到]\s*(?P<last>(?:19|20)\d{2})\s*"
    r"(?P<year>年?)\s*(?P<rest>.*)$"
)


# What may follow a period of years in the header of a table's one value column and still
# name the period's figure rather than a category: 2024—2026年目标任务, 2024-2026年合计（个）.
# 十一五 … 十九五 (the 11th to the 19th plans), in quotes or not, with 期间, 时期 or 规划期
_PLAN = re.compile(
    r"^[“”\"'「」]?十(?P<n>[一二三四五六七八九])五[“”\"'「」]?(?:期间|时期|规划期)?(?P<rest>.*)$"
)
_FIGURE_WORDS = re.compile(
    r"(?:目标|任务|计划|规划|预期|预计|累计|完成|合计|小计|总计|共计|数|值)*"
    r"(?:\s*[（(][^（()）]*[）)])?"
)
PERIOD_SPAN_COLUMN = message(
    "import.period-span-column",
    "  column {header}: the table's one value column, for the period {label} as a whole "
    "(years: [{label}]): sums are checked in it, and a goal for {label} against it",
)


def period_label(header: str) -> str | None:
    """The period of years a table's one value column is headed with (2024—2026年,
    2024-2026年目标任务; the lower of two header rows), as the file writes it: 2024-2026."""
    found = year_range(header.rpartition(" / ")[2])
    if found is None or not _FIGURE_WORDS.fullmatch(found[2]):
        return None
    return f"{found[0]}-{found[1]}"


def year_range(text: str) -> tuple[int, int, str] | None:
    """The first and last years a header's period of years names, and the words after it."""
    found = _RANGE.match(normalized(text))
    if found is None:
        return _plan_period(text)
    first, last = int(found.group("first")), int(found.group("last"))
    if last <= first or (last == first + 1 and not found.group("year")):
        return None  # 2019-2020 with no 年: a fiscal year, as _FISCAL reads it
    return first, last, found.group("rest").strip()


def _plan_period(text: str) -> tuple[int, int, str] | None:
    """A five-year plan's period (“十四五”合计, 十五五时期): its years, as 2021-2025年 says."""
    found = _PLAN.match(normalized(text))
    if found is None:
        return None
    first = 2006 + 5 * "一二三四五六七八九".index(found.group("n"))  # 十一五: 2006-2010
    return first, first + 4, found.group("rest").strip()


class _Indicator(Protocol):
    name: str
    kind: str
    period_total: dict[str, Decimal]


def keep_period_total(indicator: _Indicator, table: Table, key: str | None) -> list[str]:
    """The figures of the 合计 over the years of the category `key` (None: of the table's own
    years), kept as the indicator's `period_total:` so that validate checks each row against
    its years (rules.period_totals) and the file keeps every printed figure; the log's line."""
    column = next((c for c in table.columns if c.kind == "year_sum" and c.name == key), None)
    years = {c.year for c in table.columns if c.kind == "value" and c.year and c.name == key}
    if column is None or not _sums_all(column.header, years):
        return []  # 2024-2025年合计 beside 2023年 too: the log checks it, the file cannot
    index = column.index
    figures = {row.name: row.values.get(index) for row in table.rows}
    if indicator.kind == "ratio" or _the_last_year(table, key, figures):
        return []  # a ratio's years add up to nothing; the log checked the column already
    indicator.period_total = {name: value for name, value in figures.items() if value is not None}
    return [PERIOD_TOTAL_KEPT(name=indicator.name, header=column.header)]


def _the_last_year(table: Table, key: str | None, figures: dict[str, Decimal | None]) -> bool:
    """Whether the 合计 column prints each row's last year (a stock at the period's end: 森林
    面积 100, 110, 120 | 120) rather than the sum of its years: kept, it was a false PC111 on
    every row."""
    years = sorted(
        (c for c in table.columns if c.kind == "value" and c.year and c.name == key),
        key=lambda c: c.year or 0,
    )
    printed = [(figures[row.name], [row.values.get(c.index) for c in years]) for row in table.rows]
    held = [(total, values) for total, values in printed if total is not None and values]
    return (
        bool(held)
        and all(total == values[-1] for total, values in held)
        and any(
            total != sum((v for v in values if v is not None), Decimal(0)) for total, values in held
        )
    )


# 三年合计, 5年合计, 三年累计: the sum over the years beside it, named by how many they are
_COUNTED_TOTAL = re.compile(
    r"^(?P<count>[一二两三四五六七八九十]|\d{1,2})年(?:合计|总计|共计|小计|累计)数?$"
)
_NUMERALS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def counted_totals(columns: list[Column]) -> list[Column]:
    """A column named by how many years it adds up (三年合计) beside as many year columns is
    their 合计, as columns._year_sum reads it (it was a category 三年合计 of the table's last
    year, and the other years missing from it were two PC305 warnings)."""
    years = sum(1 for c in columns if c.kind == "value" and c.year is not None and c.name is None)
    return [
        dataclasses.replace(c, name="合计")
        if c.kind == "value" and years > 1 and _counted(c) == years
        else c
        for c in columns
    ]


def _counted(column: Column) -> int | None:
    """How many years a column named 三年合计 (3年合计) adds up; None for another column."""
    found = _COUNTED_TOTAL.match(column.name or "") if column.year is None else None
    if found is None:
        return None
    count = found.group("count")
    return int(count) if count.isdigit() else _NUMERALS[count]


def in_period(header: str, year: int) -> bool:
    """Whether a 合计 column headed `header` sums the year: any year, unless the header names
    a period (2024-2025年合计) that leaves it out."""
    found = year_range(header.rpartition(" / ")[2])
    return found is None or found[0] <= year <= found[1]


def _sums_all(header: str, years: set[int]) -> bool:
    """Whether a 合计 column headed `header` sums exactly the `years` (those of an indicator:
    what its `period_total:` stands for)."""
    found = year_range(header.rpartition(" / ")[2])
    return found is None or set(range(found[0], found[1] + 1)) == years


def spanned(columns: list[Column]) -> list[Column] | None:
    """A table's one value column headed with a period of years (2024—2026年目标任务) is the
    figure for that period as a whole: labelled 2024-2026, and named by the table's title
    (by its category, 建设任务 over 2024—2026年); None for any other table."""
    values = [c for c in columns if c.kind != "text"]
    if len(values) != 1 or values[0].kind != "value" or values[0].year is not None:
        return None
    [only] = values
    span = period_label(only.header)
    if span is None:
        return None
    period = dataclasses.replace(only, name=only.name if " / " in only.header else None, label=span)
    return [period if c is only else c for c in columns]


def covered(years: list[int], label: str | None) -> list[int]:
    """The years an indicator's figures are for: its years, or its period's (2024-2026)."""
    span = span_of(label)
    return list(range(span[0], span[1] + 1)) if span else years
