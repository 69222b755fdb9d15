"""The neutral model every plan document is read into: paragraphs and tables, in order.

A reader (Word, web page, text export; a PDF's text layer later) hands `build` its blocks as
it meets them; `build` numbers them the way a reader of the printed document counts (第3段,
附件 表2) and finds each table's title line and 单位 line among the paragraphs above it.
What the blocks mean (goals, breakdown tables, tasks) is read from this model, never from a
format.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from planchk.importers.documents import texts
from planchk.importers.unit_lines import unit_line

# 单位：家, （单位：亿元）, 单位:万亩、万株, (Unit: USD million), and a label with its unit left
# blank (单位：) or followed by more of the line (单位：万元　填报日期：…): see is_unit_line
_UNIT_LABEL = re.compile(r"^[（(]?\s*(?:计量)?(?:单\s*位|unit|units)\s*[:：]", re.IGNORECASE)
# The line that opens the annexes: 附件, 附件：, 附件1, 附件： 主要工作任务分解表
ANNEX_LINE = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：]?")
_LIST_NUMBER = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.．、]\s*")  # 附件：1.…表
_TITLE_MAX = 60  # a title line is short and is not a sentence of the text
# a title, then its 单位 line after tabs or spaces (the unit set at the right margin), or
# right after the 表 that ends the title (a web page's text joins Chinese across spaces)
_UNIT_AFTER_TITLE = re.compile(
    r"^(\S.*?)(?:\s+|(?<=表))([（(]?\s*(?:计量|金额)?单\s*位\s*[:：].*)$"
)
_PAGE_LINES = 4  # at most: 续表, the title again, the unit line again, a page number
# What a table carried on over a page prints between its parts: 续表, 续表2, （续）, the title
# with （续）, a page number (第2页, - 2 -).
_CONTINUED = re.compile(
    r"^[（(]?\s*续\s*(?:表|上表|前表)?\s*[\d一二三四五六七八九十]*\s*[）)]?$"
    r"|[（(]\s*续(?:表|上表)?\s*[）)]$|续表\s*\d*$"
    r"|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^-\s*\d+\s*-$"
)


@dataclass(frozen=True)
class Paragraph:
    text: str  # as printed, whitespace at the ends removed; automatic numbering not included
    number: int  # 1-based among the document's non-empty paragraphs: 第N段
    level: int | None = None  # heading level, from a heading style or <h1>..<h6>
    numbering: str = ""  # automatic numbering as printed (a Word list's 一、 or 1.)
    line: int = 0  # where it starts in a text format (a .txt, a page's source), 1-based; 0: none
    column: int = 0

    @property
    def printed(self) -> str:
        """The paragraph as a reader sees it: its automatic numbering, then its text."""
        return self.numbering + self.text

    @property
    def place(self) -> str:
        return texts.PARAGRAPH_PLACE(number=self.number)


@dataclass(frozen=True)
class Cell:
    text: str  # the cell's lines joined with "\n", each stripped
    covered: bool = False  # a position that another cell's merge covers; holds that cell's text
    line: int = 0  # where the cell starts in a text format (a merge's: its first cell's); 0: none
    column: int = 0
    # how far its first line is indented, in the steps of a CSV's leading spaces (csvgrid.
    # typed_indent: a character's width two): a level of the row names, as a CSV's or XLSX's
    indent: int = 0


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]  # as read: a row may be shorter than the widest
    number: int  # 1-based among the tables of its part (the body, or the annexes)
    annex: bool  # after the line that opens the annexes (附件)
    after: int  # the number of the paragraph just before it (0: none)
    title: Paragraph | None  # the title line above it
    unit: Paragraph | None  # the 单位 line above it

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    @property
    def title_text(self) -> str | None:
        """The table's title as it names the table: a line 附件：1.2025年…分解表 (the annex
        line and the table's title in one) is titled 2025年…分解表."""
        if self.title is None:
            return None
        text = _LIST_NUMBER.sub("", ANNEX_LINE.sub("", self.title.printed, count=1), count=1)
        return text or self.title.printed

    @property
    def place(self) -> str:
        template = texts.ANNEX_TABLE_PLACE if self.annex else texts.TABLE_PLACE
        return template(number=self.number)

    def cell_place(self, row: int, column: int) -> str:
        """附件 表2 第4行 第3列: rows and columns counted in the printed table, from 1."""
        return texts.TABLE_CELL_PLACE(table=self.place, row=row, column=column)

    def row_place(self, row: int) -> str:
        return texts.TABLE_ROW_PLACE(table=self.place, row=row)

    def positions(self) -> Iterator[tuple[str, tuple[int, int]]]:
        """Each place in the table (the table, its rows, its cells) and where in the text it
        starts: a row and the table where their first placed cell does."""
        first: tuple[int, int] | None = None
        for number, row in enumerate(self.rows, 1):
            placed = [(c, cell) for c, cell in enumerate(row, 1) if cell.line > 0]
            for column, cell in placed:
                yield self.cell_place(number, column), (cell.line, cell.column)
            if placed:
                start = (placed[0][1].line, placed[0][1].column)
                first = first or start
                yield self.row_place(number), start
        if first is not None:
            yield self.place, first


Block = Paragraph | Table


