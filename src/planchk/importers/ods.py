"""An OpenDocument spreadsheet (.ods: LibreOffice, WPS, Numbers' export) as grids, one per sheet.

The sheets are in content.xml, read as a stream with lxml (already planchk's reader of web
pages and Word documents) rather than with odfpy or pyexcel-ods3, which parse the whole
document into a tree first: here a sheet's repeat attributes (one cell element can stand for
a million cells) are counted as each row streams past, before anything is expanded. A cell is the
text it shows (text:p) where that reads as a number, as printed (1,234.50, 12.5%, (3)); else
its stored office:value at 15 significant digits, as for a workbook; dates and texts as shown.
A number whose text is its stored value as it is (3.5, 4.25, 10: the General format) is marked
as shown as stored, as a General cell of a workbook is (planchk.importers.stored).
The archive is opened by planchk.importers.archive (zip bombs), and a sheet's cells, held,
repeated or merged, are counted against the same limits as an XLSX sheet as they stream past.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planchk.importers import texts
from planchk.importers.archive import open_archive
from planchk.importers.grid import (
    Bounds,
    Grid,
    Shown,
    check_held,
    check_merged_area,
    read_limited,
    spread,
)
from planchk.importers.printed import excel_text, normalized, parse_number
from planchk.messages import PlanchkError, message

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_NUMBERS = frozenset({"float", "percentage", "currency"})
BAD_STORED_VALUE = message(
    "import.ods-bad-value",
    "{place}: the cell is a number whose stored value `{value}` is no number, and its text "
    "prints none; type the number into the cell in LibreOffice or WPS and save the file again",
)
_POINTS = {"pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}


@dataclass
class _Sheet:
    grid: Grid
    chosen: bool
    shown: Shown = field(default_factory=dict)
    merges: list[Bounds] = field(default_factory=list)
    row: int = 0  # rows read so far (repeats included)
    cells: int = 0  # cells holding a text so far (repeats included)
    merged: int = 0  # cells that merged ranges cover so far


def read_ods(
    path: Path, sheets: Sequence[str], max_bytes: int, given: bytes | None = None
) -> list[Grid]:
    """Each chosen sheet as a grid; `given`: the file's bytes when it came on stdin."""
    raw = read_limited(path, max_bytes) if given is None else given
    try:
        read = list(_sheets(path, _content(raw, path), sheets))
    except PlanchkError:
        raise
    except Exception as error:  # a broken zip member, lxml's XMLSyntaxError, a bad count
        reason = str(error) or type(error).__name__
        raise PlanchkError(texts.ODS_UNREADABLE, path=path, reason=reason) from None
    found = [sheet.grid.sheet for sheet in read]
    for name in sheets:
        if name not in found:
            raise PlanchkError(
                texts.NO_SUCH_SHEET, path=path, sheet=name, sheets="、".join(map(str, found))
            )
    return [spread(s.grid, s.shown, s.merges) for s in read if s.chosen]


def _content(raw: bytes, path: Path) -> bytes:
    """content.xml, from an archive checked against zip bombs before it is unpacked."""
    with open_archive(raw, path, texts.ODS_NOT_ZIP, texts.XLSX_BOMB) as archive:
        names = archive.namelist()
        mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        if "content.xml" not in names or (mimetype and mimetype != MIMETYPE):
            raise PlanchkError(texts.ODS_NOT_SPREADSHEET, path=path)
        return archive.read("content.xml")


def _sheets(path: Path, content: bytes, chosen: Sequence[str]) -> Iterator[_Sheet]:
    """Each table of the document, its rows read as they stream past and then let go."""
    from lxml import etree

    styles: dict[str, tuple[bool, int]] = {}
    sheet: _Sheet | None = None
    events = etree.iterparse(
        io.BytesIO(content), events=("start", "end"), resolve_entities=False, no_network=True
    )
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == f"{TABLE}table":
                name = str(element.get(f"{TABLE}name", ""))
                source = texts.SHEET_SOURCE(path=path, sheet=name)
                sheet = _Sheet(Grid(source, [], sheet=name), not chosen or name in chosen)
            continue
        if tag == f"{STYLE}style":
            styles[str(element.get(f"{STYLE}name"))] = _style(element)
        elif tag == f"{TABLE}table-row" and sheet is not None:
            _row(sheet, element, styles)
            element.clear()  # and the rows before it: memory stays that of one row
            while element.getprevious() is not None:
                del element.getparent()[0]
        elif tag == f"{TABLE}table" and sheet is not None:
            yield sheet
            sheet = None
            element.clear()


