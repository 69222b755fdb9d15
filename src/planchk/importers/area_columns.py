"""Where a table of indicator rows has its header, and which of its columns are what.

Two layouts print indicators as rows (importers.unit_rows reads each row as a table of its own):

- with a 单位 column (指标 | 单位 | 全市 | 甲区 | 乙区, or years after the units), found by it;
- with no 单位 column, the unit on the unit line, the areas as the columns:

      新建设施分解表
      单位：个
      项目,全市,甲县,乙县,丙县
      新建村卫生室,30,10,12,8

  told from an ordinary table (areas as rows, years or categories as columns) by its header
  and by its rows together: after the column of names the headers are areas, one of them
  their total (a whole area: 全市, 全县合计; or 合计/总计 first or last among headers that each
  name a place; or, among headers that each name a place, a first or last column that is the
  sum of the others on every row), none a year; the names' header is no area header (地区);
  and no row is named as a total (an ordinary table's 合计 row says its rows are areas).

A 备注 column after the areas is the rows' notes in either layout, never an area.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal

from planchk.importers.columns import year_of
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name, is_total_name, read_label
from planchk.importers.printed import parse_number, simplified
from planchk.importers.shapes import NOTE_HEADERS
from planchk.importers.units import by_measure, several, unit_line
from planchk.messages import PlanchkError, message

UNITS_OF_ROWS = message(
    "import.units-of-rows",
    "{source}: the unit line names several units ({unit}) and the names of the rows {names} "
    "do not say which is theirs; give each with --unit NAME=UNIT (--unit {name}=UNIT), UNIT "
    "one of {units}",
)
LOOKED_AT = 6  # a header stands within the first rows (title, unit line, a second title)
_UNIT_HEADERS = frozenset({"单位", "计量单位", "unit", "units"})
_SERIAL_HEADERS = frozenset({"序号", "编号", "no.", "no", "#"})
# Headers of a column of areas: a table under one of them has its areas as rows.
_AREA_HEADERS = frozenset(
    {"地区", "区域", "地方", "县区", "区县", "市县", "县市", "乡镇", "乡镇街道", "乡镇(街道)",
     "县(市、区)", "县(市区)", "单位名称", "area", "region", "county", "district"}
)  # fmt: skip
_WHOLE = re.compile(r"^全[省市区县州盟旗镇乡国]")
# What an area's name ends with: 甲县, 城关镇, 东湖街道, 市本级, 经开区管委会.
_PLACE = re.compile(r"(?:省|市|区|县|州|盟|旗|镇|乡|村|街道|本级|园区|管委会|办事处)$")


@dataclasses.dataclass(frozen=True)
class Layout:
    header: int  # the header's position among the rows
    unit: int | None  # the column of units; None: the unit line's
    years: bool  # years as columns (else areas)
    names: int | None = None  # the column of the names, where no unit column follows it
    notes: frozenset[int] = frozenset()  # 备注 columns: the rows' notes, not areas

    @property
    def first(self) -> int:
        """The last column before the values: the units', else the names'."""
        return self.unit if self.unit is not None else (self.names or 0)


def find(rows: Sequence[Sequence[GridCell]]) -> Layout | None:
    """The layout of a table of indicator rows, or None for any other table."""
    return _by_unit_column(rows) or _by_area_columns(rows)


def _lower(cell: GridCell) -> str:
    return simplified(clean_name(cell.text)).lower()


def _note_columns(cells: Sequence[GridCell], after: int) -> frozenset[int]:
    return frozenset(c.column for c in cells if c.column > after and _lower(c) in NOTE_HEADERS)


def _by_unit_column(rows: Sequence[Sequence[GridCell]]) -> Layout | None:
    for position, cells in enumerate(rows[:LOOKED_AT]):
        texts_ = {c.column: _lower(c) for c in cells if c.text}
        units = [column for column, text in texts_.items() if text in _UNIT_HEADERS]
        if len(units) != 1:
            continue
        notes = _note_columns(cells, units[0])
        after = [t for column, t in texts_.items() if column > units[0] and column not in notes]
        body = rows[position + 1 :]
        numbers = all(
            parse_number(c.text) is None for row in body for c in row if c.column == units[0]
        )
        if not (after and numbers and body):
            continue
        if any(year_of(text) is not None for text in after):  # other columns: notes
            return Layout(position, units[0], years=True)
        if len(after) >= 2 and any(is_total_name(text) for text in after):
            return Layout(position, units[0], years=False, notes=notes)
    return None


def _by_area_columns(rows: Sequence[Sequence[GridCell]]) -> Layout | None:
    for position, cells in enumerate(rows[:LOOKED_AT]):
        heads = [c for c in cells if c.text]
        names = next((c for c in heads if _lower(c) not in _SERIAL_HEADERS), None)
        if names is None or _lower(names) in _AREA_HEADERS or year_of(names.text) is not None:
            continue
        notes = _note_columns(heads, names.column)
        areas = [c for c in heads if c.column > names.column and c.column not in notes]
        body = rows[position + 1 :]
        if _are_areas(areas, body) and _are_indicators(body, names.column, areas):
            return Layout(position, None, years=False, names=names.column, notes=notes)
    return None


def _are_areas(heads: Sequence[GridCell], body: Sequence[Sequence[GridCell]]) -> bool:
    """Whether the headers name areas with their total at either end (see the module's)."""
    if len(heads) < 2 or any(year_of(c.text) is not None for c in heads):
        return False
    names = [simplified(clean_name(c.text)) for c in heads]
    totals = [i for i, name in enumerate(names) if is_total_name(name)]
    places = [name for i, name in enumerate(names) if i not in totals and _PLACE.search(name)]
    if len(totals) > 1 or totals not in ([], [0], [len(names) - 1]):
        return False
    if totals:
        whole = _WHOLE.match(names[totals[0]]) is not None
        return whole or len(places) == len(names) - 1
    return _total_by_numbers(heads, body)


def _total_by_numbers(heads: Sequence[GridCell], body: Sequence[Sequence[GridCell]]) -> bool:
    """Whether the first or the last of the columns is the sum of the others on every row,
    the others each naming a place."""
    # Either end needs every header between the two to name a place: asked before reading
    # the figures of every row (a body of 10^5 rows under a row of numbers read three times)
    if not all(_PLACE.search(simplified(clean_name(c.text))) for c in heads[1:-1]):
        return False
    columns = [c.column for c in heads]
    rows = [row for row in (_figures(row, columns) for row in body) if row]
    for end in (0, len(heads) - 1):
        total = columns[end]
        others = [simplified(clean_name(c.text)) for c in heads if c.column != total]
        if (
            rows
            and all(_PLACE.search(name) for name in others)
            and all(
                total in row
                and row[total] == sum((v for c, v in row.items() if c != total), Decimal(0))
                for row in rows
            )
        ):
            return True
    return False


def _figures(row: Sequence[GridCell], columns: Sequence[int]) -> dict[int, Decimal]:
    found = {}
    for cell in row:
        if cell.column in columns and cell.text:
            number = parse_number(cell.text)
            if number is not None:
                found[cell.column] = number
    return found


def _are_indicators(
    body: Sequence[Sequence[GridCell]], names: int, heads: Sequence[GridCell]
) -> bool:
    """Whether the rows are indicators: none named as a total, one at least with a figure."""
    columns = {c.column for c in heads}
    figures = False
    for row in body:
        name = next((c for c in row if c.column == names and c.text), None)
        if name is not None and is_total_name(name.text):
            return False
        figures = figures or (
            name is not None
            and any(c.column in columns and parse_number(c.text) is not None for c in row)
        )
    return figures


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
    question naming every row whose name does not say. Nothing where the line names one."""
    line = next((found for c in above if (found := unit_line(clean_name(c.text)))), None)
    if line is None or len(several(line)) < 2:
        return {}
    options = [option.rpartition("=") for option in given]
    by_name = {column.strip(): unit.strip() for column, _, unit in options}
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


def one_unit(cell: GridCell, unit: str | None) -> str:
    """The text of a cell above the header, the unit line naming the row's one unit."""
    return f"单位：{unit}" if unit is not None and unit_line(clean_name(cell.text)) else cell.text
