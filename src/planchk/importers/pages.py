"""What printing a table on paper adds around it: sign-off lines, page breaks, footnotes.

A budget or allocation table is printed to be signed and filed, and its spreadsheet keeps
what the paper shows:

- sign-off and date lines above or below it (填表人：张三, 审核人：, 单位负责人：, 联系电话：,
  填报日期：2025年1月10日, 填报单位：甲县财政局, a date alone): who made the table, never an
  area; kept for the log;
- what a table that spans pages prints again on each page: a 续表 line (续表, 续表1, the title
  with （续）), the title and the unit line again, page numbers (第 2 页, 共 3 页, - 2 -), and
  the header again; and the column-number row of a 决算表 (栏次 | 1 | 2 | 3, or
  栏次 | 1=2+3 | 2 | 3). None of these is data: each is skipped, and the log says which rows.

Footnotes after the table (注：..., 说明：..., a sentence alone on its row: 1. 本表…。) and memo
items (附：省级统筹 100, Memorandum: ...) end it (split_body).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from planchk.importers.grid import Grid, GridCell, texts_of
from planchk.importers.labels import clean_name
from planchk.importers.printed import normalized
from planchk.importers.units import unit_line

_SIGN_OFF = re.compile(
    r"^(?:填表|制表|填报|编制|编报|报送|审核|复核|审批|经办|统计)(?:人|单位|日期|时间)?\s*[:：]"
    r"|^(?:(?:单位|部门|财务|主管|分管)?(?:负责人|领导)|联系人|联系电话|电话|日期)\s*[:：]",
)
_SIGN_OFF_STARTS = frozenset("填制编报审复经统单部财主分负领联电日")  # of _SIGN_OFF's words
_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$|^\d{4}-\d{1,2}-\d{1,2}$")
_CONTINUED = re.compile(r"^[（(]?\s*续\s*(?:表|上表|前表)?\s*[\d一二三四五六七八九十]*\s*[）)]?$")
_CONTINUED_TITLE = re.compile(r"[（(]\s*续(?:表|上表)?\s*[）)]$|续表\s*\d*$")
_PAGE = re.compile(r"^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|-\s*\d+\s*-)$")
_NOTE = re.compile(
    r"^(注|备注|说明|资料来源|数据来源|来源|填表|制表|审核|联系人|note|notes|source)\s*[:：0-9１-９、.]",
    re.IGNORECASE,
)
# A memo item after the rows (附：省级统筹 100, Memorandum: set-aside for territories): printed
# for reference beside the table, no area and no part of its total; it ends the table as a
# note does, and the log names it (a false PC101 of its amount as an area).
_MEMO = re.compile(r"^(附|备忘|memorandum(?:\s+items?)?|memo|addendum)\s*[:：]", re.IGNORECASE)
_NOTE_STARTS = frozenset("注备说资数来填制审联附")  # the first characters of their words
_SENTENCE = re.compile(r"[。；;]")
# An English footnote alone on its row: "(1) Includes the funds carried over." — ASCII, three
# words or more, ending with a full stop (a name or a heading ends with none); tested with
# str methods, not a regex that a long hostile cell could make backtrack.
_SENTENCE_WORDS = 3
_LONGEST_NAME = 20  # characters: 新经济产业集聚区管理委员会 is 13
_COLUMN_NUMBERS = frozenset({"栏次", "行次", "栏号"})
_COLUMN_NUMBERS_MAY = re.compile("[栏行]")  # in each of them, after spaces are removed
# A 栏次 cell: the column's number, or the formula it is printed with (1=2+3, 3=1+2, 4=2-3),
# which says how the columns add up and is no figure either; bounded, no backtracking.
_COLUMN_NUMBER = re.compile(r"\d{1,3}(?:[=+\-]\d{1,3}){0,20}")
_TEXT = itemgetter(0)  # a GridCell's text
_SPACE = re.compile(r"\s")  # what clean_name may remove


@dataclass
class Furniture:
    """The rows of a grid that are paper, not table."""

    signed: list[tuple[int, str]] = field(default_factory=list)  # (row, the line's texts)
    skipped: list[int] = field(default_factory=list)  # 续表, page numbers, repeats, 栏次


def is_note(text: str) -> bool:
    """注：..., 说明：..., 资料来源：..., Note: ..., a memo item (附：..., Memorandum: ...): a
    row that ends the table."""
    if _MAY_BE_NOTE.match(text) is None:
        return False
    plain = normalized(text)
    return bool(_NOTE.match(plain) or _MEMO.match(plain))


# NFKC leaves an ASCII character or a CJK unified ideograph as it is: a row starting with one
# that no note word starts with (a serial, a town: nearly every row) is no note. A pattern,
# asked of every row at C speed: an ASCII letter, a character neither ASCII nor unified, or a
# first character of a note word (tests/test_import_fast_paths.py holds the first form, in
# str methods, and compares the two).
_MAY_BE_NOTE = re.compile(rf"[A-Za-z]|[^\x00-\x7f\u4e00-\u9fff]|[{''.join(sorted(_NOTE_STARTS))}]")


def may_end(text: str) -> bool:
    """Whether a row starting with `text` may be a note or a sign-off (a row after the table):
    both screens in one call, for the table reader's every row."""
    return _MAY_END.match(text) is not None


