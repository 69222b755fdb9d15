"""The unit line in its forms, and a unit as a table prints it.

The unit line takes many forms (单位：万元, 单位:, 金额单位：, 计量单位：, (单位：亩), 【单位：亩】,
單位：萬元, (US$ million), (in thousands), Unit: households, Amounts in USD million, 面积单位：万亩
金额单位：万元), in a line of its own, at the end of the title in brackets, or after the title in
its cell (…分配表 单位：万元); a row of bare units under the header (户 | 万元) is a header's
brackets. Split from importers.units, which gives each column the unit it takes.
"""

from __future__ import annotations

import re

from planchk.importers.printed import simplified
from planchk.plan.units import BUILT_IN

_LINE = re.compile(
    r"^[（(\[【]?\s*(?:金额|计量|数量|货币)?\s*(?:单\s*位|unit|units|currency)\s*[:：]\s*"
    r"(?P<unit>[^（()）\[\]【】]+?)\s*(?:[（(][^（()）]*[）)])?\s*[）)\]】]?$",  # 个（行政村）: 个
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
    # (UGX million), (KSh million): an ISO code, or a currency's sign, with its scale
    r"|(?:(?-i:[A-Z]{3})|KSh|MK|GH¢|₦|₹|£|¥)\s*(?:thousands?|millions?|billions?|bn|m|mn)"
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
_SEVERAL = re.compile(r"\s*[、,，;；]\s*")
_MONEY_NAMES = {"m": "million", "mn": "million", "bn": "billion"}


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
    if after and not re.search(r"[^\W_]", after.group("title")):  # （单位：万元）: a line alone
        unit = None
    if unit and not _known_units(unit):  # 全县各单位：资金分配表: words of the title, no unit
        unit = None
    return (text[: after.end("title")], unit) if after and unit else (text, None)


# Units an English unit line names: a scale or a currency code (USD million, thousand, KES).
_ENGLISH_UNIT = re.compile(r"(?i:thousand|million|billion|percent|number)|\b[A-Z]{3}\b|%|\$")


def _known_units(said: str) -> bool:
    """Whether every unit of `said` (several joined by 、, a rate as 元/户) is a unit planchk
    knows, or an English scale or currency: a unit line typed into the title's cell with no
    bracket is taken only then, so a title that merely holds 单位： (全县各单位：资金分配表)
    keeps its words and its table still asks for the unit."""
    parts = [part for unit in said.split("、") for part in unit.split("/")]
    return all(
        part in BUILT_IN or (part.isascii() and _ENGLISH_UNIT.search(part) is not None)
        for part in parts
    )


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
