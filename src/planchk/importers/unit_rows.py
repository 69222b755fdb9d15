"""Tables whose rows are indicators, each with its unit in a 单位 column, and whose columns are
areas (指标 | 单位 | 全市 | 甲区 | 乙区): each row is read as a table of its own, with the areas as
rows, so that everything the table reader understands applies to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.printed import parse_number, simplified

_UNIT_HEADERS = frozenset({"单位", "计量单位", "unit", "units"})


def by_unit_column(grid: Grid) -> list[Grid]:
    """The grid as it is, or, for a table of indicator rows with a 单位 column and a total
    among the area columns, one grid per indicator row."""
    found = _layout(grid.rows)
    if found is None:
        return [grid]
    header_at, unit_column = found
    header = grid.rows[header_at]
    areas = [c for c in header if c.column > unit_column and c.text]
    above = [cell for row in grid.rows[:header_at] for cell in row if cell.text]
    grids: list[Grid] = []
    for cells in grid.rows[header_at + 1 :]:
        by_column = {c.column: c for c in cells}
        name = next((c for c in cells if c.text and c.column < unit_column), None)
        unit = by_column.get(unit_column)
        if name is None or unit is None or not unit.text:
            continue
        rows = [[GridCell(c.text, c.row, 1)] for c in above]
        rows.append([GridCell(f"单位：{unit.text}", unit.row, unit.column)])
        rows.append([GridCell("地区", header[0].row, 1), GridCell(name.text, name.row, 2)])
        for area in areas:
            value = by_column.get(area.column)
            rows.append([
                GridCell(area.text, area.row, 1),
                GridCell(value.text if value else "", cells[0].row, 2),
            ])  # fmt: skip
        grids.append(_Transposed(grid, rows))
    return grids or [grid]


class _Transposed(Grid):
    """One indicator row as a table, its cells still named where the original table has them."""

    def __init__(self, original: Grid, rows: list[list[GridCell]]) -> None:
        super().__init__(original.source, rows)
        self.original = original

    def where(self, row: int, column: int) -> str:
        return self.original.where(row, column)


def _layout(rows: Sequence[Sequence[GridCell]]) -> tuple[int, int] | None:
    """Where the header is and which column holds the units, for a table of indicator rows."""
    for position, cells in enumerate(rows[:6]):
        texts = {c.column: simplified(clean_name(c.text)).lower() for c in cells if c.text}
        units = [column for column, text in texts.items() if text in _UNIT_HEADERS]
        if len(units) != 1:
            continue
        after = [text for column, text in texts.items() if column > units[0]]
        body = rows[position + 1 :]
        totals = any(is_total_name(text) for text in after)
        numbers = all(
            parse_number(c.text) is None for row in body for c in row if c.column == units[0]
        )
        if len(after) >= 2 and totals and numbers and body:
            return position, units[0]
    return None
