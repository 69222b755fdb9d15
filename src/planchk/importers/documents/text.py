"""Text exports of a plan, in the layout of the seed (../shared/seed/): a paragraph per line;
a table row is a run of lines that each start with a tab, one cell per line; a line without a
tab right after a cell continues that cell (a second office under the first); a blank line
ends a row, and a line of text after a blank line ends the table. Fewer than two rows of
several cells are no table: an export that indents its paragraphs with a tab gives them."""

from __future__ import annotations

from collections.abc import Iterator

from planchk.importers.documents.model import Cell, RawParagraph, RawTable


def blocks(text: str) -> Iterator[RawParagraph | RawTable]:
    rows: list[list[Cell]] | None = None  # the table being read
    row: list[str] | None = None  # the row being read
    for line in text.splitlines():
        if line.startswith("\t"):
            rows = [] if rows is None else rows
            row = [] if row is None else row
            row.append(line[1:].strip())
        elif not line.strip():
            if row is not None and rows is not None:
                rows.append([Cell(t) for t in row])
            row = None
        elif row is not None:  # a cell's next line
            row[-1] = f"{row[-1]}\n{line.strip()}" if row[-1] else line.strip()
        else:
            if rows is not None:
                yield from _table_or_paragraphs(rows)
            rows = None
            yield RawParagraph(line.strip())
    if row is not None and rows is not None:
        rows.append([Cell(t) for t in row])
    if rows is not None:
        yield from _table_or_paragraphs(rows)


def _table_or_paragraphs(rows: list[list[Cell]]) -> Iterator[RawParagraph | RawTable]:
    if sum(len(row) > 1 for row in rows) >= 2:  # a header and a row of cells at least
        yield rows
        return
    for row in rows:
        for cell in row:
            yield from (RawParagraph(line) for line in cell.text.split("\n"))
