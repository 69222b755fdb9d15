"""Tables found anywhere else (a .docx, an HTML page, a text file): a plain grid of texts.

A reader of another format finds a table and the lines printed above it (the title, the unit
line) and hands them over as a `PlainTable`; `import_tables` reads it exactly as a CSV or XLSX
sheet is read, so that every layout import understands (levels, 其中 rows, blanks, units,
years) works the same for tables from documents:

    from planchk.importers import Options, PlainTable, Span, import_tables

    table = PlainTable(
        source="方案.docx, 附件 表2",
        above=["表2 高新技术企业培育任务分解表", "单位：家"],
        rows=[["地区", "2022年", "2023年"], ["合计", "120", "130"], ["甲街道", "60", "70"], ...],
        spans=[Span(0, 1, columns=2)],  # a merged cell: its text is in the top-left cell
        bold={(1, 0)},  # (row, column), 0-based, of bold cells
        indent={(2, 0): 1},  # indentation levels of cells
    )
    result = import_tables([table], Options())  # the same ImportResult as import_files
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from planchk.importers.grid import Grid, GridCell


@dataclass(frozen=True)
class Span:
    """A merged cell: top-left `row` and `column` (0-based in `rows`) and how far it spans."""

    row: int
    column: int
    rows: int = 1
    columns: int = 1


@dataclass(frozen=True)
class PlainTable:
    """One table as printed: the texts of its cells row by row, and what is printed above it."""

    source: str  # where it is, as messages should name it: "plan.docx, 表2"
    rows: Sequence[Sequence[str]]
    above: Sequence[str] = ()  # the title and unit lines above the table, in order
    spans: Sequence[Span] = ()
    bold: Collection[tuple[int, int]] = frozenset()
    indent: Mapping[tuple[int, int], int] = field(default_factory=dict)


def plain_grid(table: PlainTable) -> Grid:
    """The grid a CSV with the same rows would give: the lines above the table as the first
    rows, a merged cell's text in every cell it covers, bold and indentation kept."""
    covered: dict[tuple[int, int], str] = {}
    for span in table.spans:
        text = _text(table.rows, span.row, span.column)
        for row in range(span.row, span.row + span.rows):
            for column in range(span.column, span.column + span.columns):
                if (row, column) != (span.row, span.column):
                    covered[(row, column)] = text
    lines = [[GridCell(line.strip(), number, 1)] for number, line in enumerate(table.above, 1)]
    first = len(lines) + 1
    width = max((len(row) for row in table.rows), default=0)
    width = max([width, *(c + 1 for _, c in covered)])
    body = []
    for r in range(len(table.rows)):
        cells = []
        for c in range(width):
            text = covered.get((r, c), _text(table.rows, r, c))
            place = (r, c)
            flags = (place in covered, place in table.bold, table.indent.get(place, 0))
            cells.append(GridCell(text.strip(), first + r, c + 1, *flags))
        body.append(cells)
    rows = [row for row in (*lines, *body) if any(cell.text for cell in row)]
    return Grid(table.source, rows)


def _text(rows: Sequence[Sequence[str]], row: int, column: int) -> str:
    if row < len(rows) and column < len(rows[row]):
        return rows[row][column] or ""
    return ""
