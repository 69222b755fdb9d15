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
  their total (a whole area: 全市, 全县合计; or 合计/总计 first or last among headers most of
  which name a place, 甲县 | 乙县 | 国有林场; or, among headers that each name a place, a first
  or last column that is the sum of the others on every row), none a year nor a measure; the
  names' header is no area header (地区); and no row is named as a total (an ordinary
  table's 合计 row says its rows are areas).

A 备注 column after the areas is the rows' notes in either layout, never an area; so are the
indicator's own columns beside the areas (属性, 2024年基数, 增长%: importers.own_columns),
before or after them, with a 单位 column or without.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from planchk.importers.columns import year_of
from planchk.importers.grid import GridCell
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.own_columns import beside, organisations
from planchk.importers.printed import normalized, parse_number, simplified
from planchk.importers.shapes import NOTE_HEADERS

LOOKED_AT = 6  # a header stands within the first rows (title, unit line, a second title)
_UNIT_HEADERS = frozenset({"单位", "计量单位", "unit", "units"})
_SERIAL_HEADERS = frozenset({"序号", "编号", "no.", "no", "#"})
# Headers of a column of areas: a table under one of them has its areas as rows.
_AREA_HEADERS = frozenset(
    {"地区", "区域", "地方", "县区", "区县", "市县", "县市", "乡镇", "乡镇街道", "乡镇(街道)",
     "县(市、区)", "县(市区)", "单位名称", "area", "region", "county", "district"}
)  # fmt: skip
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_MEASURE = re.compile(r"[%％]|率|增长|增减|比上年|同比|占比|比重|share|rate|change", re.IGNORECASE)
_WHOLE = re.compile(r"^全[省市区县州盟旗镇乡国]")
# What an area's name ends with: 甲县, 城关镇, 东湖街道, 市本级, 经开区管委会, Adams County.
_PLACE = re.compile(
    r"(?:省|市|区|县|州|盟|旗|镇|乡|村|街道|本级|园区|管委会|办事处|林场|农场|牧场)$"
    r"|\s(?:county|district|city|province|region|prefecture|township|town|village|municipality)$",
    re.IGNORECASE,
)


class AreaColumn(NamedTuple):
    column: int  # the grid's column of the figures
    area: GridCell  # the header cell naming its area (of a two-row header: its own row's)
    year: int | None  # the year the header prints over it (or in the names' header), if any
    category: str | None = None  # the category the header prints with its area (中央, 省级)


@dataclasses.dataclass(frozen=True)
class Layout:
    header: int  # the header's position among the rows (of a two-row header: the second)
    unit: int | None  # the column of units; None: the unit line's
    years: bool  # years as columns (else areas)
    names: int | None = None  # the column of the names, where no unit column follows it
    notes: frozenset[int] = frozenset()  # 备注 columns: the rows' notes, not areas
    columns: tuple[AreaColumn, ...] = ()  # areas as columns: each column's area and year
    rows: int = 1  # the header's rows

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
        notes = _note_columns(cells, units[0]) | beside(cells, units[0])  # 属性: its own
        heads = [c for c in cells if c.text and c.column > units[0] and c.column not in notes]
        after = [_lower(c) for c in heads]
        body = rows[position + 1 :]
        below = [c.text for row in body for c in row if c.column == units[0] and c.text]
        numbers = all(parse_number(text) is None for text in below)
        if not (after and numbers and body) or organisations(below, _PLACE):
            continue
        if any(year_of(text) is not None for text in after):  # other columns: notes
            return Layout(position, units[0], years=True)
        if len(after) >= 2 and any(is_total_name(text) for text in after):
            year = _header_year([c for c in cells if c.column < units[0]])
            columns = tuple(AreaColumn(c.column, c, year) for c in heads)
            return Layout(position, units[0], False, notes=notes, columns=columns)
    return None


def _by_area_columns(rows: Sequence[Sequence[GridCell]]) -> Layout | None:
    for position, cells in enumerate(rows[:LOOKED_AT]):
        heads = [c for c in cells if c.text]
        names = next((c for c in heads if _lower(c) not in _SERIAL_HEADERS), None)
        if names is None or _lower(names) in _AREA_HEADERS or is_total_name(names.text):
            continue
        notes = _note_columns(heads, names.column) | beside(heads, names.column)
        areas = [c for c in heads if c.column > names.column and c.column not in notes]
        year = _header_year([names])
        columns = tuple(AreaColumn(c.column, c, year) for c in areas)
        found = _two_rows(rows, position, names.column, notes)
        if found is None and _are_areas(areas, rows[position + 1 :]):
            found = Layout(position, None, False, names.column, notes, columns)
        if found is not None and _are_indicators(rows[found.header + 1 :], found):
            return found
    return None


