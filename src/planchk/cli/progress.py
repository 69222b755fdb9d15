"""A spinner on stderr while a large plan is checked, so that a long wait does not look hung.

Shown only on a terminal and only for inputs large enough to take about a second (a few MB
of YAML); CI logs and pipes never see it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from planchk import messages
from planchk.loader.discover import input_size

# About a second of work on a two-core machine (a 1,000,000-cell plan is 10.6 MB and
# validates in 2 s; see benchmarks/README.md).
THRESHOLD_BYTES = 5 * 1024 * 1024

__all__ = ["THRESHOLD_BYTES", "input_size", "should_show", "spinner"]


def should_show(size: int, terminal: bool) -> bool:
    return terminal and size >= THRESHOLD_BYTES


@contextlib.contextmanager
def spinner(size: int) -> Iterator[None]:
    """Around the work on `size` bytes of input (see input_size)."""
    if not should_show(size, sys.stderr.isatty() and os.environ.get("TERM") != "dumb"):
        yield
        return
    from rich.console import Console

    text = messages.PROGRESS(megabytes=f"{size / 1024 / 1024:.1f}")
    with Console(stderr=True).status(text):
        yield
