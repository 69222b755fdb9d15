"""What the commands share: option choices, options, writing the result, usage errors.

The choices of --format come from the formatter registry (planchk.formatters.REGISTRY), the
levels from Severity and the languages from planchk.i18n, so that one added there is offered
here without a second list. Every exit goes through ExitCode.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from planchk import i18n, messages
from planchk.escape import visible_lines
from planchk.findings import Severity
from planchk.formatters import REGISTRY
from planchk.report import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from planchk.reading import Piped


def _members(names: Iterable[str]) -> list[tuple[str, str]]:
    return [(name, name) for name in names]


# typer offers an enum's values as the choices; these enums are built from the lists they
# stand for, which mypy cannot follow (hence the ignores): their values are plain strings.
OutputFormat = enum.StrEnum("OutputFormat", _members(["auto", *REGISTRY["validate"]]))  # type: ignore[misc]
DiffFormat = enum.StrEnum("DiffFormat", _members(REGISTRY["diff"]))  # type: ignore[misc]
ReportFormat = enum.StrEnum("ReportFormat", _members(REGISTRY["report"]))  # type: ignore[misc]
# The levels from the most severe down, as --fail-on and --fail-on-new take them.
Level = enum.StrEnum("Level", _members(s.label for s in sorted(Severity, reverse=True)))  # type: ignore[misc]
Language = enum.StrEnum("Language", _members(i18n.LANGUAGES))  # type: ignore[misc]

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Configuration file (default: planchk.toml or pyproject.toml, upward)."
    ),
]
# A CI check of a pull request reads the base branch's configuration, so that the pull
# request cannot weaken its own check (docs/github-actions.md).
ConfigRevisionOption = Annotated[
    str | None,
    typer.Option(
        "--config-revision",
        metavar="REV",
        help="Read the configuration from this git revision (the --config file there, or the one "
        "found there as in the working tree; none there: the defaults), never from the working "
        "tree, e.g. the base branch in a pull request's check.",
    ),
]

# `-` reads the file from stdin in validate, report, diff and import (planchk.reading).
StdinFilenameOption = Annotated[
    Path | None,
    typer.Option(
        help="The name of the file given as - (read from stdin): its positions, its kind, and "
        "the files beside it it pairs with."
    ),
]


def piped_document(
    paths: Iterable[Path], stdin_filename: Path | None, max_bytes: int
) -> tuple[list[Path], Piped | None]:
    """For validate, report and diff: `-` named as a plan document (--stdin-filename plan.docx)
    is read whole from stdin as import reads it, and stands for that name; a plan file on stdin
    (any other name, or none) is left to the loader, which reads it as YAML. The importers are
    imported only then: a check of plan files starts without them."""
    from planchk.loader.discover import DOCUMENT_SUFFIXES
    from planchk.reading import STDIN

    paths = list(paths)
    if STDIN not in paths or stdin_filename is None:
        return paths, None
    if stdin_filename.suffix.lower() not in DOCUMENT_SUFFIXES:
        return paths, None
    from planchk.importers.piped import piped_files

    return piped_files(paths, stdin_filename, max_bytes)


def emit(text: str | bytes | Iterable[str], output: Path | None) -> None:
    """Write the result to `output` whole or not at all, or to stdout when there is none.
    Text given in pieces is written piece by piece, never joined."""
    if output is None:
        assert not isinstance(text, bytes)  # binary formats require an output file
        with to_stdout():
            if isinstance(text, str):
                sys.stdout.write(text)
            else:
                sys.stdout.writelines(text)
    else:
        from planchk.atomic import write_atomic

        write_atomic(output, text)


@contextlib.contextmanager
def to_stdout() -> Iterator[None]:
    """Around every command's writing of its result to stdout (emit, or rich printing a
    table). A reader that stopped (`| head`): stop quietly as git and grep do, and exit with
    the code the run gives (a closed pipe is no unusable input; click would say 1). A
    character stdout's encoding lacks is written as an escape (the app's _tolerant_streams)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()


def table_console() -> Console:
    """A rich console for a table printed to stdout, inside to_stdout(): on a closed pipe rich
    would exit 1 itself; here the pipe's end is to_stdout's to handle, and the run's code is
    the command's to give."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(highlight=False)


def _drop_stdout() -> None:
    """Point stdout at the null device: what is still buffered, and the flush at exit,
    would raise BrokenPipeError again."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)


# The tables planchk import reads: given to validate, report or diff, each is refused with the
# commands that make it a plan (it is no YAML: a CSV was PC011 "a single value", a workbook
# PC002 with iconv advice that does not apply).
TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")


class TableGiven(typing.NamedTuple):
    position: int  # its place among the arguments
    path: Path  # as named: `-` is its --stdin-filename
    source: str  # what planchk import is given, as the shell reads it
    plan: str  # the plan directory planchk import is told to write


def tables_given(targets: list[Path], stdin_filename: Path | None) -> list[TableGiven]:
    """The tables among `targets` (`-` named as one by --stdin-filename too)."""
    found = []
    for position, path in enumerate(targets):
        piped = str(path) == "-" and stdin_filename is not None
        named = stdin_filename if piped and stdin_filename is not None else path
        if named.suffix.lower() in TABLE_SUFFIXES and not path.is_dir():
            source = f"- --stdin-filename {shell_path(named)}" if piped else shell_path(named)
            found.append(TableGiven(position, named, source, shell_path(named.parent / named.stem)))
    return found


def refuse_tables(
    targets: list[Path], stdin_filename: Path | None, template: messages.Message
) -> None:
    """Exit 2 on the first table given as a plan file, with `template` naming the commands."""
    for table in tables_given(targets, stdin_filename)[:1]:
        raise messages.PlanchkError(template, path=table.path, source=table.source, plan=table.plan)


def shell_path(path: Path | str) -> str:
    """A path as the shell reads it: quoted only where it must be (a space, a quote, a $),
    so that a Chinese name stays readable."""
    import shlex

    text = str(path)
    return shlex.quote(text) if any(c in text for c in " \t'\"$&;|<>()*?`\\") else text


ColorChoice = Literal["auto", "always", "never"]
_color: list[ColorChoice] = ["auto"]  # --color or --no-color, set by the app for each run


def choose_color(choice: ColorChoice) -> None:
    _color[0] = choice


def stdout_color() -> bool:
    """Colour on stdout: --color always or never first, then NO_COLOR, FORCE_COLOR, else only
    on a terminal that is not TERM=dumb (Emacs's shell, some CI logs)."""
    if _color[0] != "auto":
        return _color[0] == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


@contextlib.contextmanager
def usage_errors() -> Iterator[None]:
    """Configuration, baseline and output problems: one line on stderr and exit 2."""
    try:
        yield
    except messages.PlanchkError as error:
        fail_usage(str(error))
    except OSError as error:
        fail_usage(
            messages.OUTPUT_UNWRITABLE(path=error.filename, reason=messages.os_reason(error))
        )


def fail_usage(text: str) -> NoReturn:
    sys.stderr.write(visible_lines(messages.USAGE_ERROR(message=text)) + "\n")
    raise typer.Exit(ExitCode.UNUSABLE)


def finish(code: ExitCode) -> NoReturn:
    raise typer.Exit(code)
