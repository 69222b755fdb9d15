"""An old Excel workbook (.xls, BIFF8 in an OLE2 compound file) as grids, one per sheet.

xlrd reads the format (it reads nothing else since 2.0, and is kept for it); each cell is the
text Excel shows, as for XLSX: the stored float at 15 significant digits, then the cell's number
format (planchk.importers.printed.excel_text), bold and indentation from the cell's format; a
number in the General format is marked as shown as stored (planchk.importers.stored). A
BIFF file is not compressed, but a few bytes of MULBLANK or MULRK records stand for many cells,
and xlrd holds every cell of a sheet as Python objects: so each sheet's records are counted and
its bounds read from the raw stream first, against the same limits as an XLSX sheet.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from planchk.importers import grid as limits
from planchk.importers import texts
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
from planchk.importers.hidden import Hidden, drop_hidden
from planchk.importers.printed import excel_text
from planchk.importers.stored import is_general
from planchk.messages import PlanchkError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# BIFF8 records that hold cells (each starts with its row and column), with how many cells
# a record of n bytes holds; and the record of merged ranges.
_ONE = {0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6}
_MULRK, _MULBLANK, _MERGED, _EOF = 0x00BD, 0x00BE, 0x00E5, 0x000A


def read_xls(
    path: Path, sheets: Sequence[str], max_bytes: int, given: bytes | None = None
) -> list[Grid]:
    """Each chosen sheet as a grid. An XLSX file named .xls (it happens) is read as XLSX."""
    raw = read_limited(path, max_bytes) if given is None else given
    if raw.startswith(ZIP_MAGIC):
        from planchk.importers.xlsx import read_xlsx

        return read_xlsx(path, sheets, max_bytes, raw)
    if not raw.startswith(OLE_MAGIC):
        raise PlanchkError(texts.XLS_NOT_XLS, path=path)
    book = _open(path, raw)
    try:
        names = book.sheet_names()
        for sheet in sheets:
            if sheet not in names:
                raise PlanchkError(
                    texts.NO_SUCH_SHEET, path=path, sheet=sheet, sheets="、".join(names)
                )
        chosen = [i for i, name in enumerate(names) if not sheets or name in sheets]
        return [_sheet_grid(path, book, index) for index in chosen]
    except PlanchkError:
        raise
    except Exception as error:  # xlrd raises many kinds for a broken sheet
        raise _unreadable(path, error) from None
    finally:
        book.release_resources()


def _open(path: Path, raw: bytes) -> Any:
    import xlrd

    try:
        # formatting_info: number formats, fonts, indentation and merged ranges (not kept
        # otherwise); on_demand: no sheet is parsed before its records are checked here
        return xlrd.open_workbook(file_contents=raw, formatting_info=True, on_demand=True)
    except Exception as error:  # xlrd.XLRDError, CompDocError, struct.error, ...
        if "encrypted" in str(error).lower():
            raise PlanchkError(texts.XLS_ENCRYPTED, path=path) from None
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: Exception) -> PlanchkError:
    return PlanchkError(texts.XLS_UNREADABLE, path=path, reason=str(error) or type(error).__name__)


def _records(stream: bytes, start: int) -> Iterator[tuple[int, bytes]]:
    """The BIFF records of one sheet's substream, from its BOF to its EOF."""
    position = start
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        yield kind, stream[position + 4 : position + 4 + size]
        if kind == _EOF:
            return
        position += 4 + size


