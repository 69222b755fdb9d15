"""The words and patterns a plan's goals are read by: the comparators before and after a
figure (planchk.plan.goal_text's, plus 提高到, 以上, 以内), a figure with its printed digits
and unit, the years and periods a clause names (到2023年, 2024—2026年, 到“十四五”末, 三年), and
the words around a figure that make it something else than a target (比2020年, 累计, 年均).

They are read together by planchk.importers.plandoc.goals (a sentence, clause by clause) and
planchk.importers.plandoc.goal_years (the year a clause names).
"""

from __future__ import annotations

import re

from planchk.plan.comparators import AFTER_WORDS
from planchk.plan.goal_text import COMPARATOR_WORDS, MAGNITUDES, TARGET_VERBS
from planchk.plan.units import BUILT_IN

# Besides planchk.plan.goal_text's words: what a plan also writes before or after a figure.
BEFORE = {
    **COMPARATOR_WORDS,
    **dict.fromkeys(
        ("提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增至"), ">="
    ),
}
AFTER = AFTER_WORDS
GROWTH = re.compile(r"(?:增长|增加|提高|提升)$")  # 增长10%: a rate of growth, not a level
WORDS = "|".join(sorted(BEFORE, key=len, reverse=True))
UNITS = "|".join(
    sorted((re.escape(u) for u in BUILT_IN if u != "USD million"), key=len, reverse=True)
)
FIGURE = re.compile(
    rf"(?P<word>{WORDS}|增长|增加|提高|提升)?\s*(?<![\d.])(?P<number>\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{UNITS}|[^\s\d.，。；、,;：:（）()“”\"以的和及左右年月日号]{{1,3}}?)"
    r"(?=以上|及以上|以下|以内|左右|的|[，。；、,;：:）)和及]|$)(?P<after>及以上|以上|以下|以内)?"
)
YEAR = re.compile(
    r"(?P<by>(?:到|至|截至|截止到?)\s*)?(?<![\d\-—–－~～])(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?"
)
# 2024—2026年, 2024年至2026年: a period, never its last year alone
RANGE = re.compile(
    r"(?P<first>(?:19|20)\d{2})\s*年?\s*[-—–－~～至到]+\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?"
)
# 比2020年增加40家: the year a change is measured from, never the goal's year
BASE = re.compile(
    r"(?:比|较|相比|相较|同比)\s*(?:19|20)\d{2}\s*年(?:底|末|度)?|与\s*(?:19|20)\d{2}\s*年(?:底|末)?相比"
)
# 其中2024年1.0万亩: a part of the goal before it; its year is the part's, not the sentence's
PART = re.compile(r"^[、，,\s]*其中")
WHOLE_YEAR = re.compile(r"^(?:全年|年内|当年)")  # the plan's one year, in a plan of one year
# 全年 anywhere before a clause's figure (全县全年完成…, 力争年内…), never 三年内 (a span)
WHOLE_YEAR_IN = re.compile(r"全年|(?<![一二三四五六七八九十两\d])年内|当年")
VERB = re.compile("|".join(sorted(TARGET_VERBS, key=len, reverse=True)))
# 其中2024年1.0万亩, 其中2024年新建1万亩: the part of its year of the goal before it
OF_YEAR = re.compile(
    r"^[、，,\s]*(?:其中[：:]?)?\s*(?P<year>(?:19|20)\d{2})\s*年(?:度)?\s*"
    rf"(?:{'|'.join(sorted(TARGET_VERBS, key=len, reverse=True))})?\s*$"
)
# words that make a plain figure something else than the period's or year's own amount: a
# stock from before the plan (保有), a rate per year or per head (每年新建, 亩均), a rough one
NOT_THE_AMOUNT = re.compile(r"保有|存量|每|年均|平均|人均|户均|亩均|(?:约|近|超)\s*$")
# 累计新建3.6万亩: a running total by the year said (planchk.importers.plandoc.goal_readings)
RUNNING = re.compile(r"累计|累积|共计|总计")
# 已累计完成, 2020年以来累计: what has been done already, or since when: the plan's background
DONE = re.compile(r"已|以来")
# the units a plain figure may carry: a percentage after a verb is a share of something else
PLAIN_UNITS = frozenset(u for u, unit in BUILT_IN.items() if unit.dimension != "percent")
# 3万个, 1万户, 2.5万人: 万 or 亿 before a count is a magnitude, read with the count's unit
SCALED_COUNTS = frozenset(
    prefix + u for prefix in MAGNITUDES for u, unit in BUILT_IN.items() if unit.whole
)
FIVE_YEARS = re.compile(r"十[一二三四五六七八九]五")  # a five-year plan's span: “十四五”期间
PLAN_YEAR = re.compile(r"到?[“\"「]?(?P<fyp>十[一二三四五六七八九]五)[”\"」]?(?:期)?末")
# “十四五”期间, 十四五时期: the five years of that plan as a period (2021–2025), as 2021—2025年 is
PLAN_SPAN = re.compile(
    r"[“\"「]?(?P<fyp>十[一二三四五六七八九]五)[”\"」]?(?:规划)?(?:期间|时期|期内|内)"
)
SPAN = re.compile(r"(?:未来|今后)?[一二三四五两]年(?:内|间)?|(?:规划|实施)期(?:内|间)")
LEAD = re.compile(r"^[^，。；：:]{0,12}目标\s*[：:。]")  # 科技投入目标： · 1.工作目标。
HEDGES = re.compile(r"^(?:力争|确保|争取|努力|全力|实现)+")
SENTENCE = re.compile(r"(?<=[。；;！？!?])")
CLAUSE = re.compile(r"(?<=[，,])")
NO_FIGURE = re.compile(rf"(?:{WORDS})(?:{UNITS})(?![\d])")
