"""The rows of a table of indicator rows (importers.area_columns says where they are): each
with the 其中 rows printed under it, and, under a unit line that names several units, each
one's unit; and the grid each row is turned into (Transposed), a table of its own that keeps
the printed table's positions"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from itertools import groupby
from operator import attrgetter

from planchk.importers import texts
from planchk.importers.area_columns import LOOKED_AT, Layout, are_areas
from planchk.importers.columns import year_of
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name, read_label
from planchk.importers.printed import simplified
from planchk.importers.shapes import NOTE_HEADERS, IndicatorRow, Table
from planchk.importers.units import by_measure, several, title_unit, unit_line
from planchk.messages import PlanchkError, message

UNITS_OF_ROWS = message(
    "import.units-of-rows",
    "{source}: the unit line names several units ({unit}) and the names of the rows {names} "
    "do not say which is theirs; give each with --unit NAME=UNIT (--unit {name}=UNIT), UNIT "
    "one of {units}",
)

UNITS_NOT_PRINTED = message(
    "import.units-not-printed",
    "{source}: the table prints no unit (no unit line such as 单位：个, no 单位 column) for the "
    "rows {names}; give one for every row with --unit UNIT, or each with --unit NAME=UNIT "
    "(--unit {name}=UNIT)",
)


@dataclasses.dataclass
class Printed:
    """An indicator row of a table with areas as columns, and the 其中 rows under it."""

    name: GridCell
    unit: GridCell | None  # its 单位 cell; None: the unit line's
    cells: dict[int, GridCell]
    parts: list[tuple[GridCell, dict[int, GridCell]]] = dataclasses.field(default_factory=list)


def name_cell(cells: Sequence[GridCell], column: int | None, first: int) -> GridCell | None:
    """A row's name: in the column of names, else its first text before `first`."""
    if column is not None:
        return next((c for c in cells if c.column == column and c.text), None)
    return next((c for c in cells if c.text and c.column < first), None)


def printed_rows(grid: Grid, found: Layout, named: int | None) -> list[Printed]:
    """The indicator rows, each with the 其中 rows printed under it (with no unit, or its
    own); a row of a 单位 column with no unit in it is no indicator."""
    printed: list[Printed] = []
    for cells in grid.rows[found.header + 1 :]:
        by_column = {c.column: c for c in cells}
        name = name_cell(cells, named, found.first)
        unit = by_column.get(found.unit) if found.unit is not None else None
        if name is None:
            continue
        if printed and read_label(name.text).role == "of_which":
            whole = printed[-1].unit
            if unit is None or not unit.text or (whole is not None and whole.text == unit.text):
                printed[-1].parts.append((name, by_column))
                continue
        if found.unit is not None and (unit is None or not unit.text):
            continue
        printed.append(Printed(name, unit, by_column))
    return printed


def row_units(
    grid: Grid, above: Sequence[GridCell], rows: Sequence[Printed], given: Sequence[str]
) -> dict[int, str]:
    """Under a unit line that names several units (单位：个、公里), each row's own (by its row):
    --unit's for its name, else the one its name measures in (改造农村公路里程 → 公里); one
    question naming every row whose name does not say. Nothing where the line names one. With
    no unit line, and no row that says its unit (New clinics (number), 85%), one question
    naming every row, rather than one run per row."""
    line = next((found for c in above if (found := _unit_of(c.text))), None)
    options = [option.rpartition("=") for option in given]
    by_name = {column.strip(): unit.strip() for column, _, unit in options}
    if line is None:
        names = [clean_name(row.name.text) for row in rows]
        if any(
            name in by_name or "" in by_name or _says_unit(row)
            for name, row in zip(names, rows, strict=True)
        ):
            return {}  # the table reader asks about any row left, naming it
        raise PlanchkError(
            UNITS_NOT_PRINTED, source=grid.source, names="、".join(names), name=names[0]
        )
    if len(several(line)) < 2:
        return {}
    units: dict[int, str] = {}
    unsaid: list[str] = []
    for row in rows:
        name = clean_name(row.name.text)
        unit = by_name.get(name, by_name.get("")) or by_measure(name, several(line))
        if unit is None:
            unsaid.append(name)
        else:
            units[row.name.row] = unit
    if unsaid:
        raise PlanchkError(
            UNITS_OF_ROWS, source=grid.source, unit=line, names="、".join(unsaid),
            name=unsaid[0], units="、".join(several(line)),
        )  # fmt: skip
    return units


