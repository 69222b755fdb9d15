"""A document's tables: which is the task table and which are breakdown tables, and each
breakdown table through the same table reader as CSV and XLSX, as the grid a CSV of it would
give (planchk.importers.plandoc.grids), read the way a CSV is read (importers.sheets: stacked
tables, halves side by side, indicator rows), with every place in the document's terms.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from planchk.importers import texts as import_texts
from planchk.importers.build import UNDATED, Imported, ImportedIndicator, Options, add_table
from planchk.importers.describe import for_log
from planchk.importers.documents import Table
from planchk.importers.grid import Grid
from planchk.importers.halves import sides
from planchk.importers.indicator_rows import Transposed
from planchk.importers.layout import Table as ReadTable
from planchk.importers.layout import read_table
from planchk.importers.performance import Targets, read_targets
from planchk.importers.plandoc import texts
from planchk.importers.plandoc.grids import document_grid, lines_inside
from planchk.importers.plandoc.kinds import COLUMNS_SAY, Guess, indicator_kind
from planchk.importers.plandoc.plan_year import PlanYear, printed_years, tables_plan_year
from planchk.importers.plandoc.result import PlanImport
from planchk.importers.same_total import same_total
from planchk.importers.shapes import Row
from planchk.importers.stacked import split_stacked
from planchk.importers.unit_lines import unit_line
from planchk.importers.unit_rows import by_unit_column
from planchk.messages import PlanchkError, message

TABLE_LEFT_OUT = message(
    "plandoc.table-left-out",
    "warning: {place} is left out: it is no breakdown table the import can read ({reason})",
)
# What the table reader says of a table that is no breakdown table at all (a schedule, a list
# of contacts): such a table of a plan is left out, said as a warning. Any other refusal is a
# question about a breakdown table (its unit, year or total), asked as a CSV of it is asked.
_NO_BREAKDOWN = frozenset(
    {import_texts.NO_DATA_ROWS, import_texts.NO_HEADER, import_texts.NO_VALUE_COLUMNS}
)
_TASK_HEADER = re.compile(r"(牵头|责任|配合|协办|主办)(单位|部门)")
# 任务数, 目标任务（个）: a column of counts beside a 责任单位, not the tasks' texts
_TASK_COUNT = re.compile(r"任务\s*(数|量|总数)|[（(][^）)]*[）)]\s*$")


def is_task_table(table: Table) -> bool:
    header = next((row for row in table.rows if sum(bool(c.text) for c in row) >= 2), ())
    return sum(bool(_TASK_HEADER.search(c.text)) for c in header) >= 1 and any(
        "任务" in c.text and not _TASK_COUNT.search(c.text) for c in header
    )


def has_numbers(table: Table) -> bool:
    return any(any(ch.isdigit() for ch in c.text) for row in table.rows[1:] for c in row)


def is_breakdown(table: Table) -> bool:
    """A table that is read as a breakdown table (given it is no 绩效目标表)."""
    return not is_task_table(table) and has_numbers(table)


@dataclass(frozen=True)
class Read:
    """One table the reader found in a document's table (several where the table's rows are
    indicators), and where each of its cells is printed."""

    table: ReadTable
    # id of a row -> its number in the grid it was read from, before the printed table's
    origins: dict[int, int]
    part: Grid

    def cell(self, row: Row, column: int) -> tuple[int, int]:
        """The printed table's row and column of a value the reader read."""
        if not isinstance(self.part, Transposed):
            return row.number, column
        place = (self.origins.get(id(row), row.number), column)
        return self.part.places.get(place, (row.number, column))


def breakdown(table: Table, source: str, options: Options, notes: list[str]) -> list[Read]:
    """The table read as a breakdown table the way a CSV of it is read (importers.sheets.
    read_sheets): tables stacked in it, halves side by side, indicator rows each a table of
    their own (importers.unit_rows); rows cut short (fewer cells than the header) are left
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
    grid = document_grid(table, source, rows)
    parts = [half for stacked in split_stacked(grid) for half in sides(stacked)]
    found = [_read(each, table, source, options, notes) for part in parts
             for each in by_unit_column(part, options.units)]  # fmt: skip
    notes.extend(grid.notes)
    return found


def _read(part: Grid, table: Table, source: str, options: Options, notes: list[str]) -> Read:
    try:
        read = read_table(part, options.total_row, options.units)
    except PlanchkError as error:
        if error.template is not import_texts.TOTAL_UNDECIDED:
            raise
        # A plan prints the whole area's row first; when the parts do not add up to it (what
        # the check is for), the table reader cannot tell it by its sum.
        first = str(error.values["first"])
        notes.append(texts.TOTAL_FIRST_ROW(place=f"{source}: {table.place}", name=first))
        read = read_table(part, first, options.units)
    origins = {id(row): row.number for row in read.rows}
    if isinstance(part, Transposed):  # the rows' numbers become the printed table's
        read = part.printed(read)
    return Read(read, origins, part)


def performance_targets(table: Table, source: str) -> Targets | None:
    """A 绩效目标表's targets (planchk.importers.performance), or None for any other table."""
    rows = [[c.text.replace("\n", "") for c in row] for row in table.rows]
    return read_targets(document_grid(table, source, rows))


