"""Read a file planchk was pointed at, bounded: a plan, a configuration, a baseline.

A plan can also come on stdin, given as `-` (ruff's and check-jsonschema's convention), with
--stdin-filename naming the file it stands for; `read_stdin` reads it for every command alike.

A path can name something that never ends (/dev/zero, /dev/urandom), never starts (a FIFO no
one writes to, where even opening blocks), or claims a size it does not have (/proc files say
0; a file can grow while it is read). So only a regular file is read, its `stat` size is a first
check, and what counts is the bytes actually read: never more than the limit and one byte.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from planchk.errors import NotARegularFile, TooLarge

STDIN = Path("-")


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, if it holds at most `limit` of them."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFile(path)
    if status.st_size > limit:
        raise TooLarge(path, status.st_size, limit)  # refused before a byte is read
    with open(path, "rb") as stream:
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge(path, max(status.st_size, len(raw)), limit)
    return raw


@dataclass(frozen=True)
class Piped:
    """A file given as `-`: the bytes read from stdin, at most one past the limit, and the
    name it stands for (--stdin-filename, else `-`)."""

    name: Path
    raw: bytes
    limit: int

    @property
    def too_large(self) -> bool:
        return len(self.raw) > self.limit


def read_stdin(limit: int, name: Path | None = None, stream: BinaryIO | None = None) -> Piped:
    """Stdin's bytes (or `stream`'s), never more than `limit` and one: one byte past the limit
    is enough to refuse, and `yes | planchk validate -` must not read forever."""
    source = stream if stream is not None else sys.stdin.buffer
    return Piped(name or STDIN, source.read(limit + 1), limit)


def repository_root(start: Path) -> Path:
    """The nearest folder upward holding .git (a directory, or a worktree's file), else `start`."""
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return start
