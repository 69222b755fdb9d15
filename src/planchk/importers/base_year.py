"""A base year's actual figures beside the target years of a plan's period: one series.

A table of tasks over a period (2023-2025年…任务表) prints the base year as it was done
(2023年实际, 2023年完成数) beside the years it sets targets for (2024年目标, 2025年目标). They
are one indicator over the period the title names. Read as a category 实际 of 2023 beside an
indicator of 2024 and 2025, each missed the other's years (three false PC305 year-missing
warnings) and no trend rule compared the targets with the base. Where the title names a period
that covers the column's year or starts the year after it (2020年实际 under 2021-2025年: the
base of a 十四五 table), and the year comes before the target years, the column is a year of
the table's indicator, and the log says so. A table of one year (2022年度…: 2021年完成数
beside 2022年目标) keeps last year's figures as a column of their own: its difference and
growth columns are relations of the two, as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from planchk.importers.printed import normalized
from planchk.importers.shapes import Column
from planchk.messages import message

BASE_YEAR = message(
    "import.base-year",
    "  column {header}: the year {year} of the table's indicator, the base as done before the "
    "targets of the title's period ({first}-{last}), not a category of its own",
)
# What a base year's column says after its year: what was done, not a category.
_DONE = frozenset(
    {"实际", "完成", "完成数", "实际完成", "实际数", "实际完成数", "执行数", "现有", "已有", "现状"}
)  # 2023年底现有: what stood at the base year's end
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年")


def base_years(
    columns: Sequence[Column], title: str | None
) -> tuple[tuple[Column, ...], list[str]]:
    """`columns` with each base year's column of done figures made a year of the indicator,
    and the log's line for each; `columns` unchanged where the table is no such table."""
    period = _PERIOD.search(normalized(title or ""))
    targets = [c for c in columns if c.kind == "value" and c.name is None and c.year]
    if period is None or not targets:
        return tuple(columns), []
    first, last = int(period.group(1)), int(period.group(2))
    years = {c.year for c in targets}
    units = {c.unit for c in targets}
    kept: list[Column] = []
    said: list[str] = []
    start = min(c.year or 0 for c in targets)
    for column in columns:
        year = column.year
        if (
            column.kind == "value"
            and column.name in _DONE
            and year is not None
            and first - 1 <= year < start  # 2020年实际 before 十四五's 2021-2025年: its base
            and year not in years
            and column.unit in units
        ):
            years.add(year)
            said.append(BASE_YEAR(header=column.header, year=year, first=first, last=last))
            kept.append(dataclasses.replace(column, name=None))
        else:
            kept.append(column)
    return tuple(kept), said