def check_sheet(place: str, stream: bytes, start: int) -> None:
    """Refuse a sheet whose records hold, span or merge more cells than MAX_CELLS, before
    xlrd makes an object of any of them."""
    cells, merges = 0, []
    top, left, bottom, right = 1 << 30, 1 << 30, -1, -1
    for kind, data in _records(stream, start):
        if kind in _ONE or kind in (_MULRK, _MULBLANK):
            if len(data) < 4:
                continue
            row, column = struct.unpack_from("<HH", data)
            step = 6 if kind == _MULRK else 2
            count = (len(data) - 6) // step if kind in (_MULRK, _MULBLANK) else 1
            cells += max(count, 0)
            top, bottom = min(top, row), max(bottom, row)
            left, right = min(left, column), max(right, column + max(count - 1, 0))
        elif kind == _MERGED and len(data) >= 2:
            (count,) = struct.unpack_from("<H", data)
            for n in range(min(count, (len(data) - 2) // 8)):
                r1, r2, c1, c2 = struct.unpack_from("<HHHH", data, 2 + 8 * n)
                merges.append((r1 + 1, c1 + 1, r2 + 1, c2 + 1))
    check_held(place, cells)
    if bottom >= 0 and area((top, left, bottom, right)) > limits.MAX_CELLS:
        raise PlanchkError(
            texts.XLSX_TOO_WIDE, place=place, cells=area((top, left, bottom, right)),
            span=f"{limits.cell_name(top + 1, left + 1)}:{limits.cell_name(bottom + 1, right + 1)}",
            limit=limits.MAX_CELLS,
        )  # fmt: skip
    check_merged(place, merges)


def _sheet_grid(path: Path, book: Any, index: int) -> Grid:
    import xlrd

    name = book.sheet_names()[index]
    grid = Grid(texts.SHEET_SOURCE(path=path, sheet=name), [], sheet=name)
    check_sheet(grid.source, book.mem, book._sh_abs_posn[index])
    sheet = book.sheet_by_index(index)
    merges: list[Bounds] = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sheet.merged_cells]
    shown: Shown = {}
    styles: dict[int, tuple[str, bool, int]] = {}  # a sheet has a few formats, many cells
    hidden = _hidden(sheet)
    for row in range(sheet.nrows):
        for column in range(sheet.row_len(row)):
            kind = sheet.cell_type(row, column)
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            if hidden.covers(row + 1, column + 1):
                hidden.held(row + 1, column + 1)  # named in the log, not read
            xf_index = sheet.cell_xf_index(row, column)
            if xf_index not in styles:
                styles[xf_index] = _style(book, xf_index)
            number_format, bold, indent = styles[xf_index]
            value = sheet.cell_value(row, column)
            text = _text(book, kind, value, number_format)
            if text:
                shown[(row + 1, column + 1)] = (text, False)
            if text and kind == xlrd.XL_CELL_NUMBER and is_general(value, number_format):
                grid.stored.add((row + 1, column + 1))  # shown as stored: no PC403 question
            if text and (bold or indent):
                grid.flags[(row + 1, column + 1)] = (bold, indent)
    return drop_hidden(spread(grid, shown, merges), hidden, merges)


def _hidden(sheet: Any) -> Hidden:
    """The sheet's hidden rows and columns (1-based), as xlrd reads their records: marked
    hidden, or of height or width 0."""
    hidden = Hidden()
    for row, info in sheet.rowinfo_map.items():
        if info.hidden or info.height == 0:
            hidden.rows.add(row + 1)
    for column, info in sheet.colinfo_map.items():
        if info.hidden or info.width == 0:
            hidden.columns.add(column + 1)
    return hidden


def _text(book: Any, kind: int, value: Any, number_format: str) -> str:
    """What a cell shows: a number through its number format, a date as a date, an error
    as Excel prints it (#DIV/0!), a text as it stands."""
    import xlrd

    if kind == xlrd.XL_CELL_NUMBER:
        return excel_text(value, number_format).strip()
    if kind == xlrd.XL_CELL_DATE:
        return excel_text(xlrd.xldate_as_datetime(value, book.datemode), None)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return excel_text(bool(value), None)
    if kind == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(value, "#N/A"))
    return str(value).strip()


def _style(book: Any, xf_index: int) -> tuple[str, bool, int]:
    """A cell format's number format, and whether it prints bold or indented."""
    xf = book.xf_list[xf_index]
    found = book.format_map.get(xf.format_key)
    font = book.font_list[xf.font_index] if xf.font_index < len(book.font_list) else None
    bold = font is not None and (bool(font.bold) or font.weight >= 700)
    return (found.format_str if found else "General"), bold, int(xf.alignment.indent_level)
