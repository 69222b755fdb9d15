"""Write a file whole or not at all: a temporary file beside it, then an atomic rename.

Only a regular file (or a name that is not there yet) is replaced that way; the folders above
a new name are made as needed, and taken away again when the write fails. A character device
(/dev/null, a terminal), a FIFO or one of this process's own standard streams (/dev/stdout) is
written by opening it, as a shell's `>` would: renaming over a device node would replace it
with a regular file for every later user. Anything else (a directory, a socket, a block device)
is refused. A replaced file keeps its permission bits; a new one gets those the umask gives.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from planchk import messages
from planchk.errors import OutputError as OutputError  # noqa: PLC0414 (re-exported: its home is planchk.errors)

# /dev/stdout and its kin name a stream this process already holds open.
_STREAMS = {"stdout": 1, "stderr": 2}


def write_atomic(path: Path, data: str | bytes | Iterable[str]) -> None:
    """Replace `path` with `data`; on any failure the old file (or no file) stays.

    `data` may be text given in pieces (a large report as it is rendered): each is written as
    it comes, into the temporary file, so that the whole text is never held at once."""
    raw = _encoded(data)
    stream = _standard_stream(path)
    if stream is not None:
        _write_stream(stream, raw)
        return
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(
            messages.OUTPUT_UNWRITABLE, path=path, reason=messages.os_reason(error)
        ) from None
    if status is not None and (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        with open(path, "wb") as opened:
            opened.writelines(raw)
        return
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OutputError(messages.OUTPUT_NOT_A_FILE, path=path)
    # A symbolic link stays a link: the file it points to is the one replaced.
    target = Path(os.path.realpath(path)) if status is not None else path
    mode = stat.S_IMODE(status.st_mode) if status is not None else _new_file_mode()
    try:
        with made_parents(target):
            _replace(target, raw, mode)
    except OSError as error:
        # The failing call named the temporary file (or the link's target): the user gave
        # `path`, so the error says `path`.
        raise OSError(error.errno, error.strerror, str(path)) from None


@contextlib.contextmanager
def made_parents(path: Path) -> Iterator[None]:
    """The folders above `path` that are not there yet, made while it is written and taken
    away again if they are still empty after (the write failed, or the run stopped before
    it): `-o reports/2024/plan.html` makes its folders, as ruff's --output-file and pytest's
    --junitxml do, and a run that writes nothing leaves none behind."""
    missing: list[Path] = []
    parent = path.parent
    while str(parent) not in ("", ".") and not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    made: list[Path] = []
    try:
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except OSError as error:  # the user gave `path`: the error says `path`
                raise OSError(error.errno, error.strerror, str(path)) from None
            made.append(folder)
        yield
    finally:
        for folder in reversed(made):
            with contextlib.suppress(OSError):  # not empty: the file was written into it
                folder.rmdir()


@contextlib.contextmanager
def locked(path: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the lock of `path`'s directory: a read-merge-write of a file there (import --into)
    by two processes at once would lose one of the updates. The directory is locked, not the
    file, because the file is replaced (a new inode) by the write; `on_wait` is called when
    another process holds the lock, before waiting for it. Without flock (Windows): no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    directory = os.open(path.parent if str(path.parent) else ".", os.O_RDONLY)
    try:
        try:
            fcntl.flock(directory, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(directory, fcntl.LOCK_EX)
        yield
    finally:
        os.close(directory)  # releases the lock


def refuse_inputs(output: Path | None, inputs: Iterable[Path | str]) -> None:
    """Refuse to write `output` over one of the files this run reads."""
    if output is None or not output.exists():
        return
    for path in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(output, path) and stat.S_ISREG(os.stat(output).st_mode):
                raise OutputError(messages.OUTPUT_IS_INPUT, path=output)


def _encoded(data: str | bytes | Iterable[str]) -> Iterable[bytes]:
    # A file name that is not UTF-8 is held as lone surrogates: written as an escape.
    if isinstance(data, bytes):
        return (data,)
    if isinstance(data, str):
        return (data.encode("utf-8", "backslashreplace"),)
    return (piece.encode("utf-8", "backslashreplace") for piece in data)


def _replace(path: Path, raw: Iterable[bytes], mode: int) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.writelines(raw)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _new_file_mode() -> int:
    """The mode `open(path, "w")` would give a new file: 0666 less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _standard_stream(path: Path) -> int | None:
    """1 or 2 when `path` names this process's stdout or stderr, else None."""
    text = str(path)
    if text in ("/dev/stdout", "/dev/stderr"):
        return _STREAMS[text.removeprefix("/dev/")]
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if text in (f"{prefix}1", f"{prefix}2"):
            return int(text.removeprefix(prefix))
    return None


def _write_stream(number: int, raw: Iterable[bytes]) -> None:
    stream = sys.stdout if number == 1 else sys.stderr
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.writelines(raw)
        buffer.flush()
    else:  # a stream without bytes (a test runner's): write the text
        stream.writelines(piece.decode("utf-8", "replace") for piece in raw)
        stream.flush()
