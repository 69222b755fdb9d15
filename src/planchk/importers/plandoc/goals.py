"""Goals as a plan's text states them: 到2023年，力争高新技术企业超过130家.

A goal is a comparator word (the project's vocabulary, planchk.plan.goal_text, plus the ways a plan
also says it: 提高到, 以上, 以内), a figure with its printed digits and a unit, in a sentence
that names a year (到2023年, 三年, 到“十四五”末; else the sentence's, else the plan's last).
One sentence often holds several (`技术合同成交额突破8.3亿元，发明专利申请量达到609件`): each is
its clause, with the clauses before it that carry no figure (到2023年，力争…) in its text.

A plan states most targets with no comparator, as a figure after a verb (新建高标准农田3.6万亩,
全年完成造林5000亩, 其中2024年1.0万亩): such a goal is exact, and read only where it is safe:
a target verb (planchk.plan.goal_text.TARGET_VERBS) before a figure with a known unit (not a
percentage), in a sentence that names its year or period. `YYYY年` is that year; `到YYYY年`, a
range `2024—2026年`, 三年 or 到“十四五”末 the period up to it (a flow's table meets it with the
sum of those years). A comparator goal keeps its year, except in a range sentence.

Over the 300 lines modules aim for: a sentence is read once, clause by clause, and what one
clause says (its year, a 其中 part, a base year 比2020年) decides how the next is read; the
patterns for years, figures and the words around them serve that one reading together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from planchk.importers.documents import Paragraph
from planchk.importers.performance import Target
from planchk.importers.plandoc.outline import Part
from planchk.plan.comparators import AFTER_WORDS
from planchk.plan.goal_text import COMPARATOR_WORDS, LEVEL_WORDS, MAGNITUDES, TARGET_VERBS
from planchk.plan.units import BUILT_IN

# Besides planchk.plan.goal_text's words: what a plan also writes before or after a figure.
BEFORE = {
    **COMPARATOR_WORDS,
    **dict.fromkeys(
        ("提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增至"), ">="
    ),
}
AFTER = AFTER_WORDS
_GROWTH = re.compile(r"(?:增长|增加|提高|提升)$")  # 增长10%: a rate of growth, not a level
_WORDS = "|".join(sorted(BEFORE, key=len, reverse=True))
_UNITS = "|".join(
    sorted((re.escape(u) for u in BUILT_IN if u != "USD million"), key=len, reverse=True)
)
_FIGURE = re.compile(
    rf"(?P<word>{_WORDS}|增长|增加|提高|提升)?\s*(?<![\d.])(?P<number>\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{_UNITS}|[^\s\d.，。；、,;：:（）()“”\"以的和及左右年月日号]{{1,3}}?)"
    r"(?=以上|及以上|以下|以内|左右|的|[，。；、,;：:）)和及]|$)(?P<after>及以上|以上|以下|以内)?"
)
_YEAR = re.compile(
    r"(?P<by>(?:到|至|截至|截止到?)\s*)?(?<![\d\-—–－~～])(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?"
)
# 2024—2026年, 2024年至2026年: a period, never its last year alone
_RANGE = re.compile(
    r"(?P<first>(?:19|20)\d{2})\s*年?\s*[-—–－~～至到]+\s*(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?"
)
# 比2020年增加40家: the year a change is measured from, never the goal's year
_BASE = re.compile(
    r"(?:比|较|相比|相较|同比)\s*(?:19|20)\d{2}\s*年(?:底|末|度)?|与\s*(?:19|20)\d{2}\s*年(?:底|末)?相比"
)
# 其中2024年1.0万亩: a part of the goal before it; its year is the part's, not the sentence's
_PART = re.compile(r"^[、，,\s]*其中")
_WHOLE_YEAR = re.compile(r"^(?:全年|年内|当年)")  # the plan's one year, in a plan of one year
# 全年 anywhere before a clause's figure (全县全年完成…, 力争年内…), never 三年内 (a span)
_WHOLE_YEAR_IN = re.compile(r"全年|(?<![一二三四五六七八九十两\d])年内|当年")
_VERB = re.compile("|".join(sorted(TARGET_VERBS, key=len, reverse=True)))
_OF_YEAR = re.compile(r"^[、，,\s]*(?:其中[：:]?)?\s*(?P<year>(?:19|20)\d{2})\s*年(?:度)?\s*$")
# words that make a plain figure something else than the period's or year's own amount: a
# stock from before the plan (累计建成), a rate per year or per head (每年新建, 亩均), a rough one
_NOT_THE_AMOUNT = re.compile(
    r"累计|累积|共计|总计|保有|存量|每|年均|平均|人均|户均|亩均|(?:约|近|超)\s*$"
)
_RUNNING = re.compile(r"累计|累积|共计|总计")
# the units a plain figure may carry: a percentage after a verb is a share of something else
_PLAIN_UNITS = frozenset(u for u, unit in BUILT_IN.items() if unit.dimension != "percent")
# 3万个, 1万户, 2.5万人: 万 or 亿 before a count is a magnitude, read with the count's unit
_SCALED_COUNTS = frozenset(
    prefix + u for prefix in MAGNITUDES for u, unit in BUILT_IN.items() if unit.whole
)
_PLAN_YEAR = re.compile(r"到?[“\"「]?(?P<fyp>十[一二三四五六七八九]五)[”\"」]?(?:期)?末")
_SPAN = re.compile(r"(?:未来|今后)?[一二三四五两]年(?:内|间)?")
_LEAD = re.compile(r"^[^，。；：:]{0,12}目标\s*[：:。]")  # 科技投入目标： · 1.工作目标。
_HEDGES = re.compile(r"^(?:力争|确保|争取|努力|全力|实现)+")
_SENTENCE = re.compile(r"(?<=[。；;！？!?])")
_CLAUSE = re.compile(r"(?<=[，,])")


@dataclass(frozen=True)
class When:
    """The year a clause names, and the first year when it names a period."""

    year: int
    first: int | None = None  # 2024—2026年: 2024
    by: bool = False  # 到2026年, 三年, 到“十四五”末: by then, over the plan's years up to it


@dataclass(frozen=True)
class Statement:
    """One goal as one sentence of the text states it."""

    text: str  # its words as printed: the clause, after the figure-less clauses before it
    subject: str  # what it sets, without the year, the hedge and the figure: 高新技术企业
    word: str  # the comparator as printed: 超过, 以上, 增长; empty for a plain figure
    op: str
    value: Decimal
    unit: str
    year: int | None  # None: the text names none
    growth: bool  # 增长10%: a rate of growth, never compared with a table's level
    paragraph: Paragraph
    first: int | None = None  # a goal for the period from `first` to `year`, as a whole
    listed: str = ""  # the cell of a 绩效目标表 that sets it (附件 表3 第4行 第4列), if any

    @property
    def place(self) -> str:
        return self.listed or self.paragraph.place

    @property
    def plain(self) -> bool:
        """Stated with no comparator word, or listed in a table: its table must hold its years."""
        return not self.word or bool(self.listed)


def is_goal_paragraph(paragraph: Paragraph, part: Part) -> bool:
    """Goals are stated under a heading about them (二、主要目标), after a 目标 lead
    (科技投入目标：, 1.工作目标。), or in a sentence that names its target year (到2023年,
    到“十四五”末)."""
    if part.annex:
        return False
    if any("目标" in h.title for h in part.headings) or _LEAD.match(paragraph.printed):
        return True
    if heading_year(part) is not None and _WHOLE_YEAR_IN.search(paragraph.text):
        return True  # 二、2024年重点工作 … 全年完成造林5000亩
    return bool(_YEAR.search(paragraph.text) and "到" in paragraph.text) or bool(
        _PLAN_YEAR.search(paragraph.text)
    )


@dataclass
class WholeYear:
    """What 全年/年内/当年 is in a paragraph of a plan of several years: the one year its
    section's heading names (2024年重点工作), if any; the clauses no year dates, not read."""

    titled: int | None = None
    unread: list[str] = field(default_factory=list)
    # 累计新建3.6万亩: a running total, which may count years before the plan's: said, not read
    running: list[str] = field(default_factory=list)


