"""The plain rows of a table's body, read as planchk.importers.body.read_row reads each row,
with the work per row at C speed: a table of 10^5 rows prints a few hundred distinct figures,
and each of its columns is read the same way from the first row to the last.

Where each column stands in the rows is worked out once for the table; each distinct text of
the value columns is read once (a number, a blank, or neither); each row's texts are taken at
C speed and its values looked up by them. A row is left to read_row (None here) where anything
in it is not plain: a cell that is words or no number as printed, a number in a merged cell, a
text under no header, a row that is not dense over the table's columns (a CSV row that ends
early), a name not at the table's column of names, or a label that names no row. So every
decision, and every refusal and its order, stays read_row's; tests/test_by_column.py compares
the two on generated tables.

filled_cells gives read_columns the cells of a column that hold something, found as they are
asked for where the rows are dense (what is asked of a column is told by its first few).

Rows are walked in the order they are stored (a cell per column, one after another): going
down a column instead touches one cell in each row's tuples, and at 10^6 cells every pass so
costs as much as the work it does.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from planchk.importers.grid import GridCell
from planchk.importers.labels import plain_label, read_label, serial_marker
from planchk.importers.printed import BLANK_MARKS, is_blank, normalized, parse_number
from planchk.importers.printed import IDEOGRAPH as _IDEOGRAPH
from planchk.importers.shapes import Column, Row

_TEXT = itemgetter(0)
_MERGED = itemgetter(3)  # GridCell.merged, by position (a tuple's item: no attribute lookup)
# Distinct texts read before the rows are read as they come: a table that prints its figures
# again and again (a few hundred of them) looks them up; one that prints each once reads them.
_DISTINCT = 4096


@dataclass(frozen=True)
class _Places:
    """Where a table's columns stand in each dense row (positions in the row's cells)."""

    ends: tuple[int, int]  # the columns of a row's first and last cell
    width: int  # cells in a row
    name: int  # the names' column
    values: tuple[int, ...]  # value columns right of the names, in the order of `indices`
    indices: tuple[int, ...]  # every value column, as read_row keys a row's values
    notes: tuple[tuple[int, str | None], ...]  # text columns: position, header (None: 备注)
    unnamed: tuple[int, ...]  # columns right of the names under no header


def plain_rows(
    body: Sequence[Sequence[GridCell]],
    columns: Sequence[Column],
    area_column: int,
    merges: bool = True,
) -> list[Row | None]:
    """Each row of `body` as read_row reads it, or None where read_row must read it;
    `merges`: whether a cell may be merged (Grid.merges)."""
    places = _places(body, columns, area_column)
    if places is None:
        return [None] * len(body)
    reader = _Reader(places, area_column, merges)
    return list(map(reader.row, body))


def _places(
    body: Sequence[Sequence[GridCell]], columns: Sequence[Column], area_column: int
) -> _Places | None:
    """Where each column stands, from the first row; None where read_row reads every row: a
    value column left of the names or past the row's last cell (it stays blank), or two
    columns at one place."""
    if not body:
        return None
    first, width = body[0][0].column, len(body[0])
    last = first + width - 1
    kinds = {column.index: column for column in columns}
    valued = [column.index for column in columns if column.kind not in ("text", "code")]
    if len(set(valued)) != len(valued) or len(kinds) != len(columns):
        return None
    if not first <= area_column <= last or any(not area_column < i <= last for i in valued):
        return None
    right = range(area_column + 1, last + 1)
    notes = tuple(
        (i - first, None if kinds[i].plain_note else kinds[i].header)
        for i in right
        if i in kinds and kinds[i].kind == "text"
    )
    return _Places(
        (first, last), width, area_column - first, tuple(i - first for i in valued), tuple(valued),
        notes, tuple(i - first for i in right if i not in kinds),
    )  # fmt: skip


class _Reader:
    """The rows of one table, with the distinct texts of its value columns read once."""

    def __init__(self, places: _Places, area_column: int, merges: bool) -> None:
        self.places, self.area_column, self.merges = places, area_column, merges
        self.read: dict[str, Decimal | None] = {}  # a number, or None for a blank
        self.odd: set[str] = set()  # words, a number that does not read: read_row's
        self.values = _picker(places.values)
        self.unnamed = _picker(places.unnamed) if places.unnamed else None
        self.serials = places.ends[0] < area_column  # a 序号 column may give the marker
        self.direct = False  # figures read as they come, not looked up (see _direct)

    def row(self, cells: Sequence[GridCell]) -> Row | None:
        places = self.places
        # [2]: a cell's column. Every reader makes a row's cells in column order, one per
        # column: a row of the first row's width, first and last column is dense like it.
        if len(cells) != places.width or (cells[0][2], cells[-1][2]) != places.ends:
            return None  # a CSV row that ends early, or a row that starts late
        texts = list(map(_TEXT, cells))
        found = self.values(texts)
        values = self._direct(found) if self.direct else None
        if values is None:
            # each text looked up once: one not read yet (KeyError) is read, then looked up
            # (zip without strict=: one value per index by construction, and the keyword is
            # a tenth of making the dict, at one dict per printed row)
            try:
                values = dict(zip(places.indices, map(self.read.__getitem__, found)))  # noqa: B905
            except KeyError:
                if not self._learn(found):
                    return None  # words, or a number that does not read
                values = dict(zip(places.indices, map(self.read.__getitem__, found)))  # noqa: B905
        if self.unnamed is not None and any(self.unnamed(texts)):
            return None
        if self.merges and any(map(_MERGED, cells)) and self._merged_number(cells, values):
            return None
        named = cells[places.name]
        row = self._labelled(named, values, not any(texts[places.name + 1 :]))
        if row is not None and places.notes:
            row.notes = _notes(places.notes, texts)
        if row is not None and row.marker is None and self.serials:
            row.marker = serial(cells, named, self.area_column)
        return row

    def _direct(self, found: Sequence[str]) -> dict[int, Decimal | None] | None:
        """The row's values where its texts are all digits with a point or none, or empty (a
        blank), read as they come; None for any other row (looked up, or read_row's).

        Such a text is one parse_number reads by its first pattern, as Decimal(text): no
        sign, exponent, space, underscore, NaN or Infinity can be in it, so Decimal reads it
        exactly where that pattern matches it and refuses it where not ("." or "1.2.3")."""
        if not "".join(found).replace(".", "").isdigit():
            return None
        indices = self.places.indices
        try:
            if "" in found:
                return dict(zip(indices, [Decimal(t) if t else None for t in found]))  # noqa: B905
            return dict(zip(indices, map(Decimal, found)))  # noqa: B905
        except InvalidOperation:
            return None

    def _learn(self, texts: Sequence[str]) -> bool:
        """Read the texts not read yet; whether all of them are plain (a number, a blank).
        Past _DISTINCT texts a table prints few figures twice, and the rows are read as they
        come (_direct): looking a million texts up costs twice what reading them does."""
        if len(self.read) > _DISTINCT:
            self.direct = True
        for text in texts:
            if text not in self.read and text not in self.odd:
                number = parse_number(text)
                if number is not None or is_blank(text):
                    self.read[text] = number
                else:
                    self.odd.add(text)
        return self.odd.isdisjoint(texts)

    def _merged_number(self, cells: Sequence[GridCell], values: dict[int, Any]) -> bool:
        """Whether a merged cell of the row holds a number (an error read_row gives)."""
        merged = [cells[position][3] for position in self.places.values]
        return any(m and n is not None for m, n in zip(merged, values.values(), strict=True))

    def _labelled(
        self, named: GridCell, values: dict[int, Decimal | None], bare: bool
    ) -> Row | None:
        """The row its name makes; None where the name is no row's name or not at the names'
        column (a total row printed across the serial and the names)."""
        if not named.text:
            return None
        label = plain_label(named.text) or read_label(named.text)
        name = label.name
        if not name or (_IDEOGRAPH.search(name) is None and parse_number(name) is not None):
            return None  # (parse_number reads no text holding an ideograph as a number)
        # positional: name, number, values, texts, bounds, notes, marker, indent, bold, role,
        # part (keywords cost a third more, at one row per printed row)
        return Row(
            name, named.row, values, {}, {}, [], label.marker, named.indent, named.bold,
            label.role, label.part, None, bare,
        )  # fmt: skip


def _picker(positions: Sequence[int]) -> Any:
    """A function giving the texts at `positions` of a row's texts, as a tuple, at C speed."""
    if not positions:
        return lambda texts: ()
    if len(positions) == 1:
        position = positions[0]
        return lambda texts: (texts[position],)
    return itemgetter(*positions)


def _notes(notes: Sequence[tuple[int, str | None]], texts: Sequence[str]) -> list[str]:
    """The row's notes from its text columns (备注), in column order, as read_row makes them."""
    return [
        texts[position] if header is None else f"{header}：{texts[position]}"
        for position, header in notes
        if texts[position]
    ]


def filled_cells(body: Sequence[Sequence[GridCell]]) -> Callable[[int], Iterable[GridCell]]:
    """The cells of a column that hold something (no blank mark), in row order. Where every
    row is dense over the same columns, each column's are found as they are asked for: what
    is asked of a column (empty? any number? all percentages?) is told by its first few."""
    if body and all(body) and len({(len(r), r[0][2], r[-1][2]) for r in body}) == 1:
        first = body[0][0][2]  # [2]: a cell's column (its position: a million are read)
        width = len(body[0])
        return lambda index: _Column(body, index - first) if 0 <= index - first < width else ()
    filled: dict[int, list[GridCell]] = {}
    marks, found = BLANK_MARKS, filled.get
    # is_blank inlined, the cells by position (text, row, column): this loop sees every cell
    # of the table, and a number (most cells) is told by its first character
    for cell in itertools.chain.from_iterable(body):
        text = cell[0]
        if text and (text[0].isdigit() or (text not in marks and normalized(text) not in marks)):
            column = found(cell[2])
            if column is None:
                column = filled[cell[2]] = []
            column.append(cell)
    return lambda index: filled.get(index, [])


class _Column:
    """The cells of one column of dense rows that hold something, found as they are asked
    for (each iteration walks the rows again, from the first)."""

    def __init__(self, rows: Sequence[Sequence[GridCell]], position: int) -> None:
        self.rows, self.position = rows, position

    def __iter__(self) -> Iterator[GridCell]:
        marks, position = BLANK_MARKS, self.position
        for cells in self.rows:
            cell = cells[position]
            text = cell[0]
            if text and (
                text[0].isdigit() or (text not in marks and normalized(text) not in marks)
            ):
                yield cell


def serial(cells: Sequence[GridCell], named: GridCell | None, area_column: int) -> str | None:
    """The marker kind of the row's serial in a 序号 column before its name (一 / 1 / （一）)."""
    for cell in cells:
        if cell.text and cell.column < area_column and cell is not named:
            return serial_marker(cell.text)
    return None