def _row(sheet: _Sheet, element: Any, styles: dict[str, tuple[bool, int]]) -> None:
    """One table:table-row (repeated as its number-rows-repeated says) into the sheet; a
    repeated cell or row is counted against the limits before it is expanded."""
    repeat = _count(element, f"{TABLE}number-rows-repeated")
    row_cells: list[tuple[int, str, tuple[bool, int], bool]] = []
    column = 0
    for cell in element if sheet.chosen else ():
        if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
            continue
        across = _count(cell, f"{TABLE}number-columns-repeated")
        text = _shown(cell, sheet, column + 1) if cell.tag == f"{TABLE}table-cell" else ""
        if text:
            sheet.cells += across * repeat
            check_held(sheet.grid.source, sheet.cells)
            style = styles.get(str(cell.get(f"{TABLE}style-name")), (False, 0))
            as_stored = _as_stored(cell, text)
            row_cells += [(column + n + 1, text, style, as_stored) for n in range(across)]
        down = _count(cell, f"{TABLE}number-rows-spanned")
        wide = _count(cell, f"{TABLE}number-columns-spanned")
        if (down, wide) != (1, 1):
            sheet.merged += repeat * across * down * wide
            check_merged_area(sheet.grid.source, sheet.merged)
            sheet.merges += [
                (sheet.row + r + 1, column + n + 1, sheet.row + r + down, column + n + wide)
                for r in range(repeat)
                for n in range(across)
            ]
        column += across
    for r in range(repeat if row_cells else 0):
        for position, text, (bold, indent), as_stored in row_cells:
            sheet.shown[(sheet.row + r + 1, position)] = (text, False)
            if as_stored:
                sheet.grid.stored.add((sheet.row + r + 1, position))
            if bold or indent:
                sheet.grid.flags[(sheet.row + r + 1, position)] = (bold, indent)
    sheet.row += repeat


def _count(element: Any, attribute: str) -> int:
    """A repeat or span count: a positive whole number, 1 where it is absent."""
    value = int(element.get(attribute, "1"))
    if value < 1:
        raise ValueError(f"{attribute.rsplit('}', 1)[-1]}={value}")
    return value


def _shown(cell: Any, sheet: _Sheet, column: int) -> str:
    """The text a cell shows: its paragraphs where they print a number or it is no number;
    else its stored value, at 15 significant digits (a percentage times 100, with %)."""
    shown = "\n".join(_inline(p) for p in cell.iterchildren(f"{TEXT}p")).strip()
    kind = cell.get(f"{OFFICE}value-type")
    if kind not in _NUMBERS or _is_number(shown):
        return shown
    value = cell.get(f"{OFFICE}value")
    if value is None:
        return shown
    place = lambda: sheet.grid.where(sheet.row + 1, column)  # noqa: E731  (said only if needed)
    if kind == "percentage":
        return excel_text(_stored(str(value), 100, place), None) + "%"
    return excel_text(_stored(str(value), 1, place), None)


def _stored(value: str, scale: int, place: Callable[[], str]) -> float:
    """A number cell's office:value times `scale`, where the cell's text prints no number: one
    that is no finite number (a file written by hand or by a broken exporter) is refused at
    its cell, where it could only be guessed at."""
    try:
        number = float(value) * scale
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise PlanchkError(BAD_STORED_VALUE, place=place(), value=shown)
    return number


def _as_stored(cell: Any, text: str) -> bool:
    """Whether a number cell shows its stored value as it is (3.5, 4.25, 10: LibreOffice's
    General format; a fixed 0.00 shows 3.50 for 3.5), so that its decimals are the value's
    own, not digits chosen to print (planchk.importers.stored)."""
    value = cell.get(f"{OFFICE}value")
    if cell.get(f"{OFFICE}value-type") != "float" or value is None:
        return False
    try:
        return text == excel_text(float(value), None)
    except ValueError:  # an office:value that is no number: not shown as stored
        return False


def _is_number(text: str) -> bool:
    return bool(text) and parse_number(normalized(text).removesuffix("%")) is not None


def _inline(element: Any) -> str:
    """A paragraph's text: spans, runs of spaces (text:s), tabs and line breaks as printed."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{TEXT}s":
            parts.append(" " * min(_count(child, f"{TEXT}c"), 100))
        elif child.tag == f"{TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT}line-break":
            parts.append("\n")
        elif child.tag != f"{OFFICE}annotation":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _style(element: Any) -> tuple[bool, int]:
    """Whether a cell style prints bold, and its indent: a left margin read as levels of 10 pt
    (at least 1; the level reader only compares indents)."""
    bold, margin = False, 0.0
    for child in element:
        if child.tag == f"{STYLE}text-properties":
            weight = str(child.get(f"{FO}font-weight", "normal"))
            bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
        elif child.tag == f"{STYLE}paragraph-properties":
            margin = _points(str(child.get(f"{FO}margin-left", "0")))
    return bold, max(1, round(margin / 10)) if margin > 0 else 0


def _points(length: str) -> float:
    unit = length.lstrip("+-0123456789.")
    try:
        return float(length[: len(length) - len(unit)] or 0) * _POINTS.get(unit, 0.0)
    except ValueError:
        return 0.0
