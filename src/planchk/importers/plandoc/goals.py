"""Goals as a plan's text states them: 到2023年，力争高新技术企业超过130家.

A goal is a comparator word (the project's vocabulary, planchk.plan.goal_text, plus the ways a plan
also says it: 提高到, 以上, 以内), a figure with its printed digits and a unit, in a sentence
that names a year (到2023年, 三年, 到“十四五”末; else the sentence's, else the plan's last).
One sentence often holds several (`技术合同成交额突破8.3亿元，发明专利申请量达到609件`): each is
its clause, with the clauses before it that carry no figure (到2023年，力争…) in its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from planchk.importers.documents import Paragraph
from planchk.importers.plandoc.outline import Part
from planchk.plan.comparators import AFTER_WORDS
from planchk.plan.goal_text import COMPARATOR_WORDS
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
_YEAR = re.compile(r"(?:(?:到|至|截至|截止到?)\s*)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?")
_PLAN_YEAR = re.compile(r"到?[“\"「]?(?P<fyp>十[一二三四五六七八九]五)[”\"」]?(?:期)?末")
_SPAN = re.compile(r"(?:未来|今后)?[一二三四五两]年(?:内|间)?")
_LEAD = re.compile(r"^[^，。；：:]{0,12}目标\s*[：:。]")  # 科技投入目标： · 1.工作目标。
_HEDGES = re.compile(r"^(?:力争|确保|争取|努力|全力|实现)+")
_SENTENCE = re.compile(r"(?<=[。；;！？!?])")
_CLAUSE = re.compile(r"(?<=[，,])")


@dataclass(frozen=True)
class Statement:
    """One goal as one sentence of the text states it."""

    text: str  # its words as printed: the clause, after the figure-less clauses before it
    subject: str  # what it sets, without the year, the hedge and the figure: 高新技术企业
    word: str  # the comparator as printed: 超过, 以上, 增长
    op: str
    value: Decimal
    unit: str
    year: int | None  # None: the text names none
    growth: bool  # 增长10%: a rate of growth, never compared with a table's level
    paragraph: Paragraph


def is_goal_paragraph(paragraph: Paragraph, part: Part) -> bool:
    """Goals are stated under a heading about them (二、主要目标), after a 目标 lead
    (科技投入目标：, 1.工作目标。), or in a sentence that names its target year (到2023年,
    到“十四五”末)."""
    if part.annex:
        return False
    if any("目标" in h.title for h in part.headings) or _LEAD.match(paragraph.printed):
        return True
    return bool(_YEAR.search(paragraph.text) and "到" in paragraph.text) or bool(
        _PLAN_YEAR.search(paragraph.text)
    )


def statements(paragraph: Paragraph, last_year: int | None) -> Iterator[Statement]:
    body = _LEAD.sub("", paragraph.printed, count=1)
    for sentence in _SENTENCE.split(body):
        year: int | None = None
        before = ""  # the figure-less clauses before a goal (到2023年，)
        for clause in _CLAUSE.split(sentence):
            year = _year(clause, last_year) or year
            found = list(_FIGURE.finditer(clause))
            goals = [m for m in found if m.group("word") or m.group("after")]
            if not goals:
                before = before + clause if not found else ""
                continue
            start = 0
            for match in goals:
                piece = clause[start : match.end()]
                text = (before + piece).strip().lstrip("、和及").strip()
                yield _statement(text, piece, match, year, paragraph)
                start = match.end()
            before = ""


def _statement(
    text: str, piece: str, match: re.Match[str], year: int | None, paragraph: Paragraph
) -> Statement:
    word, after = match.group("word") or "", match.group("after") or ""
    growth = bool(word and _GROWTH.search(word))
    op = AFTER[after] if after else (">=" if growth else BEFORE[word])
    subject = piece[: len(piece) - len(match.group(0))]
    subject = _HEDGES.sub("", _SPAN.sub("", _PLAN_YEAR.sub("", _YEAR.sub("", subject))))
    subject = subject.strip(" ，,、").removeprefix("和").removeprefix("及")
    return Statement(
        text.rstrip("，,"),
        subject,
        word or after,
        op,
        Decimal(match.group("number")),
        match.group("unit"),
        year,
        growth,
        paragraph,
    )


def _year(clause: str, last_year: int | None) -> int | None:
    """The year a clause names: 到2023年; 到“十四五”末 (2025); 三年 (the plan's last year)."""
    found = _YEAR.search(clause)
    if found:
        return int(found.group("year"))
    plan = _PLAN_YEAR.search(clause)
    if plan:
        return 1955 + 5 * _tens(plan.group("fyp")[:-1])  # 十四五 ends in 2025, 十三五 in 2020
    if _SPAN.match(clause.strip()) and last_year is not None:
        return last_year
    return None


def _tens(text: str) -> int:
    digits = "一二三四五六七八九"
    return 10 + (digits.index(text[1]) + 1 if len(text) > 1 else 0)


def link(statement: Statement, names: Sequence[tuple[str, str]]) -> str | None:
    """The indicator (id) whose name the goal's subject says, in full or in the shorter form
    the text uses (高新技术企业 for 高新技术企业数量): the longest that matches."""
    best: tuple[int, str] | None = None
    for ind_id, name in names:
        for form in {name, _short(name)}:
            if (
                len(form) >= 2
                and form in statement.subject
                and (best is None or len(form) > best[0])
            ):
                best = (len(form), ind_id)
    return best[1] if best else None


def _short(name: str) -> str:
    return re.sub(r"(数量|总量|总额|个数|数|指标)$", "", name)


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
