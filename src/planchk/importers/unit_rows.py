"""Tables whose rows are indicators (where they are: importers.area_columns):

- areas as columns (指标 | 单位 | 全市 | 甲区 | 乙区, or 项目 | 全市 | 甲县 | 乙县 under 单位：个):
  each row is read as a table of its own, with the areas as rows, so that everything the table
  reader understands applies to it (its unit: the 单位 cell, else the unit line's, one of
  several by what the row's name measures); an 其中 row under it is an 其中 column of that
  table, so at most its whole in every area; a 备注 cell is the note of the row's total;
- years as columns (指标 | 单位 | 2021年 | 2022年 | 2023年: a plan's 主要指标 table): each row is
  an indicator over the years, for one area the table does not print (its scope). The area is
  named from the title (全市, 青云谱区), else 全部 for the user to rename; the log says which.

Each row's table keeps the original table's positions: a cell's error names the cell of the
printed table, and the log's row numbers are the printed rows, not the header's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers import texts
from planchk.importers.area_columns import AreaColumn, Layout, find
from planchk.importers.columns import year_of
from planchk.importers.figure_columns import counted_by_row, dated_figures
from planchk.importers.grid import Grid, GridCell
from planchk.importers.indicator_rows import (
    Printed,
    Transposed,
    Turned,
    cell_of,
    name_cell,
    note_of,
    plain_note,
    printed_rows,
    row_units,
    years_down,
)
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.layout import read_table
from planchk.importers.printed import normalized, parse_number, simplified
from planchk.importers.shapes import IndicatorRow, Table

_NAME_HEADERS = frozenset(
    {"指标", "指标名称", "主要指标", "名称", "项目", "indicator", "indicators", "item"}
)
_SERIAL_HEADERS = frozenset({"序号", "编号", "no.", "no", "#"})
NEUTRAL_SCOPE = "全部"
_WHOLE = re.compile(r"全(?:省|市|区|县|州|盟|旗|镇|乡|国)")
# A place that a title starts with (after its year): 青云谱区, 东湖县 — two characters at least
# before the suffix, so that 城市更新 names no place.
_PLACE = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)?([\u4e00-\u9fff]{2,8}?(?:省|自治区|市|区|县|旗))")


def read_tables(grid: Grid, total_row: str | None, units: Sequence[str] = ()) -> list[Table]:
    """The tables of a grid: the grid as it is, or one per indicator row."""
    tables = []
    for part in by_unit_column(grid, units):
        table = read_table(part, total_row, units)
        if isinstance(part, Transposed):
            table = part.printed(table)
        tables.append(table)
    return tables


def by_unit_column(grid: Grid, units: Sequence[str] = ()) -> list[Grid]:
    """The grid as it is, or, for a table of indicator rows (a 单位 column, or areas as the
    columns and the unit on the unit line: importers.area_columns), one grid per row."""
    turned = years_down(grid.rows)
    if turned is not None:  # years down the side, areas across: one indicator, turned
        return [Turned(grid, turned)]
    found = find(grid.rows)
    dated = dated_figures(grid) if found is None else None
    if dated is not None:  # 指标 | 单位 | 绝对数 under a title of one year: the years layout
        found, header = dated
        return _year_grids(grid, found, _name_column(header, found.unit or 0), header) or [grid]
    if found is None:
        counted_by_row(grid, units)
        return [grid]
    header = grid.rows[found.header]
    above = [c for row in grid.rows[: found.header + 1 - found.rows] for c in row if c.text]
    named = found.names if found.unit is None else _name_column(header, found.unit)
    grids = _year_grids(grid, found, named, header) if found.years else []
    if not found.years:
        grids = _area_grids(grid, found, named, above, units)
    return grids or [grid]


def _year_grids(
    grid: Grid, found: Layout, named: int | None, header: Sequence[GridCell]
) -> list[Grid]:
    """A 主要指标 table (a 单位 column, years as columns): each row over the years."""
    assert found.unit is not None  # found by its 单位 column
    above = [c for row in grid.rows[: found.header] for c in row if c.text]
    heads = [c for c in header if c.column > found.unit and c.text]
    scope = _scope(above)
    kept = _kept_columns(header, named, found.unit)
    carried: dict[int, GridCell] = {}
    said: set[str] = set()  # the log's lines of the header block, said once for every row
    grids: list[Grid] = []
    for cells in grid.rows[found.header + 1 :]:
        by_column = {c.column: c for c in cells}
        _carry_down(carried, kept, by_column)
        name = name_cell(cells, named, found.unit)
        unit = by_column.get(found.unit)
        if name is None or unit is None or not unit.text:
            continue
        if not _has_figure(heads, by_column):
            grid.notes.append(texts.ROW_WITHOUT_FIGURES(row=name.row, name=clean_name(name.text)))
            continue
        names, units = _header_text(header, named), _header_text(header, found.unit)
        shown = IndicatorRow(name.row, names, units, (), said)
        part = Transposed(grid, scope, clean_name(name.text), shown)
        part.lines(above, None)
        part.add([(f"单位：{unit.text}", unit)])
        extra = [carried[h.column] for h in kept if h.column in carried]
        _years_row(part, scope[0], header, name, heads, by_column, extra)
        grids.append(part)
    return grids


def _area_grids(
    grid: Grid, found: Layout, named: int | None, above: Sequence[GridCell], given: Sequence[str]
) -> list[Grid]:
    """Each indicator row as a table of the areas, its 其中 rows as 其中 columns beside it
    (each at most the whole, in every area), its 备注 as the total area's note."""
    header = grid.rows[found.header]
    notes = [c for row in grid.rows[: found.header + 1] for c in row if c.column in found.notes]
    notes = list({c.column: c for c in reversed(notes) if c.text}.values())[::-1]
    areas = tuple(dict.fromkeys(clean_name(c.area.text) for c in found.columns))
    said: set[str] = set()  # the log's lines of the header block, said once for every row
    names, units = _header_text(header, named), _header_text(header, found.unit)
    first = grid.rows[found.header + 1 - found.rows]  # of a two-row header, its first row
    names = names or _header_text(first, named)
    grids: list[Grid] = []
    rows = printed_rows(grid, found, named)
    own = row_units(grid, above, rows, given) if found.unit is None else {}
    beside = tuple(clean_name(c.text) for c in notes if not plain_note(c.text))
    for printed in rows:
        parts = tuple((p.row, clean_name(p.text)) for p, _ in printed.parts)
        shown = IndicatorRow(printed.name.row, names, units, areas, said, parts, beside)
        part = Transposed(grid, None, clean_name(printed.name.text), shown)
        part.lines(above, own.get(printed.name.row))
        if printed.unit is not None:
            part.add([(f"单位：{printed.unit.text}", printed.unit)])
        _area_rows(part, (first[0], header[0]), printed, found.columns, notes)
        grids.append(part)
    return grids


