"""`planchk diff`: what changed between two revisions of a plan, and the git diff driver."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.core

from planchk import messages
from planchk.cli.common import (
    ConfigOption,
    ConfigRevisionOption,
    DiffFormat,
    Level,
    StdinFilenameOption,
    emit,
    finish,
    shell_path,
    stdout_color,
    tables_given,
    usage_errors,
)
from planchk.escape import visible_lines
from planchk.findings import Severity
from planchk.report import ExitCode

if TYPE_CHECKING:
    from planchk.config import Config
    from planchk.diff import DiffReport

# A table (common.TABLE_SUFFIXES) is no plan file: refused with the commands that import each
# table given and compare the plans they make.
TABLE_GIVEN = messages.message(
    "diff.table-given",
    "{path} is a table, not a plan file: import each table into a plan directory first, then "
    "compare those: {commands}",
)
# --fail-on-new counts a finding that the new revision introduces together with its waiver
# (diff/waived.py): the change would otherwise pass its own check.
WAIVED_BY_CHANGE = messages.message(
    "diff.waived-by-change",
    "{place}: {code} is introduced and waived by the same change; --fail-on-new counts it "
    "(a waiver the old revision already has would waive it)",
)

SidesArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="OLD [NEW] [PATHS]...",
        help="Two plan files or directories (one file may be -, read from stdin); or a git "
        "revision (compared with the working tree) or two, then the paths to compare "
        "(default: the configured paths).",
    ),
]
FormatOption = Annotated[
    DiffFormat, typer.Option("--format", "--output-format", "-f", help="Output format.")
]
ExitCodeOption = Annotated[
    bool, typer.Option("--exit-code", help="Exit 1 when there are differences, like git diff.")
]
TEXT = DiffFormat("text")  # the default format
FailOnNewOption = Annotated[
    Level | None,
    typer.Option(help="Exit 1 when the new revision introduces findings at this level or above."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the diff to this file (whole or not at all)."),
]


class PathsAfterSeparator(typer.core.TyperCommand):
    """Click drops a `--` from the arguments; `planchk diff REV -- PATHS` needs to know where it
    stood (git's convention: what follows it are paths), so its place is kept in ctx.meta."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's click or click
        if "--" in args:
            ctx.meta[PATHS_AFTER] = len(args) - args.index("--") - 1
        return super().parse_args(ctx, args)


PATHS_AFTER = "planchk.paths_after"


def diff(
    ctx: typer.Context,
    args: SidesArgument,
    output_format: FormatOption = TEXT,
    exit_code: ExitCodeOption = False,
    fail_on_new: FailOnNewOption = None,
    config_file: ConfigOption = None,
    config_revision: ConfigRevisionOption = None,
    output: OutputOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Show what changed between two revisions of a plan and what it did to the findings."""
    from planchk.atomic import refuse_inputs
    from planchk.cli.progress import spinner
    from planchk.config import overrides
    from planchk.diff import Comparison
    from planchk.loader.discover import is_document

    with usage_errors():
        config = overrides.resolve(config_file, revision=config_revision)
        # Started before the spinner: a forked child should not inherit its thread.
        paths_after = ctx.meta.get(PATHS_AFTER)
        # `-` for one draft stands for its --stdin-filename, which names its kind.
        named = [stdin_filename if a == "-" and stdin_filename else Path(a) for a in args]
        _refuse_tables(args, stdin_filename)
        if len(args) == 2 and all(is_document(n) for n in named):
            from planchk.cli.common import piped_document
            from planchk.importers.checked import diff_documents

            drafts, piped = piped_document(
                [Path(a) for a in args], stdin_filename, config.max_bytes
            )
            refuse_inputs(output, drafts)
            compared, notes = diff_documents(drafts[0], drafts[1], config, piped)
            sys.stderr.write("".join(note + "\n" for note in notes))
            report = render_diff(compared, config, output_format.value, output)
        else:
            defaults = overrides.default_paths(config)
            comparison = Comparison(args, defaults, config, paths_after, stdin_filename)
            refuse_inputs(output, comparison.input_files)
            with spinner(comparison.size):
                report = render_diff(comparison.run(), config, output_format.value, output)
    if report.unusable:
        finish(ExitCode.UNUSABLE)
    failing = _failing(report, fail_on_new)
    differs = failing or (exit_code and report.changes)
    finish(ExitCode.FINDINGS if differs else ExitCode.CLEAN)


def _failing(report: DiffReport, fail_on_new: Level | None) -> bool:
    """Whether --fail-on-new fails the run; says why of each finding shown as waived."""
    if fail_on_new is None:
        return False
    failing = report.introduced_at(Severity.parse(fail_on_new.value))
    for finding in failing:
        if finding.waived is not None:  # waived by a waiver the same change adds
            place = finding.location
            sys.stderr.write(visible_lines(WAIVED_BY_CHANGE(place=place, code=finding.code)) + "\n")
    return bool(failing)


def _refuse_tables(args: list[str], stdin_filename: Path | None) -> None:
    """Exit 2 on a table among the sides, naming the imports and the diff of their plans."""
    tables = tables_given([Path(a) for a in args], stdin_filename)
    if tables:
        sides = [shell_path(a) for a in args]
        imports = []
        for table in tables:
            imports.append(f"planchk import {table.source} -o {table.plan}")
            sides[table.position] = table.plan
        commands = " && ".join([*imports, "planchk diff " + " ".join(sides)])
        raise messages.PlanchkError(TABLE_GIVEN, path=tables[0].path, commands=commands)


def diff_driver(
    path: str,
    old_file: Path,
    old_hex: str,
    old_mode: str,
    new_file: Path,
    new_hex: str,
    new_mode: str,
) -> None:
    """Git external diff driver: git config diff.planchk.command "planchk diff-driver"."""
    from planchk.config import overrides
    from planchk.diff import diff_sides
    from planchk.diff.sides import driver_sides

    del old_hex, old_mode, new_hex, new_mode  # git passes them; the content is what counts
    with usage_errors():
        config = overrides.resolve(None)
        sides = driver_sides(path, old_file, new_file, config.max_bytes)
        render_diff(diff_sides(*sides, config), config, "text", None)


def render_diff(report: DiffReport, config: Config, fmt: str, output: Path | None) -> DiffReport:
    from planchk.formatters import RenderOptions, get_diff, get_diff_pieces

    options = RenderOptions(color=output is None and stdout_color(), fail_on=config.fail_on)
    rendered = get_diff_pieces(fmt)(report, options)  # made as it is written
    if report.unusable and output is not None:
        # A diff of input that could not be read writes no file; the reasons go to stderr.
        sys.stderr.write(get_diff("text")(report, RenderOptions()))
    else:
        emit(rendered, output)
    return report
