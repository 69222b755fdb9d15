"""Plan documents (a Word draft, a web page, a text export) read into one neutral model.

Each reader turns its format into the blocks of `model.Document`: paragraphs in order and
tables as grids of cell texts with their merges, each placed in the document's own terms
(第3段, 附件 表2 第4行 第3列). What the plan says (its goals, tables and tasks) is read from that
model by planchk.importers.plan, never from a format; a PDF's text layer would be one more
reader here, registered in READERS.
"""

from __future__ import annotations

from pathlib import Path

from planchk.importers.documents import texts
from planchk.importers.documents.model import Cell, Document, Paragraph, Table, build
from planchk.importers.encoding import decode as _decode
from planchk.importers.grid import read_limited
from planchk.loader.discover import DOCUMENT_SUFFIXES
from planchk.messages import PlanchkError

__all__ = ["READERS", "Cell", "Document", "Paragraph", "Table", "is_document", "read_document"]

READERS = {".docx": "docx", ".html": "html", ".htm": "html", ".txt": "text"}


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def read_document(path: Path, max_bytes: int, given: bytes | None = None) -> Document:
    """The document at `path` (its bytes `given` when it came on stdin), or a PlanchkError
    that says what to do with it."""
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise PlanchkError(texts.UNKNOWN_FORMAT, path=path)
    raw = read_limited(path, max_bytes) if given is None else given
    notes: list[str] = []
    if kind == "docx":
        from planchk.importers.documents import docx

        document = build(str(path), kind, docx.blocks(raw, path, notes))
    elif kind == "html":
        from planchk.importers.documents import html

        document = build(str(path), kind, html.blocks(raw, path, notes))
    else:
        from planchk.importers.documents import text

        decoded, encoding = _decode(raw, None, path)
        notes.append(texts.READ_ENCODING(path=path, encoding=encoding))
        document = build(str(path), kind, text.blocks(decoded))
    document.notes[:0] = notes
    return document
