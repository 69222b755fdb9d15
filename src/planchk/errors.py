"""The errors planchk raises, all in one place, at the bottom of the layers so that any layer
may raise one and any layer above may catch it.

The errors a user must fix (PlanchkError and its kinds) stop the command with exit 2. Each
carries a message template (planchk.messages) and its values; the text is rendered when shown,
so in the language the user chose even when raised before the choice was read. Nothing here
imports the rest of planchk.

The others (a relation that cannot be read, a file that is no regular file or too large) are
caught by the layer that knows the file, and become a finding or a PlanchkError there.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Protocol


class Template(Protocol):
    """A message template (planchk.messages.Message): its text with the values filled in."""

    def __call__(self, **args: object) -> str: ...


class PlanchkError(Exception):
    """A problem with the arguments, configuration or files the user must fix (exit 2)."""

    def __init__(self, template: Template, **args: object) -> None:
        self.template = template
        self.values = args
        super().__init__(template(**args))

    def __str__(self) -> str:
        return self.template(**self.values)  # rendered when shown, in the chosen language


class ConfigError(PlanchkError):
    """A configuration planchk cannot use; the message names the file and the key."""


class BaselineError(PlanchkError):
    """A baseline file that cannot be read; the message says which and why."""


class OutputError(PlanchkError):
    """An output path planchk will not write to; the message says why."""


class SideError(PlanchkError):
    """Arguments that do not name two comparable sides; the message says which and why."""


class RelationError(ValueError):
    """A relation that cannot be read; `problem` is a key of messages.RELATION_PROBLEMS."""

    def __init__(self, problem: str, **args: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.args_ = args


class NotARegularFile(OSError):
    """A device, FIFO, socket or directory where a file to read was expected."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file (a device, FIFO or socket)", str(path))


class TooLarge(OSError):
    """More bytes than the limit; `size` is the stat size or, past it, what was read."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"more than {limit} bytes", str(path))
        self.size, self.limit = size, limit
