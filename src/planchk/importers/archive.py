"""Open an Office file (.xlsx, .docx) as the zip archive it is, refusing one that would unpack
too far before anything in it is parsed.

A zip bomb is a small file that unpacks to gigabytes; the sizes the archive declares for its
members are checked against a fixed limit and against the packed size, since an honest Office
file compresses about ten to one and a bomb a thousand to one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from planchk.messages import Message, PlanchkError

MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200


def open_archive(raw: bytes, path: Path, not_zip: Message, bomb: Message) -> zipfile.ZipFile:
    """The archive in `raw`; `not_zip` or `bomb` (with the sizes) when it cannot be one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise PlanchkError(not_zip, path=path) from None
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(len(raw), 1):
        archive.close()
        raise PlanchkError(bomb, path=path, unpacked=unpacked, size=len(raw), limit=MAX_UNPACKED)
    return archive
