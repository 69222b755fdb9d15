"""Goals as a plan's text states them: 到2023年，力争高新技术企业超过130家.

A goal is a comparator word (planchk.importers.plandoc.goal_words: the project's vocabulary
plus 提高到, 以上, 以内), a figure with its printed digits and a unit, in a sentence that names a
year (planchk.importers.plandoc.goal_years; else the sentence's, else the plan's last). One
sentence often holds several (`技术合同成交额突破8.3亿元，发明专利申请量达到609件`): each is its
clause, with the clauses before it that carry no figure (到2023年，力争…) in its text.

A plan states most targets with no comparator, as a figure after a verb (新建高标准农田3.6万亩,
全年完成造林5000亩, 其中2024年1.0万亩): such a goal is exact, and read only where it is safe:
a target verb (planchk.plan.goal_text.TARGETVERBS) before a figure with a known unit (not a
percentage), in a sentence that names its year or period. `YYYY年` is that year; `到YYYY年`, a
range `2024—2026年`, 三年 or 到“十四五”末 the period up to it (a flow's table meets it with the
sum of those years). A comparator goal keeps its year, except in a range sentence.

A sentence is read once, clause by clause, and what one clause says (its year, a 其中 part, a
base year 比2020年) decides how the next is read: that reading is this module's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from planchk.importers.documents import Paragraph
from planchk.importers.plandoc.folding import fold
from planchk.importers.plandoc.goal_lists import shares_verb
from planchk.importers.plandoc.goal_statement import Statement
from planchk.importers.plandoc.goal_words import (
    AFTER,
    BEFORE,
    CLAUSE,
    DONE,
    FIGURE,
    FIVE_YEARS,
    GROWTH,
    HEDGES,
    LEAD,
    NO_FIGURE,
    NOT_THE_AMOUNT,
    OF_YEAR,
    PART,
    PLAIN_UNITS,
    PLAN_SPAN,
    PLAN_YEAR,
    RANGE,
    RUNNING,
    SCALED_COUNTS,
    SENTENCE,
    SPAN,
    VERB,
    WHOLE_YEAR,
    WHOLE_YEAR_IN,
    YEAR,
)
from planchk.importers.plandoc.goal_years import (
    When,
    WholeYear,
    clause_when,
    goes_on,
    heading_year,
    of_several_years,
    whole_year,
)
from planchk.importers.plandoc.outline import Part
from planchk.plan.goal_text import LEVEL_WORDS


def is_goal_paragraph(paragraph: Paragraph, part: Part) -> bool:
    """Goals are stated under a heading about them (二、主要目标), after a 目标 lead
    (科技投入目标：, 1.工作目标。), or in a sentence that names its target year (到2023年,
    到“十四五”末)."""
    if part.annex:
        return False
    if any("目标" in fold(h.title) for h in part.headings) or LEAD.match(paragraph.printed):
        return True
    if heading_year(part) is not None and WHOLE_YEAR_IN.search(paragraph.text):
        return True  # 二、2024年重点工作 … 全年完成造林5000亩
    return bool(YEAR.search(paragraph.text) and "到" in paragraph.text) or bool(
        PLAN_YEAR.search(paragraph.text)
    )


def figureless(paragraph: Paragraph) -> list[str]:
    """Clauses that state a goal without its figure (力争达到个): a typing slip to report."""
    return [
        clause.strip("，,。；; ")
        for clause in re.split(r"[，,。；;]", paragraph.printed)
        if NO_FIGURE.search(clause)
    ]


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
    body, given, whole = LEAD.sub("", paragraph.printed, count=1), when, whole or WholeYear()
    carried, listing = given, None  # what a sentence that names no year is about; a list
    for sentence in SENTENCE.split(body):
        reading, own = _Reading(paragraph, period, carried, listing=listing), given
        before, undated = "", False  # the figure-less clauses before a goal (到2023年，)
        for clause in CLAUSE.split(sentence):
            said = clause_when(clause, last_year, period)
            when = said or reading.when
            own = said if said is not None and not PART.match(clause) else own
            if of_several_years(clause, period):
                when = whole_year(own, whole.titled)
                undated = when is None  # 全年完成造林5000亩, and which year nobody says
            elif said is not None:
                undated = False
            if undated:  # never a guessed year: said in the log instead
                if FIGURE.search(clause):
                    whole.unread.append(clause.strip("，,。；; "))
                reading.when, before = None, ""
                continue
            if not PART.match(clause):  # 其中2024年… names its part's year, not the next goal's
                reading.when = when
            found = list(FIGURE.finditer(clause))
            start, read = 0, False
            for match in found:
                piece = clause[start : match.end()]
                text = (before + piece).strip().lstrip("、和及").strip()
                if match.group("word") or match.group("after"):
                    yield _comparator(text, piece, match, when, reading)
                    start, read, reading.listing = match.end(), True, None
                    continue
                goal = reading.listing = _plain_or_said(text, piece, match, reading, whole)
                if goal is not None:
                    yield goal
                    start, read = match.end(), True
                    if reading.plain is None or goal.subject != reading.plain.subject:
                        reading.plain = goal  # 其中2024年…、2025年…: each after the whole
            before = "" if read or found else before + clause
        carried = goes_on(sentence, reading.when, given)
        listing = reading.listing if sentence.rstrip().endswith(("；", ";")) else None  # goes on


def _plain_or_said(
    text: str, piece: str, match: re.Match[str], reading: _Reading, whole: WholeYear
) -> Statement | None:
    """_plain's goal; where there is none and the figure is what was done already (已累计完成,
    2020年以来累计), its text kept for the log."""
    goal = _plain(text, piece, match, reading)
    if goal is None and _done_already(piece, match, reading):
        whole.done.append(text.rstrip("，,"))
    return goal


def _comparator(
    text: str, piece: str, match: re.Match[str], when: When | None, reading: _Reading
) -> Statement:
    """A goal a comparator carries; one that names nothing but its year and bound
    (`…控制在900亩以内，到2026年控制在1400亩以内`) sets what the sentence's goal before it sets."""
    earlier = reading.comparator
    if earlier is not None and not _subject(piece, match):
        piece = earlier.subject + piece  # its words, for its subject and for its verb
    goal = _statement(
        text, piece, match, _adding(piece, match, when, reading.period), reading.paragraph
    )
    reading.comparator = goal
    return goal


