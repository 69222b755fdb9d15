"""What the log says of a table printed with the years down the side and the areas across
(年度 | 合计 | 城关镇 | 河口镇, then 2024年 | 3.6 | 1.2 | 0.8): the table is read turned
(indicator_rows.Turned, each area's column as a row), but the log names what the table prints,
its 年度 column of years and its columns of areas, never the `地区` column of the grid it was
turned into, nor "columns" of years and a total "row" the table does not print."""

from __future__ import annotations

from planchk.importers.indicator_rows import Turned
from planchk.importers.shapes import Table
from planchk.messages import counted, message

HEADER = message(
    "import.turned-header",
    "  header: row {row}; the years are the rows of the column `{corner}` ({years}), the areas "
    "are the columns after it: read turned, each area's column as its row",
)
TOTAL_NAMED = message("import.turned-total-named", "  total column: {name}, named as a total")
TOTAL_SUM = message(
    "import.turned-total-sum",
    "  total column: {name}, the sum of the other columns in every row",
)
PARTS = counted(
    "import.turned-parts",
    "  {count} area column beside the total: {names}",
    "  {count} area columns beside the total: {names}",
)


def is_turned(table: Table) -> bool:
    return isinstance(table.grid, Turned)


def turned_header(table: Table) -> str | None:
    """The header line of a turned table: its column of years and its columns of areas."""
    grid = table.grid
    if not isinstance(grid, Turned):
        return None
    return HEADER(row=grid.header_row, corner=grid.corner, years=", ".join(grid.years))


def turned_total(table: Table, names: str) -> list[str]:
    """The total column and the areas beside it (`names`, as the log lists them); none where
    the table is not turned or its total was found otherwise (by --total-row, or as the only
    area): the row's wording says it then."""
    template = {"named": TOTAL_NAMED, "sum": TOTAL_SUM}.get(table.total_found)
    if not is_turned(table) or table.total is None or template is None:
        return []
    count = len(table.areas.get(table.total.name, []))
    return [template(name=table.total.name), *([PARTS(count=count, names=names)] if count else [])]
