"""The unit each column of a table takes: its header's own (金额（万元）, Amount (USD m)), the
unit line's, or of several units on one line (单位：户、万元) the one its header measures in
(户数 → 户, 资金 → 万元); where nothing says, the question naming `--unit COLUMN=UNIT`. The unit
line's forms are importers.unit_lines' (its names are re-exported here, where the readers of a
table have always found them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NoReturn

from planchk.importers import texts
from planchk.importers.printed import simplified
from planchk.importers.shapes import Column, Table
from planchk.importers.unit_lines import printed_unit, several, title_unit, unit_line, unit_row
from planchk.messages import PlanchkError, message
from planchk.plan.units import BUILT_IN

__all__ = [  # the unit line's, for the readers that import them from here
    "PERCENT", "another_measure", "ask_for_unit", "by_measure", "declared_unit",
    "line_measures_other", "line_units", "plain_number", "printed_unit", "several",
    "title_unit", "unit_line", "unit_row",
]  # fmt: skip

PERCENT = ("%", "％")
UNIT_BESIDE_THE_LINE = message(
    "import.unit-beside-the-line",
    "{source}: no unit for {columns}: the unit line's {unit} is not what their headers measure "
    "(an area, a length, a count of people or things), and they print no unit of their own; "
    "give each its unit with {options}",
)

# A header that names an amount per thing (补助标准 in 元/户, 单价 in 元/吨, 亩均投入 in 元/亩).
_PER_HEADER = re.compile(r"标准|单价|定额|[人户亩]均|每|price|rate\b|per\b", re.I)
# What a header says it measures, by the units it can be in.
_MEASURES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"元|美元|usd|\$|yuan", re.I),
        re.compile(r"资金|金额|收入|支出|投资|补助|补贴|预算|经费|资产|产值|费|款|额|amount", re.I),
    ),
    (re.compile(r"%|％"), re.compile(r"率|比|占|%|％|share|rate", re.I)),
    (re.compile(r"亩"), re.compile(r"面积|亩")),
    (re.compile(r"米|公里|千米"), re.compile(r"长度|里程|距离|公里")),
    (re.compile(r"吨"), re.compile(r"产量|重量|吨")),
)  # fmt: skip


def by_measure(header: str, units: Sequence[str]) -> str | None:
    """The one unit of `units` that `header` measures in: 户数 → 户, 补助资金 → 万元."""
    fits = [unit for unit in units if unit in header]  # 户数 is counted in 户
    if len(fits) != 1:
        fits = [
            unit
            for unit in units
            if any(kind.search(unit) and says.search(header) for kind, says in _MEASURES)
        ]
    if len(fits) > 1:  # 元/户 and 元 both money: 补助标准 (a rate) takes 元/户, 补助金额 元
        fits = [u for u in fits if ("/" in u or "／" in u) == bool(_PER_HEADER.search(header))]
    return fits[0] if len(fits) == 1 else None


def declared_unit(
    columns: Sequence[Column], table_unit: str | None, name: str, options: Sequence[str]
) -> str | None:
    """The unit --unit gives the indicator, else its columns' own (one), else % for a column
    of percentages, else the unit line's: the one it names, or of several the one the headers
    measure in (户数 → 户, 资金 → 万元); None where nothing says. One reading, for the cells
    (settle) and for the indicator (build): two copies of it had come to disagree."""
    given = dict(_given(option) for option in options)
    if name in given or "" in given:
        return given.get(name, given.get(""))
    own = {c.unit for c in columns if c.unit and not another_measure(c)}
    if len(own) == 1:
        return own.pop()
    plain = "%" if all(c.kind == "percent" for c in columns) else plain_number(columns)
    if plain is not None:
        return plain
    return None if table_unit is None else _of_the_line(columns, table_unit, name)


def _of_the_line(columns: Sequence[Column], table_unit: str, name: str) -> str | None:
    """The unit line's unit for these columns, if it says one."""
    if _rates_of_a_percent_line(columns, table_unit):
        return "%"
    units = line_units(table_unit)
    if len(units) == 1:  # of no column whose own header names another measure (人口 in 万元)
        return None if line_measures_other(columns, units[0]) else units[0]
    return by_measure(" ".join([name, *(c.header for c in columns)]), units)


# 覆盖率, 达标率（%）: a header that ends in 率 names a rate. Under a unit line that names % beside
# other units (单位：个、%), the % is the rate's: the line's count unit is the other columns'.
_RATE_END = re.compile(r"率\s*(?:[（(][^）)]*[）)])?\s*$")


def _rates_of_a_percent_line(columns: Sequence[Column], table_unit: str) -> bool:
    named = several(table_unit)
    return (
        len(named) > 1
        and any(unit in PERCENT for unit in named)
        and all(_RATE_END.search(c.header) for c in columns)
    )


# A weight, a factor or a score (因素法: 权重, 系数, 因素得分) measures in no unit the unit
# line names: 0.4 of the weights is no 0.4 万元. A score is in points (分); a weight or a
# factor is a plain number (无); each is a rate (importers.identities.RATE_NAME): never summed
# (a 因素得分 total row is as often blank as 100).
_WEIGHT = re.compile(r"(权重|权数|系数)值?$")
_SCORE = re.compile(r"(得分|分值|评分|分数)$")
SCORE, NO_UNIT = "分", "无"


