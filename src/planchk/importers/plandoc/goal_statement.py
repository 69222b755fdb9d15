"""One goal as a sentence of a plan (or a row of its 绩效目标表) states it: its words as printed,
what it sets, its comparator, figure, unit and year or period; and what is read off it later
(the base year a change is measured from, the key that tells a repeated goal from a new one)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from planchk.importers.documents import Paragraph
from planchk.importers.performance import Target
from planchk.importers.plandoc.goal_words import BASE
from planchk.plan.traditional import printed_at


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
    running: bool = False  # 累计新建3.6万亩: the running total by `year`, not its own amount
    # 到2026年 alone made it the period's (from the plan's first year): the text does not say
    # so, and planchk.importers.plandoc.goal_readings checks the reading its table allows
    guessed: bool = False
    part: bool = False  # 其中高效节水灌溉1.2万亩: a part of the goal before it in its sentence

    @property
    def place(self) -> str:
        return self.listed or self.paragraph.place

    @property
    def plain(self) -> bool:
        """Stated with no comparator word, or listed in a table: its table must hold its years."""
        return not self.word or bool(self.listed)


def base_year(statement: Statement) -> str | None:
    """The base a goal's figure is measured from (比2020年增加40家: 比2020年), if it says one."""
    found = BASE.search(statement.text)
    return found.group(0) if found else None


def key(statement: Statement) -> str:
    """What a goal is about, for telling a repeated goal from a new one."""
    return re.sub(r"[\s“”\"]", "", statement.subject)


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


def as_printed(statement: Statement, read: Paragraph, paragraph: Paragraph) -> Statement:
    """A goal read from `read`, the traditional-character `paragraph` folded, with its words as
    `paragraph` prints them (到2026年，全縣設置…達到60處: its text and what it sets)."""
    if read is paragraph:
        return statement
    within, printed = read.printed, paragraph.printed
    at = max(within.find(statement.text), 0)
    return dataclasses.replace(  # its unit stays as read (處 as 处): a unit is a word, no name
        statement,
        text=printed_at(statement.text, within, printed),
        subject=printed_at(statement.subject, within, printed, at),
        word=printed_at(statement.word, within, printed, at),
        paragraph=paragraph,
    )
