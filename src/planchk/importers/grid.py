"""Tables as people keep them, read into one shape: a grid of printed texts with positions.

A CSV cell is its text. An XLSX cell is what the sheet shows: a number as its number format
prints it (a cell showing 6.0 is "6.0", never the float's 6), a formula's value as last
calculated, a merged cell's text in every cell of the merge (a header spanning two columns
names both). Encodings and file formats are checked before anything is parsed, and every
refusal says what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planchk.importers import texts
from planchk.importers.printed import excel_text
from planchk.messages import PlanchkError

# Uncompressed size an XLSX may unpack to, and how much larger than its zip it may be: a
# real workbook of plan tables is far below both; a zip bomb is far above.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files
ENCODINGS = ("utf-8", "gb18030")  # GB18030 reads GBK and GB2312, which Chinese Excel writes


@dataclass(frozen=True)
class GridCell:
    text: str  # as shown, stripped
    row: int  # 1-based, as the spreadsheet numbers it
    column: int  # 1-based
    merged: bool = False  # covered by a merge that another cell anchors


@dataclass
class Grid:
    """One sheet (or one CSV file): its non-blank rows of cells, in order."""

    source: str  # file name, and sheet for XLSX
    rows: list[list[GridCell]]
    notes: list[str] = field(default_factory=list)  # what reading it involved, for the user

    def where(self, row: int, column: int) -> str:
        return texts.CELL_PLACE(source=self.source, cell=cell_name(row, column))

    def column_place(self, column: int) -> str:
        return texts.COLUMN_PLACE(source=self.source, column=cell_name(1, column)[:-1])


def cell_name(row: int, column: int) -> str:
    """A1-style name of a cell: column letters, then the row number."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def read_csv(path: Path, encoding: str | None, max_bytes: int) -> Grid:
    raw = _read(path, max_bytes)
    text, used = _decode(raw, encoding, path)
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise PlanchkError(texts.CSV_UNREADABLE, path=path, reason=str(error)) from None
    rows = [
        [GridCell(value.strip(), number, column) for column, value in enumerate(record, 1)]
        for number, record in enumerate(records, 1)
    ]
    grid = Grid(str(path), _non_blank(rows))
    grid.notes.append(texts.READ_ENCODING(path=path, encoding=used))
    return grid


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PlanchkError(texts.FILE_TOO_LARGE, path=path, size=size, limit=max_bytes)
        return path.read_bytes()
    except OSError as error:
        raise PlanchkError(
            texts.FILE_UNREADABLE, path=path, reason=error.strerror or str(error)
        ) from None


def _decode(raw: bytes, encoding: str | None, path: Path) -> tuple[str, str]:
    """The text and the encoding that read it: the one given, else a BOM's, else UTF-8, else
    GB18030 (a superset of GBK). A file that none of them reads is refused, never guessed at."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise PlanchkError(texts.UNKNOWN_ENCODING, encoding=encoding) from None
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise PlanchkError(
                texts.NOT_IN_ENCODING, path=path, encoding=encoding, offset=error.start
            ) from None
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8 (BOM)"
    for name in ENCODINGS:
        try:
            return raw.decode(name), name
        except UnicodeDecodeError:
            continue
    raise PlanchkError(texts.NO_ENCODING, path=path)


def read_xlsx(path: Path, sheets: Sequence[str], max_bytes: int) -> list[Grid]:
    raw = _read(path, max_bytes)
    has_formulas = _check_container(raw, path)
    from openpyxl import load_workbook

    try:
        # data_only: a formula cell's value as Excel or WPS last calculated and saved it; the
        # formulas themselves need a second reading, done only when a sheet holds one
        book = load_workbook(io.BytesIO(raw), data_only=True, read_only=False)
        formulas = (
            load_workbook(io.BytesIO(raw), data_only=False, read_only=False)
            if has_formulas
            else None
        )
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise PlanchkError(
            texts.XLSX_UNREADABLE, path=path, reason=str(error) or type(error).__name__
        ) from None
    names = book.sheetnames
    for sheet in sheets:
        if sheet not in names:
            raise PlanchkError(texts.NO_SUCH_SHEET, path=path, sheet=sheet, sheets="、".join(names))
    chosen = [name for name in names if not sheets or name in sheets]
    return [
        _sheet_grid(path, book[name], formulas[name] if formulas is not None else None)
        for name in chosen
    ]


_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")  # a cell's <f> element in a worksheet's XML


def _check_container(raw: bytes, path: Path) -> bool:
    """Refuse what is not a workbook, or would unpack too far; say whether a sheet holds a
    formula (read from the archive's worksheets, whose sizes are checked first)."""
    if raw.startswith(OLE_MAGIC):
        raise PlanchkError(texts.XLSX_ENCRYPTED, path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise PlanchkError(texts.XLSX_NOT_ZIP, path=path) from None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(len(raw), 1):
            raise PlanchkError(
                texts.XLSX_BOMB, path=path, unpacked=unpacked, size=len(raw), limit=MAX_UNPACKED
            )
        names = archive.namelist()
        if "xl/workbook.xml" not in names:
            raise PlanchkError(texts.XLSX_NOT_WORKBOOK, path=path)
        sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        return any(_FORMULA.search(archive.read(name)) for name in sheets)


def _sheet_grid(path: Path, sheet: object, formulas: object | None) -> Grid:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    assert formulas is None or isinstance(formulas, Worksheet)
    grid = Grid(texts.SHEET_SOURCE(path=path, sheet=sheet.title), [])
    merged = _merged_texts(sheet)
    formula_cells = 0
    rows: list[list[GridCell]] = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            if not hasattr(cell, "column") or cell.row is None or cell.column is None:
                continue
            source = None if formulas is None else formulas.cell(cell.row, cell.column).value
            is_formula = isinstance(source, str) and source.startswith("=")
            if is_formula:
                formula_cells += 1
                if cell.value is None:
                    raise PlanchkError(
                        texts.FORMULA_NOT_CALCULATED,
                        place=grid.where(cell.row, cell.column),
                        formula=source,
                    )
            text = merged.get((cell.row, cell.column))
            covered = text is not None
            if text is None:
                text = excel_text(cell.value, cell.number_format)
            cells.append(GridCell(text.strip(), cell.row, cell.column, covered))
        rows.append(cells)
    grid.rows = _non_blank(rows)
    if formula_cells:
        grid.notes.append(texts.READ_FORMULAS(source=grid.source, count=formula_cells))
    return grid


def _merged_texts(sheet: object) -> dict[tuple[int, int], str]:
    """The text of each merged range's first cell, for every other cell it covers."""
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    texts_by_cell: dict[tuple[int, int], str] = {}
    for merged in sheet.merged_cells.ranges:
        first = sheet.cell(merged.min_row, merged.min_col)
        text = excel_text(first.value, first.number_format)
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                if (row, column) != (merged.min_row, merged.min_col):
                    texts_by_cell[(row, column)] = text
    return texts_by_cell


def _non_blank(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    return [row for row in rows if any(cell.text for cell in row)]
