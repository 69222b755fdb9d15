"""Units as tables print them: in the unit line, in a header, several on one line.

The unit line takes many forms (单位：万元, 单位:, 金额单位：, 计量单位：, (单位：亩), 單位：萬元,
(US$ million), (in thousands), Unit: households); a header carries its own (金额（万元）,
Amount (USD m)); a unit line can name several units (单位：户、万元), given to the columns by
what their headers measure (户数 → 户, 资金 → 万元) or, where the headers do not say, asked for
with `--unit COLUMN=UNIT`.

Over the 300 lines modules aim for: the unit line's forms, a header's own unit and the unit
each column takes are read by the same patterns (_MEASURES, _COUNT_WORDS, printed_unit);
split in two, each half would import the other's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NoReturn

from planchk.importers import texts
from planchk.importers.printed import simplified
from planchk.importers.shapes import Column, Table
from planchk.messages import PlanchkError, message
from planchk.plan.units import BUILT_IN

PERCENT = ("%", "％")
UNIT_BESIDE_THE_LINE = message(
    "import.unit-beside-the-line",
    "{source}: no unit for {columns}: the unit line's {unit} is not what their headers measure "
    "(an area, a length, a count of people or things), and they print no unit of their own; "
    "give each its unit with {options}",
)

_LINE = re.compile(
    r"^[（(\[【]?\s*(?:金额|计量|数量|货币)?\s*(?:单\s*位|unit|units|currency)\s*[:：]\s*"
    r"(?P<unit>[^（()）\[\]【】]+?)\s*[）)\]】]?$",
    re.IGNORECASE,
)
# A count in an English unit line: (number), (in numbers), (persons), (units), (households).
_COUNT_WORDS = (
    r"numbers?|persons|people|units|households|cases|projects|beneficiaries|students|jobs"
    r"|enterprises|schools|villages|items|vehicles|beds"
)
_COUNT = re.compile(_COUNT_WORDS, re.IGNORECASE)
_ENGLISH = re.compile(
    r"^[（(]\s*(?:in\s+)?(?P<unit>(?:(?:us\$|usd|rmb|cny|hk\$|eur|€|\$)\s*)?"
    r"(?:thousands?|millions?|billions?|bn|m|mn)?(?:\s+(?:of\s+)?[a-z$]+)?"
    r"|(?-i:[A-Z]{3})\s+(?:thousands?|millions?|billions?|bn|m|mn)"  # (UGX million): ISO code
    rf"|(?:number\s+of\s+)?(?:{_COUNT_WORDS})"  # a count: (number), (number of households)
    r"|(?:u\.?s\.?\s+)?(?:dollars|yuan|euros|pounds|rupees)"  # (US dollars)
    r"|(?:thousands|millions|billions)\s+of\s+(?:u\.?s\.?\s+)?(?:dollars|usd|us\$))\s*[）)]$",
    re.IGNORECASE,
)
# Units labelled by what they measure, one or several on a line: 面积单位：万亩　金额单位：万元.
# Only measures: 填报单位：甲县财政局 names an office, not a unit.
_LABEL = r"(?:面积|金额|资金|数量|人数|户数|长度|里程|重量|产量|投资|任务)\s*单\s*位\s*[:：]"
# Amounts in USD million, All figures in thousands of US dollars: read as (USD million) is.
_AMOUNTS_IN = re.compile(r"^(?:all )?(?:amounts?|figures|values) (?:are )?in (.+?)\.?$", re.I)
_OF_DOLLARS = re.compile(
    r"^(thousands?|millions?|billions?) of (?:u\.?s\.? dollars|usd|us\$)$", re.I
)
_LABELLED = re.compile(  # a unit ends where the next label starts: layout spaces may be gone
    rf"{_LABEL}\s*(?P<unit>[^\s（()）:：、,，;；]+?)(?=[\s;；,，、]*(?:{_LABEL}|[）)]?$))"
)
_TRAILING = re.compile(r"^(?P<title>.*?\S)\s*(?P<bracket>[（(【\[][^（()）【】\[\]]*[）)】\]])$")
# 填报单位：, 编制单位：, 责任单位：: an office, not a unit
_NO_OFFICE = "".join(
    f"(?<!{word})" for word in ("填报", "编制", "报送", "申报", "责任", "牵头", "主管")
)
# A unit line typed after the title in its cell, with no bracket (…分配表 单位：万元, 金额单位：,
# Unit:): the title ends where the line starts.
_LINE_AFTER = re.compile(
    rf"^(?P<title>.*?\S)\s*(?P<line>(?:{_LABEL}|(?:金额|计量|数量|货币)?{_NO_OFFICE}单\s*位\s*[:：]"
    r"|(?<![a-z])(?:units?|currency)\s*[:：]).*)$",
    re.IGNORECASE,
)
# A header that names an amount per thing (补助标准 in 元/户, 单价 in 元/吨, 亩均投入 in 元/亩).
_PER_HEADER = re.compile(r"标准|单价|定额|[人户亩]均|每|price|rate\b|per\b", re.I)
_SEVERAL = re.compile(r"\s*[、,，;；]\s*")
_MONEY_NAMES = {"m": "million", "mn": "million", "bn": "billion"}
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


def unit_line(text: str) -> str | None:
    """The unit a unit line names (several joined by 、), or None if `text` is no unit line."""
    plain = simplified(text.strip())
    labelled = _LABELLED.findall(plain)
    if labelled and not _LABELLED.sub("", plain).strip(" \u3000;；,，、"):  # units alone
        return "、".join(dict.fromkeys(printed_unit(unit) for unit in labelled))
    found = _LINE.match(plain)
    amounts = _AMOUNTS_IN.match(" ".join(plain.split()))
    plain = f"({amounts.group(1)})" if amounts else plain
    if found is None:
        english = _ENGLISH.match(plain)
        if english is None or not re.search(r"[a-z]", english.group("unit"), re.I):
            return None
        found = english
    return "、".join(printed_unit(unit) for unit in _SEVERAL.split(found.group("unit").strip()))


def title_unit(text: str) -> tuple[str, str | None]:
    """A title that ends with its unit line, in brackets (2024年资金分配表（单位：万元）, 【单位：
    万元】, Allocation to counties (US$ thousand)) or after it in the same cell (…分配表 单位：万元,
    …分配表单位：万元, … 金额单位：万元): the title without it, and the unit; else `text` and
    None. A bracket that names no unit (（第一批）) stays the title's."""
    found = _TRAILING.match(text) if text[-1:] in ("）", ")", "】", "]") else None
    unit = unit_line(found.group("bracket")) if found else None
    if found and unit:
        return found.group("title"), unit
    plain = simplified(text)  # 單位：萬元 as 单位：万元, character for character
    after = _LINE_AFTER.match(plain) if len(plain) == len(text) else None
    unit = unit_line(after.group("line")) if after else None
    if unit and not unit.isascii() and re.search(r"\s", unit):  # 甲县财政局 单位：万元: no unit
        unit = None
    return (text[: after.end("title")], unit) if after and unit else (text, None)


