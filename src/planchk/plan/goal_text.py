"""How a goal's Chinese wording states its comparator: 超过 130 家 means strictly more than 130."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, Inexact, localcontext

from planchk.plan.comparators import AFTER_WORDS, SYMBOLS, WORDS, compare
from planchk.plan.numbers import FIGURE, tidy
from planchk.plan.traditional import fold
from planchk.plan.units import UnitTable

# The words are planchk.plan.comparators'; importers.plandoc reads them by this name too.
COMPARATOR_WORDS = WORDS
_WORDS = "|".join(sorted(COMPARATOR_WORDS, key=len, reverse=True))
_CLAUSE = re.compile(rf"({_WORDS})\s*({FIGURE})\s*([^\s，。；、,;0-9]*)")

# The verbs a plan states a target with and no comparator (新建高标准农田3.6万亩, 全年完成造林
# 5000亩): the figure is the target itself, exact (op ==). importers.plandoc reads them by
# this name too, longest first (改造提升 before 改造).
TARGET_VERBS = (
    "新建", "新改建", "改扩建", "建成", "完成", "改造提升", "提升改造", "改造", "实施",
    "新增", "培育", "打造", "创建", "新培育", "新认定", "新引进", "引进", "造林", "建设(?!用地)",
)  # fmt: skip
# Of them, the verbs that may state a level (建成高标准农田100万亩: all there are by then, those
# before the plan included) rather than what the years add: only a stock's table can check them.
LEVEL_VERBS = ("建成", "培育", "打造", "创建")
# The comparator words that state a level, not an amount (新增研发平台达到8个: how many there
# are by then); the others bound the amount itself (新建高标准农田不少于3.6万亩). A goal whose
# verb adds (any of TARGET_VERBS) and whose figure a bound carries, by a year of a plan of
# several, is the amount of the plan's years up to it; one whose figure a level word carries
# stays a goal of its year.
LEVEL_WORDS = (
    "达到", "达", "保持", "稳定在", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至",
    "增长到", "增至",
)  # fmt: skip
_VERBS = "|".join(sorted(TARGET_VERBS, key=len, reverse=True))
_PLAIN = re.compile(rf"(?<![\d.])({FIGURE})\s*([^\s，。；、,;0-9年月日号%‰]+)")
_HAS_VERB = re.compile(_VERBS)
# A table's row as a goal's text (a 绩效目标表's 三级指标：指标值): 合格率：≥95%, 面积：3.6万亩以上
_AFTER = "|".join(sorted(AFTER_WORDS, key=len, reverse=True))
_ROW = re.compile(
    rf"[：:]\s*(?P<sign>≥|≤|>=|<=|>|<|=)?\s*(?P<number>{FIGURE})\s*"
    rf"(?P<unit>[^\s，。；、,;0-9]*?)\s*(?P<after>{_AFTER})?$"
)

# Chinese writes large figures with a magnitude before the unit: 1万户, 8.3亿元.
MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


def _measure(unit: str, units: UnitTable) -> tuple[str, Decimal] | None:
    """What a goal's unit measures, and how many of the measure's base unit one is: a known
    unit's, or a count's after 万/亿 (3万个 is 30000 个, 2.5万人 25000 人)."""
    known = units.get(unit)
    if known is not None:
        return known.dimension, known.factor
    base = units.get(unit[1:]) if unit[:1] in MAGNITUDES else None
    if base is None or not base.whole:
        return None
    return base.dimension, base.factor * MAGNITUDES[unit[0]]


def same_measure(unit: str, table: str, units: UnitTable) -> bool:
    """Whether a goal's figure in `unit` can be a table's in `table` (万亩 and 亩, 万个 and 个;
    處 and 处, one unit in two scripts)."""
    said, theirs = _measure(unit, units), units.get(table)
    return (
        unit == table
        or fold(unit) == fold(table)
        or (said is not None and theirs is not None and said[0] == theirs.dimension)
    )


def in_table_unit(value: Decimal, unit: str, table: str, units: UnitTable) -> Decimal | None:
    """A goal's figure in its table's unit, exactly (3.6万亩 is 36000 亩, 3万个 30000 个; a
    table in 万个 keeps 3万个 as printed); None where the units do not measure the same, or
    where no exact factor joins them (a declared unit's factor may leave a repeating decimal)."""
    if unit == table or fold(unit) == fold(table):
        return value
    said, theirs = _measure(unit, units), units.get(table)
    if not same_measure(unit, table, units) or said is None or theirs is None:
        return None
    with localcontext() as context:
        context.traps[Inexact] = True
        try:
            return tidy(value * said[1] / theirs.factor)
        except Inexact:
            return None


@dataclass(frozen=True)
class Wording:
    word: str  # the comparator word as printed, e.g. 超过
    op: str
    value: Decimal
    unit_text: str  # what follows the figure, e.g. 家 or 亿元

    def amount(self, unit: str, units: UnitTable) -> Decimal | None:
        """The printed figure expressed in `unit` (1万户 is 10000 户), or None if it cannot be."""
        unit = fold(unit)  # 處 as 处, as read_wording reads the text
        if self.unit_text.startswith(unit):
            return self.value
        for prefix, factor in MAGNITUDES.items():
            if self.unit_text.startswith(prefix + unit):
                return self.value * factor
        target = units.get(unit)
        for end in range(len(self.unit_text), 0, -1):  # the longest unit the text starts with
            said = units.get(self.unit_text[:end])
            if said is not None and target is not None and units.convertible(said, target):
                return said.to(target, self.value)
        return None

    def __str__(self) -> str:
        return f"{self.word}{self.value}{self.unit_text}"


def read_wording(text: str) -> Wording | None:
    """The last comparator clause of a goal's text, e.g. 突破8.3亿元; else a table row's
    value after its name (合格率：≥95%, 新建机耕路：12公里, exact without a sign); else, in a
    text that states its target with a verb (新建高标准农田3.6万亩，其中2024年1.0万亩), its last
    figure with a unit, exact; None when there is none of these."""
    text = fold(text)  # 達到60處 as 达到60处: a plan in traditional characters
    matches = list(_CLAUSE.finditer(text))
    if matches:
        word, figure, rest = matches[-1].groups()
        return Wording(word, COMPARATOR_WORDS[word], Decimal(figure), rest)
    row = _ROW.search(text)
    if row is not None:
        sign, after = row.group("sign"), row.group("after")
        op = AFTER_WORDS[after] if after else SYMBOLS[sign] if sign else "=="
        unit = row.group("unit") + (after or "")  # 90%以上: the word stays after the figure
        return Wording(sign or "", op, Decimal(row.group("number")), unit)
    plain = list(_PLAIN.finditer(text)) if _HAS_VERB.search(text) else []
    if not plain:
        return None
    figure, rest = plain[-1].groups()
    return Wording("", "==", Decimal(figure), rest)


def agrees(said: Wording, op: str, value: Decimal, unit: str, units: UnitTable) -> bool:
    """Whether the wording says what a goal's fields say. A figure stated with no comparator
    (新建3.6万亩) is read as exact, and fields that make it a floor (>=) agree with it too:
    a plain target is commonly a minimum, and a goal typed that way is not wrong."""
    ops = ("==", ">=") if said.op == "==" else (said.op,)
    return op in ops and said.amount(unit, units) == value


def satisfies(actual: Decimal, op: str, target: Decimal) -> bool:
    """Kept for code written before planchk.plan.comparators.compare, which it is."""
    return compare(actual, op, target)


# 到2026年 alone: by then, with nothing that says whether the figure is that year's own or what
# the years up to it add together (每年/年度 a year's; 累计, 总量, 规划期内, 三年内, a range the
# years' together): a goal whose check rests on one of two readings (planchk.rules.goal_readings)
_BY_YEAR = re.compile(r"(?:到|至|截至|截止到?)\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?")
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}(?=\s*年)")
_SAYS_WHICH = re.compile(
    r"每年|年度|累计|累积|共计|总计|总量|总规模|合计|规划期|实施期|期间|时期"
    r"|[一二三四五两]年(?:内|间|来)?|(?:19|20)\d{2}\s*年?\s*[-—–－~～至到]+\s*(?:19|20)\d{2}"
)


def by_year_alone(text: str, year: int) -> bool:
    """Whether a goal's wording dates it by 到YYYY年 alone, `year` (到2026年，新增建设用地控制在
    500亩以内), naming no other year and saying neither 每年 nor 累计 nor a span: its figure
    may be that year's own or what the years up to it add together. A part of its own year
    (…，其中2025年1.2万亩) is dated by that year: settled."""
    said = fold(text)
    by = _BY_YEAR.search(said)
    years = set(_ANY_YEAR.findall(said))
    return by is not None and years == {str(year)} and not _SAYS_WHICH.search(said)