def heading_year(part: Part) -> int | None:
    """The one year the innermost heading that names a year names (二、2024年重点工作), or
    None where none names one alone (2024—2026年 is a period, 2024年和2025年 two years)."""
    for title in reversed([h.title for h in part.headings]):
        years = {found.group("year") for found in _YEAR.finditer(title)}
        if _RANGE.search(title) or len(years) > 1:
            return None
        if years:
            return int(years.pop())
    return None


def statements(
    paragraph: Paragraph,
    last_year: int | None,
    period: tuple[int, int] | None = None,
    when: When | None = None,
    whole: WholeYear | None = None,
) -> Iterator[Statement]:
    """The goals a paragraph states; `period` (the plan's years) admits goals with no
    comparator, within it; `when` is the year a sentence that names none is about (a task
    table's row: its 完成时限's); `whole` what 全年 is (never a guessed year)."""
    body, given, whole = _LEAD.sub("", paragraph.printed, count=1), when, whole or WholeYear()
    carried = given  # what a sentence that names no year is about
    for sentence in _SENTENCE.split(body):
        reading, own = _Reading(paragraph, period, carried), given  # own: the sentence's year
        before, undated = "", False  # the figure-less clauses before a goal (到2023年，)
        for clause in _CLAUSE.split(sentence):
            said = _when(clause, last_year, period)
            when = said or reading.when
            own = said if said is not None and not _PART.match(clause) else own
            if _of_several_years(clause, period):
                when = _whole_year(own, whole.titled)
                undated = when is None  # 全年完成造林5000亩, and which year nobody says
            elif said is not None:
                undated = False
            if undated:  # never a guessed year: said in the log instead
                if _FIGURE.search(clause):
                    whole.unread.append(clause.strip("，,。；; "))
                reading.when, before = None, ""
                continue
            if not _PART.match(clause):  # 其中2024年… names its part's year, not the next goal's
                reading.when = when
            found = list(_FIGURE.finditer(clause))
            start, read = 0, False
            for match in found:
                piece = clause[start : match.end()]
                text = (before + piece).strip().lstrip("、和及").strip()
                if match.group("word") or match.group("after"):
                    yield _statement(
                        text, piece, match, _adding(piece, match, when, period), paragraph
                    )
                    start, read = match.end(), True
                    continue
                goal = _plain_or_said(text, piece, match, reading, whole)
                if goal is not None:
                    yield goal
                    start, read = match.end(), True
                    if reading.plain is None or goal.subject != reading.plain.subject:
                        reading.plain = goal  # 其中2024年…、2025年…: each after the whole
            before = "" if read or found else before + clause
        carried = _goes_on(sentence, reading.when, given)


