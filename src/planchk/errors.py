"""The errors a user must fix, all in one place: each stops the command with exit 2.

Each carries a message template (planchk.messages) and its values; the text is rendered when
shown, so in the language the user chose even when raised before the choice was read. Nothing
here imports the rest of planchk: every layer may raise them.
"""

from __future__ import annotations

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
