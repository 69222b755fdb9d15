"""Word (.docx) documents through python-docx: paragraphs with their heading level and their
automatic numbering as printed, tables with merged cells, in the order the document has them.

A .docx is a zip archive: what is not one (an old .doc, a password-protected file, which Word
stores as an OLE container, or anything else) is refused with what to do, before python-docx
sees it, and so is an archive that would unpack far beyond a document's size.

A paragraph's text is read as Word shows the document with its changes accepted, as a CSV saved
from it would hold: python-docx's `text` reads the runs directly under a paragraph only, and a
field's result (a total computed by =SUM(ABOVE)), a tracked insertion (a draft's corrected
figure), a content control or a smart tag hold theirs one level down: a cell read blank where
the table prints a number. A tracked deletion, and a row deleted with tracked changes, is no
longer in the document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planchk.importers.archive import open_archive
from planchk.importers.csvgrid import typed_indent
from planchk.importers.documents import texts
from planchk.importers.documents.model import Cell, RawParagraph, RawTable
from planchk.importers.documents.numbering import Numbering
from planchk.importers.printed import parse_number
from planchk.messages import PlanchkError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx, old .doc
# An encrypted Office file is an OLE container holding these streams (names in UTF-16).
_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Never shown as the paragraph's text: tracked deletions and moves away, a text box's own
# paragraphs (a shape anchored in the paragraph), a field's instructions, the properties, and
# the fallback copy of content that the choice before it shows.
_NOT_SHOWN = frozenset(
    f"{_W}{tag}" for tag in ("del", "moveFrom", "txbxContent", "instrText", "pPr", "rPr")
) | {f"{_MC}Fallback"}
_SIGNS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_BREAKS_NO_LINE = ("page", "column")  # a page break in a paragraph ends no line of it
_BLOCK_TAGS = frozenset({f"{_W}p", f"{_W}tbl"})
_ROW_HOLDERS = (f"{_W}sdt", f"{_W}customXml")  # what may hold a table's rows, a row's cells
# What holds paragraphs and tables of the body (or of a cell) as its own: a content control,
# its content, custom XML markup, and an AlternateContent's choice (its fallback repeats it).
_HOLDING_BLOCKS = frozenset(
    {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_MC}AlternateContent", f"{_MC}Choice"}
)


def blocks(raw: bytes, path: Path, notes: list[str]) -> Iterator[RawParagraph | RawTable]:
    _check_container(raw, path)
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as error:  # python-docx raises many kinds for a broken document
        reason = str(error) or type(error).__name__
        raise PlanchkError(texts.DOCX_UNREADABLE, path=path, reason=reason) from None
    numbering = Numbering.of(document)
    styles = _style_names(document)
    for item in _inner_content(document):
        if hasattr(item, "rows"):
            yield _table(item, numbering)
        else:
            yield RawParagraph(
                shown_text(item._p).replace("\n", ""), _level(item, styles), numbering.next(item)
            )  # a line break inside a paragraph only lays it out: 实施\n方案 is 实施方案


def _inner_content(document: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, also those inside a content control or a
    custom XML element (a template's 附件 block): python-docx's iter_inner_content yields only
    the body's own children, and a table inside one was not read at all."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parent = document._body
    for element in _block_elements(document.element.body, frames=True):
        yield Paragraph(element, parent) if element.tag == f"{_W}p" else Table(element, parent)


def _block_elements(container: Any, frames: bool = False) -> Iterator[Any]:
    """The <w:p> and <w:tbl> of a body or a cell in order, through what holds them; with
    `frames`, through a layout table too: a table that holds a table in a cell (a page pasted
    from the web, a frame around the annex) is its cells' paragraphs and tables, row by row,
    as a web page's layout table is (documents.html); its tables were left out, said only
    in a note."""
    stack = [iter(container)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif frames and element.tag == f"{_W}tbl" and element.find(f".//{_W}tbl") is not None:
            _unwrap_rows(element)
            cells = (
                tc for tr in element.iterchildren(f"{_W}tr") for tc in tr.iterchildren(f"{_W}tc")
            )
            stack.append(child for tc in cells for child in tc)
        elif element.tag in _BLOCK_TAGS:
            yield element
        elif element.tag in _HOLDING_BLOCKS:
            stack.append(iter(element))


def _check_container(raw: bytes, path: Path) -> None:
    if raw.startswith(OLE_MAGIC):
        encrypted = any(name in raw for name in _ENCRYPTED)
        raise PlanchkError(texts.DOCX_ENCRYPTED if encrypted else texts.DOC_OLD_FORMAT, path=path)
    with open_archive(raw, path, texts.DOCX_NOT_ZIP, texts.ZIP_BOMB) as archive:
        if "word/document.xml" not in archive.namelist():
            raise PlanchkError(texts.DOCX_NOT_WORD, path=path)


def _style_names(document: Any) -> dict[str, str]:
    """Paragraph styles by id, read once: python-docx's `paragraph.style` scans every style of
    the document for the default on each paragraph without one (most of a document's)."""
    try:
        return {s.style_id: s.name or "" for s in document.styles if s.style_id}
    except (KeyError, ValueError):
        return {}


def _level(paragraph: Any, styles: dict[str, str]) -> int | None:
    outline = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None:
        value = int(outline.get(f"{_W}val", "9"))
        return value + 1 if value < 9 else None  # 9 is body text
    style = paragraph._p.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return None  # the document's default paragraph style: body text
    name = styles.get(style.get(f"{_W}val", ""), "")
    found = _HEADING_STYLE.match(name)
    return int(found.group(1)) if found else (0 if name == "Title" else None)


def _table(table: Any, numbering: Numbering) -> RawTable:
    """The table's grid: a merged cell's text at each position it covers, marked covered."""
    _unwrap_rows(table._tbl)
    texts_of: dict[Any, tuple[str, int]] = {}  # <w:tc> -> its text and indentation
    rows: list[list[Cell]] = []
    above: list[Any] = []  # the <w:tc> at each column of the previous row
    for row in table.rows:
        if row._tr.find(f"{_W}trPr/{_W}del") is not None:
            continue  # deleted with tracked changes: no row of the table as it now reads
        cells: list[Cell] = [Cell("") for _ in range(row.grid_cols_before)]
        elements: list[Any] = [None] * row.grid_cols_before
        for cell in row.cells:
            column = len(cells)
            tc = cell._tc
            covered = (elements and elements[-1] is tc) or (
                column < len(above) and above[column] is tc
            )
            if tc not in texts_of:  # once per cell: a merge repeats it, a number counts once
                texts_of[tc] = _cell_text(cell, numbering)
            text, indent = texts_of[tc]
            cells.append(Cell(text, covered=bool(covered), indent=indent))
            elements.append(tc)
        # grid columns the row leaves empty after its last cell (a cell deleted at its end):
        # blanks, as the CSV saved from it has, not a row cut short
        cells += [Cell("") for _ in range(row.grid_cols_after)]
        rows.append(cells)
        above = elements
    return rows


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _unwrap_rows(tbl: Any) -> None:
    """Rows (and cells) that a content control or custom XML holds, put in its place in the
    table as read (the document in memory; the file is never written): python-docx reads a
    table's rows and a row's cells as its own children only, and a repeating section's rows
    were not read."""
    owners = {f"{_W}tbl", f"{_W}tr"}
    while True:
        holders = [e for e in tbl.iter(*_ROW_HOLDERS) if e.getparent().tag in owners]
        if not holders:
            return
        for holder in holders:
            content = holder.find(f"{_W}sdtContent") if holder.tag == f"{_W}sdt" else holder
            for child in list(content if content is not None else ()):
                if child.tag not in (f"{_W}sdtPr", f"{_W}sdtEndPr", f"{_W}customXmlPr"):
                    holder.addprevious(child)
            holder.getparent().remove(holder)


def _cell_text(cell: Any, numbering: Numbering) -> tuple[str, int]:
    """The cell's paragraphs (a nested table's aside: said in a note), one line each, each
    with its automatic number as printed (一、市直单位 typed as a list: the level's marker),
    and how far the first is indented (spaces typed before it, or Word's indentation)."""
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    indent = 0
    for element in _block_elements(cell._tc):
        if element.tag == f"{_W}p":
            shown = shown_text(element)
            number, suffix = numbering.label(Paragraph(element, cell))
            line = _numbered(number, suffix, shown.strip())
            if line and not lines:
                indent = _indent(element) + (0 if number else typed_indent(shown))
            lines.append(line)
    return "\n".join(line for line in lines if line), indent


def _indent(paragraph: Any) -> int:
    """How far Word indents a paragraph's first line by its own properties (w:ind: in
    hundredths of a character, else in twips, a 五号 character 210 of them), in the steps of
    typed spaces (two a character): a name indented under its row in a table's cell."""
    ind = paragraph.find(f"{_W}pPr/{_W}ind")
    if ind is None:
        return 0

    def steps(chars: str, twips: str) -> int:
        for name, per_step in ((chars, 50), (twips, 105)):
            value = ind.get(f"{_W}{name}")
            if value is not None and value.lstrip("-").isdigit():
                return int(value) // per_step
        return 0

    left = max(steps("startChars", "start"), steps("leftChars", "left"))
    return max(0, left + steps("firstLineChars", "firstLine") - steps("hangingChars", "hanging"))


def _numbered(number: str, suffix: str, text: str) -> str:
    """A cell's paragraph as Word prints it: the list number, the level's suffix, the text.
    A figure keeps its own digits: a number before it is a separate printed token (a 序号),
    and glued on it made 10 read 1.10 (a List Number style on the figure column)."""
    if not number or parse_number(text) is not None:
        return text
    # The tab Word sets after a number prints as a gap, a space: a name read from the cell is
    # never written or shown with a tab in it (1.\t加快企业培育 as a task's title, quoted).
    suffix = suffix.replace("\t", " ")
    return number + suffix + text if text else number  # an empty numbered 序号 cell prints 1.


def shown_text(element: Any) -> str:
    """The text Word shows for a paragraph (`<w:p>`) with its changes accepted: every run's
    text, also inside fields, insertions, content controls, smart tags and hyperlinks; no
    hidden run's."""
    parts: list[str] = []
    stack = [iter(element)]
    while stack:  # depth first, in document order, with no recursion limit to meet
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_SHOWN:
            continue  # a comment or processing instruction has a function for its tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}r" and _hidden(child):
            continue  # hidden text (Font, Hidden): neither shown nor printed
        elif tag == f"{_W}br":
            parts.append("" if child.get(f"{_W}type") in _BREAKS_NO_LINE else "\n")
        elif tag in _SIGNS:
            parts.append(_SIGNS[tag])
        else:
            stack.append(iter(child))
    return "".join(parts)