def _statement(
    text: str, piece: str, match: re.Match[str], when: When | None, paragraph: Paragraph
) -> Statement:
    word, after = match.group("word") or "", match.group("after") or ""
    growth = bool(word and GROWTH.search(word))
    op = AFTER[after] if after else (">=" if growth else BEFORE[word])
    first = when.first if when is not None else None  # 2024—2026年: the period; 到2026年: 2026
    # 累计新建不少于3.6万亩 over the plan's years: a running total, as a plain one is
    running = first is not None and bool(RUNNING.search(piece[: len(piece) - len(match.group(0))]))
    part, subject = bool(PART.match(piece)), _subject(piece, match)  # 其中高新技术企业不少于80家
    return Statement(
        text.rstrip("，,"), PART.sub("", subject).lstrip("：: ") if part else subject,
        word or after, op, Decimal(match.group("number")), match.group("unit"),
        when.year if when is not None else None, growth, paragraph, first,
        guessed=when is not None and when.by and first is not None and not when.whole,
        running=running, part=part,
    )  # fmt: skip


def _adding(
    piece: str, match: re.Match[str], when: When | None, period: tuple[int, int] | None
) -> When | None:
    """The period of a comparator goal that adds (到2026年，新建高标准农田不少于3.6万亩: what the
    plan's years up to 2026 add), else its year as `when` names it. A figure a level word
    carries (新增研发平台达到8个) states how many there are by then: its year's, unless it is a
    running total (累计完成造林达到3万亩: what the years add up to by then, or a stock's level,
    as planchk.importers.plandoc.goal_readings weighs it)."""
    if when is None or not when.by or when.first is not None or period is None:
        return when
    said = piece[: len(piece) - len(match.group(0))]
    word = match.group("word") or ""
    level = word in LEVEL_WORDS and not RUNNING.search(said)
    if level or GROWTH.search(word) or not VERB.search(said):
        return when
    if not period[0] < when.year <= period[1]:
        return when  # a year past the plan's (its PC505), or its first: a year's goal
    return When(when.year, period[0], by=True, whole=when.whole)


def _subject(piece: str, match: re.Match[str]) -> str:
    subject = piece[: len(piece) - len(match.group(0))]
    subject = RANGE.sub("", subject)
    subject = PLAN_SPAN.sub("", PLAN_YEAR.sub("", YEAR.sub("", subject)))
    subject = HEDGES.sub("", SPAN.sub("", subject))
    subject = WHOLE_YEAR.sub("", subject.strip(" ，,、"))
    return subject.strip(" ，,、").removeprefix("和").removeprefix("及")


