"""The shapes a printed table is read into: its columns, its rows, and the table."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from planchk.importers.grid import Grid

# year_sum: a 合计 column beside year columns, each row's sum over the years (checked, not kept)
# code: a 区划代码 or 科目编码 column after the names (planchk.importers.codes), no values
# How the total row was found; none: the table has no total (importers.entries)
Found = Literal["named", "option", "sum", "only", "none"]
ColumnKind = Literal["value", "percent", "of_which", "text", "year_sum", "code"]
NOTE_HEADERS = frozenset(
    {"备注", "備註", "说明", "說明", "注", "备考", "remarks", "notes", "note", "comments"}
)


@dataclass(frozen=True)
class Column:
    index: int  # the grid's column number
    header: str  # as printed, layout spaces removed (two header rows joined by " / ")
    kind: ColumnKind
    year: int | None = None  # a year column, or a category column under a year
    name: str | None = None  # a category's name, without its unit
    unit: str | None = None  # a category's own unit, from its header
    part_of: int | None = None  # an 其中 column: the column it is part of
    label: str | None = None  # the one column of a table of one labelled period (本期)

    @property
    def plain_note(self) -> bool:
        """A 备注 column: its texts are notes as they stand, not prefixed by the header."""
        return self.header.lower() in NOTE_HEADERS


@dataclass(eq=False, slots=True)
class Row:
    """One printed row below the header: an area, a subtotal, the total or an 其中 part."""

    name: str  # the area's name in the file (marker and layout spaces removed)
    number: int  # the grid's row number
    values: dict[int, Decimal | None]  # column index -> value (None: blank or text)
    texts: dict[int, str] = field(default_factory=dict)  # text in value columns
    bounds: dict[int, str] = field(default_factory=dict)  # ≥95 as printed: a valued cell's note
    notes: list[str] = field(default_factory=list)  # from text columns (备注)
    marker: str | None = None  # serial marker kind (一、, （一）, 1. ...)
    indent: int = 0
    bold: bool = False
    role: str = "row"  # total, subtotal, of_which or row (labels.read_label)
    part: str = ""  # an 其中 row's own name
    closes: int | None = None  # the row number of the 小计 whose numbers it carries
    bare: bool = False  # nothing printed beside its name: a heading, if rows follow it
    code: str | None = None  # its subject code (科目编码 201, 20101), kept as an alias


@dataclass(frozen=True)
class IndicatorRow:
    """Where a table of indicator rows (指标 | 单位 | 全市 | 甲县, or 指标 | 单位 | 2021年)
    printed the one row a table was read from: the log names what the table prints, not the
    grid of areas it was turned into (its `地区` column is no printed column)."""

    row: int  # the printed row of the indicator
    names: str  # the header of the column of the indicators' names (指标)
    units: str  # the header of the column of units (单位)
    areas: tuple[str, ...] = ()  # the areas' columns as printed; none: years as columns
    # The log's lines said by the rows before it under the same header (one set shared by
    # them all): the header block is described once, then each row (describe.describe).
    said: set[str] = field(default_factory=set, compare=False)
    parts: tuple[tuple[int, str], ...] = ()  # its 其中 rows (row, name), read as 其中 columns
    beside: tuple[str, ...] = ()  # the indicator's own columns (属性, 2024年基数): its notes


@dataclass(frozen=True)
class Table:
    grid: Grid
    title: str | None
    unit: str | None
    header_rows: tuple[int, ...]
    area_header: str
    columns: tuple[Column, ...]
    total: Row | None  # None: a list of entries that nothing adds up (importers.entries)
    total_found: Found
    rows: tuple[Row, ...]  # every row the file keeps, the total first
    areas: dict[str, list[str]]  # each total and subtotal -> its parts
    of_which: dict[str, list[str]]  # a row -> its 其中 rows
    ignored: tuple[int, ...]  # rows after the table (notes, signatures)
    dropped: tuple[str, ...] = ()  # columns not imported (empty), for the log
    scope: str | None = None  # how the area of a table that prints none was named, for the log
    indicator: str | None = None  # the indicator a row of a 主要指标 table names (else: title)
    said: tuple[str, ...] = ()  # how the rows were read (projects under areas), for the log
    code_header: str | None = None  # the header of a code column (科目编码), for the log
    code_levels: bool = False  # the codes nest: they gave the levels
    aliases: dict[str, str] = field(default_factory=dict)  # a row's code -> its area
    signed: tuple[tuple[int, str], ...] = ()  # sign-off and date lines (row, texts), for the log
    skipped: tuple[int, ...] = ()  # rows printed by the page: 续表, the header again, 栏次
    indicator_row: IndicatorRow | None = None  # a table read from one indicator row
    # a column whose total prints a bound (≥1000): how its parts add up (importers.carried)
    sums: dict[int, str] = field(default_factory=dict)
    # a figure printed in a larger unit (3.5亿元 in 万元), by its (row, column): the rounding it
    # allows the sums it is in (importers.settled)
    tolerances: dict[tuple[int, int], Decimal] = field(default_factory=dict)

    @property
    def value_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind not in ("text", "year_sum", "code"))

    @property
    def parts(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row is not self.total)
