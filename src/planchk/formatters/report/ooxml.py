"""The small parts of an XLSX workbook that `workbook.py` writes: cell formats (styles.xml),
text as XML, frozen panes, relationships and content types. Only what the report uses."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from planchk.escape import visible

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument."
BUILTIN_FORMATS = {"0": 1, "0.00": 2}  # Excel's own numbers for these; others from 164
# Control characters (openpyxl refuses them), U+FFFE, U+FFFF and lone surrogates: XML holds none.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"}
_NEEDS_ESCAPE = re.compile('[&<>"\r]')


def xml_text(text: str) -> str:
    """`text` as XML character data: markup escaped, \\r kept (not read back as \\n), and each
    character XML cannot hold shown as its escape."""
    text = _NOT_XML.sub(lambda found: visible(found.group()), text)
    return _NEEDS_ESCAPE.sub(lambda found: _ESCAPES[found.group()], text)


@dataclass(frozen=True)
class Style:
    bold: bool = False
    fill: str | None = None  # RGB of a solid fill
    number_format: str | None = None
    indent: int = 0


PLAIN = Style()
BOLD = Style(bold=True)


@functools.cache
def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Styles:
    """The cell formats used, each numbered once in the order first met."""

    def __init__(self) -> None:
        self.xfs: dict[Style, int] = {PLAIN: 0}
        self.fills: dict[str, int] = {}
        self.formats: dict[str, int] = {}

    def index(self, style: Style) -> int:
        found = self.xfs.get(style)
        if found is None:
            if style.fill is not None:
                self.fills.setdefault(style.fill, len(self.fills) + 2)  # after none, gray125
            if style.number_format is not None and style.number_format not in BUILTIN_FORMATS:
                self.formats.setdefault(style.number_format, len(self.formats) + 164)
            found = self.xfs[style] = len(self.xfs)
        return found

    def xml(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{number}" formatCode="{xml_text(code)}"/>'
            for code, number in self.formats.items()
        )
        if formats:  # no empty element where there is nothing to say (Excel is strict)
            formats = f'<numFmts count="{len(self.formats)}">{formats}</numFmts>'
        font = '<sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>'
        fills = "".join(
            f'<fill><patternFill patternType="solid"><fgColor rgb="00{rgb}"/>'
            '<bgColor indexed="64"/></patternFill></fill>'
            for rgb in self.fills
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="{MAIN}">'
            f'{formats}<fonts count="2"><font>{font}</font><font><b val="1"/>{font}</font></fonts>'
            f'<fills count="{len(self.fills) + 2}"><fill><patternFill patternType="none"/>'
            f'</fill><fill><patternFill patternType="gray125"/></fill>{fills}</fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
            f'borderId="0"/></cellStyleXfs><cellXfs count="{len(self.xfs)}">'
            + "".join(self._xf(style) for style in self.xfs)
            + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
            'builtinId="0"/></cellStyles></styleSheet>'
        )

    def _xf(self, style: Style) -> str:
        number = 0
        if style.number_format is not None:
            number = BUILTIN_FORMATS.get(style.number_format) or self.formats[style.number_format]
        fill = 0 if style.fill is None else self.fills[style.fill]
        attributes = (
            f'numFmtId="{number}" fontId="{int(style.bold)}" fillId="{fill}" borderId="0" '
            f'xfId="0" applyNumberFormat="{int(number != 0)}" applyFont="{int(style.bold)}" '
            f'applyFill="{int(fill != 0)}"'
        )
        if not style.indent:
            return f"<xf {attributes}/>"
        return f'<xf {attributes} applyAlignment="1"><alignment indent="{style.indent}"/></xf>'


def pane(freeze: str | None) -> str:
    """The frozen pane above and left of `freeze` (B4: one column, three rows)."""
    if freeze is None:
        return ""
    letters = freeze.rstrip("0123456789")
    columns, rows = column_number(letters) - 1, int(freeze[len(letters) :]) - 1
    active = {(True, True): "bottomRight", (True, False): "topRight"}.get(
        (columns > 0, rows > 0), "bottomLeft"
    )
    split = (f'xSplit="{columns}" ' if columns else "") + (f'ySplit="{rows}" ' if rows else "")
    return (
        f'<pane {split}topLeftCell="{freeze}" activePane="{active}" state="frozen"/>'
        f'<selection pane="{active}" activeCell="{freeze}" sqref="{freeze}"/>'
    )


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def relationships(parts: Sequence[tuple[str, str, str]]) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PACKAGE_RELS}">'
        + "".join(
            f'<Relationship Id="{key}" Type="{RELS}/{kind}" Target="{target}"/>'
            for key, kind, target in parts
        )
        + "</Relationships>"
    )


def content_types(sheets: int, commented: Sequence[int]) -> str:
    """The content types of a workbook of `sheets` sheets, those in `commented` with comments."""
    sheet = TYPES + "spreadsheetml.worksheet+xml"
    comments = TYPES + "spreadsheetml.comments+xml"
    overrides = [("/xl/workbook.xml", TYPES + "spreadsheetml.sheet.main+xml")]
    overrides += [(f"/xl/worksheets/sheet{i}.xml", sheet) for i in range(1, sheets + 1)]
    overrides += [(f"/xl/comments/comment{i}.xml", comments) for i in commented]
    overrides.append(("/xl/styles.xml", TYPES + "spreadsheetml.styles+xml"))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        f'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" '
        f'ContentType="{TYPES}vmlDrawing"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides)
        + "</Types>"
    )