def _named(text: str, category: str | None) -> str:
    """A row's name as its column in its table: of a category, 产业发展（中央）."""
    return f"{clean_name(text)}（{category}）" if category else text


def _name_column(header: Sequence[GridCell], unit: int) -> int | None:
    """The column of the indicators' names: the one headed 指标 (指标名称, 主要指标, 项目),
    else the nearest headed column left of the units (序号 and 类别 stand further left)."""
    before = [c for c in header if c.column < unit and c.text]
    for cell in before:
        if simplified(clean_name(cell.text)).lower() in _NAME_HEADERS:
            return cell.column
    return before[-1].column if before else None


def _header_text(header: Sequence[GridCell], column: int | None) -> str:
    return next((clean_name(c.text) for c in header if c.column == column), "")


def _kept_columns(header: Sequence[GridCell], named: int | None, unit: int) -> list[GridCell]:
    """The header cells of the columns left of the names kept as each row's note (类别, 领域),
    all but a serial column (序号): its numbers say nothing about the indicator."""
    return [
        c
        for c in header
        if c.text and c.column < unit and c.column != named
        and simplified(clean_name(c.text)).lower() not in _SERIAL_HEADERS
    ]  # fmt: skip


def _carry_down(
    carried: dict[int, GridCell], kept: Sequence[GridCell], by_column: dict[int, GridCell]
) -> None:
    """A 类别 cell printed once over its rows (merged down, blank in a CSV) holds for each."""
    for head in kept:
        cell = by_column.get(head.column)
        if cell is not None and cell.text:
            carried[head.column] = cell