def is_sign_off(text: str) -> bool:
    """填表人：张三, 审核人：, 联系电话：..., 填报日期：..., a date alone (2025年1月10日)."""
    if _MAY_BE_SIGNED.match(text) is None:
        return False
    plain = clean_name(normalized(text))
    return bool(_SIGN_OFF.match(plain) or _DATE.match(plain))


# NFKC and the removal of spaces leave a first ASCII character or CJK unified ideograph as it
# is: a text starting with one that no sign-off word starts with is none; nor is one starting
# with ASCII digits that cannot start a date (2025年, 2025-1-10): an ASCII character other
# than a digit or a space before the fourth digit (1.镇, 20.镇), or after the fourth one that
# is no dash (1000.镇: a county's serial). As a pattern, asked of every row at C speed: a
# character neither ASCII nor unified, a first character of a sign-off word, an ASCII space
# (str.isspace: \t-\r, \x1c-\x1f and the space), or ASCII digits (spaces between them) up to
# a character that is not ASCII, or four of them and then a dash or a character that is not
# ASCII (tests/test_import_fast_paths.py compares it with the same in str methods).
_ASCII_SPACE = r"\t-\r\x1c- "
_MAY_BE_SIGNED = re.compile(
    rf"[^\x00-\x7f\u4e00-\u9fff]|[{''.join(sorted(_SIGN_OFF_STARTS))}]|[{_ASCII_SPACE}]"
    rf"|[0-9](?:[{_ASCII_SPACE}]*[0-9]){{3}}[{_ASCII_SPACE}]*(?:-|[^\x00-\x7f])"
    rf"|[0-9][0-9{_ASCII_SPACE}]*[^\x00-\x7f]"
)
_MAY_END = re.compile(f"{_MAY_BE_NOTE.pattern}|{_MAY_BE_SIGNED.pattern}")


def is_sentence(text: str) -> bool:
    """Whether the one text of a row makes it a footnote: a sentence alone on its row (1.
    本表资金已下达，请按规定使用。, (2) Set aside for off-system bridges.), no area. A name holds no
    full stop or semicolon, nor a comma in a long text."""
    return bool(
        _SENTENCE.search(text)
        or ("，" in text and len(text) > _LONGEST_NAME)
        or _english_sentence(text.strip())
    )


def _english_sentence(text: str) -> bool:
    return text.endswith(".") and text.isascii() and len(text.split()) >= _SENTENCE_WORDS


def split_body(
    rows: Sequence[Sequence[GridCell]],
) -> tuple[list[Sequence[GridCell]], list[Sequence[GridCell]]]:
    """The table's rows, and the rows after the table (notes, signatures) that end it."""
    may = _MAY_END.match
    for position, cells in enumerate(rows):
        # a row whose first two cells hold a text, the first no note's or sign-off's: most
        # rows, passed over with no call (the footnote is a text alone on its row)
        if len(cells) > 1 and cells[0][0] and cells[1][0] and may(cells[0][0]) is None:
            continue
        first, texts = _head(cells)
        ends = (is_note(first) or is_sign_off(first)) if may(first) else False
        if ends or (len(texts) == 1 and is_sentence(first)):  # a footnote alone on its row
            return list(rows[:position]), list(rows[position:])
    return list(rows), []


def _head(cells: Sequence[GridCell]) -> tuple[str, Sequence[str]]:
    """A row's first text ("" for none), and its texts; for a row whose first two cells hold
    a text (most rows) only those two, which is all the screens of every row ask: the first
    text, and whether it is alone."""
    if len(cells) > 1 and cells[0][0] and cells[1][0]:
        return cells[0][0], (cells[0][0], cells[1][0])
    texts = list(filter(None, map(_TEXT, cells)))  # texts_of, without a call
    return (texts[0] if texts else ""), texts


