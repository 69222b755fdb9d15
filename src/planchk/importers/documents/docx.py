"""Word (.docx) documents through python-docx: paragraphs with their heading level and their
automatic numbering as printed, tables with merged cells, in the order the document has them.

A .docx is a zip archive: what is not one (an old .doc, a password-protected file, which Word
stores as an OLE container, or anything else) is refused with what to do, before python-docx
sees it, and so is an archive that would unpack far beyond a document's size.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planchk.importers.archive import open_archive
from planchk.importers.documents import texts
from planchk.importers.documents.model import Cell, RawParagraph, RawTable
from planchk.importers.documents.numbering import Numbering
from planchk.messages import PlanchkError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx, old .doc
# An encrypted Office file is an OLE container holding these streams (names in UTF-16).
_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
    tables = 0
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            tables += 1
            yield _table(item, path, tables, notes)
        else:
            yield RawParagraph(
                item.text.replace("\n", ""), _level(item, styles), numbering.next(item)
            )  # a line break inside a paragraph only lays it out: 实施\n方案 is 实施方案


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


def _table(table: Any, path: Path, number: int, notes: list[str]) -> RawTable:
    """The table's grid: a merged cell's text at each position it covers, marked covered."""
    rows: list[list[Cell]] = []
    above: list[Any] = []  # the <w:tc> at each column of the previous row
    for row in table.rows:
        cells: list[Cell] = [Cell("") for _ in range(row.grid_cols_before)]
        elements: list[Any] = [None] * row.grid_cols_before
        for cell in row.cells:
            column = len(cells)
            tc = cell._tc
            covered = (elements and elements[-1] is tc) or (
                column < len(above) and above[column] is tc
            )
            if not covered and cell.tables:
                notes.append(texts.NESTED_TABLE(place=f"{path}, 表{number}"))
            cells.append(Cell(_cell_text(cell), covered=bool(covered)))
            elements.append(tc)
        rows.append(cells)
        above = elements
    return rows


def _cell_text(cell: Any) -> str:
    lines = [p.text.strip() for p in cell.paragraphs]
    return "\n".join(line for line in lines if line)