def _goes_on(sentence: str, when: When | None, given: When | None) -> When | None:
    """What the next sentence that names no year is about: after ；, the same sentence goes on
    (到2026年，…；改造提升…: 2026's); after 。, the next names its own. Never a 其中 part's
    year: the reading's `when` skips those."""
    return when if sentence.rstrip().endswith(("；", ";")) else given


def _plain_or_said(
    text: str, piece: str, match: re.Match[str], reading: _Reading, whole: WholeYear
) -> Statement | None:
    """_plain's goal; where there is none and the figure is a running total (累计新建3.6万亩),
    its text kept for the log."""
    goal = _plain(text, piece, match, reading)
    if goal is None and _running_total(piece, match, reading):
        whole.running.append(text.rstrip("，,"))
    return goal


def _statement(
    text: str, piece: str, match: re.Match[str], when: When | None, paragraph: Paragraph
) -> Statement:
    word, after = match.group("word") or "", match.group("after") or ""
    growth = bool(word and _GROWTH.search(word))
    op = AFTER[after] if after else (">=" if growth else BEFORE[word])
    first = when.first if when is not None else None  # 2024—2026年: the period; 到2026年: 2026
    return Statement(
        text.rstrip("，,"), _subject(piece, match), word or after, op,
        Decimal(match.group("number")), match.group("unit"),
        when.year if when is not None else None, growth, paragraph, first,
    )  # fmt: skip


def _adding(
    piece: str, match: re.Match[str], when: When | None, period: tuple[int, int] | None
) -> When | None:
    """The period of a comparator goal that adds (到2026年，新建高标准农田不少于3.6万亩: what the
    plan's years up to 2026 add), else its year as `when` names it. A figure a level word
    carries (新增研发平台达到8个) states how many there are by then: its year's."""
    if when is None or not when.by or when.first is not None or period is None:
        return when
    said = piece[: len(piece) - len(match.group(0))]
    word = match.group("word") or ""
    if word in LEVEL_WORDS or _GROWTH.search(word) or not _VERB.search(said):
        return when
    if not period[0] < when.year <= period[1]:
        return when  # a year past the plan's (its PC505), or its first: a year's goal
    return When(when.year, period[0], by=True)


