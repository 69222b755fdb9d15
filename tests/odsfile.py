"""A minimal writer of OpenDocument spreadsheets (.ods), for the tests: content.xml written by
hand from the published format, as LibreOffice writes it (trailing blank cells and rows as
repeats), with the parts the tests need: numbers with their shown text, text, bold, indents,
merged ranges, several sheets. No tool's bytes are compared.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class OdsCell:
    row: int  # 1-based
    column: int  # 1-based
    shown: str  # the text the cell shows (text:p)
    value: str | None = None  # office:value of a number; None for a text cell
    kind: str = "float"  # office:value-type of a number: float, percentage, currency
    bold: bool = False
    indent: int = 0  # levels of 10 pt of left margin
    span: tuple[int, int] = (1, 1)  # rows, columns merged from this cell


@dataclass
class OdsSheet:
    name: str
    cells: list[OdsCell] = field(default_factory=list)
    trailing_rows: int = 1048000  # blank rows LibreOffice writes as one repeated row


def _cell(cell: OdsCell) -> str:
    attributes = ""
    if cell.bold or cell.indent:
        attributes += f' table:style-name="{_style_name(cell.bold, cell.indent)}"'
    if cell.value is not None:
        attributes += f' office:value-type="{cell.kind}" office:value={quoteattr(cell.value)}'
    else:
        attributes += ' office:value-type="string"'
    if cell.span != (1, 1):
        attributes += (
            f' table:number-rows-spanned="{cell.span[0]}"'
            f' table:number-columns-spanned="{cell.span[1]}"'
        )
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in cell.shown.split("\n"))
    return f"<table:table-cell{attributes}>{paragraphs}</table:table-cell>"


def _style_name(bold: bool, indent: int) -> str:
    return f"ce{int(bold)}{indent}"


def _styles(sheets: Sequence[OdsSheet]) -> str:
    used = {(c.bold, c.indent) for s in sheets for c in s.cells if c.bold or c.indent}
    styles = []
    for bold, indent in sorted(used):
        text = '<style:text-properties fo:font-weight="bold"/>' if bold else ""
        margin = f'<style:paragraph-properties fo:margin-left="{indent * 10}pt"/>' if indent else ""
        styles.append(
            f'<style:style style:name="{_style_name(bold, indent)}" '
            f'style:family="table-cell">{margin}{text}</style:style>'
        )
    return "".join(styles)


def _blank_rows(count: int) -> str:
    blank = '<table:table-cell table:number-columns-repeated="1024"/>'
    return f'<table:table-row table:number-rows-repeated="{count}">{blank}</table:table-row>'


def _rows(sheet: OdsSheet) -> str:
    by_row: dict[int, list[OdsCell]] = {}
    for cell in sheet.cells:
        by_row.setdefault(cell.row, []).append(cell)
    rows, at = [], 1
    for number in sorted(by_row):
        if number > at:
            rows.append(_blank_rows(number - at))
        cells, column = [], 1
        for cell in sorted(by_row[number], key=lambda c: c.column):
            if cell.column > column:
                cells.append(
                    f'<table:table-cell table:number-columns-repeated="{cell.column - column}"/>'
                )
            cells.append(_cell(cell))
            column = cell.column + 1
        cells.append('<table:table-cell table:number-columns-repeated="1000"/>')
        rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        at = number + 1
    rows.append(_blank_rows(sheet.trailing_rows))
    return "".join(rows)


def content_xml(sheets: Sequence[OdsSheet]) -> str:
    tables = "".join(
        f"<table:table table:name={quoteattr(sheet.name)}>"
        '<table:table-column table:number-columns-repeated="1024"/>'
        f"{_rows(sheet)}</table:table>"
        for sheet in sheets
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} '
        f'office:version="1.3"><office:automatic-styles>{_styles(sheets)}'
        "</office:automatic-styles><office:body><office:spreadsheet>"
        f"{tables}</office:spreadsheet></office:body></office:document-content>"
    )


def ods_bytes(sheets: Sequence[OdsSheet], content: str | None = None) -> bytes:
    """The .ods file: the mimetype first and stored, as the format asks, then the content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("content.xml", content if content is not None else content_xml(sheets))
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="'
            f'{MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>',
        )
    return buffer.getvalue()
