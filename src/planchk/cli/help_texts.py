"""The command line's help in the reader's language: every command's and option's help text.

typer evaluates help strings when the commands are declared, in English; they are translated
when the help is shown, never at import: `translate` rewrites the help of a click command tree
(built afresh by typer for each run) in the current language, and `entries` names each text
for the catalogue (`help.COMMAND` for a command, `help.COMMAND.PARAMETER` for an option or
argument; a text shared by several commands, such as --config's, is one entry, named after
its first place). So a help text added to a command is in the catalogue without a second list,
and tools/i18n.py check fails until it is translated.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from planchk.messages import Message


def entries(root: click.Command) -> list[tuple[str, str]]:
    """(key, English) of every help text under `root`, each English text once."""
    seen: dict[str, str] = {}
    for key, english in _texts(root, root.name or "planchk"):
        seen.setdefault(english, key)
    return [(key, english) for english, key in seen.items()]


def translate(root: click.Command) -> None:
    """Rewrite the help texts of `root` and its commands in the current language."""
    known = {english: Message(key, english) for key, english in entries(root)}
    for command in _commands(root):
        if command.help:
            command.help = known[_clean(command.help)].text
        if command.short_help:
            command.short_help = known[_clean(command.short_help)].text
        for param in command.params:
            text = getattr(param, "help", None)
            if text:
                param.help = known[_clean(text)].text  # type: ignore[attr-defined]


def _texts(command: click.Command, path: str) -> Iterator[tuple[str, str]]:
    for text in (command.help, command.short_help):
        if text:
            yield f"help.{path}", _clean(text)
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            yield f"help.{path}.{param.name}", _clean(text)
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _texts(sub, name)


def _commands(root: click.Command) -> Iterator[click.Command]:
    yield root
    for sub in getattr(root, "commands", {}).values():
        yield from _commands(sub)


def _clean(text: str) -> str:
    """A docstring's text without the indentation of the code it stands in."""
    import inspect

    return inspect.cleandoc(text)
