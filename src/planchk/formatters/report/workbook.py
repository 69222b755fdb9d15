"""A workbook written as it is made: each sheet's XML row by row into the zip, comments beside.

The XLSX report of 100,000 rows spent about 5 s making openpyxl's cell and style objects and
7 s saving them, and each cell comment cost about 7.7 KB while the workbook was saved (an lxml
tree of VML shapes): 40,000 comments took the report to 422 MB. openpyxl's write-only mode
still builds an object per cell and the same VML tree. Here a row is one string, written
straight into its zip entry; a sheet's comments and their VML shapes go to temporary files
while the sheet is written (the zip takes one entry at a time), then are copied in. Memory is
the styles used (a handful) and a buffer, whatever the rows and comments.

Only what the report uses: text and numbers, bold, a solid fill, a number format, an indent, a
comment, frozen panes and column widths. Every text is an inline string, never a formula (a
name such as `=HYPERLINK(...)` stays text), and holds no character XML cannot (shown as its
escape, `\\x1b`). Numbers are written as openpyxl writes them (`%.16g`), so that what a reader
gets back is what it got before. The zip entries carry a fixed date: one plan, one file.
"""

from __future__ import annotations

import contextlib
import functools
import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from planchk.formatters.report.ooxml import (
    MAIN,
    PLAIN,
    RELS,
    Style,
    Styles,
    column_letter,
    content_types,
    pane,
    relationships,
    xml_text,
)

DATE = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest: the same plan gives the same bytes
COMMENT_WIDTH = 320  # pixels
AUTHOR = "planchk"


@dataclass(frozen=True)
class Cell:
    value: str | int | Decimal | None
    style: Style = PLAIN
    comment: str | None = None


Value = str | int | Decimal | None | Cell


