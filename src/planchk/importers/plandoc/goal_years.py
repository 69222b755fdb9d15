"""Which year a goal is about: the year or period a clause names (到2023年, 2024—2026年,
到“十四五”末, 三年; 比2020年 names none), what 全年 is in a plan of several years (the year its
sentence or its section's heading names, never a guess), and the year a sentence that names
none goes on with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planchk.importers.plandoc.goal_words import (
    BASE,
    PLAN_SPAN,
    PLAN_YEAR,
    RANGE,
    SPAN,
    WHOLE_YEAR_IN,
    YEAR,
)
from planchk.importers.plandoc.outline import Part


@dataclass(frozen=True)
class When:
    """The year a clause names, and the first year when it names a period."""

    year: int
    first: int | None = None  # 2024—2026年: 2024
    by: bool = False  # 到2026年, 三年, 到“十四五”末: by then, over the plan's years up to it
    whole: bool = False  # 三年, 规划期内: the text says the plan's years as a whole


@dataclass
class WholeYear:
    """What 全年/年内/当年 is in a paragraph of a plan of several years: the one year its
    section's heading names (2024年重点工作), if any; the clauses no year dates, not read."""

    titled: int | None = None
    unread: list[str] = field(default_factory=list)
    # 已累计完成3万亩, 2020年以来累计: what was done already, the plan's background: said, not read
    done: list[str] = field(default_factory=list)


def heading_year(part: Part) -> int | None:
    """The one year the innermost heading that names a year names (二、2024年重点工作), or
    None where none names one alone (2024—2026年 is a period, 2024年和2025年 two years)."""
    for title in reversed([h.title for h in part.headings]):
        years = {found.group("year") for found in YEAR.finditer(title)}
        if RANGE.search(title) or len(years) > 1:
            return None
        if years:
            return int(years.pop())
    return None


def when_of(text: str, period: tuple[int, int] | None) -> When | None:
    """The year or period a text names (a task's 完成时限, a table's title), or None."""
    return clause_when(text, None, period)


def goes_on(sentence: str, when: When | None, given: When | None) -> When | None:
    """What the next sentence that names no year is about: after ；, the same sentence goes on
    (到2026年，…；改造提升…: 2026's); after 。, the next names its own. Never a 其中 part's
    year: the reading's `when` skips those."""
    return when if sentence.rstrip().endswith(("；", ";")) else given


def clause_when(clause: str, last_year: int | None, period: tuple[int, int] | None) -> When | None:
    """The year a clause names: 到2023年; 2024—2026年 (a period); 到“十四五”末 (2025);
    “十四五”期间 (2021—2025年, a period); 三年
    (the plan's last year); 全年 (the year of a plan of one year). 比2020年 names none."""
    clause = BASE.sub("", clause)
    found = RANGE.search(clause)
    if found:
        return When(int(found.group("year")), int(found.group("first")))
    found = YEAR.search(clause)
    if found:
        return When(int(found.group("year")), by=bool(found.group("by")))
    five = _five_years(clause)
    if five is not None:
        return five
    if SPAN.match(clause.strip()) and last_year is not None:
        return When(last_year, by=True, whole=True)
    head = re.split(r"\d", clause, maxsplit=1)[0]  # 全县全年完成…: 全年 before the figure
    if WHOLE_YEAR_IN.search(head) and period is not None and period[0] == period[1]:
        return When(period[0])
    return None


def of_several_years(clause: str, period: tuple[int, int] | None) -> bool:
    """Whether a clause says 全年/年内/当年 in a plan of several years (of one, it is that
    year: clause_when's)."""
    head = re.split(r"\d", clause, maxsplit=1)[0]  # what it says before its first figure
    return bool(WHOLE_YEAR_IN.search(head)) and period is not None and period[0] < period[1]


def whole_year(when: When | None, titled: int | None) -> When | None:
    """The one year a 全年 clause of a plan of several years is about: its sentence's year
    (2024年…，全年…; 到2026年，全年… is the whole of 2026), else its section heading's
    (2024年重点工作); None where neither names one (a period, 三年 or 规划期内 too, or nothing)."""
    if when is not None:
        return When(when.year) if when.first is None and not when.whole else None
    return When(titled) if titled is not None else None


def _five_years(clause: str) -> When | None:
    """到“十四五”末: 2025, by then; “十四五”期间: 2021—2025年, a period (十三五 ends in 2020)."""
    plan = PLAN_YEAR.search(clause)
    if plan:
        return When(1955 + 5 * _tens(plan.group("fyp")[:-1]), by=True)
    plan = PLAN_SPAN.search(clause)
    if plan:
        last = 1955 + 5 * _tens(plan.group("fyp")[:-1])
        return When(last, last - 4)
    return None


def _tens(text: str) -> int:
    digits = "一二三四五六七八九"
    return 10 + (digits.index(text[1]) + 1 if len(text) > 1 else 0)