def plain_number(columns: Sequence[Column]) -> str | None:
    """分 for columns of scores, 无 for weights and factors (by their own headers, the last
    of a two-row header); None for any other column."""
    own = [simplified(c.header.split(" / ")[-1]) for c in columns]
    if own and all(_SCORE.search(header) for header in own):
        return SCORE
    if own and all(_WEIGHT.search(header) for header in own):
        return NO_UNIT
    return None


# A header that counts: 户数, 受益人数, 项目个数, 数量, Number of households.
_COUNTED = re.compile(r"(数|数量|count|number\b.*)$", re.I)
# What a header measures by its last words, against a unit line's one unit: an area, a length,
# a count (人口, 户数, 项目个数; not 数 alone: 执行数, 预算数 and 调整数 are amounts).
_LINE_MEASURES = (
    (re.compile(r"面积$"), re.compile(r"亩|平方|公顷")),
    (re.compile(r"(?:里程|长度)$"), re.compile(r"米|公里")),
    (re.compile(r"(?:[人户个家次所座处项件名床台辆]数|人口|人次)$"), None),  # None: a count
)


def another_measure(column: Column) -> bool:
    """Whether a column takes its unit from the header above it (补助资金（万元） over 户数)
    while its own header names another measure: a count under money, an area or a rate under
    a count. Its unit would be a guess: it is asked, or taken from its cells. The other years
    under a header of one indicator (资金（万元） over 2024年 | 2025年) measure what it does."""
    *above, own = column.header.split(" / ")
    unit = column.unit
    if unit is None or not above or simplified(unit) in simplified(own):
        return False  # no unit, or its own header prints it
    return _other_than(own, unit)


def line_measures_other(columns: Sequence[Column], unit: str) -> list[Column]:
    """The columns of no unit of their own whose own header names another measure than the
    unit line's one unit: 人口 or 面积 beside 分配资金 under 单位：万元 (a 因素法 table). The
    line's unit is the amounts'; theirs would be a guess (人 or 万人, 亩 or 平方公里)."""
    known = BUILT_IN.get(simplified(unit))
    counted = known is None or known.whole
    return [
        column for column in columns
        if column.unit is None and any(
            says.search(simplified(column.header.split(" / ")[-1]))
            and not (kind.search(unit) if kind is not None else counted)
            for says, kind in _LINE_MEASURES
        )
    ]  # fmt: skip


def _other_than(own: str, unit: str) -> bool:
    """Whether a header names a measure `unit` is no unit of: a count or an area in 万元."""
    said = [kind for kind, says in _MEASURES if says.search(own)]
    if said:
        return not any(kind.search(unit) for kind in said)
    return _COUNTED.search(own) is not None and any(kind.search(unit) for kind, _ in _MEASURES)


def ask_for_unit(
    table: Table, columns: Sequence[Column], name: str, options: Sequence[str]
) -> NoReturn:
    """Where the table has no unit line and nothing gives the indicator `name` its unit: the
    question that says why. Columns whose unit from the header above is another measure's
    (another_measure) are named all at once, before the first of them stops the import alone;
    headers of one indicator that print different units (2024年（万元）, 2025年（户）) are
    named as such, not as printing none."""
    _ask_units_of_other_measures(table, options)
    _ask_units_beside_the_line(table, options)
    printed = {c.header: c.unit for c in columns if c.unit and not another_measure(c)}
    if len(set(printed.values())) > 1:
        raise PlanchkError(
            texts.UNIT_HEADERS_DIFFER, source=table.grid.source, name=name,
            headers="、".join(printed),
        )  # fmt: skip
    raise PlanchkError(texts.UNIT_UNKNOWN, source=table.grid.source, name=name)


def _ask_units_of_other_measures(table: Table, options: Sequence[str]) -> None:
    given = {_given(option)[0] for option in options}
    asked = [
        c for c in table.value_columns
        if another_measure(c) and (c.name or "") not in given and "" not in given
    ]  # fmt: skip
    if asked:
        raise PlanchkError(
            texts.UNIT_OF_ANOTHER_MEASURE, source=table.grid.source,
            columns="、".join(f"`{c.header}`" for c in asked),
            units="、".join(dict.fromkeys(c.unit or "" for c in asked)),
            options=" ".join(f"--unit {c.name or c.header}=UNIT" for c in asked),
        )  # fmt: skip


def _ask_units_beside_the_line(table: Table, options: Sequence[str]) -> None:
    """Columns that the unit line's one unit does not measure (人口, 面积 under 单位：万元),
    each named with its option, in one question."""
    units = line_units(table.unit) if table.unit else []
    given = {_given(option)[0] for option in options}
    if len(units) != 1 or "" in given:
        return
    asked = [c for c in line_measures_other(table.value_columns, units[0]) if c.name not in given]
    if asked:
        raise PlanchkError(
            UNIT_BESIDE_THE_LINE, source=table.grid.source, unit=units[0],
            columns="、".join(f"`{c.header}`" for c in asked),
            options=" ".join(f"--unit {c.name or c.header}=UNIT" for c in asked),
        )  # fmt: skip


def line_units(table_unit: str) -> list[str]:
    """The units a unit line names, a percentage only where it names nothing else."""
    return [unit for unit in several(table_unit) if unit not in PERCENT] or ["%"]


def _given(text: str) -> tuple[str, str]:
    """--unit 资金=万元 for one column, --unit 万元 for every column."""
    column, _, unit = text.rpartition("=")
    return column.strip(), unit.strip()
