"""`planchk import -`: a table or plan document read from stdin.

The importers tell a file's kind by its name (.csv, .xlsx, .docx, ...), and stdin has none:
--stdin-filename gives it, as it gives validate's positions. The bytes are read whole (within
--max-bytes) before anything is imported, so that an XLSX or DOCX, zip archives read from
their end, come from a pipe as they come from a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from planchk.importers import texts
from planchk.loader.discover import DOCUMENT_SUFFIXES
from planchk.messages import PlanchkError
from planchk.reading import STDIN, Piped, read_stdin

# What import reads, by name: tables (.txt is a plan document's text, as from a file).
KINDS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods", *DOCUMENT_SUFFIXES)


def piped_files(
    files: Sequence[Path],
    stdin_filename: Path | None,
    max_bytes: int,
    stream: BinaryIO | None = None,
) -> tuple[list[Path], Piped | None]:
    """The files with `-` replaced by the name it stands for, and what stdin held."""
    if STDIN not in files:
        return list(files), None
    if list(files).count(STDIN) > 1:
        raise PlanchkError(texts.STDIN_TWICE)
    if stdin_filename is None:
        raise PlanchkError(texts.STDIN_NEEDS_NAME, kinds=", ".join(KINDS))
    if stdin_filename.suffix.lower() not in KINDS:
        raise PlanchkError(texts.UNKNOWN_FORMAT, path=stdin_filename)
    piped = read_stdin(max_bytes, stdin_filename, stream)
    if piped.too_large:
        raise PlanchkError(texts.STDIN_TOO_LARGE, path=stdin_filename, limit=max_bytes)
    return [piped.name if f == STDIN else f for f in files], piped