@dataclass
class Document:
    source: str  # the file, as the user named it
    format: str  # docx, html, text
    blocks: list[Block]
    notes: list[str] = field(default_factory=list)  # what reading it involved

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def positions(self) -> dict[str, tuple[int, int]]:
        """Where each place (第3段, 附件 表2 第4行 第3列) starts in the file, as line and column
        (1-based, in characters), for the formats that have lines: a .txt and a web page's
        source. A .docx has none: its places stand alone."""
        found: dict[str, tuple[int, int]] = {}
        for block in self.blocks:
            if isinstance(block, Table):
                found.update(block.positions())
            elif block.line > 0:
                found[block.place] = (block.line, block.column)
        return found


@dataclass(frozen=True)
class RawParagraph:
    """A paragraph as a reader meets it, before it is numbered."""

    text: str
    level: int | None = None
    numbering: str = ""
    line: int = 0
    column: int = 0


RawTable = Sequence[Sequence[Cell]]


def build(source: str, format_name: str, raw: Iterable[RawParagraph | RawTable]) -> Document:
    """Number the blocks as printed and give each table its title and unit lines."""
    blocks: list[Block] = []
    annex = False
    counts = {False: 0, True: 0}
    number = 0
    for item in raw:
        if isinstance(item, RawParagraph):
            text = item.text.strip()
            if not text and not item.numbering:
                continue
            number += 1
            paragraph = Paragraph(text, number, item.level, item.numbering, item.line, item.column)
            annex = annex or bool(ANNEX_LINE.match(paragraph.printed))
            blocks.append(paragraph)
            continue
        rows = tuple(tuple(row) for row in item)
        if not any(cell.text for row in rows for cell in row):
            continue
        continued = _continued(blocks, rows)
        if continued is not None:  # the rest of the table above, after a page: one table
            position, table = continued
            blocks[position] = dataclasses.replace(table, rows=table.rows + rows)
            continue
        counts[annex] += 1
        title, unit = _lines_above(blocks)
        blocks.append(Table(rows, counts[annex], annex, number, title, unit))
    return Document(source, format_name, blocks)


def _continued(
    blocks: Sequence[Block], rows: tuple[tuple[Cell, ...], ...]
) -> tuple[int, Table] | None:
    """The position of the table that `rows` carry on, if they do: a table of the same width
    just above them, with nothing between but what a page break prints (续表, the title with
    （续）, a page number, the title and unit line again) and at least a 续 line or the header
    again. Word splits a long table over pages by itself; a table split by hand (or a web
    page's two <table>s) is still one table, as the CSV of it is."""
    between: list[Paragraph] = []
    for position in range(len(blocks) - 1, max(len(blocks) - _PAGE_LINES - 2, -1), -1):
        block = blocks[position]
        if isinstance(block, Paragraph):
            between.append(block)
            continue
        if block.width != max(len(row) for row in rows):
            return None
        said = {block.title_text, *(p.printed for p in (block.title, block.unit) if p)}
        marked = any(_CONTINUED.search(p.printed) for p in between)
        if not all(p.printed in said or _CONTINUED.search(p.printed) for p in between):
            return None
        header = [cell.text for cell in block.rows[0]]
        return (position, block) if marked or [c.text for c in rows[0]] == header else None
    return None


def _lines_above(blocks: Sequence[Block]) -> tuple[Paragraph | None, Paragraph | None]:
    """The title and 单位 lines just above a table: the unit line, if any, directly above it
    (or above the title), and a short line that is not a sentence of the text as the title."""
    above: list[Paragraph] = []
    for block in reversed(blocks):
        if not isinstance(block, Paragraph) or len(above) == 2:
            break
        above.append(block)
    unit = title = None
    for paragraph in above:
        if unit is None and title is None and is_unit_line(paragraph.printed):
            unit = paragraph
        elif title is None and unit is None and (split := _title_and_unit(paragraph)):
            return split  # 城镇老旧小区改造任务分解表<tab>单位：个: the unit set right on its line
        elif title is None and title_like(paragraph.printed):
            title = paragraph
        else:
            break
    return title, unit


def _title_and_unit(paragraph: Paragraph) -> tuple[Paragraph, Paragraph] | None:
    """A title line that ends with the table's unit line after a tab or spaces, as Word sets
    the unit at the right margin: the two lines it prints, each the paragraph's (第N段)."""
    found = _UNIT_AFTER_TITLE.match(paragraph.text)
    if found is None or not title_like(paragraph.numbering + found.group(1)):
        return None
    title = dataclasses.replace(paragraph, text=found.group(1))
    return title, dataclasses.replace(paragraph, text=found.group(2), numbering="")


def is_unit_line(text: str) -> bool:
    """A table's unit line: every form the CSV reader takes as one (importers.units.unit_line:
    金额单位：万元, 單位：萬元, (US$ thousand), Amounts in USD million), or a 单位 label whose unit
    is blank or followed by more of the line, as a document prints it."""
    return bool(_UNIT_LABEL.match(text)) or unit_line(text) is not None


def title_like(text: str) -> bool:
    """A short line that is not a sentence of the text: a table's title."""
    return (
        len(text) <= _TITLE_MAX
        and not text.endswith(("。", "；", ";", "：", ":"))
        and not is_unit_line(text)
        and not ANNEX_LINE.fullmatch(text)
    )
