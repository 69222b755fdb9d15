"""The columns of a printed table, read from its header and the cells under it.

Each column below the header is a year (2021, 2021年, 到2025年, 2019-20), a category (资金(万元),
with its own unit), a percentage (not an addend), an 其中 column (part of the column before
it, not an addend), a 合计 over year columns (each row's sum over the years: checked, not an
indicator) or text (备注: the rows' notes). Split from layout, which finds the table's rows.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from planchk.importers import texts
from planchk.importers.by_column import filled_cells
from planchk.importers.codes import is_code_column
from planchk.importers.grid import Grid, GridCell
from planchk.importers.header_levels import header_labels
from planchk.importers.labels import is_bare_subtotal
from planchk.importers.printed import (
    accounting,
    has_digit,
    normalized,
    parse_number,
)
from planchk.importers.shapes import Column
from planchk.importers.units import PERCENT as _PERCENT
from planchk.importers.units import printed_unit, unit_row
from planchk.importers.year_ranges import counted_totals, spanned, year_range
from planchk.importers.year_status import year_statuses
from planchk.messages import PlanchkError
from planchk.plan.units import BUILT_IN

# FY 2024 and Fiscal Year 2024 (English budget tables) name the year as 2024年 does
_FY = r"(?:[Ff][Yy]|[Ff]iscal[Yy]ear)?"
_YEAR = re.compile(
    rf"^(?:到|至|截至|{_FY})(?P<year>(?:19|20)\d{{2}})(?:年度?)?(?:底|末)?(?P<rest>.*)$"
)
_FISCAL = re.compile(
    rf"^{_FY}(?P<year>(?:19|20)\d{{2}})\s*[-–/／]\s*(?P<end>\d{{2}}|\d{{4}})(?P<rest>.*)$"
)
# A unit as a header's bracket prints it: a magnitude, then a count word or a measure.
_UNIT_WORD = re.compile(
    r"(?:单位[:：])?(?:万|亿|千|百|十|百万|千万)?(?:元|美元|个|户|人|人次|家|件|项|所|座|套|辆|台|张|株|棵|"
    r"头|只|条|处|间|栋|床|份|批|名|场|次|篇|册|部|天|日|小时|年|月|公里|千米|米|平方米|平方公里|亩|公顷|吨|"
    r"立方米|方|千瓦|千瓦时|度|兆瓦|GW|MW|kW|%|％|‰|个百分点|百分点|倍)"
)
# Words that qualify a name in its bracket rather than measure it: 发展类, 省级, 切块部分, 新建
_QUALIFIER = re.compile(
    r"(类|级|性|型|部分|资金|项目|补助|口径|方向|渠道|方式|用途|新建|续建|改建|中央|省|市|县|区|乡|镇|本级|含|不含|其中)"
)
_FOOTNOTE_MARK = re.compile(r"\s*[（(]\d{1,2}[）)]$")  # Apportionment (1): a footnote's number
_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?)\s*[（(](?P<unit>[^（()）]+)[）)]\s*$")
# Words that follow a year in a header without naming a category: 2021年目标 is the year 2021.
_YEAR_WORDS = frozenset(
    {"目标", "任务", "计划", "目标值", "任务数", "预计", "预期", "规划", "累计", "累计完成"}
    | {"累计数", "年度任务", "分年度任务", "年度目标", "分年度目标", "年度计划", "分年度计划"}
)
CUMULATIVE = re.compile(r"累计|累計|cumulative", re.IGNORECASE)  # a stock, not a flow
# 增长% and 占比 end a Chinese header; English puts the sign first (% Change, % of total) or
# spells it out (Percent change, Growth rate, Share of total).
_PERCENT_NAME = re.compile(
    r"(比重|占比|比例|增速|增长率|完成率|%|％)$|^[%％]|\bper ?cent\b|\bgrowth rate\b|^share\b",
    re.IGNORECASE,
)
_OF_WHICH = re.compile(r"^(?:其中|of\s+which)\s*[:：]?\s*", re.IGNORECASE)  # Of which: rural
# Headers that name the period of a table rather than a category: a table whose one value
# column is headed 本期 is one indicator of that period (planchk's report writes the label of
# a plan's `years: [本期]` so), not an indicator named 本期.
PERIOD_LABELS = frozenset(
    {"本期", "当期", "本年", "本年度", "当年", "全年", "上半年", "下半年"}
    | {f"{first}{n}季度" for first in ("", "第") for n in "一二三四"}
)


def numeric(text: str) -> bool:
    plain = accounting(normalized(text)).rstrip("%％")
    return parse_number(plain) is not None


def read_columns(
    grid: Grid,
    header: Sequence[Sequence[GridCell]],
    body: Sequence[Sequence[GridCell]],
    area_column: int,
    unit: str | None = None,
) -> tuple[tuple[Column, ...], tuple[str, ...]]:
    """The table's columns (`unit`: its unit line's), and the headers of its empty ones."""
    labels = header_labels(header)
    columns: list[Column] = []
    dropped: list[str] = []
    filled = filled_cells(body)
    for index in sorted(i for i in labels if i > area_column):  # a serial column comes before
        cells = filled(index)
        if next(iter(cells), None) is None:  # an empty column (备用, a year not filled in)
            dropped.append(" / ".join(part for part in labels[index] if part))
            continue
        read = _column(grid, index, labels[index], cells, columns)
        if unit in _PERCENT and read.kind == "value" and not read.unit and _any_percent(cells):
            # under 单位：%, a column printing ≥95% over 96 is of percentages, not amounts
            read = dataclasses.replace(read, kind="percent", name=_percent_name(read.name))
        if read.kind == "percent" and unit == "‰" and not re.search("[%％]", read.header):
            read = dataclasses.replace(read, unit="‰")  # 增长率 under 单位：‰, never in %
        columns.append(read)
    if not [c for c in columns if c.kind not in ("text", "code")]:
        raise PlanchkError(texts.NO_VALUE_COLUMNS, source=grid.source)
    columns = year_statuses(columns)  # 2024A | 2025E: the years of one indicator
    return _year_sums(counted_totals(spanned(columns) or _labelled(columns))), tuple(dropped)


def _labelled(columns: list[Column]) -> list[Column]:
    """The one value column of a table, headed with a period's label (本期), is that period:
    beside other value columns the same header is a category (本期 beside 上期)."""
    values = [c for c in columns if c.kind != "text"]
    if len(values) != 1:
        return columns
    [only] = values
    labels = only.name in PERIOD_LABELS or (only.name is not None and _range_total(only.name))
    if only.kind != "value" or only.year is not None or only.unit or not labels:
        return columns
    labelled = dataclasses.replace(only, name=None, label=only.name)
    return [labelled if c is only else c for c in columns]


def _year_sums(columns: Sequence[Column]) -> tuple[Column, ...]:
    """Beside two or more year columns, a 合计 column with no year is each row's sum over the
    years: no indicator of its own (it would be one year's, with the others missing). Under a
    category's header (建设任务 over 合计|2024年|2025年) it is the sum of that category's years,
    and takes the category's name so that it is checked against them alone."""
    years = Counter(c.name for c in columns if c.kind == "value" and c.year is not None)
    return tuple(_year_sum(c, years) for c in columns)


def _year_sum(column: Column, years: Counter[str | None]) -> Column:
    if column.kind != "value" or column.year is not None:
        return column
    total_name = column.name and (is_bare_subtotal(column.name) or _range_total(column.name))
    if total_name and years[None] >= 2:
        return dataclasses.replace(column, kind="year_sum", name=None)
    if total_name and len(years) == 1 and sum(years.values()) >= 2:  # 合计 | 资金 over years
        return dataclasses.replace(column, kind="year_sum", name=next(iter(years)))
    top, _, bottom = column.header.rpartition(" / ")
    category = _one_category(top)[0] if top else None
    total = is_bare_subtotal(bottom) or _range_total(bottom)
    if category is not None and total and years[category] >= 2:
        return dataclasses.replace(column, kind="year_sum", name=category)
    return column


def _column(
    grid: Grid,
    index: int,
    label: tuple[str, str],
    cells: Iterable[GridCell],
    before: Sequence[Column],
) -> Column:
    top, bottom = label
    header = " / ".join(part for part in (top, bottom) if part)
    year = _year(top) or _year(bottom)
    name, unit = _category(top, bottom)
    if (
        index in grid.text_columns
        or not any(numeric(c.text) for c in cells)
        or Column(index, header, "text").plain_note
    ):
        return Column(index, header, "text")  # 备注, 说明: the rows' notes
    if is_code_column([top, bottom], cells):
        return Column(index, header, "code")  # 区划代码 360102: a name, not an amount
    if _OF_WHICH.match(bottom) or _OF_WHICH.match(top):
        parent = next((c for c in reversed(before) if c.kind == "value" and c.year == year), None)
        if parent is None:
            raise PlanchkError(texts.OF_WHICH_ALONE, place=grid.column_place(index), header=header)
        return Column(index, header, "of_which", year, name, unit, parent.index)
    if (name and any(map(_PERCENT_NAME.search, (name, bottom))) and unit in (None, "%", "％")) or (
        unit in _PERCENT or _all_percent(cells)
    ):  # a name (or 权重% under 因素) says percent unless its header gives another unit
        name = _percent_name(name)
        return Column(index, header, "percent", year, name, unit or "%")
    if year is None and not name and _range_total(bottom or top):
        name = normalized(bottom or top)  # beside its years a year_sum, alone the period
    if year is None and not name:
        raise PlanchkError(texts.COLUMN_UNNAMED, place=grid.column_place(index))
    return Column(index, header, "value", year, name, unit)


def _percent_name(name: str | None) -> str | None:
    """增长% is the ratio 增长, in %; % Change keeps its sign, as a Change column may stand
    beside it."""
    if not name:
        return name
    name = re.sub(r"[%％]\s*(?=）$)", "", name)  # 分配因素（权重%）: under a header over it
    return name.rstrip("%％ ") or name


def _any_percent(cells: Iterable[GridCell]) -> bool:
    # (5.0%) is a percentage as 5.0% is (as _all_percent reads it)
    return any(accounting(normalized(c.text)).endswith("%") for c in cells if has_digit(c.text))


def _all_percent(cells: Iterable[GridCell]) -> bool:
    """Whether every cell with a digit prints a percentage (45.0%): a column of shares."""
    numbers = (c.text for c in cells if has_digit(c.text))
    first = next(numbers, None)
    shown = itertools.chain([first], numbers)  # all() stops at the first that is no share
    return first is not None and all(accounting(normalized(str(t))).endswith("%") for t in shown)


def year_of(text: str) -> int | None:
    """The year a header names: 2021, 2021年, 到2025年, 2019-20 (a fiscal year: 2019)."""
    return _year(text)


def _range_total(text: str) -> bool:
    """2024—2026年 or 2024—2026年合计 (目标, 累计): the period's figure, each row's years summed."""
    found = year_range(text)
    return found is not None and (
        not found[2] or is_bare_subtotal(found[2]) or found[2] in _YEAR_WORDS
    )


def _year(text: str) -> int | None:
    plain = normalized(text)
    if year_range(plain) is not None:
        return None
    for pattern in (_FISCAL, _YEAR):  # 2019-20 is a fiscal year, not 2019 and "-20"
        found = pattern.match(plain)
        if found:
            return int(found.group("year"))
    return None


def _category(top: str, bottom: str) -> tuple[str | None, str | None]:
    """A category's name and own unit: 资金(万元) → (资金, 万元); a year is not a name; a
    category under another is named by both: 资金(万元) over 新建 → 资金（新建）."""
    names: list[str] = []
    unit: str | None = None
    dated = _year(top) is not None or _year(bottom) is not None
    for text in (top, unit_row(bottom)):  # 户 in a unit row under the header: （户）
        name, own_unit = _one_category(text)
        if name and not (dated and name in _YEAR_WORDS):  # 2021年 over 目标: the year 2021
            names.append(name)
        unit = own_unit or unit
    if len(names) == 2:
        return f"{names[0]}（{names[1]}）", unit
    return (names[0] if names else None), unit


def _one_category(text: str) -> tuple[str | None, str | None]:
    if (period := year_range(text)) is not None:  # 2024—2026年合计: no category's name
        text = "" if is_bare_subtotal(period[2]) or period[2] in _YEAR_WORDS else period[2]
    rest = text
    year_match = _FISCAL.match(normalized(text)) or _YEAR.match(normalized(text))
    if year_match:
        rest = year_match.group("rest").strip(" /")
        if rest in _YEAR_WORDS:
            rest = ""
    unit = None
    rest = _FOOTNOTE_MARK.sub("", rest)  # no unit: (1) points at a footnote under the table
    found = _UNIT_IN_HEADER.match(rest)
    if found and is_unit_like(found.group("unit")):
        rest, unit = found.group("name"), printed_unit(found.group("unit"))
    rest = _OF_WHICH.sub("", rest).strip()
    return rest or None, unit


def is_unit_like(text: str) -> bool:
    """Whether a header's bracket holds a unit (万元, 万元/亩, 个, %, USD m) rather than words
    that qualify the name (中央资金（发展类）, 补助（省级）): a unit planchk knows, a count word or
    a measure, with a magnitude before it; any bracket of Latin letters stays a unit, as English
    headers print their own (Amount (USD m), Area (ha))."""
    plain = printed_unit(text)
    if plain in BUILT_IN or text.isascii():
        return True
    if all(_UNIT_WORD.fullmatch(part.strip()) for part in re.split(r"[/／]", plain)):
        return True
    return not _QUALIFIER.search(plain)  # 万吨标准煤, 标准箱: a measure planchk does not list
