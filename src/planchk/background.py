"""Run one computation in a forked process while this one does another.

planchk diff checks two revisions of a plan; on a machine with two cores the old revision's
rules can run beside the new revision's. A forked child sees the loaded plan without copying
it and sends back only its result. Where fork is not available (Windows, macOS's default),
or the child fails, the computation simply runs here when its result is asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")


def in_background(compute: Callable[[], T]) -> Callable[[], T]:
    """Start `compute`; the returned function waits for and returns its result."""
    if "fork" not in multiprocessing.get_all_start_methods() or os.environ.get("PLANCHK_NO_FORK"):
        return compute
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(compute, send), daemon=True)
    process.start()
    send.close()

    def wait() -> T:
        try:
            succeeded, value = receive.recv()
        except (EOFError, OSError):
            succeeded, value = False, None
        finally:
            receive.close()
            process.join()
        return value if succeeded else compute()

    return wait


def _child(compute: Callable[[], Any], send: Connection) -> None:
    try:
        result = (True, compute())
    except BaseException:  # the parent computes it again and reports whatever happens then
        result = (False, None)
    try:
        send.send(result)
    finally:
        send.close()
