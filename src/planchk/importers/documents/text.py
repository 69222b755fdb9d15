"""Text exports of a plan, in the layout of the seed (../shared/seed/): a paragraph per line;
a table row is a run of lines that each start with a tab, one cell per line; a line without a
tab right after a cell continues that cell (a second office under the first); a blank line
ends a row, and a line of text after a blank line ends the table. Fewer than two rows of
several cells are no table: an export that indents its paragraphs with a tab gives them.

Each paragraph and cell keeps the line and column where its text starts, counted as an editor
and a SARIF viewer count them: lines end at LF, CRLF or CR, columns are characters from 1."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from planchk.importers.documents.model import Cell, RawParagraph, RawTable, is_unit_line

_TITLE_MAX = 60  # a title or a cell; a longer line is a sentence of the text
_TABLE_TITLE = re.compile(r"(分解|分配|任务|指标|计划|统计|汇总|清单|一览)表$")
_LINE_END = re.compile(r"\r\n|\r|\n")
# str.splitlines also breaks at a form feed (a page break in an export), \v, \x1c-\x1e, NEL,
# U+2028 and U+2029: each starts a line of text here too, though not a numbered line
_OTHER_BREAK = re.compile(r"[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Line:
    text: str
    number: int  # 1-based, as an editor numbers the file's lines
    start: int  # the 1-based column where `text` begins in that line


def lines(text: str) -> Iterator[Line]:
    for number, physical in enumerate(_LINE_END.split(text), 1):
        start = 0
        for piece in _OTHER_BREAK.split(physical):
            yield Line(piece, number, start + 1)
            start += len(piece) + 1


def _at(line: Line, text: str) -> tuple[int, int]:
    """Where the stripped `text` of `line` starts: after the tab and spaces before it."""
    return line.number, line.start + len(text) - len(text.lstrip())


def blocks(text: str) -> Iterator[RawParagraph | RawTable]:
    rows: list[list[Cell]] | None = None  # the table being read
    row: list[Cell] | None = None  # the row being read
    physical = list(lines(text))
    if physical and not physical[-1].text:
        physical.pop()  # the line break that ends the file starts no line
    for line in physical:
        if line.text.startswith("\t"):
            rows = [] if rows is None else rows
            row = [] if row is None else row
            line_at, column = _at(line, line.text)
            row.append(Cell(line.text[1:].strip(), line=line_at, column=column))
        elif not line.text.strip():
            if row is not None and rows is not None:
                rows.append(row)
            row = None
        elif row is not None:  # a cell's next line
            last = row[-1]
            joined = f"{last.text}\n{line.text.strip()}" if last.text else line.text.strip()
            row[-1] = Cell(joined, line=last.line, column=last.column)
        else:
            if rows is not None:
                yield from _table_or_paragraphs(rows)
            rows = None
            yield RawParagraph(line.text.strip(), line=line.number, column=_at(line, line.text)[1])
    if row is not None and rows is not None:
        rows.append(row)
    if rows is not None:
        yield from _table_or_paragraphs(rows)


def _table_or_paragraphs(rows: list[list[Cell]]) -> Iterator[RawParagraph | RawTable]:
    """A run of tab-led rows: a table with, before it, the rows that the layout shows to be
    paragraphs an export indented with a tab (see `_leading_paragraphs`)."""
    several = sum(len(row) > 1 for row in rows) >= 2  # a header and a row of cells at least
    lead = _leading_paragraphs(rows) if several else len(rows)
    for row in rows[:lead]:
        for cell in row:
            first, *rest = cell.text.split("\n")
            yield RawParagraph(first, line=cell.line, column=cell.column)
            # a cell's next lines follow its first, without a tab: they start their lines
            yield from (
                RawParagraph(more, line=cell.line + n, column=1) for n, more in enumerate(rest, 1)
            )
    if lead < len(rows):
        yield rows[lead:]


def _leading_paragraphs(rows: list[list[Cell]]) -> int:
    """How many rows at the start of a table's run are paragraphs, decided by the layout:
    before the first row of the table's width (the width most rows of several cells have),
    a row is a paragraph when it is a sentence (ends in 。；： or is longer than a title), the
    title above a table (…表) or its 单位 line; a short row of one cell that is none of these
    (a merged first row, a group row such as （一）科技企业培育) stays in the table."""
    widths = Counter(len(row) for row in rows if len(row) > 1)
    width = widths.most_common(1)[0][0]
    for index, row in enumerate(rows):
        if len(row) == width or not all(_paragraph_like(cell.text) for cell in row):
            return index
    return 0


def _paragraph_like(text: str) -> bool:
    printed = text.replace("\n", "")
    return (
        len(printed) > _TITLE_MAX
        or printed.endswith(("。", "；", ";", "：", ":"))
        or bool(is_unit_line(printed))
        or bool(_TABLE_TITLE.search(printed))
    )