def _subject(piece: str, match: re.Match[str]) -> str:
    subject = piece[: len(piece) - len(match.group(0))]
    subject = _RANGE.sub("", subject)
    subject = _HEDGES.sub("", _SPAN.sub("", _PLAN_YEAR.sub("", _YEAR.sub("", subject))))
    subject = _WHOLE_YEAR.sub("", subject.strip(" ，,、"))
    return subject.strip(" ，,、").removeprefix("和").removeprefix("及")


@dataclass
class _Reading:
    """What a sentence has said so far, for the plain goals in it."""

    paragraph: Paragraph
    period: tuple[int, int] | None  # the plan's years: no plain goal outside them
    when: When | None = None  # the year or period the sentence names
    plain: Statement | None = None  # its last plain goal, for 其中2024年1.0万亩 after it


def _plain(text: str, piece: str, match: re.Match[str], reading: _Reading) -> Statement | None:
    """A target stated as a figure after a verb (新建高标准农田3.6万亩), or after 其中 and a
    year of the goal before it (其中2024年1.0万亩): exact, for the year or period the sentence
    names inside the plan's period; None where any of that is missing."""
    unit, period, when, earlier = match.group("unit"), reading.period, reading.when, reading.plain
    if period is None or (unit not in _PLAIN_UNITS and unit not in _SCALED_COUNTS):
        return None
    said = piece[: len(piece) - len(match.group(0))]  # what the piece says before its figure
    if _NOT_THE_AMOUNT.search(said) or match.string[match.end() :].startswith(("左右", "的")):
        return None
    of_year = _OF_YEAR.match(said)
    first: int | None = None
    if of_year is not None and earlier is not None and earlier.unit == unit:
        year, subject = int(of_year.group("year")), earlier.subject
        text = _continued(earlier.text, piece, reading.paragraph.printed)
    elif _VERB.search(said) and when is not None:
        when = _when(said, None, period) or when  # 2024年新建…、2025年新建…: each its own
        year, subject = when.year, _subject(piece, match)
        if when.first is not None:
            first = when.first
        elif when.by and period[0] < when.year:
            first = period[0]  # 到2026年，新建…: over the plan's years up to 2026
    else:
        return None
    if not period[0] <= (first or year) <= year <= period[1]:
        return None  # a year outside the plan's: its background, not its goal
    return Statement(
        text.rstrip("，,"), subject, "", "==", Decimal(match.group("number")), unit, year,
        False, reading.paragraph, first,
    )  # fmt: skip


def _running_total(piece: str, match: re.Match[str], reading: _Reading) -> bool:
    """Whether a plain figure not read is a dated running total after a verb (到2026年，累计新建
    3.6万亩): whether it counts the years before the plan's, the text does not say."""
    said = piece[: len(piece) - len(match.group(0))]
    return bool(
        reading.when is not None and reading.period is not None and _VERB.search(said)
        and _RUNNING.search(said) and match.group("unit") in _PLAIN_UNITS | _SCALED_COUNTS
    )  # fmt: skip


def when_of(text: str, period: tuple[int, int] | None) -> When | None:
    """The year or period a text names (a task's 完成时限, a table's title), or None."""
    return _when(text, None, period)


def _continued(earlier: str, piece: str, printed: str) -> str:
    """A part's text as printed, from its whole's text through the part: 三年新建3.6万亩，其中
    2025年1.2万亩、2026年1.4万亩 for 2026's (the parts between stay, each separator as printed)."""
    piece = piece.strip("、，, ")
    at = printed.find(earlier)
    end = printed.find(piece, at + len(earlier)) if at >= 0 else -1
    if end < 0:  # not found as printed (never expected): the whole, then the part
        return f"{earlier}，{piece}"
    return printed[at : end + len(piece)]


