"""A document's table as the grid a CSV of it would give, so that the table reader decides on a
Word table or a web page's table exactly as it does on the same table kept as CSV or XLSX.

What a CSV holds in its first rows, a document prints around its table: the title and the 单位
line are paragraphs above it (they become the grid's first rows, numbered up to 0, so that row
N of the grid is the printed table's 第N行). A table may also carry them inside, as its first
rows merged across (城镇老旧小区改造任务分解表, then 单位：个, each one cell over the width): those
are then the grid's title and unit line already, and no name is made up for the table. A merged
cell's text stands in every position it covers (gridSpan and vMerge in Word, colspan and rowspan
on a page), as an XLSX merge's does; a cell of several paragraphs is their text run together.
"""

from __future__ import annotations

from planchk.importers.documents import Cell, Table
from planchk.importers.documents.model import is_unit_line, title_like
from planchk.importers.grid import Grid
from planchk.importers.plain import PlainTable, Span, plain_grid
from planchk.importers.plandoc import texts


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


def lines_inside(table: Table) -> tuple[str | None, str | None]:
    """The title and 单位 line a table prints as its own first rows, over the whole width (a
    merged cell, or one cell and blanks), the unit line beside the title or under it: (None,
    None) where it prints neither."""
    title = unit = None
    for row in table.rows[:2]:
        said = list(dict.fromkeys(cell.text.replace("\n", "") for cell in row if cell.text))
        units = [text for text in said if is_unit_line(text)]
        others = [text for text in said if not is_unit_line(text)]
        if len(row) < 2 or not said or len(units) > 1 or len(others) > 1 or unit is not None:
            break
        if others and (title is not None or not _title(others[0])):
            break
        title = others[0] if others else title
        unit = units[0] if units else None
    return title, unit


def _title(text: str) -> bool:
    return title_like(text) and not _numeric(text)


def _numeric(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def document_grid(table: Table, source: str, rows: list[list[str]]) -> DocumentGrid:
    """The table as the table reader sees it: its title and 单位 lines above its rows; a table
    with neither above it nor inside it is titled by its place (附件表2), which the log says."""
    inner_title, _ = lines_inside(table)
    title = table.title_text or (None if inner_title else table.place.replace(" ", ""))
    above = [*([title] if title else []), *([table.unit.printed] if table.unit else [])]
    indent = {
        (r, c): cell.indent
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if cell.indent
    }  # 其中：东村 then 　　西村: the list continued, as a CSV's leading spaces say
    plain = PlainTable(f"{source}: {table.place}", rows, above, spans(table), indent=indent)
    return DocumentGrid(plain_grid(plain), table, len(above))


def spans(table: Table) -> list[Span]:
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

    found = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.covered:
                continue
            across = next(k for k in range(1, len(row) + 1) if not covered(r, c + k, cell))
            down = next(k for k in range(1, len(rows) + 1) if not covered(r + k, c, cell))
            if across > 1 or down > 1:
                found.append(Span(r, c, down, across))
    return found