@dataclass
class _Reading:
    """What a sentence has said so far, for the plain goals in it."""

    paragraph: Paragraph
    period: tuple[int, int] | None  # the plan's years: no plain goal outside them
    when: When | None = None  # the year or period the sentence names
    plain: Statement | None = None  # its last plain goal, for 其中2024年1.0万亩 after it
    comparator: Statement | None = None  # its last comparator goal, for one that names none
    # the plain goal just read, whose verb the next figure shares where only its name is
    # between them (完成人工造林8000亩、森林抚育1.2万亩): planchk.importers.plandoc.goal_lists
    listing: Statement | None = None


def _plain(text: str, piece: str, match: re.Match[str], reading: _Reading) -> Statement | None:
    """A target stated as a figure after a verb (新建高标准农田3.6万亩), or after 其中 and a
    year of the goal before it (其中2024年1.0万亩): exact, for the year or period the sentence
    names inside the plan's period; None where any of that is missing. A running total
    (累计完成造林5万亩) is the total by the year said, else by the plan's last year: its
    `first` is the plan's first year, which planchk.importers.plandoc.goal_readings weighs."""
    unit, period, when, earlier = match.group("unit"), reading.period, reading.when, reading.plain
    if period is None or (unit not in PLAIN_UNITS and unit not in SCALED_COUNTS):
        return None
    said = piece[: len(piece) - len(match.group(0))]  # what the piece says before its figure
    if NOT_THE_AMOUNT.search(said) or match.string[match.end() :].startswith(("左右", "的")):
        return None
    running = bool(RUNNING.search(said))
    if running and DONE.search(said):
        return None  # 已累计完成: the plan's background (said in the log)
    of_year = OF_YEAR.match(said)
    first, guessed, part = None, False, False
    listed = of_year is None and shares_verb(said, unit, reading.listing)
    if listed and reading.listing is not None:  # 完成人工造林8000亩、森林抚育1.2万亩
        running = running or reading.listing.running
    if of_year is not None and earlier is not None and earlier.unit == unit:
        year, subject = int(of_year.group("year")), earlier.subject
        text = _continued(earlier.text, piece, reading.paragraph.printed)
    elif (VERB.search(said) or listed) and (
        when is not None or (running and not FIVE_YEARS.search(text))
    ):
        # a running total of no year: by the plan's last year (not of “十四五”期间, another span)
        when = clause_when(said, None, period) or when or When(period[1], by=True)
        year, subject = when.year, _subject(piece, match)  # 2024年新建…、2025年新建…: each its own
        if listed and reading.listing is not None:  # its words as printed, from the list's verb
            text = _continued(reading.listing.text, piece, reading.paragraph.printed)
            part = bool(PART.match(said))  # 其中高效节水灌溉1.2万亩: its whole's 其中 row
            subject = PART.sub("", subject).lstrip("：: ") if part else subject
        if when.first is not None:
            first = when.first
        elif (when.by or running) and period[0] < when.year:
            first, guessed = period[0], not when.whole  # 到2026年，新建…: the years up to 2026
    else:
        return None
    if not period[0] <= (first or year) <= year <= period[1]:
        return None  # a year outside the plan's: its background, not its goal
    return Statement(
        text.rstrip("，,"), subject, "", "==", Decimal(match.group("number")), unit, year,
        False, reading.paragraph, first, running=running, guessed=guessed, part=part,
    )  # fmt: skip


def _done_already(piece: str, match: re.Match[str], reading: _Reading) -> bool:
    """Whether a plain figure not read is a running total of what was done already, or since a
    year (已累计完成, 2020年以来累计建成), after a verb: the plan's background, said in the log."""
    said = piece[: len(piece) - len(match.group(0))]
    return bool(
        reading.period is not None and VERB.search(said) and RUNNING.search(said)
        and DONE.search(said) and match.group("unit") in PLAIN_UNITS | SCALED_COUNTS
    )  # fmt: skip


def _continued(earlier: str, piece: str, printed: str) -> str:
    """A part's text as printed, from its whole's text through the part: 三年新建3.6万亩，其中
    2025年1.2万亩、2026年1.4万亩 for 2026's (the parts between stay, each separator as printed)."""
    piece = piece.strip("、，, ")
    at = printed.find(earlier)
    end = printed.find(piece, at + len(earlier)) if at >= 0 else -1
    if end < 0:  # not found as printed (never expected): the whole, then the part
        return f"{earlier}，{piece}"
    return printed[at : end + len(piece)]