def without_furniture(grid: Grid) -> tuple[Grid, Furniture]:
    """The grid without its sign-off lines, 续表 lines, page numbers, the title and unit line
    printed again on a later page, and 栏次 rows; the grid itself when it has none."""
    found = Furniture()
    kept: list[list[GridCell]] = []
    above: set[str] = set()  # the lines above the first row of two cells or more
    started = False
    signed, paper = _MAY_BE_SIGNED.match, _COLUMN_NUMBERS_MAY.search
    for cells in grid.rows:
        # a row whose first two cells hold a text, the first no sign-off's nor 栏次: most rows,
        # passed over with no call once the table has started
        plain = len(cells) > 1 and cells[0][0] and cells[1][0]
        if started and plain and signed(cells[0][0]) is None and paper(cells[0][0]) is None:
            kept.append(cells)
            continue
        first, texts = _head(cells)
        if first and signed(first) and is_sign_off(first):
            unit = _signed(cells, found)
            if unit and not started:  # the unit of the table; on a later page, said again
                kept.append(unit)
            continue
        # a row of two texts or more is paper only as a 栏次 row: asked where 栏 or 行 is
        may_be_paper = len(texts) == 1 or (first and paper(first))
        if may_be_paper and _is_paper(texts_of(cells), above if started else set()):
            found.skipped.append(cells[0].row)
            continue
        # before the table, a title merged across the columns is one text, not several: its
        # copies under the merge would start the table, and the unit on the sign-off line
        # below it (填报单位：… 单位：万元) was taken for a later page's and dropped
        own = len(texts) if started else sum(1 for c in cells if c.text and not c.merged)
        if own == 1 and not started:
            above.add(clean_name(first))
        started = started or own >= 2
        kept.append(cells)
    if not found.signed and not found.skipped:
        return grid, found
    cleared = copy.copy(grid)  # a reader's own kind of grid stays that kind
    cleared.rows = kept
    return cleared, found


def _signed(cells: Sequence[GridCell], found: Furniture) -> list[GridCell] | None:
    """A sign-off line, kept in `found`; the unit line printed on it (填报单位：甲局 …
    单位：万元), if any, as a row of its own."""
    unit = [c if unit_line(clean_name(c.text)) else c._replace(text="") for c in cells]
    signed = [clean_name(c.text) for c, u in zip(cells, unit, strict=True) if c.text and not u.text]
    found.signed.append((cells[0].row, " ".join(signed)))
    return unit if any(c.text for c in unit) else None


def _is_paper(texts: Sequence[str], above: set[str]) -> bool:
    if not texts:
        return False
    if clean_name(texts[0]) in _COLUMN_NUMBERS:  # 栏次 | 1 | 2 | 3
        return all(_COLUMN_NUMBER.fullmatch(normalized(text)) for text in texts[1:])
    if len(texts) != 1:
        return False
    first = clean_name(normalized(texts[0]))  # only here: most rows have gone (several cells)
    return bool(
        _CONTINUED.match(first)
        or _PAGE.match(first)
        or clean_name(texts[0]) in above  # the title or the unit line, again
        or (_CONTINUED_TITLE.search(first) and any(first.startswith(line) for line in above))
    )


def without_repeated_header(
    rows: Sequence[Sequence[GridCell]], header: Sequence[Sequence[GridCell]]
) -> tuple[list[Sequence[GridCell]], list[int]]:
    """The table's rows without the header printed again at the top of a later page."""
    printed = {_texts(row) for row in header}
    # a row that repeats a header row starts as it does: its first cell is asked first
    starts = {texts[0] for texts in printed if texts}
    kept: list[Sequence[GridCell]] = []
    repeated: list[int] = []
    for cells in rows:
        # the first cell that holds a text: the row's first, nearly always
        first = cells[0] if cells and cells[0][0] else next((c for c in cells if c.text), None)
        if first is None:
            may = () in printed
        else:  # clean_name only where a space may be removed (asked of every row)
            text = first[0] if _SPACE.search(first[0]) is None else clean_name(first[0])
            may = (first[2], text) in starts  # [2]: the cell's column
        if may and _texts(cells) in printed:
            repeated.append(cells[0].row)
        else:
            kept.append(cells)
    return kept, repeated


def _texts(cells: Sequence[GridCell]) -> tuple[tuple[int, str], ...]:
    return tuple((c.column, clean_name(c.text)) for c in cells if c.text)