def table_options(options: Options, table: Table) -> tuple[Options, Guess]:
    """The options to read the table with: the kind its title and 单位 line say, and a
    period label for a table that prints no year, as a CSV table's import has (build.UNDATED)."""
    printed = table.unit.printed if table.unit is not None else lines_inside(table)[1]
    unit = None
    if printed is not None:  # the CSV reader's unit line, else what a 单位 label is followed by
        unit = unit_line(printed) or re.split(r"[:：]", printed, maxsplit=1)[-1].strip(" ）)")
    guess = indicator_kind(title_of(table), unit)
    undated = options.undated or UNDATED
    return dataclasses.replace(options, kind=guess.kind, undated=undated), guess


def title_of(table: Table) -> str | None:
    """The title above the table, else the one its first row prints across it."""
    return table.title_text or lines_inside(table)[0]


@dataclass
class Reading:
    """A breakdown table of the document as the table reader read it, before it is added:
    its reads, what reading it said, or the question the reader asks about it."""

    table: Table
    options: Options
    guess: Guess
    found: list[Read]
    notes: list[str]  # rows cut short, the grid's notes
    error: PlanchkError | None = None
    year_note: str | None = None  # the plan's year, taken for a table that prints none

    @property
    def years(self) -> set[int] | None:
        """The years it prints; None: a column of no year (本期), as read."""
        return printed_years([read.table for read in self.found]) if not self.error else set()


def read_breakdowns(
    found: Sequence[tuple[Table, object]], source: str, options: Options, plan: PlanYear | None
) -> dict[int, Reading]:
    """Each breakdown table read (by its id; `found`: the document's tables, each with its
    绩效目标表's targets or None), all before any is added: a table that prints no year is of
    the plan's one year (planchk.importers.plandoc.plan_year) where the plan has one."""
    breakdowns = [table for table, targets in found if targets is None and is_breakdown(table)]
    read = [_reading(table, source, options) for table in breakdowns]
    if options.year is None:
        plan = plan or tables_plan_year([each.years for each in read])
    if plan is None or options.year is not None:
        return {id(each.table): each for each in read}
    return {
        id(each.table): each
        if each.years is not None
        else _reading(each.table, source, plan.options(options), plan.note)
        for each in read
    }


def _reading(table: Table, source: str, options: Options, year_note: str | None = None) -> Reading:
    own, guess = table_options(options, table)
    notes: list[str] = []
    try:
        return Reading(
            table, own, guess, breakdown(table, source, own, notes), notes, None, year_note
        )
    except PlanchkError as error:
        return Reading(table, own, guess, [], notes, error)


def left_out(result: PlanImport, said: str) -> None:
    """A table left out: said in the log, on validate too, and in the file's comments."""
    result.notes.append(said)
    result.comments.append(said)


def add_breakdown(result: PlanImport, imported: Imported, reading: Reading) -> bool:
    """The table read into `imported` as a CSV of it would be, each of its rows and cells
    placed in the document, and what the table reader inferred and skipped (its import log,
    as for a CSV table) noted. A table the reader asks about (its unit, its year, its total)
    or refuses a cell of stops the import with that question, as the CSV would: left out, the
    plan would pass a check it was never given. Only a table that is no breakdown table at all
    (no header over numbers) is left out, with a warning. Whether it added an indicator."""
    source, notes, table = result.source, result.notes, reading.table
    said = list(reading.notes)  # rows cut short, tables stacked: in the log and the comments
    if reading.error is not None:
        if reading.error.template not in _NO_BREAKDOWN:
            raise reading.error
        said.append(TABLE_LEFT_OUT(place=f"{source}: {table.place}", reason=str(reading.error)))
    notes.extend(said)
    result.comments.extend(said)
    if reading.error is not None:
        return False
    count = len(imported.indicators)
    year_note = reading.year_note
    for read in reading.found:
        named, total = same_total(imported.areas, read.table)  # 全市 in 表2, 合计 in 表1
        before, logged = set(imported.indicators), len(imported.notes)
        add_table(imported, named, reading.options)
        imported.notes.extend(filter(None, [total, year_note]))
        year_note = None  # said once for the table
        notes.extend(for_log(imported.notes[logged:]))  # the file's comments: every line
        result.table_notes.extend(imported.notes[logged:])
        result.comments.extend(imported.notes[logged:])
        added = [i for i in imported.indicators if i not in before]
        _place(result, table, read, [imported.indicators[i] for i in added], reading.guess)
    return len(imported.indicators) > count


def _place(
    result: PlanImport, table: Table, read: Read, added: list[ImportedIndicator], guess: Guess
) -> None:
    """Where each value of the indicators read from `read` is printed in the document."""
    title, places = title_of(table), result.places
    for indicator in added:
        ind_id = indicator.id
        # the reader's own evidence (% columns, a 累计 or 增减 header) comes before the title's
        said = guess if indicator.kind == guess.kind else Guess(indicator.kind, COLUMNS_SAY)
        result.kinds[ind_id] = said
        if title is None:
            place = f"{result.source}: {table.place}"
            result.notes.append(texts.TABLE_UNTITLED(place=place, name=indicator.name))
        places[f"indicators.{ind_id}"] = table.place
        for row in read.table.rows:  # the total first (none in a list of entries), the parts
            places[f"indicators.{ind_id}.values.{row.name}"] = table.row_place(row.number)
            for column in read.table.value_columns:
                if column.name is not None and column.name != indicator.name:
                    continue
                # a column of no year prints the indicator's one period (the title's year, 本期)
                one = indicator.periods[0] if len(indicator.periods) == 1 else None
                year = column.year if column.year is not None else one
                if year is not None:
                    key = f"indicators.{ind_id}.values.{row.name}.{year}"
                    places[key] = table.cell_place(*read.cell(row, column.index))