def _has_figure(heads: Sequence[GridCell], by_column: dict[int, GridCell]) -> bool:
    """Whether a row prints a number under any year column (an indicator with no figure in
    any year, such as one whose target is only a rate over the period, is no indicator)."""
    for head in heads:
        cell = by_column.get(head.column)
        if year_of(head.text) is not None and cell is not None and parse_number(cell.text):
            return True
    return False


def _years_row(  # noqa: PLR0913, PLR0917  (one row's header and cells, each from its place)
    part: Transposed,
    scope: str,
    header: Sequence[GridCell],
    name: GridCell,
    heads: Sequence[GridCell],
    by_column: dict[int, GridCell],
    extra: Sequence[GridCell],
) -> None:
    """One row: the scope over the years, as printed; a column that is no year (年均增长,
    属性) and the 类别 left of the name are the row's notes."""
    kept = [h for h in header if any(h.column == e.column for e in extra)]
    columns = [*heads, *kept]
    part.add([("地区", name), *((c.text, c) for c in columns)], printed=header[0].row)
    cells = [by_column.get(head.column, head) for head in heads]  # a missing cell: blank
    values = [(c.text if c not in heads else "", c) for c in cells]
    part.add([(scope, name), *values, *((c.text, c) for c in extra)])
    part.text_columns = frozenset(
        position
        for position, head in enumerate(columns, 2)
        if head in kept or not (year_of(head.text) or is_total_name(clean_name(head.text)))
    )


def _area_rows(
    part: Transposed,
    corners: tuple[GridCell, GridCell],  # the first cells of the header's first and last rows
    printed: Printed,
    columns: Sequence[AreaColumn],
    notes: Sequence[GridCell],
) -> None:
    """One row per area; an area's row is the indicator's row, not the header's. Where the
    header prints years, a header of two rows: each year over the row and its 其中 rows. The
    row's 备注 is the note of its total (the area named as one, else the first)."""
    rows = [(printed.name, printed.cells), *printed.parts]
    said = [note for note in (note_of(rows, n) for n in notes) if note is not None]
    top, corner = corners
    keys = list(dict.fromkeys((c.year, c.category) for c in columns))
    years = [year for year, _ in keys]
    heads = [(_named(name.text, category), name) for _, category in keys for name, _ in rows]
    if all(year is None for year in years):  # of a category: 产业发展（中央）
        part.add([("地区", corner), *heads, *(h for h, _ in said)])
    elif len(heads) == 1:  # one column, headed by its year, the indicator named by the row
        part.add([("地区", corner), (f"{years[0]}年", printed.name), *(h for h, _ in said)])
    else:
        dated = [(f"{year}年", name) for year in years for name, _ in rows]
        part.add([("地区", top), *dated, *(h for h, _ in said)])
        part.add([("", corner), *heads, *(("", h[1]) for h, _ in said)])
    by_area: dict[str, dict[tuple[int | None, str | None], AreaColumn]] = {}
    for column in columns:
        by_area.setdefault(clean_name(column.area.text), {})[column.year, column.category] = column
    noted = next((a for a in by_area if is_total_name(a)), next(iter(by_area)))
    for area, by_key in by_area.items():
        cell = next(iter(by_key.values())).area
        values = [
            cell_of(cells, by_key[key].column, cell) if key in by_key else ("", cell)
            for key in keys
            for _, cells in rows
        ]
        kept = [(text if area == noted else "", origin) for _, (text, origin) in said]
        part.add([(cell.text, cell), *values, *kept], printed.name.row)


def _scope(above: Sequence[GridCell]) -> tuple[str, str]:
    """The area a years table is about, from its title: 全市, a place it starts with, or 全部."""
    for cell in above:
        text = normalized(clean_name(cell.text))
        whole = _WHOLE.search(text)
        if whole:
            return whole.group(0), texts.SCOPE_FROM_TITLE()
        place = _PLACE.match(text)
        if place:
            return place.group(1), texts.SCOPE_FROM_TITLE()
    return NEUTRAL_SCOPE, texts.SCOPE_NEUTRAL()
