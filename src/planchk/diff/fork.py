"""One piece of work done in a forked child beside the parent's own, its result sent back.

`planchk diff` reads and checks two revisions; on two cores the second can be read while the
first is. A thread would not help (the work is Python, under one interpreter lock), and a
fresh interpreter would pay start-up and imports again; a fork starts at once with everything
imported. The child pickles its result into a pipe and leaves with os._exit, so it runs none
of the parent's clean-up and writes nothing else anywhere.

The child is an optimisation, never a second source of truth: when it cannot start, dies, or
fails in any way, the parent does the same work itself, so that what the user sees (results,
error messages, their order) is exactly what a sequential run gives.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")

# Below this much YAML (both sides together) a fork and a pickle cost more than they save.
MIN_BYTES = 1024 * 1024


def worth_forking(size: int) -> bool:
    """Fork only on Linux (fork is unsafe with some of macOS's system libraries and absent on
    Windows), with a second CPU to run on, for inputs large enough to gain from it."""
    return sys.platform == "linux" and size >= MIN_BYTES and _cpus() > 1


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Beside(Generic[T]):
    """`work` started in a forked child; `result()` waits for it (or does it here)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.child: tuple[int, int] | None = _start(work)

    def result(self) -> T:
        if self.child is not None:
            pid, pipe = self.child
            try:
                with os.fdopen(pipe, "rb", closefd=False) as reader:
                    payload = reader.read()
            except BaseException:
                self.cancel()  # interrupted while waiting: the child must not outlive us
                raise
            self.child = None
            os.close(pipe)
            if _finished_well(pid):
                with contextlib.suppress(Exception):  # a cut-off pickle does not load
                    return pickle.loads(payload)  # type: ignore[no-any-return]
        return self.work()

    def cancel(self) -> None:
        """Stop the child if it is still running (the parent failed or was interrupted)."""
        child, self.child = self.child, None
        if child is not None:
            pid, pipe = child
            os.close(pipe)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)


def _finished_well(pid: int) -> bool:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return True  # reaped already (SIGCHLD ignored): the pickle itself must be whole
    return os.waitstatus_to_exitcode(status) == 0


def _start(work: Callable[[], T]) -> tuple[int, int] | None:
    try:
        reader, writer = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:
        _child(work, reader, writer)
    os.close(writer)
    return pid, reader


def _child(work: Callable[[], T], reader: int, writer: int) -> NoReturn:
    code = 1
    try:
        os.close(reader)
        # Whatever the work might print (a warning, say) must not mix into the parent's output.
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        code = 0
    finally:
        os._exit(code)
