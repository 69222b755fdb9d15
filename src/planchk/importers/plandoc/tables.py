"""A document's tables: which is the task table and which are breakdown tables, and each
breakdown table through the same table reader as CSV and XLSX (planchk.importers.layout), with
its title and 单位 lines from the paragraphs above it and every place in the document's terms."""

from __future__ import annotations

import dataclasses
import re

from planchk.importers import texts as import_texts
from planchk.importers.build import Imported, Options, add_table
from planchk.importers.describe import for_log
from planchk.importers.documents import Cell, Table
from planchk.importers.grid import Grid
from planchk.importers.layout import Table as ReadTable
from planchk.importers.layout import read_table
from planchk.importers.performance import Targets, read_targets
from planchk.importers.plain import PlainTable, Span, plain_grid
from planchk.importers.plandoc import texts
from planchk.importers.plandoc.kinds import COLUMNS_SAY, Guess, indicator_kind
from planchk.importers.plandoc.result import PlanImport
from planchk.messages import PlanchkError

_TASK_HEADER = re.compile(r"(牵头|责任|配合|协办|主办)(单位|部门)")
# 任务数, 目标任务（个）: a column of counts beside a 责任单位, not the tasks' texts
_TASK_COUNT = re.compile(r"任务\s*(数|量|总数)|[（(][^）)]*[）)]\s*$")


class DocumentGrid(Grid):
    """A table of a document as the table reader sees it, placed in the document's terms: the
    title and unit lines above the table are its grid's first rows, numbered up to 0, so that
    row N of the grid (in the reader's log and messages) is the printed table's 第N行."""

    def __init__(self, grid: Grid, table: Table, offset: int) -> None:
        rows = [[cell._replace(row=cell.row - offset) for cell in row] for row in grid.rows]
        super().__init__(grid.source, rows, grid.notes)
        self.table = table

    def where(self, row: int, column: int) -> str:
        # the grid's source names the table already (plan.docx: 附件 表2); the cell's place
        # names it again (附件 表2 第4行 第3列): said once
        source = self.source.removesuffix(f": {self.table.place}")
        return texts.AT(source=source, place=self.table.cell_place(row, column))

    def column_place(self, column: int) -> str:
        return texts.AT(
            source=self.source, place=texts.COLUMN(table=self.table.place, column=column)
        )


def is_task_table(table: Table) -> bool:
    header = next((row for row in table.rows if sum(bool(c.text) for c in row) >= 2), ())
    return sum(bool(_TASK_HEADER.search(c.text)) for c in header) >= 1 and any(
        "任务" in c.text and not _TASK_COUNT.search(c.text) for c in header
    )


def has_numbers(table: Table) -> bool:
    return any(any(ch.isdigit() for ch in c.text) for row in table.rows[1:] for c in row)


def breakdown(table: Table, source: str, options: Options, notes: list[str]) -> ReadTable:
    """The table read as a breakdown table through the table reader's entry for tables found
    in other formats (importers.plain); rows cut short (fewer cells than the header) are left
    out with a note, as the table reader would take their missing cells for blanks."""
    rows: list[list[str]] = []
    width = 0
    for number, row in enumerate(table.rows, 1):
        cells = [c.text.replace("\n", "") for c in row]
        filled = [text for text in cells if text]
        width = width or (len(row) if len(filled) >= 2 else 0)
        if filled and 1 < len(row) < width:
            place = f"{source}: {table.row_place(number)}"
            notes.append(texts.ROW_CUT_SHORT(place=place, cells=len(row), width=width))
            cells = []  # a blank row keeps the printed numbers of the rows after it
        rows.append(cells)
    grid = _grid(table, source, rows)
    try:
        return read_table(grid, options.total_row, options.units)
    except PlanchkError as error:
        if error.template is not import_texts.TOTAL_UNDECIDED:
            raise
        # A plan prints the whole area's row first; when the parts do not add up to it (what
        # the check is for), the table reader cannot tell it by its sum.
        first = str(error.values["first"])
        notes.append(texts.TOTAL_FIRST_ROW(place=f"{source}: {table.place}", name=first))
        return read_table(grid, first, options.units)


