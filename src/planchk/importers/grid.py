"""Tables as people keep them, read into one shape: a grid of printed texts with positions.

A CSV cell is its text. An XLSX cell is what the sheet shows: a number as its number format
prints it (a cell showing 6.0 is "6.0", never the float's 6), a formula's value as last
calculated, a merged cell's text in every cell of the merge (a header spanning two columns
names both). Encodings and file formats are checked before anything is parsed, and every
refusal says what to do.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from planchk.importers import texts
from planchk.importers.archive import open_archive
from planchk.importers.encoding import decode as _decode
from planchk.importers.printed import excel_text
from planchk.messages import Message, PlanchkError, os_reason

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

# Cells a sheet may hold, declare, merge or span (rows × columns as read): a plan's tables are
# thousands; a sheet past this would take gigabytes as Python objects.
MAX_CELLS = 200_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files


class GridCell(NamedTuple):  # a tuple: a million of them are made at C speed
    text: str  # as shown, stripped
    row: int  # 1-based, as the spreadsheet numbers it
    column: int  # 1-based
    merged: bool = False  # covered by a merge that another cell anchors
    bold: bool = False  # printed in bold (a subtotal's label, often)
    indent: int = 0  # how far the text is indented: a deeper level of the row names


@dataclass
class Grid:
    """One sheet (or one CSV file): its non-blank rows of cells, in order."""

    source: str  # file name, and sheet for XLSX
    rows: list[list[GridCell]]
    notes: list[str] = field(default_factory=list)  # what reading it involved, for the user
    # (row, column) -> (bold, indent) of the XLSX cells that print bold or indented
    flags: dict[tuple[int, int], tuple[bool, int]] = field(default_factory=dict)
    sheet: str | None = None  # the workbook's sheet it is, if any

    def where(self, row: int, column: int) -> str:
        return texts.CELL_PLACE(source=self.source, cell=cell_name(row, column))

    def column_place(self, column: int) -> str:
        return texts.COLUMN_PLACE(source=self.source, column=cell_name(1, column)[:-1])


def no_data_rows(grid: Grid) -> Message:
    """The refusal of a grid with no table: naming --sheet only where there are sheets."""
    return texts.NO_DATA_ROWS_SHEET if grid.sheet else texts.NO_DATA_ROWS


def cell_name(row: int, column: int) -> str:
    """A1-style name of a cell: column letters, then the row number."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def read_csv(path: Path, encoding: str | None, max_bytes: int, given: bytes | None = None) -> Grid:
    """The CSV file at `path` (its bytes `given` when it came on stdin) as a grid."""
    raw = _read(path, max_bytes) if given is None else given
    text, used = _decode(raw, encoding, path)
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise PlanchkError(texts.CSV_UNREADABLE, path=path, reason=str(error)) from None
    grid = Grid(str(path), _non_blank(_csv_rows(records, _INDENTED.search(text) is not None)))
    grid.notes.append(texts.READ_ENCODING(path=path, encoding=used))
    return grid


# A field that starts with a space, a full-width space or a tab (after a quote, if quoted).
_INDENTED = re.compile(r'(?:^|[,\n\r])"?[ \u3000\t]')
_TUPLE = tuple.__new__  # a GridCell made without its Python-level __new__: a million are made


def _csv_rows(records: list[list[str]], indented: bool) -> list[list[GridCell]]:
    """The records as rows of cells; where no field of the file starts with a space (found by
    one search of the text), each cell is its stripped text and nothing else."""
    if indented:
        return [
            [_csv_cell(value, number, column) for column, value in enumerate(record, 1)]
            for number, record in enumerate(records, 1)
        ]
    return [
        [
            _TUPLE(GridCell, (value.strip(), number, column, False, False, 0))
            for column, value in enumerate(record, 1)
        ]
        for number, record in enumerate(records, 1)
    ]


def _csv_cell(value: str, row: int, column: int) -> GridCell:
    """A CSV cell: its text, and the indentation its leading spaces print (a full-width space
    is as wide as two ASCII ones)."""
    text = value.strip()
    if not text or value[0] not in " \u3000\t":
        return GridCell(text, row, column)
    lead = value[: len(value) - len(value.lstrip())]
    return GridCell(text, row, column, indent=len(lead) + lead.count("\u3000"))


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PlanchkError(texts.FILE_TOO_LARGE, path=path, size=size, limit=max_bytes)
        return path.read_bytes()
    except OSError as error:
        raise PlanchkError(texts.FILE_UNREADABLE, path=path, reason=os_reason(error)) from None


