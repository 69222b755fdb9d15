"""click's and typer's own words (usage errors, help headings) in planchk's catalogue.

click and typer say them through gettext's `_` and `ngettext`, looked up in the process's
default domain, which planchk neither owns nor ships; `install` points each of their modules'
`_` and `ngettext` at planchk's catalogue instead (context `click.*`), and sets typer's panel
titles, computed when typer.rich_utils is imported, to the current language. The English
texts are click's message ids, taken from click 8.0 (the floor) and 8.4: where the two differ
(`No such option: --x` became `No such option '--x'.`) both are here, so that either version
speaks Chinese. tests/test_cli_language.py finds every id of the installed click's usage errors
here (run on the floors by the smoke tests).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import click

from planchk import i18n
from planchk.messages import Message, message

# click's and typer's English texts, by a name of ours (the key is `click.NAME`).
_TEXTS = {
    "error": "Error: {message}",
    "try-help": "Try '{command} {option}' for help.",
    "invalid-value": "Invalid value: {message}",
    "invalid-value-for": "Invalid value for {param_hint}: {message}",
    "missing-argument": "Missing argument",
    "missing-option": "Missing option",
    "missing-parameter": "Missing parameter",
    "missing-type": "Missing {param_type}",
    "missing-parameter-named": "Missing parameter: {param_name}",
    "no-such-option": "No such option {name!r}.",
    "no-such-option-8-0": "No such option: {name}",
    "did-you-mean": "Did you mean {possibility}?",
    "possible-options": "(Possible options: {possibilities})",
    "did-you-mean-one-of": "(Did you mean one of: {possibilities}?)",
    "no-such-command": "No such command {name!r}.",
    "could-not-open": "Could not open file {filename!r}: {message}",
    "unknown-error": "unknown error",
    "requires-argument": "Option {name!r} requires an argument.",
    "requires-arguments": "Option {name!r} requires {nargs} arguments.",
    "takes-no-value": "Option {name!r} does not take a value.",
    "argument-takes": "Argument {name!r} takes {nargs} values.",
    "invalid-start": "Invalid start character for option ({option})",
    "usage": "Usage:",
    "extra-argument": "Got unexpected extra argument ({args})",
    "extra-arguments": "Got unexpected extra arguments ({args})",
    "missing-command": "Missing command.",
    "aborted": "Aborted!",
    "options": "Options",
    "commands": "Commands",
    "show-help": "Show this message and exit.",
    "default": "default: {default}",
    "required": "required",
    "env-var": "env var: {var}",
    "dynamic": "(dynamic)",
    "takes-one": "Takes {nargs} values but 1 was given.",
    "takes-several": "Takes {nargs} values but {len} were given.",
    "not-iterable": "Value must be an iterable.",
    "not-one-of": "{value!r} is not one of {choices}.",
    "not-choice": "{value!r} is not {choice}.",
    "not-a-number": "{value!r} is not a valid {number_type}.",
    "not-in-range": "{value} is not in the range {range}.",
    "not-boolean-8-0": "{value!r} is not a valid boolean.",
    "not-boolean": "{value!r} is not a valid boolean. Recognized values: {states}",
    "file-missing": "{name} {filename!r} does not exist.",
    "file-is-directory": "{name} {filename!r} is a directory.",
    "file-is-file": "{name} {filename!r} is a file.",
    "file-not-readable": "{name} {filename!r} is not readable.",
    "file-not-writable": "{name} {filename!r} is not writable.",
    "file-not-executable": "{name} {filename!r} is not executable.",
    "directory": "directory",
    "file": "file",
    "path": "path",
    "typer-arguments": "Arguments",
    "typer-error": "Error",
    "typer-aborted": "Aborted.",
    "typer-try-help": "Try [blue]'{command_path} {help_option}'[/] for help.",
    "typer-default": "[default: {}]",
    "typer-env-var": "[env var: {}]",
    "typer-required": "[required]",
    "typer-deprecated": "(deprecated) ",
}
BY_ENGLISH: dict[str, Message] = {
    english: message(f"click.{name}", english) for name, english in _TEXTS.items()
}

# The modules that say these texts; a module an installed version lacks is left out.
_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "typer.core",
)
# typer.rich_utils computes these from `_` when it is imported, once.
_TYPER_CONSTANTS = (
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "ABORTED_TEXT",
    "RICH_HELP",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "REQUIRED_LONG_STRING",
    "DEPRECATED_STRING",
)
_english_constants: dict[str, str] = {}


# The names of click's number types, which its message fills in after `_` (`'x' is not a valid
# integer`): the translated template names them in the reader's language when formatted.
NUMBER_TYPES = {
    name: message(f"click.type-{name.replace(' ', '-')}", name)
    for name in ("integer", "integer range", "float", "float range")
}


class _NamingNumbers(str):
    """A translated template whose {number_type} is said in the same language."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        kind = kwargs.get("number_type")
        if isinstance(kind, str) and kind in NUMBER_TYPES:
            kwargs["number_type"] = NUMBER_TYPES[kind].text
        return str(self).format(*args, **kwargs)


def gettext(english: str) -> str:
    """click's text in the current language; a text planchk does not know stays English."""
    found = BY_ENGLISH.get(english)
    if found is None:
        return english
    return _NamingNumbers(found.text) if "{number_type}" in english else found.text


def ngettext(one: str, other: str, count: int) -> str:
    return gettext(one if count == 1 else other)


def install(with_rich_help: bool) -> None:
    """Point click's and typer's `_` and `ngettext` at planchk's catalogue; with
    `with_rich_help` (a language other than English), typer's panel titles too, which needs
    typer.rich_utils (and rich) imported: a run in English does not pay for that."""
    for name in _MODULES:
        module = sys.modules.get(name) or _imported(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is None and with_rich_help:
        rich_utils = _imported("typer.rich_utils")
    if rich_utils is not None:
        _translate_constants(rich_utils)


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    """A usage error raised inside: typer's error panel, in the current language. typer
    imports rich_utils only to show it, so a run that parses well never pays for it."""
    try:
        yield
    except click.ClickException:
        if i18n.language() != "en":
            install(with_rich_help=True)
        raise


def _translate_constants(rich_utils: ModuleType) -> None:
    for name in _TYPER_CONSTANTS:
        english = _english_constants.setdefault(name, getattr(rich_utils, name, ""))
        if english:
            setattr(rich_utils, name, gettext(english))
    make = getattr(rich_utils, "_make_rich_text", None)
    if make is not None and not getattr(make, "folds", False):
        setattr(rich_utils, "_make_rich_text", _folding(make))  # noqa: B010 (a private name)


def _folding(make: Callable[..., Any]) -> Callable[..., Any]:
    """typer's help texts, folded where a line is full rather than cut with an ellipsis: rich
    breaks lines at spaces, and a Chinese sentence has none, so the whole sentence would be
    one word wider than its column."""

    def folded(*args: Any, **kwargs: Any) -> Any:
        text = make(*args, **kwargs)
        if hasattr(text, "overflow"):
            text.overflow = "fold"
        return text

    folded.folds = True  # type: ignore[attr-defined]
    return folded


def _imported(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:  # a module this version of click or typer does not have
        return None
