"""An XLSX workbook as grids, one per sheet, read as a stream: a sheet's size, its merged areas
and how many cells it holds are checked from its XML before a cell is parsed (issue 17); each
cell is the text it shows (planchk.importers.printed.excel_text), bold and indentation kept."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planchk.importers import grid as limits
from planchk.importers import texts
from planchk.importers.archive import open_archive
from planchk.importers.csvgrid import typed_indent
from planchk.importers.grid import (
    Bounds,
    Grid,
    Shown,
    area,
    check_held,
    check_merged,
    read_limited,
    spread,
)
from planchk.importers.hidden import XLSX_COLUMNS, Hidden, drop_hidden, marked_hidden
from planchk.importers.printed import excel_text
from planchk.importers.stored import is_general
from planchk.messages import PlanchkError

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files


def read_xlsx(
    path: Path, sheets: Sequence[str], max_bytes: int, given: bytes | None = None
) -> list[Grid]:
    """Each chosen sheet as a grid, read as a stream: a sheet's size, its merged areas and how
    many cells it holds are checked from its XML before a cell is parsed. `given`: the file's
    bytes when it came on stdin."""
    raw = read_limited(path, max_bytes) if given is None else given
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
    merges: tuple[Bounds, ...]


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
        if bounds is not None and area(bounds) > limits.MAX_CELLS:
            raise PlanchkError(
                texts.XLSX_TOO_WIDE, place=where, span=declared.group(1).decode("ascii", "replace"),
                cells=area(bounds), limit=limits.MAX_CELLS,
            )  # fmt: skip
    check_held(where, len(_CELL.findall(xml)))
    merges = tuple(b for b in map(_bounds, _MERGE.findall(xml)) if b is not None)
    check_merged(where, merges)
    return SheetPart(name, _FORMULA.search(xml) is not None, merges)


_REFERENCE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$")


def _bounds(ref: bytes) -> Bounds | None:
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


def _part(parts: dict[str, SheetPart], sheet: ReadOnlyWorksheet) -> SheetPart:
    internals: Any = sheet  # openpyxl keeps where a read-only sheet lives private
    name = str(internals._worksheet_path).lstrip("/")
    return parts.get(name) or SheetPart(name, True, ())


def _sheet_grid(path: Path, sheet: ReadOnlyWorksheet, part: SheetPart) -> Grid:
    """The sheet's cells as shown (planchk.importers.grid.spread lays them out), its hidden
    rows and columns left out (planchk.importers.hidden)."""
    grid = Grid(texts.SHEET_SOURCE(path=path, sheet=sheet.title), [], sheet=sheet.title)
    hidden = Hidden()
    shown, formula_cells = _shown_cells(grid, sheet, part.formulas, hidden)
    spread(grid, shown, part.merges)
    drop_hidden(grid, hidden, part.merges)
    if formula_cells:
        grid.notes.append(texts.READ_FORMULAS(source=grid.source, count=formula_cells))
    return grid


def _parser(formulas: bool, hidden: Hidden) -> Any:
    """openpyxl's own sheet parser, keeping a formula's saved value and its text both, and
    noting the hidden rows and columns as their marks stream past (<cols> comes before
    <sheetData>, a row's mark on the row itself)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            has_formula = formulas and element.find(FORMULA_TAG) is not None
            cell["formula"] = str(self.parse_formula(element)) if has_formula else None  # type: ignore[no-untyped-call]
            return cell

        def parse_column_dimensions(self, col: Any) -> None:
            if marked_hidden(col.attrib, "width"):
                first, last = int(col.get("min", 0)), int(col.get("max", 0))
                hidden.columns.update(range(first, min(last, XLSX_COLUMNS) + 1))

        def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
            number, cells = super().parse_row(row)
            # openpyxl would keep every row's attributes: a sheet's worth of dicts
            self.row_dimensions.pop(str(number), None)
            if marked_hidden(row.attrib, "ht"):
                hidden.rows.add(number)
            return number, cells

    return Parser


def _shown_cells(
    grid: Grid, sheet: ReadOnlyWorksheet, formulas: bool, hidden: Hidden
) -> tuple[Shown, int]:
    """Each cell that holds a value: the text it shows (and False: not covered by a merge);
    and how many of them are formulas. A formula with no value saved with it is refused,
    unless it is hidden (it is not read)."""
    book: Any = sheet.parent
    shown: Shown = {}
    formula_cells = 0
    styles: dict[int, tuple[str, bool, int]] = {}  # a sheet has a few styles, many cells
    internals: Any = sheet  # the parts of a read-only sheet openpyxl keeps private
    with internals._get_source() as source:
        parser = _parser(formulas, hidden)(
            source, internals._shared_strings, data_only=True, epoch=book.epoch,
            date_formats=book._date_formats, timedelta_formats=book._timedelta_formats,
        )  # fmt: skip
        for _, row in parser.parse():
            for found in row:
                formula = found.pop("formula")
                place = (found["row"], found["column"])
                if hidden.covers(*place):
                    if found["value"] is not None:
                        hidden.held(*place)  # named in the log; kept for a merge it anchors
                elif formula is not None:
                    formula_cells += 1
                    if found["value"] is None:
                        raise PlanchkError(
                            texts.FORMULA_NOT_CALCULATED,
                            place=grid.where(*place), formula=formula,
                        )  # fmt: skip
                if found["value"] is not None:
                    _show(grid, shown, styles, sheet, found)
    return shown, formula_cells


def _show(
    grid: Grid,
    shown: Shown,
    styles: dict[int, tuple[str, bool, int]],
    sheet: ReadOnlyWorksheet,
    found: dict[str, Any],
) -> None:
    """One cell's shown text, its bold and indent, and whether its number is as stored."""
    from openpyxl.cell.read_only import ReadOnlyCell

    style = found["style_id"]
    if style not in styles:
        styles[style] = _style(ReadOnlyCell(sheet, **found))
    number_format, bold, indent = styles[style]
    place = (found["row"], found["column"])
    shown[place] = (excel_text(found["value"], number_format).strip(), False)
    if is_general(found["value"], number_format):
        grid.stored.add(place)
    lead = _leading_spaces(found["value"])
    if bold or indent or lead:
        grid.flags[place] = (bold, max(indent, lead))


def _leading_spaces(value: object) -> int:
    """How far a text typed with leading spaces is indented, counted as in a CSV: a level of
    the row names as the cell's own indent is."""
    if not isinstance(value, str) or value[:1] not in (" ", "\u3000", "\t"):
        return 0
    return typed_indent(value)


def _style(cell: Any) -> tuple[str, bool, int]:
    """A cell style's number format, and whether it prints bold or indented."""
    font, alignment = getattr(cell, "font", None), getattr(cell, "alignment", None)
    indent = int(getattr(alignment, "indent", 0) or 0)
    return cell.number_format, bool(getattr(font, "b", False)), indent