class Sheet:
    """One sheet as it is written: `row` appends a row below the last (a value or a `Cell`
    per column, None for a blank); the sheet goes into the workbook when its `with` ends."""

    def __init__(self, styles: Styles, name: str, files: contextlib.ExitStack) -> None:
        self.name, self.styles = name, styles
        spool = functools.partial(tempfile.SpooledTemporaryFile, max_size=SPOOL)
        self.rows: IO[bytes] = files.enter_context(spool())
        self.comments: IO[bytes] = files.enter_context(spool())
        self.shapes: IO[bytes] = files.enter_context(spool())
        self.count = self.width = self.commented = 0
        self.widths: Mapping[int, float] = {}  # column (1 is A) -> characters
        self.freeze: str | None = None  # the cell above and left of which rows and columns stay

    def row(self, values: Sequence[Value]) -> None:
        self.count += 1
        line = self.count
        self.width = max(self.width, len(values))
        cells = []
        for column, value in enumerate(values, start=1):
            cell = value if isinstance(value, Cell) else Cell(value)
            if cell.value in (None, "") and cell.style is PLAIN and cell.comment is None:
                continue  # a blank: as openpyxl, no cell at all (an empty text is a blank)
            reference = f"{column_letter(column)}{line}"
            cells.append(self._cell(reference, cell))
            if cell.comment is not None:
                self._comment(reference, line, column, cell.comment)
        self.rows.write(f'<row r="{line}">{"".join(cells)}</row>'.encode())

    def _cell(self, reference: str, cell: Cell) -> str:
        index = self.styles.index(cell.style)
        style = f' s="{index}"' if index else ""
        value = cell.value
        if value is None or value == "":
            return f'<c r="{reference}"{style}/>'
        if isinstance(value, str):  # text, never a formula, whatever it starts with
            text = f'<is><t xml:space="preserve">{xml_text(value)}</t></is>'
            return f'<c r="{reference}"{style} t="inlineStr">{text}</c>'
        shown = "%.16g" % value  # noqa: UP031  (openpyxl's own, so readers get the same back)
        if not shown.lstrip("-")[:1].isdigit():  # inf or nan: a blank, as openpyxl wrote it
            return f'<c r="{reference}"{style}/>'
        return f'<c r="{reference}"{style} t="n"><v>{shown}</v></c>'

    def _comment(self, reference: str, line: int, column: int, text: str) -> None:
        self.comments.write(
            f'<comment ref="{reference}" authorId="0"><text><t xml:space="preserve">'
            f"{xml_text(text)}</t></text></comment>".encode()
        )
        # As openpyxl sizes them: a line of 40 characters is 18 pixels.
        height = 40 + 18 * (text.count("\n") + 1 + len(text) // 40)
        self.shapes.write(
            f'<v:shape id="_x0000_s{FIRST_SHAPE + self.commented}" type="#_x0000_t202" '
            'style="position:absolute; '
            f"margin-left:59.25pt;margin-top:1.5pt;width:{COMMENT_WIDTH}px;height:{height}px;"
            'z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note">'
            "<x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>"
            f"<x:Row>{line - 1}</x:Row><x:Column>{column - 1}</x:Column></x:ClientData>"
            "</v:shape>\n".encode()
        )
        self.commented += 1


FIRST_SHAPE = 1025  # VML numbers shapes from block 1 (1,024 a block), in each sheet as openpyxl
SPOOL = 4 * 1024 * 1024  # a temporary file holds what a sheet's entry waits for beyond this


class Book:
    """A workbook of sheets added in order; `close` writes the parts that name them all."""

    def __init__(self, target: IO[bytes]) -> None:
        self.zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
        self.styles = Styles()
        self.names: list[str] = []
        self.commented: list[int] = []  # the sheets (1, 2, ...) that hold comments

    @contextlib.contextmanager
    def sheet(self, name: str) -> Iterator[Sheet]:
        """A sheet to write rows to, added to the workbook (after those before it) when the
        `with` ends; its temporary files are gone then, whatever happened."""
        with contextlib.ExitStack() as files:
            sheet = Sheet(self.styles, name, files)
            yield sheet
            self._add(sheet)

    def _add(self, sheet: Sheet) -> None:
        number = len(self.names) + 1
        self.names.append(sheet.name)
        dimension = f"A1:{column_letter(max(sheet.width, 1))}{max(sheet.count, 1)}"
        columns = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in sorted(sheet.widths.items())
        )
        head = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN}" '
            f'xmlns:r="{RELS}"><dimension ref="{dimension}"/><sheetViews><sheetView '
            f'workbookViewId="0">{pane(sheet.freeze)}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>'
            f"{f'<cols>{columns}</cols>' if columns else ''}<sheetData>"
        )
        legacy = '<legacyDrawing r:id="anysvml"/>' if sheet.commented else ""
        tail = f"</sheetData>{legacy}</worksheet>"
        self._spooled(f"xl/worksheets/sheet{number}.xml", head, sheet.rows, tail)
        if sheet.commented:
            self._comments(sheet, number)

    def _comments(self, sheet: Sheet, number: int) -> None:
        self.commented.append(number)
        self._spooled(
            f"xl/comments/comment{number}.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<comments xmlns="{MAIN}"><authors>'
            f"<author>{AUTHOR}</author></authors><commentList>",
            sheet.comments,
            "</commentList></comments>",
        )
        last_block = (FIRST_SHAPE + sheet.commented - 1) // 1024
        blocks = ",".join(str(block) for block in range(1, last_block + 1))
        self._spooled(
            f"xl/drawings/commentsDrawing{number}.vml",
            '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-'
            'com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{blocks}"/>'
            '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" '
            'o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
            '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\n',
            sheet.shapes,
            "</xml>",
        )
        self._write(
            f"xl/worksheets/_rels/sheet{number}.xml.rels",
            relationships(
                [
                    ("comments", "comments", f"../comments/comment{number}.xml"),
                    ("anysvml", "vmlDrawing", f"../drawings/commentsDrawing{number}.vml"),
                ]
            ),
        )

    def close(self) -> None:
        """Write the workbook's own parts (its sheets, styles, content types) and the zip."""
        sheets = "".join(
            f'<sheet name="{xml_text(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(self.names, start=1)
        )
        self._write(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{MAIN}" '
            f'xmlns:r="{RELS}"><bookViews><workbookView/></bookViews><sheets>{sheets}</sheets>'
            "</workbook>",
        )
        parts = [(f"rId{i}", "worksheet", f"worksheets/sheet{i}.xml") for i in self._numbers()]
        parts.append((f"rId{len(self.names) + 1}", "styles", "styles.xml"))
        self._write("xl/_rels/workbook.xml.rels", relationships(parts))
        self._write("xl/styles.xml", self.styles.xml())
        self._write("_rels/.rels", relationships([("rId1", "officeDocument", "xl/workbook.xml")]))
        self._write("[Content_Types].xml", content_types(len(self.names), self.commented))
        self.zip.close()

    def _numbers(self) -> range:
        return range(1, len(self.names) + 1)

    def _entry(self, name: str, size: int) -> IO[bytes]:
        """A zip entry of `size` bytes. Told the size, zipfile uses its 64-bit extension only
        for an entry that needs it: Excel refuses a workbook whose small entries carry it."""
        info = zipfile.ZipInfo(name, DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = size
        return self.zip.open(info, "w")

    def _write(self, name: str, text: str) -> None:
        data = text.encode()
        with self._entry(name, len(data)) as entry:
            entry.write(data)

    def _spooled(self, name: str, head: str, spool: IO[bytes], tail: str) -> None:
        """An entry of `head`, what `spool` holds, then `tail`."""
        start, end = head.encode(), tail.encode()
        size = spool.seek(0, io.SEEK_END)
        spool.seek(0)
        with self._entry(name, len(start) + size + len(end)) as entry:
            entry.write(start)
            shutil.copyfileobj(spool, entry, 1024 * 1024)
            entry.write(end)
