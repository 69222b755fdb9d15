"""`planchk report`: check the plan, build the view, render it, write it whole or not at all."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planchk import messages
from planchk.cli.common import (
    ConfigOption,
    ConfigRevisionOption,
    ReportFormat,
    StdinFilenameOption,
    emit,
    finish,
    refuse_tables,
    usage_errors,
)
from planchk.report import ExitCode

if TYPE_CHECKING:
    from planchk.config import Config
    from planchk.report import Report

BINARY_FORMATS = frozenset({"xlsx"})
# A table (common.TABLE_SUFFIXES) is no plan file: refused with the commands that report on it.
TABLE_GIVEN = messages.message(
    "report.table-given",
    "{path} is a table, not a plan file: import it into a plan directory first, then report "
    "on that: planchk import {source} -o {plan} && planchk report {plan}",
)

PathsArgument = Annotated[
    list[Path] | None,
    # Not readable=True (typer's default): an unreadable file is PC001, with its reason.
    typer.Argument(
        readable=False, help="Plan files or directories (default: the configured paths)."
    ),
]
FormatOption = Annotated[
    ReportFormat, typer.Option("--format", "--output-format", "-f", help="Report format.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (whole or not at all); required for xlsx, else stdout.",
    ),
]
HTML = ReportFormat("html")  # the default format


def report(
    paths: PathsArgument = None,
    output_format: FormatOption = HTML,
    output: OutputOption = None,
    config_file: ConfigOption = None,
    config_revision: ConfigRevisionOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Lay out the plan's tables, goals and tasks with every finding marked where it is."""
    from planchk.cli.progress import input_size, spinner
    from planchk.config import overrides

    with usage_errors():
        config = overrides.resolve(config_file, revision=config_revision)
        targets = paths or overrides.default_paths(config)
        refuse_tables(targets, stdin_filename, TABLE_GIVEN)
        with spinner(input_size(targets)):
            checked = write_report(targets, config, output_format.value, output, stdin_filename)
    finish(ExitCode.UNUSABLE if checked.unusable else ExitCode.CLEAN)


def write_report(
    paths: list[Path],
    config: Config,
    fmt: str,
    output: Path | None,
    stdin_filename: Path | None = None,
) -> Report:
    """Write the report of the plans under `paths` (`-`: a plan file on stdin, named
    `stdin_filename`); returns the check's report.

    Input that cannot be read gives no report file at all: the reasons go to stderr, as from
    `planchk validate`, and the caller exits 2.
    """
    from planchk.atomic import refuse_inputs
    from planchk.engine import check_discovery
    from planchk.formatters import RenderOptions, get, get_report_pieces
    from planchk.formatters.report.view import build_view
    from planchk.loader.discover import discover, is_document

    if fmt in BINARY_FORMATS and output is None:
        raise messages.PlanchkError(messages.REPORT_NEEDS_OUTPUT, format=fmt)
    from planchk.cli.common import piped_document

    paths, piped = piped_document(paths, stdin_filename, config.max_bytes)
    if any(is_document(path) for path in paths):
        from planchk.importers.checked import document_discovery, placed_report

        found, places, notes = document_discovery(paths, config, piped=piped)
        sys.stderr.write("".join(note + "\n" for note in notes))
        report = placed_report(check_discovery(found, config), places)
    else:
        limit = config.max_findings_per_rule  # cells of the wrong type listed (loader.cells)
        found = discover(paths, config.max_bytes, stdin_filename=stdin_filename, max_findings=limit)
        report = check_discovery(found, config)
    refuse_inputs(output, report.files)
    if report.unusable:
        sys.stderr.write(get("text")(report, RenderOptions(fail_on=config.fail_on)))
        return report
    emit(get_report_pieces(fmt)(build_view(found, report)), output)  # made as it is written
    if output is not None:
        sys.stderr.write(messages.REPORT_WRITTEN(len(report.findings), path=output) + "\n")
    return report