def printed_unit(text: str) -> str:
    """A unit as planchk writes it: 萬元 is 万元, US$ million and USD m are USD million,
    thousands is thousand."""
    unit = re.sub(r"^number\s+of\s+", "", simplified(text.strip()), flags=re.I)  # households
    unit = _OF_DOLLARS.sub(lambda m: f"USD {m[1].lower()}", " ".join(unit.split()))
    words = unit.replace("US$", "USD ").replace("$", "USD ").split()
    words = [_MONEY_NAMES.get(word.lower(), word) for word in words]
    if words and words[-1].lower() in ("thousands", "millions", "billions", "numbers"):
        words[-1] = words[-1][:-1]  # (in numbers): number, as (in thousands) is thousand
    said = " ".join(words) if words else unit
    return said.lower() if _COUNT.fullmatch(said) else said  # (Households): households


def unit_row(text: str) -> str:
    """A header's cell in a row of bare units (户, 万元, 元/户 under 户数 | 资金 | 标准) as a
    bracket would print it, （户）: the unit of the column above it; any other text as it is."""
    bare = all(simplified(part.strip()) in BUILT_IN for part in re.split("[/／]", text))
    return f"（{text}）" if text and bare else text


def several(unit: str) -> list[str]:
    return [part for part in _SEVERAL.split(unit) if part]


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
