"""Rows and columns a workbook hides: a printed table is what the sheet shows, so a hidden
check column or scratch row is not read (it would be data nobody printed, and a false error).

The readers mark what their format calls hidden (XLSX: `<row hidden="1">`, `<col hidden="1">`,
a height or width of 0; a collapsed outline group hides its rows the same way); this module
drops those rows and columns from the grid and says once in the import log which of them held
something. An empty hidden range (Excel hides the unused columns to the right as J:XFD) is
not named: nothing in it was left unread."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from planchk.importers import texts
from planchk.importers.grid import Bounds, Grid, GridCell, cell_name

XLSX_COLUMNS = 16384  # A to XFD: a <col max> past it is clipped, never a range to fill
# How many row numbers or column letters the log line names before it stops with "…"
NAMED = 8


def marked_hidden(attributes: Mapping[str, str], size: str) -> bool:
    """Whether an XLSX `<row>` or `<col>` is hidden: marked so (Excel writes 1, LibreOffice
    true), or given a height or width (`size`: ht, width) of 0."""
    if attributes.get("hidden", "").strip().lower() in ("1", "true"):
        return True
    try:
        return float(attributes.get(size, "1")) == 0
    except ValueError:
        return False  # a size that is no number is Excel's problem, not a hidden mark


@dataclass
class Hidden:
    """The hidden rows and columns of one sheet, and those of them that held a value."""

    rows: set[int] = field(default_factory=set)
    columns: set[int] = field(default_factory=set)
    held_rows: set[int] = field(default_factory=set)
    held_columns: set[int] = field(default_factory=set)

    def covers(self, row: int, column: int) -> bool:
        return row in self.rows or column in self.columns

    def held(self, row: int, column: int) -> None:
        """A cell at (row, column), hidden, held a value: its row or column is named."""
        if row in self.rows:
            self.held_rows.add(row)
        if column in self.columns:
            self.held_columns.add(column)


def drop_hidden(grid: Grid, hidden: Hidden, merges: Iterable[Bounds] = ()) -> Grid:
    """`grid` without its hidden rows and columns, read as if they were deleted, and the log
    line naming those that held something. Each cell keeps its own row and column number, so
    every later place still names the cell as the sheet numbers it; a hidden column inside the
    table is left blank in place (the readers find a row's cells by their columns, and taken out
    it shifted the header against the figures: a column of numbers with no header), one at the
    table's edge is taken out. A merge anchored in a hidden cell shows its text across the cells
    that are shown (`merges`): the first of them is its anchor."""
    if not hidden.rows and not hidden.columns:
        return grid
    _reanchor(grid, hidden, merges)
    shown = [
        cell.column for row in grid.rows[:1] for cell in row if cell.column not in hidden.columns
    ]
    first, last = (min(shown), max(shown)) if shown else (0, 0)
    kept = []
    for row in grid.rows:
        if row and row[0].row in hidden.rows:
            continue
        cells = [
            GridCell("", cell.row, cell.column) if cell.column in hidden.columns else cell
            for cell in row
            if first <= cell.column <= last
        ]
        if any(cell.text for cell in cells):
            kept.append(cells)
    grid.rows = kept
    if hidden.held_rows or hidden.held_columns:
        grid.notes.append(hidden_note(grid.source, hidden))
    return grid


def _reanchor(grid: Grid, hidden: Hidden, merges: Iterable[Bounds]) -> None:
    """A merge whose anchor is hidden (a title merged over A1:C1, column A hidden) shows the
    anchor's text in its shown cells: the first of them becomes the anchor, not covered, as
    Excel prints it; else the title was only covered cells, and lost."""
    rows = {row[0].row: row for row in grid.rows if row}
    for min_row, min_column, max_row, max_column in merges:
        if not hidden.covers(min_row, min_column):
            continue
        for number in range(min_row, max_row + 1):
            row = rows.get(number)
            if number in hidden.rows or row is None:
                continue
            cells = [c for c in row if min_column <= c.column <= max_column]
            visible = [c for c in cells if c.column not in hidden.columns]
            if visible and visible[0].merged and visible[0].text:
                row[row.index(visible[0])] = visible[0]._replace(merged=False)
            if visible:
                break


def hidden_note(source: str, hidden: Hidden) -> str:
    """`rows 7, 9 and column F are hidden in the workbook: not read`, in the user's language."""
    rows = sorted(hidden.held_rows)
    columns = sorted(hidden.held_columns)
    row_words = texts.HIDDEN_ROWS(len(rows), list=_runs(rows, str))
    column_words = texts.HIDDEN_COLUMNS(len(columns), list=_runs(columns, _letters))
    if rows and columns:
        what = texts.HIDDEN_BOTH(rows=row_words, columns=column_words)
    else:
        what = row_words if rows else column_words
    return texts.HIDDEN_NOT_READ(len(rows) + len(columns), source=source, what=what)


def _letters(column: int) -> str:
    return cell_name(1, column)[:-1]


def _runs(numbers: Iterable[int], naming: Callable[[int], str]) -> str:
    """7, 9, 12-15: sorted numbers as runs, each named by `name` (a number, a column's letters);
    past NAMED runs, "…"."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    words = [
        naming(first) if first == last else f"{naming(first)}-{naming(last)}"
        for first, last in runs[:NAMED]
    ]
    return ", ".join(words) + (", …" if len(runs) > NAMED else "")