def _grid(table: Table, source: str, rows: list[list[str]]) -> DocumentGrid:
    """The table as the table reader sees it: its title and 单位 lines above its rows."""
    title = table.title_text or table.place.replace(" ", "")
    above = [title, *([table.unit.printed] if table.unit is not None else [])]
    plain = PlainTable(f"{source}: {table.place}", rows, above, _spans(table))
    return DocumentGrid(plain_grid(plain), table, len(above))


def performance_targets(table: Table, source: str) -> Targets | None:
    """A 绩效目标表's targets (planchk.importers.performance), or None for any other table."""
    rows = [[c.text.replace("\n", "") for c in row] for row in table.rows]
    return read_targets(_grid(table, source, rows))


def _spans(table: Table) -> list[Span]:
    """The merged cells: from each cell that is not covered, as far right and down as the
    positions it covers go. A covered position beside it may belong to another merge (备注
    merged down beside 省级资金 in the header's lower row): it is this cell's only if it holds
    this cell's text, from the same place in the source."""
    rows = table.rows

    def covered(r: int, c: int, anchor: Cell) -> bool:
        if r >= len(rows) or c >= len(rows[r]) or not rows[r][c].covered:
            return False
        cell = rows[r][c]
        return (cell.text, cell.line, cell.column) == (anchor.text, anchor.line, anchor.column)

    spans = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.covered:
                continue
            across = next(k for k in range(1, len(row) + 1) if not covered(r, c + k, cell))
            down = next(k for k in range(1, len(rows) + 1) if not covered(r + k, c, cell))
            if across > 1 or down > 1:
                spans.append(Span(r, c, down, across))
    return spans


def table_options(options: Options, table: Table) -> tuple[Options, Guess]:
    """The options to read the table with: the kind its title and 单位 line say."""
    unit = None
    if table.unit is not None:
        unit = re.split(r"[:：]", table.unit.printed, maxsplit=1)[-1].strip(" ）)")
    guess = indicator_kind(title_of(table), unit)
    return dataclasses.replace(options, kind=guess.kind), guess


def title_of(table: Table) -> str | None:
    return table.title_text


def add_breakdown(result: PlanImport, imported: Imported, table: Table, options: Options) -> None:
    """The table read into `imported`, each of its rows and cells placed in the document, and
    what the table reader inferred and skipped (its import log, as for a CSV table) noted."""
    source, notes, places = result.source, result.notes, result.places
    title = title_of(table)
    own, guess = table_options(options, table)
    try:
        read = breakdown(table, source, own, notes)
        before, logged = set(imported.indicators), len(imported.notes)
        add_table(imported, read, own)
        notes.extend(for_log(imported.notes[logged:]))  # the file's comments: every line
        result.table_notes.extend(imported.notes[logged:])
    except PlanchkError as error:
        place = f"{source}: {table.place}"
        notes.append(texts.TABLE_SKIPPED(place=place, reason=str(error)))
        return
    for ind_id in [i for i in imported.indicators if i not in before]:
        indicator = imported.indicators[ind_id]
        # the reader's own evidence (% columns, a 累计 or 增减 header) comes before the title's
        said = guess if indicator.kind == guess.kind else Guess(indicator.kind, COLUMNS_SAY)
        result.kinds[ind_id] = said
        if title is None:
            notes.append(
                texts.TABLE_UNTITLED(place=f"{source}: {table.place}", name=indicator.name)
            )
        places[f"indicators.{ind_id}"] = table.place
        for row in read.rows:  # the total first (none in a list of entries), then the parts
            places[f"indicators.{ind_id}.values.{row.name}"] = table.row_place(row.number)
            for column in read.value_columns:
                year = column.year
                if year is not None and (column.name is None or column.name == indicator.name):
                    key = f"indicators.{ind_id}.values.{row.name}.{year}"
                    places[key] = table.cell_place(row.number, column.index)
