"""A CSV file as a grid: each field its stripped text, and the indentation its leading spaces
print (a level of the row names). The bytes are decoded by planchk.importers.encoding."""

from __future__ import annotations

import csv
import io
import re
from itertools import count, repeat
from pathlib import Path

from planchk.importers import texts
from planchk.importers.encoding import decode
from planchk.importers.grid import Grid, GridCell, collector_paused, non_blank, read_limited
from planchk.messages import PlanchkError


def read_csv(path: Path, encoding: str | None, max_bytes: int, given: bytes | None = None) -> Grid:
    """The CSV file at `path` (its bytes `given` when it came on stdin) as a grid."""
    raw = read_limited(path, max_bytes) if given is None else given
    text, used = decode(raw, encoding, path)
    try:
        with collector_paused():  # a million strings, lists and tuples, and no cycle
            rows = _csv_rows(records(text), _indented(text))
    except csv.Error as error:
        raise PlanchkError(texts.CSV_UNREADABLE, path=path, reason=str(error)) from None
    grid = Grid(str(path), rows, merges=False)
    grid.notes.append(texts.READ_ENCODING(path=path, encoding=used))
    return grid


def records(text: str) -> list[list[str]]:
    """The CSV's records as csv.reader reads them (excel dialect). A text with no quote, no
    carriage return alone and no NUL, whose lines all fit csv's limit on a field, is each
    line split at its commas, as the reader would split it (0.1 s less at 10^6 cells)."""
    if '"' in text or "\x00" in text:
        return list(csv.reader(io.StringIO(text, newline="")))
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):  # a lone CR ends a record too
            return list(csv.reader(io.StringIO(text, newline="")))
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines[-1] == "":  # the last line's end: no record after it
        lines.pop()
    if lines and max(map(len, lines)) > csv.field_size_limit():
        return list(csv.reader(io.StringIO(text, newline="")))  # its error, as before
    return [line.split(",") if line else [] for line in lines]  # a blank line: no field


# A field after the first that starts with a space, a full-width space or a tab (after a
# quote, if quoted). The pattern starts with its set of characters, so that the regular
# expression engine skips to them at C speed (an alternation with ^ first tried every
# position: 0.11 s at 10^6 cells, 0.05 s so).
_INDENTED = re.compile(r'[,\n\r]"?[ \u3000\t]')
_SPACES = (" ", "\u3000", "\t")


def _indented(text: str) -> bool:
    """Whether a field of the file starts with a space; most files hold none at all, which is
    asked first."""
    if not any(space in text for space in _SPACES):
        return False
    first = text[1:2] if text[:1] == '"' else text[:1]  # the file's first field
    return first in _SPACES or _INDENTED.search(text) is not None


_TUPLE = tuple.__new__  # a GridCell made without its Python-level __new__: a million are made


def _csv_rows(records: list[list[str]], indented: bool) -> list[list[GridCell]]:
    """The records as rows of cells; where no field of the file starts with a space (found by
    one search of the text), each cell is its stripped text and nothing else."""
    if indented:
        return non_blank([
            [_csv_cell(value, number, column) for column, value in enumerate(record, 1)]
            for number, record in enumerate(records, 1)
        ])  # fmt: skip
    # each cell's fields zipped and made into a GridCell by map: no Python frame per cell; a
    # row of blank fields (its fields joined strip to nothing) is no row, and makes no cells
    kind, no, zero = repeat(GridCell), repeat(False), repeat(0)
    return [
        list(map(_TUPLE, kind, zip(map(str.strip, record), repeat(number), count(1), no, no, zero)))
        for number, record in enumerate(records, 1)
        if "".join(record).strip()
    ]


def _csv_cell(value: str, row: int, column: int) -> GridCell:
    """A CSV cell: its text, and the indentation its leading spaces print."""
    text = value.strip()
    if not text or value[0] not in " \u3000\t":
        return GridCell(text, row, column)
    return GridCell(text, row, column, indent=typed_indent(value))


def typed_indent(value: str) -> int:
    """How far a text typed with leading spaces (　　　城中村改造) is indented: a full-width space
    is as wide as two ASCII ones, and one ASCII space is a stray one pasted with the name
    (` 西湖区 `), no indent (it made a row the one-row subtotal of the row above it)."""
    lead = value[: len(value) - len(value.lstrip())]
    width = len(lead) + lead.count("\u3000")
    return width if width > 1 else 0