def _says_unit(row: Printed) -> bool:
    """Whether a row prints its unit: in a bracket after its name, or as % in its cells."""
    name = clean_name(row.name.text)
    return name.endswith((")", "）")) or any(
        c.text.endswith(("%", "％")) for c in row.cells.values()
    )


def one_unit(cell: GridCell, unit: str | None) -> str:
    """The text of a cell above the header, the unit line naming the row's one unit (a title
    that ends with the unit line keeps its words)."""
    text = clean_name(cell.text)
    if unit is None or _unit_of(text) is None:
        return cell.text
    title, _ = title_unit(text)
    return f"单位：{unit}" if unit_line(text) else f"{title}（单位：{unit}）"


def _unit_of(text: str) -> str | None:
    """The unit a line above the header names: a unit line, or a title that ends with one."""
    plain = clean_name(text)
    return unit_line(plain) or title_unit(plain)[1]


def plain_note(header: str) -> bool:
    """Whether a column beside the areas' is a 备注 (its texts the notes as they stand),
    not the indicator's own column (属性, 2024年基数, 增长%), whose texts name it."""
    return simplified(clean_name(header)).lower() in NOTE_HEADERS


def note_of(
    rows: Sequence[tuple[GridCell, dict[int, GridCell]]], head: GridCell
) -> tuple[tuple[str, GridCell], tuple[str, GridCell]] | None:
    """The header and the text of a 备注 column for a row and its 其中 rows (each named), or
    None where none of them prints one (an empty 备注 of one row is no column of its table)."""
    cells = [(name, cells[head.column]) for name, cells in rows if cells.get(head.column)]
    cells = [(name, cell) for name, cell in cells if cell.text]
    if not cells:
        return None
    first = rows[0][0]
    text = "；".join(
        cell.text if name is first else f"{read_label(name.text).part}：{cell.text}"
        for name, cell in cells
    )
    if not plain_note(head.text):
        # the indicator's own column (属性, 2024年基数, 增长%): a note that names it, never
        # a figure of its own for the table reader to take as a second indicator
        return ("备注", head), (f"{clean_name(head.text)}：{text}", cells[0][1])
    return (head.text, head), (text, cells[0][1])


def cell_of(cells: dict[int, GridCell], column: int, instead: GridCell) -> tuple[str, GridCell]:
    """The text of the cell in `column`, or a blank at `instead` where the row has none."""
    cell = cells.get(column)
    return (cell.text, cell) if cell is not None else ("", instead)


class Transposed(Grid):
    """One indicator row as a table of its own. Its cells are numbered 1, 2, ... as the table
    reader expects; `where` names the original cell, and `printed` the original rows."""

    def __init__(
        self, original: Grid, scope: tuple[str, str] | None, name: str, shown: IndicatorRow
    ) -> None:
        super().__init__(original.source, [])
        self.original, self.name, self.shown = original, name, shown
        self.scope = scope  # (name, how it was found) of a years table's unprinted area
        self.places: dict[tuple[int, int], tuple[int, int]] = {}
        self.printed_rows: dict[int, int] = {}

    def add(self, cells: Sequence[tuple[str, GridCell]], printed: int | None = None) -> None:
        """A row of texts, each at the original cell it comes from."""
        row = len(self.rows) + 1
        self.rows.append([GridCell(text, row, column) for column, (text, _) in enumerate(cells, 1)])
        for column, (text, origin) in enumerate(cells, 1):
            self.places[row, column] = (origin.row, origin.column)
            if text == origin.text and (origin.row, origin.column) in self.original.stored:
                self.stored.add((row, column))  # a General cell's number, as stored
        self.printed_rows[row] = printed if printed is not None else cells[0][1].row

    def lines(self, above: Sequence[GridCell], unit: str | None) -> None:
        """The lines above the header (title, unit line) as printed, each its cells (a title
        split at a comma in a CSV ends with its year: Service targets by county, 2024), the
        unit line naming `unit` where it is the row's one of several. A merged cell's text,
        repeated in every cell it covers, is its anchor's alone: the title 附件1 merged over
        four columns is 附件1, not 附件1 附件1 附件1 附件1 (then no attachment label)."""
        for _, cells in groupby(above, key=attrgetter("row")):
            own = [cell for cell in cells if not cell.merged]
            if own:
                self.add([(one_unit(cell, unit), cell) for cell in own])

    def where(self, row: int, column: int) -> str:
        return self.original.where(*self.places.get((row, column), (row, column)))

    def printed(self, table: Table) -> Table:
        """The table with the printed table's row numbers (an area's row: the indicator's)."""
        for row in table.rows:
            row.number = self.printed_rows.get(row.number, row.number)
        headers = tuple(self.printed_rows.get(n, n) for n in table.header_rows)
        table = dataclasses.replace(
            table, header_rows=headers, indicator_row=self.shown, indicator=self.name
        )
        if self.scope is None:
            return table
        said = texts.SCOPE_NAMED(name=self.scope[0], how=self.scope[1])
        return dataclasses.replace(table, scope=said)


