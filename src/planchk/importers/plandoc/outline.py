"""The outline of a plan document: its numbered headings, which part each paragraph is in,
and the plan's own facts (title, 文号, issuer, date, period) from the notice that issues it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from planchk.importers.documents import Paragraph
from planchk.importers.documents.model import ANNEX_LINE
from planchk.importers.plandoc.folding import fold

# 一、主要目标 · （一）优化提升… · 1.工作目标 · （1）…: the printed numbering of each level
LEVELS = (
    re.compile(r"^(?P<number>[一二三四五六七八九十百]+)[、.．]\s*(?P<title>.*)$"),
    re.compile(r"^[（(](?P<number>[一二三四五六七八九十百]+)[）)]\s*(?P<title>.*)$"),
    re.compile(r"^(?P<number>\d+)[.．、]\s*(?P<title>.*)$"),
    re.compile(r"^[（(](?P<number>\d+)[）)]\s*(?P<title>.*)$"),
)
_HEADING_MAX = 40  # a numbered line longer than this is a paragraph that starts with a number
_DOC_NUMBER = re.compile(r"^\S{1,20}[〔\[［【](?:19|20)\d{2}[〕\]］】]\s*\d+\s*号$")
_NOTICE = re.compile(r"^(?P<issuer>.*?)关于印发[《<](?P<title>.+?)[》>]的通知$")
_ISSUER_END = re.compile(r"(办公室|办公厅|人民政府|委员会|局|厅|委|办)$")
_DATE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*[-—–～~至到]\s*((?:19|20)\d{2})\s*年?")
# 计画: a plan in traditional characters (計畫) as fold reads it
_PLAN_WORDS = re.compile(r"(方案|规划|计划|计画|意见|办法|纲要)(（[^）]*）)?$")


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、  2: （一）  3: 1.  4: （1）
    number: str  # as printed: 一, 三, 1
    title: str  # the rest of the line (for 1.工作目标。…, the words before the first 。)
    paragraph: Paragraph


def heading(paragraph: Paragraph) -> Heading | None:
    text = paragraph.printed
    for level, pattern in enumerate(LEVELS, 1):
        found = pattern.match(text)
        if found is None:
            continue
        title = re.split(r"[。；;]", found.group("title"), maxsplit=1)[0].strip()
        if len(title) > _HEADING_MAX or not title:
            return None
        return Heading(level, found.group("number"), title, paragraph)
    return None


@dataclass(frozen=True)
class Part:
    """Where a paragraph is: the headings above it, outermost first; in the annexes or not."""

    headings: tuple[Heading, ...]
    annex: bool

    def under(self, level: int) -> Heading | None:
        return next((h for h in self.headings if h.level == level), None)


def parts(paragraphs: Sequence[Paragraph]) -> dict[int, Part]:
    """Paragraph number -> the part of the document it is in."""
    found: dict[int, Part] = {}
    stack: list[Heading] = []
    annex = False
    for paragraph in paragraphs:
        annex = annex or bool(ANNEX_LINE.match(paragraph.printed))
        own = heading(paragraph)
        if own is not None and not annex:
            stack = [h for h in stack if h.level < own.level]
            stack.append(own)
        found[paragraph.number] = Part(tuple(stack), annex)
    return found


@dataclass(frozen=True)
class PlanFacts:
    title: str | None
    document_number: str | None
    issuer: str | None
    issued: dt.date | None
    period: tuple[int, int] | None


def plan_facts(paragraphs: Sequence[Paragraph]) -> PlanFacts:
    """What the issuing notice and the title say: 青政办发〔2021〕23号, 关于印发《…》的通知, the
    date it was signed, and the years in the title （2021-2023年）."""
    texts = [p.printed for p in paragraphs]
    number = next((t for t in texts if _DOC_NUMBER.match(t)), None)
    title = issuer = None
    for position, text in enumerate(texts):
        notice = _NOTICE.match(text)
        if notice is None:
            continue
        title, issuer = notice.group("title"), notice.group("issuer").strip() or None
        previous = texts[position - 1] if position else ""
        if issuer is None and _ISSUER_END.search(previous) and len(previous) <= _HEADING_MAX:
            issuer = previous
        break
    title = title or _title_line(texts)
    issued = next((_date(t) for t in texts if _DATE.match(t)), None)
    period = _PERIOD.search(title or "")
    years = (int(period.group(1)), int(period.group(2))) if period else None
    return PlanFacts(
        title, number, issuer, issued, years if years and years[0] <= years[1] else None
    )


def _title_line(texts: Sequence[str]) -> str | None:
    """Without a notice: the first short line that names a plan (…方案, …规划)."""
    return next((t for t in texts[:20] if len(t) <= 80 and _PLAN_WORDS.search(fold(t))), None)


def _date(text: str) -> dt.date | None:
    found = _DATE.match(text)
    assert found is not None
    try:
        return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None