def read_xlsx(
    path: Path, sheets: Sequence[str], max_bytes: int, given: bytes | None = None
) -> list[Grid]:
    """Each chosen sheet as a grid, read as a stream: a sheet's size, its merged areas and how
    many cells it holds are checked from its XML before a cell is parsed. `given`: the file's
    bytes when it came on stdin."""
    raw = _read(path, max_bytes) if given is None else given
    parts = _check_container(raw, path)
    from openpyxl import load_workbook

    try:
        # read-only: the cells are parsed as they stream past, never held as a sheet of objects
        book = load_workbook(io.BytesIO(raw), data_only=True, read_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise _unreadable(path, error) from None
    try:
        names = book.sheetnames
        for sheet in sheets:
            if sheet not in names:
                raise PlanchkError(
                    texts.NO_SUCH_SHEET, path=path, sheet=sheet, sheets="、".join(names)
                )
        chosen = [book[name] for name in names if not sheets or name in sheets]
        return [_sheet_grid(path, sheet, _part(parts, sheet)) for sheet in chosen]
    except PlanchkError:
        raise
    except Exception as error:  # a sheet's XML can be as broken as the workbook's
        raise _unreadable(path, error) from None
    finally:
        book.close()


def _unreadable(path: Path, error: Exception) -> PlanchkError:
    return PlanchkError(texts.XLSX_UNREADABLE, path=path, reason=str(error) or type(error).__name__)


# A cell's <c> element, a formula's <f>, the declared <dimension> and a <mergeCell>, as they
# stand in a worksheet's XML (with or without a namespace prefix).
_CELL = re.compile(rb"<(?:\w+:)?c[ >/]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s[^>]*?ref=\"([^\"]*)\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([^\"]*)\"")


@dataclass(frozen=True)
class SheetPart:
    """What a worksheet's XML says of itself, read before any cell is parsed."""

    name: str  # its path in the archive
    formulas: bool
    merges: tuple[tuple[int, int, int, int], ...]  # min row, min column, max row, max column


def _check_container(raw: bytes, path: Path) -> dict[str, SheetPart]:
    """Refuse what is not a workbook, would unpack too far, or whose sheets declare more cells,
    hold more cells or merge more cells than MAX_CELLS; each worksheet's part otherwise."""
    if raw.startswith(OLE_MAGIC):
        raise PlanchkError(texts.XLSX_ENCRYPTED, path=path)
    with open_archive(raw, path, texts.XLSX_NOT_ZIP, texts.XLSX_BOMB) as archive:
        names = archive.namelist()
        if "xl/workbook.xml" not in names:
            raise PlanchkError(texts.XLSX_NOT_WORKBOOK, path=path)
        sheets = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        return {name: _sheet_part(path, name, archive.read(name)) for name in sheets}


def _sheet_part(path: Path, name: str, xml: bytes) -> SheetPart:
    where = f"{path}, {name.rsplit('/', 1)[-1]}"
    declared = _DIMENSION.search(xml)
    if declared is not None:
        bounds = _bounds(declared.group(1))
        if bounds is not None and _area(bounds) > MAX_CELLS:
            raise PlanchkError(
                texts.XLSX_TOO_WIDE, place=where, span=declared.group(1).decode("ascii", "replace"),
                cells=_area(bounds), limit=MAX_CELLS,
            )  # fmt: skip
    cells = len(_CELL.findall(xml))
    if cells > MAX_CELLS:
        raise PlanchkError(texts.XLSX_TOO_MANY_CELLS, place=where, cells=cells, limit=MAX_CELLS)
    merges = tuple(b for b in map(_bounds, _MERGE.findall(xml)) if b is not None)
    merged = sum(_area(b) for b in merges)
    if merged > MAX_CELLS:
        raise PlanchkError(texts.XLSX_MERGED_TOO_FAR, place=where, cells=merged, limit=MAX_CELLS)
    return SheetPart(name, _FORMULA.search(xml) is not None, merges)


_REFERENCE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")


def _bounds(ref: bytes) -> tuple[int, int, int, int] | None:
    """A range such as A20:XFD1048576 (or one cell) as its four bounds; None if unreadable
    (a whole column or row such as A:A, which no sheet stores as a merge or dimension)."""
    corners = []
    for part in ref.decode("ascii", "replace").upper().split(":", 1):
        found = _REFERENCE.match(part)
        if found is None:
            return None
        letters, row = found.groups()
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        corners.append((int(row), column))
    (min_row, min_column), (max_row, max_column) = corners[0], corners[-1]
    return (min(min_row, max_row), min(min_column, max_column),
            max(min_row, max_row), max(min_column, max_column))  # fmt: skip


def _area(bounds: tuple[int, int, int, int]) -> int:
    return (bounds[2] - bounds[0] + 1) * (bounds[3] - bounds[1] + 1)


def _part(parts: dict[str, SheetPart], sheet: ReadOnlyWorksheet) -> SheetPart:
    internals: Any = sheet  # openpyxl keeps where a read-only sheet lives private
    name = str(internals._worksheet_path).lstrip("/")
    return parts.get(name) or SheetPart(name, True, ())


def _sheet_grid(path: Path, sheet: ReadOnlyWorksheet, part: SheetPart) -> Grid:
    """The sheet's non-blank rows, each dense from the first to the last column that holds a
    value, a merged range's text in every cell it covers."""
    grid = Grid(texts.SHEET_SOURCE(path=path, sheet=sheet.title), [], sheet=sheet.title)
    shown, formula_cells = _shown_cells(grid, sheet, part.formulas)
    for min_row, min_column, max_row, max_column in part.merges:
        text = shown.get((min_row, min_column), ("", False))[0]
        if not text:
            continue  # a blank merge shows nothing; it adds no cell
        for row in range(min_row, max_row + 1):
            for column in range(min_column, max_column + 1):
                if (row, column) != (min_row, min_column):
                    shown[(row, column)] = (text, True)
    filled = {key for key, (text, _) in shown.items() if text}
    if filled:
        rows = sorted({row for row, _ in filled})
        first = min(column for _, column in filled)
        last = max(column for _, column in filled)
        if len(rows) * (last - first + 1) > MAX_CELLS:
            raise PlanchkError(
                texts.XLSX_TOO_WIDE, place=grid.source,
                span=f"{cell_name(rows[0], first)}:{cell_name(rows[-1], last)}",
                cells=len(rows) * (last - first + 1), limit=MAX_CELLS,
            )  # fmt: skip
        grid.rows = [_dense_row(shown, grid.flags, row, first, last) for row in rows]
    if formula_cells:
        grid.notes.append(texts.READ_FORMULAS(source=grid.source, count=formula_cells))
    return grid


def _dense_row(
    shown: dict[tuple[int, int], tuple[str, bool]],
    flags: dict[tuple[int, int], tuple[bool, int]],
    row: int,
    first: int,
    last: int,
) -> list[GridCell]:
    cells = []
    for column in range(first, last + 1):
        text, covered = shown.get((row, column), ("", False))
        cells.append(GridCell(text, row, column, covered, *flags.get((row, column), (False, 0))))
    return cells


def _shown_cells(
    grid: Grid, sheet: ReadOnlyWorksheet, formulas: bool
) -> tuple[dict[tuple[int, int], tuple[str, bool]], int]:
    """Each cell that holds a value: the text it shows (and False: not covered by a merge);
    and how many of them are formulas. A formula with no value saved with it is refused."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        """openpyxl's own cell parser, keeping a formula's saved value and its text both."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            has_formula = formulas and element.find(FORMULA_TAG) is not None
            cell["formula"] = str(self.parse_formula(element)) if has_formula else None  # type: ignore[no-untyped-call]
            return cell

    book: Any = sheet.parent
    shown: dict[tuple[int, int], tuple[str, bool]] = {}
    formula_cells = 0
    styles: dict[int, tuple[str, bool, int]] = {}  # a sheet has a few styles, many cells
    internals: Any = sheet  # the parts of a read-only sheet openpyxl keeps private
    with internals._get_source() as source:
        parser = Parser(
            source, internals._shared_strings, data_only=True, epoch=book.epoch,
            date_formats=book._date_formats, timedelta_formats=book._timedelta_formats,
        )  # fmt: skip
        for _, row in parser.parse():
            for found in row:
                formula = found.pop("formula")
                if formula is not None:
                    formula_cells += 1
                    if found["value"] is None:
                        raise PlanchkError(
                            texts.FORMULA_NOT_CALCULATED,
                            place=grid.where(found["row"], found["column"]),
                            formula=formula,
                        )
                if found["value"] is None:
                    continue
                style = found["style_id"]
                if style not in styles:
                    styles[style] = _style(ReadOnlyCell(sheet, **found))
                number_format, bold, indent = styles[style]
                text = excel_text(found["value"], number_format).strip()
                shown[(found["row"], found["column"])] = (text, False)
                if bold or indent:
                    grid.flags[(found["row"], found["column"])] = (bold, indent)
    return shown, formula_cells


def _style(cell: Any) -> tuple[str, bool, int]:
    """A cell style's number format, and whether it prints bold or indented."""
    font, alignment = getattr(cell, "font", None), getattr(cell, "alignment", None)
    indent = int(getattr(alignment, "indent", 0) or 0)
    return cell.number_format, bool(getattr(font, "b", False)), indent


def _non_blank(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    return [row for row in rows if any(cell.text for cell in row)]