def years_down(rows: Sequence[Sequence[GridCell]]) -> int | None:
    """The header's position of a table with the years down the side and the areas across
    (年度 | 合计 | 城关镇 | 河口镇, then 2024年 | 3.6 | 1.2 | 0.8): every body row's first cell,
    in the header's first column, is a year; no header cell is one; the other headers are
    areas with their total (as area_columns.are_areas asks). None for any other table."""
    for position, cells in enumerate(rows[:LOOKED_AT]):
        heads = [c for c in cells if c.text]
        if len(heads) < 3 or any(year_of(c.text) is not None for c in heads):
            continue
        if not _years_first(rows[position + 1 :], heads[0].column):
            continue
        body = [row for row in rows[position + 1 :] if any(c.text for c in row)]
        headed = {c.column for c in heads}
        if any(c.text and c.column not in headed for row in body for c in row):
            continue  # a figure under no header would be lost in the turning
        return position if are_areas(heads[1:], body) else None
    return None


def _years_first(rows: Sequence[Sequence[GridCell]], column: int) -> bool:
    """Whether every row that prints something starts with a year in `column`, one row at
    least: asked row by row, so that a table of areas stops at its first row (the whole body
    was gathered first for each header position: 0.7 s of CPU at 10^6 cells)."""
    seen = False
    for row in rows:
        first = next((c for c in row if c.text), None)
        if first is None:
            continue
        if first.column != column or year_of(first.text) is None:
            return False
        seen = True
    return seen


class Turned(Transposed):
    """A table with the years down the side and the areas across (years_down),
    turned so that the areas are its rows and the years its columns: one indicator, named
    from the title as any areas-down table's, each cell at the printed cell it comes from."""

    def __init__(self, original: Grid, header: int) -> None:
        super().__init__(original, None, "", IndicatorRow(0, "", "", ()))
        above = [c for row in original.rows[:header] for c in row if c.text]
        self.lines(above, None)
        heads = [c for c in original.rows[header] if c.text]
        body = [row for row in original.rows[header + 1 :] if any(c.text for c in row)]
        years = [next(c for c in row if c.text) for row in body]
        self.add([("地区", heads[0])] + [(year.text, year) for year in years])
        # what the table prints, for the log (importers.turned): never this grid's 地区
        self.corner, self.header_row = heads[0].text, heads[0].row
        self.years = [year.text for year in years]
        for area in heads[1:]:
            cells = [next((c for c in row if c.column == area.column), None) for row in body]
            blank = GridCell("", years[0].row, area.column)  # a cell the row leaves out
            self.add([(area.text, area)] + [(c.text if c else "", c or blank) for c in cells])

    def printed(self, table: Table) -> Table:
        """The table with the printed rows (an area's row: the header's)."""
        for row in table.rows:
            row.number = self.printed_rows.get(row.number, row.number)
        headers = tuple(self.printed_rows.get(n, n) for n in table.header_rows)
        return dataclasses.replace(table, header_rows=headers)