def _two_rows(
    rows: Sequence[Sequence[GridCell]], position: int, names: int, notes: frozenset[int]
) -> Layout | None:
    """A header of two rows: years over the areas (2024年 over 全市 | 甲县 | 乙县, merged
    across them or printed once before blanks) or the areas over the years; or the areas
    over categories (全省 over 中央 | 省级) or categories over the areas."""
    if position + 1 >= len(rows):
        return None
    if any(c.column == names and c.text and not c.merged for c in rows[position + 1]):
        return None  # a named row: the table's first indicator, no second header row
    upper = {c.column: c for c in rows[position] if c.column > names}
    lower = {c.column: c for c in rows[position + 1] if c.column > names and c.text}
    notes = notes | _note_columns(list(lower.values()), names)
    pairs: list[tuple[int, GridCell, GridCell]] = []
    top: GridCell | None = None
    for column in sorted(lower.keys() - notes):
        cell = upper.get(column)
        top = cell if cell is not None and cell.text else top  # merged across, or blank
        if top is None:
            return None
        pairs.append((column, top, lower[column]))
    columns = _dated(pairs) or _categorised(pairs, rows[position + 2 :])
    if not columns:
        return None
    first = {clean_name(c.area.text): c.area for c in reversed(columns)}
    areas = sorted(first.values(), key=lambda cell: cell.column)
    if not _are_areas(areas, rows[position + 2 :]):
        return None
    return Layout(position + 1, None, False, names, notes, tuple(columns), rows=2)


def _dated(pairs: Sequence[tuple[int, GridCell, GridCell]]) -> list[AreaColumn]:
    """Each column one year and one area, either above the other; else none."""
    columns = []
    for column, top, bottom in pairs:
        over, under = year_of(top.text), year_of(bottom.text)
        if (over is None) == (under is None):
            return []
        area = bottom if under is None else top
        columns.append(AreaColumn(column, area, over if under is None else under))
    return columns


def _categorised(
    pairs: Sequence[tuple[int, GridCell, GridCell]], body: Sequence[Sequence[GridCell]]
) -> list[AreaColumn]:
    """Each column one area and one category, the areas the row of the two that names areas
    (全省 over 中央 | 省级, or 中央 over 全省 | 甲市); else none."""
    if any(year_of(top.text) or year_of(bottom.text) for _, top, bottom in pairs):
        return []
    for areas_above in (True, False):
        named = {clean_name((top if areas_above else bottom).text): top if areas_above else bottom
                 for _, top, bottom in reversed(pairs)}  # fmt: skip
        if len(named) < len(pairs) and _are_areas(
            sorted(named.values(), key=lambda cell: cell.column), body
        ):
            return [
                AreaColumn(column, top, None, clean_name(bottom.text))
                if areas_above
                else AreaColumn(column, bottom, None, clean_name(top.text))
                for column, top, bottom in pairs
            ]
    return []


def _header_year(cells: Sequence[GridCell]) -> int | None:
    """The year a header cell before the figures prints (2024年目标任务, 项目（2024年）)."""
    for cell in cells:
        found = _YEAR.search(normalized(cell.text))
        if found:
            return int(found.group(1))
    return None


def _are_areas(heads: Sequence[GridCell], body: Sequence[Sequence[GridCell]]) -> bool:
    """Whether the headers name areas with their total at either end (see the module's)."""
    if len(heads) < 2 or any(
        year_of(c.text) is not None or parse_number(c.text) is not None for c in heads
    ):
        return False  # a header of years, or a row of figures (3 | 全县 | 138 | 193)
    names = [simplified(clean_name(c.text)) for c in heads]
    totals = [i for i, name in enumerate(names) if is_total_name(name)]
    places = [name for i, name in enumerate(names) if i not in totals and _PLACE.search(name)]
    if len(totals) > 1 or totals not in ([], [0], [len(names) - 1]):
        return False
    if any(_MEASURE.search(name) for name in names):
        return False  # 增长%, 完成率, 占比: a column of a measure, not of an area
    if totals:
        whole = _WHOLE.match(names[totals[0]]) is not None
        return whole or 2 * len(places) > len(names) - 1  # most name places: 甲县 | 乙县 | 其他
    return _total_by_numbers(heads, body)


are_areas = _are_areas  # also asked of a table with the years down the side (indicator_rows)


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


def _are_indicators(body: Sequence[Sequence[GridCell]], found: Layout) -> bool:
    """Whether the rows are indicators: none named as a total, one at least with a figure,
    and none with a figure outside the areas' columns (a second header row of categories
    under the areas is no layout of these: its figures would be left out)."""
    columns = {c.column for c in found.columns}
    figures = False
    for row in body:
        name = next((c for c in row if c.column == found.names and c.text), None)
        if name is not None and is_total_name(name.text):
            return False
        if any(
            c.column > (found.names or 0)
            and c.column not in columns
            and c.column not in found.notes
            and parse_number(c.text) is not None
            for c in row
            if c.text
        ):
            return False
        figures = figures or (
            name is not None
            and any(c.column in columns and parse_number(c.text) is not None for c in row)
        )
    return figures