def _when(clause: str, last_year: int | None, period: tuple[int, int] | None) -> When | None:
    """The year a clause names: 到2023年; 2024—2026年 (a period); 到“十四五”末 (2025); 三年
    (the plan's last year); 全年 (the year of a plan of one year). 比2020年 names none."""
    clause = _BASE.sub("", clause)
    found = _RANGE.search(clause)
    if found:
        return When(int(found.group("year")), int(found.group("first")))
    found = _YEAR.search(clause)
    if found:
        return When(int(found.group("year")), by=bool(found.group("by")))
    plan = _PLAN_YEAR.search(clause)
    if plan:  # 十四五 ends in 2025, 十三五 in 2020
        return When(1955 + 5 * _tens(plan.group("fyp")[:-1]), by=True)
    if _SPAN.match(clause.strip()) and last_year is not None:
        return When(last_year, by=True)
    head = re.split(r"\d", clause, maxsplit=1)[0]  # 全县全年完成…: 全年 before the figure
    if _WHOLE_YEAR_IN.search(head) and period is not None and period[0] == period[1]:
        return When(period[0])
    return None


def _of_several_years(clause: str, period: tuple[int, int] | None) -> bool:
    """Whether a clause says 全年/年内/当年 in a plan of several years (of one, it is that
    year: _when's)."""
    head = re.split(r"\d", clause, maxsplit=1)[0]  # what it says before its first figure
    return bool(_WHOLE_YEAR_IN.search(head)) and period is not None and period[0] < period[1]


def _whole_year(when: When | None, titled: int | None) -> When | None:
    """The one year a 全年 clause of a plan of several years is about: its sentence's year
    (2024年…，全年…; 到2026年，全年… is the whole of 2026), else its section heading's
    (2024年重点工作); None where neither names one (a period, or nothing)."""
    if when is not None:
        return When(when.year) if when.first is None else None
    return When(titled) if titled is not None else None


def _tens(text: str) -> int:
    digits = "一二三四五六七八九"
    return 10 + (digits.index(text[1]) + 1 if len(text) > 1 else 0)


def link(statement: Statement, names: Sequence[tuple[str, str]]) -> str | None:
    """The indicator (id) whose name the goal's subject says, in full or in the shorter form
    the text uses (高新技术企业 for 高新技术企业数量): the longest that matches."""
    best: tuple[int, str] | None = None
    for ind_id, name in names:
        for form in {name, _short(name), _short(_unscoped(name))}:
            if (
                len(form) >= 2
                and form in statement.subject
                and (best is None or len(form) > best[0])
            ):
                best = (len(form), ind_id)
    return best[1] if best else None


def _unscoped(name: str) -> str:
    """A table's name without the sub-areas it is broken down to (各乡镇新增建设用地: 新增建设用地),
    which the goal of the whole area (全县新增建设用地) never says."""
    return _SCOPE.sub("", name)


_SCOPE = re.compile(
    r"^各(?:乡镇|县区|区县|县市区|县（市、区）|县\(市、区\)|街道|镇|乡|县|区|市|地区)+"
)


def _short(name: str) -> str:
    return re.sub(r"(数量|总量|总额|个数|数|指标|面积|长度|里程|规模)$", "", name)


def base_year(statement: Statement) -> str | None:
    """The base a goal's figure is measured from (比2020年增加40家: 比2020年), if it says one."""
    found = _BASE.search(statement.text)
    return found.group(0) if found else None


def key(statement: Statement) -> str:
    """What a goal is about, for telling a repeated goal from a new one."""
    return re.sub(r"[\s“”\"]", "", statement.subject)


_NO_FIGURE = re.compile(rf"(?:{_WORDS})(?:{_UNITS})(?![\d])")


def figureless(paragraph: Paragraph) -> list[str]:
    """Clauses that state a goal without its figure (力争达到个): a typing slip to report."""
    return [
        clause.strip("，,。；; ")
        for clause in re.split(r"[，,。；;]", paragraph.printed)
        if _NO_FIGURE.search(clause)
    ]


def listed(target: Target, place: str, period: tuple[int, int] | None) -> Statement | None:
    """A 绩效目标表's row as a goal: of its year (its 年度 column's or its title's), else of the
    plan's period as a whole; None where neither is known."""
    year, first = target.year, None
    if year is None and period is not None:
        first, year = (period[0], period[1]) if period[0] < period[1] else (None, period[0])
    if year is None:
        return None
    word = "" if target.op == "==" else target.op
    return Statement(
        target.text, target.name, word, target.op, target.value, target.unit, year, False,
        Paragraph(target.text, 0), first, listed=place,
    )  # fmt: skip
