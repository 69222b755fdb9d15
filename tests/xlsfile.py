"""A minimal writer of old Excel (.xls) workbooks, for the tests: BIFF8 records in the "Workbook"
stream of an OLE2 compound file, written by hand from the published format. xlwt, the old
writer, is unmaintained, and LibreOffice is not on CI; this writes only what the tests need:
numbers with a number format, text, bold, indentation, merged ranges, several sheets.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

SECTOR = 512
END_OF_CHAIN = 0xFFFFFFFE
FREE = 0xFFFFFFFF
FAT_SECTOR = 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF


@dataclass(frozen=True)
class XlsCell:
    row: int  # 1-based, as the sheet numbers it
    column: int  # 1-based
    value: float | str
    number_format: str = "General"
    bold: bool = False
    indent: int = 0


@dataclass
class XlsSheet:
    name: str
    cells: list[XlsCell] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based bounds
    hidden_rows: list[int] = field(default_factory=list)  # 1-based
    hidden_columns: list[int] = field(default_factory=list)  # 1-based


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _short_text(text: str) -> bytes:  # an 8-bit length, then UTF-16
    return struct.pack("<BB", len(text), 1) + text.encode("utf-16-le")


def _long_text(text: str) -> bytes:  # a 16-bit length, then UTF-16
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def _font(bold: bool) -> bytes:
    weight = 700 if bold else 400
    return _record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, weight, 0, 0, 0, 0, 0)
                   + _short_text("Arial"))  # fmt: skip


def _xf(font: int, number_format: int, style: bool, indent: int) -> bytes:
    kind = 0xFFF5 if style else 0x0000  # a style XF, or a cell XF whose parent is style 0
    return _record(0x00E0, struct.pack("<HHHBBBBIIH", font, number_format, kind, 0x20, 0,
                                       indent & 0x0F, 0, 0, 0, 0))  # fmt: skip


def _globals(sheets: Sequence[XlsSheet], styles: list[tuple[int, bool, int]], formats: list[str],
             positions: Sequence[int]) -> bytes:  # fmt: skip
    out = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    out += _record(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
    out += _record(0x0022, struct.pack("<H", 0))  # DATEMODE: 1900
    # fonts 0-3 and 5 (BIFF has no font 4): 0 regular, 5 bold
    out += b"".join(_font(False) for _ in range(4)) + _font(True)
    for index, text in enumerate(formats):
        out += _record(0x041E, struct.pack("<H", 164 + index) + _long_text(text))
    out += b"".join(_xf(0, 0, True, 0) for _ in range(16))  # the 16 style XFs Excel writes
    out += b"".join(_xf(5 if bold else 0, fmt, False, indent) for fmt, bold, indent in styles)
    for sheet, position in zip(sheets, positions, strict=True):
        out += _record(0x0085, struct.pack("<IBB", position, 0, 0) + _short_text(sheet.name))
    return out + _record(0x000A, b"")


def _sheet(sheet: XlsSheet, style_of: dict[tuple[str, bool, int], int]) -> bytes:
    rows = [c.row for c in sheet.cells] or [1]
    columns = [c.column for c in sheet.cells] or [1]
    out = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6))
    out += _record(0x0200, struct.pack("<IIHHH", min(rows) - 1, max(rows), min(columns) - 1,
                                       max(columns), 0))  # fmt: skip
    for column in sheet.hidden_columns:  # COLINFO: width, the default XF, fHidden
        out += _record(0x007D, struct.pack("<HHHHHH", column - 1, column - 1, 2560, 15, 1, 0))
    for row in sheet.hidden_rows:  # ROW: all columns, height 255 twips, fDyZero (hidden)
        out += _record(0x0208, struct.pack("<HHHHHHHH", row - 1, 0, 256, 255, 0, 0, 0x0120, 15))
    for cell in sheet.cells:
        xf = 16 + style_of[(cell.number_format, cell.bold, cell.indent)]
        where = struct.pack("<HHH", cell.row - 1, cell.column - 1, xf)
        if isinstance(cell.value, str):
            out += _record(0x0204, where + _long_text(cell.value))  # LABEL
        else:
            out += _record(0x0203, where + struct.pack("<d", cell.value))  # NUMBER
    if sheet.merges:
        ranges = b"".join(struct.pack("<HHHH", r1 - 1, r2 - 1, c1 - 1, c2 - 1)
                          for r1, c1, r2, c2 in sheet.merges)  # fmt: skip
        out += _record(0x00E5, struct.pack("<H", len(sheet.merges)) + ranges)
    return out + _record(0x000A, b"")


BUILT_IN = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}


def workbook_stream(sheets: Sequence[XlsSheet]) -> bytes:
    """The BIFF8 "Workbook" stream of the sheets."""
    keys = list(dict.fromkeys((c.number_format, c.bold, c.indent) for s in sheets for c in s.cells))
    formats = [k[0] for k in keys if k[0] not in BUILT_IN]
    formats = list(dict.fromkeys(formats))
    number = {f: BUILT_IN.get(f, 164 + formats.index(f) if f in formats else 0) for f, _, _ in keys}
    styles = [(number[f], bold, indent) for f, bold, indent in keys]
    style_of = {key: index for index, key in enumerate(keys)}
    bodies = [_sheet(sheet, style_of) for sheet in sheets]
    size = len(_globals(sheets, styles, formats, [0] * len(sheets)))
    positions = []
    for body in bodies:
        positions.append(size)
        size += len(body)
    return _globals(sheets, styles, formats, positions) + b"".join(bodies)


def compound_file(stream: bytes, name: str = "Workbook") -> bytes:
    """An OLE2 compound file holding one stream, in 512-byte sectors: the stream (padded to
    4096 bytes at least, so that it is no "mini" stream), the directory, then the FAT."""
    data = stream.ljust(max(4096, -(-len(stream) // SECTOR) * SECTOR), b"\0")
    data_sectors = len(data) // SECTOR
    directory_sector = data_sectors
    fat_sectors = 1
    while data_sectors + 1 + fat_sectors > fat_sectors * (SECTOR // 4):
        fat_sectors += 1
    fat = [i + 1 for i in range(data_sectors - 1)] + [END_OF_CHAIN, END_OF_CHAIN]
    fat += [FAT_SECTOR] * fat_sectors
    fat += [FREE] * (fat_sectors * SECTOR // 4 - len(fat))
    first_fat = directory_sector + 1
    difat = [first_fat + i for i in range(fat_sectors)] + [FREE] * (109 - fat_sectors)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, fat_sectors, directory_sector, 0, 4096,
                          END_OF_CHAIN, 0, END_OF_CHAIN, 0)  # fmt: skip
    header += struct.pack("<109I", *difat)
    entries = _entry("Root Entry", 5, 1, END_OF_CHAIN, 0) + _entry(
        name, 2, NO_STREAM, 0, max(len(stream), 4096)
    )
    entries += _entry("", 0, NO_STREAM, 0, 0) * 2
    return header + data + entries + struct.pack(f"<{len(fat)}I", *fat)


def _entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    """A 128-byte directory entry: name, type, colour (black), siblings, child, class id,
    state, times, first sector, size."""
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    head = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
    links = struct.pack("<III", NO_STREAM, NO_STREAM, child)
    return head + links + b"\0" * 20 + b"\0" * 16 + struct.pack("<IQ", start, size)


def xls_bytes(sheets: Sequence[XlsSheet]) -> bytes:
    return compound_file(workbook_stream(sheets))
