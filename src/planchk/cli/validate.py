"""`planchk validate`: check plan files and print the findings in the chosen format."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planchk import messages
from planchk.cli.common import (
    ConfigOption,
    ConfigRevisionOption,
    Level,
    OutputFormat,
    StdinFilenameOption,
    emit,
    finish,
    refuse_tables,
    stdout_color,
    usage_errors,
)
from planchk.escape import visible_lines
from planchk.messages import message
from planchk.report import ExitCode

if TYPE_CHECKING:
    from collections import Counter

    from planchk.config import Config
    from planchk.report import Report
    from planchk.suppress.baseline import Key, Recorder
    from planchk.suppress.cap import Record

# A table given to validate (common.TABLE_SUFFIXES) is refused with the commands that check it.
TABLE_GIVEN = message(
    "validate.table-given",
    "{path} is a table, not a plan file: import it into a plan directory first, then check "
    "that: planchk import {source} -o {plan} && planchk validate {plan}",
)

PathsArgument = Annotated[
    list[Path] | None,
    # Not readable=True (typer's default): an unreadable file is PC001, with its reason.
    typer.Argument(
        readable=False, help="Plan files or directories (default: the configured paths, or data/)."
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "--output-format",
        "-f",
        help="Output format; auto is github under GitHub Actions, else text.",
    ),
]
AUTO = OutputFormat("auto")  # the default format
FailOnOption = Annotated[
    Level | None,
    typer.Option(help="Exit 1 when a finding at this level or above remains (default: error)."),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(help="Report only these codes, slugs or families (comma-separated)."),
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option(help="Do not report these codes, slugs or families.")
]
BaselineOption = Annotated[
    Path | None, typer.Option(help="Leave out the findings this baseline file records.")
]
WriteBaselineOption = Annotated[
    Path | None, typer.Option(help="Record today's findings in this file and exit 0.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to this file (whole or not at all)."),
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option(min=1, help="Refuse larger files (default 50 MiB, or PLANCHK_MAX_BYTES)."),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="Text output: the findings only, no headings or summary."),
]
ExitZeroOption = Annotated[
    bool,
    typer.Option(
        "--exit-zero",
        help="Exit 0 even when findings remain; input that cannot be checked still exits 2.",
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Plan documents: also show on stderr what the table reader inferred and skipped in "
        "each annex table (the log planchk import writes into targets.yaml).",
    ),
]
FixSuggestionsOption = Annotated[
    bool,
    typer.Option(
        "--fix-suggestions",
        help="Show, under each sum that does not add up, the correction most likely meant.",
    ),
]


def validate(
    paths: PathsArgument = None,
    output_format: FormatOption = AUTO,
    fail_on: FailOnOption = None,
    config_file: ConfigOption = None,
    config_revision: ConfigRevisionOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    baseline: BaselineOption = None,
    write_baseline: WriteBaselineOption = None,
    output: OutputOption = None,
    max_bytes: MaxBytesOption = None,
    fix_suggestions: FixSuggestionsOption = False,
    exit_zero: ExitZeroOption = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Check plan files: schema, sums, trends, units, goals and task offices."""
    from planchk.config import overrides

    with usage_errors():
        config = overrides.resolve(
            config_file,
            revision=config_revision,
            select=select,
            ignore=ignore,
            fail_on=fail_on.value if fail_on else None,
            max_bytes=max_bytes,
        )
        targets = paths or overrides.default_paths(config)
        refuse_tables(targets, stdin_filename, TABLE_GIVEN)
        format_name = _format_name(output_format.value)
        report = _check(targets, config, format_name, baseline, fix_suggestions,
                        write_baseline, output, quiet, stdin_filename, verbose)  # fmt: skip
    code = report.exit_code(config.fail_on)
    finish(ExitCode.CLEAN if exit_zero and code == ExitCode.FINDINGS else code)


def _check(
    targets: list[Path],
    config: Config,
    format_name: str,
    baseline: Path | None,
    fix_suggestions: bool,
    write_baseline: Path | None,
    output: Path | None,
    quiet: bool = False,
    stdin_filename: Path | None = None,
    verbose: bool = False,
) -> Report:
    """Check, render and write; exits itself where a run writes no report."""
    from planchk.atomic import refuse_inputs
    from planchk.cli.progress import input_size, spinner
    from planchk.formatters import RenderOptions, get, get_pieces, shows_suggestions
    from planchk.suppress import baseline as baselines

    render = get_pieces(format_name)
    # Suggested corrections cost a search per sum finding: worked out only where shown.
    suggest = fix_suggestions or (shows_suggestions(format_name) and write_baseline is None)
    known = baselines.read_baseline(baseline) if baseline is not None else None
    checked, recorder = _recording(config, write_baseline, targets, stdin_filename)
    with spinner(input_size(targets)):
        report = _checked(targets, checked, suggest, known, stdin_filename, verbose,
                          cells=config.max_findings_per_rule, record=recorder)  # fmt: skip
    if known and baseline is not None and report.baselined == 0:
        entries = sum(known.values())
        sys.stderr.write(messages.BASELINE_MATCHED_NONE(entries, path=baseline) + "\n")
    for written in (output, write_baseline):
        refuse_inputs(written, report.files)
    if report.unusable and (output is not None or write_baseline is not None):
        # A run that could not check its input writes no file; the reasons go to stderr.
        sys.stderr.write(get("text")(report, RenderOptions(fail_on=config.fail_on)))
        finish(ExitCode.UNUSABLE)
    color = output is None and stdout_color()
    # Rendered as it is written: a report of many findings is never one string in memory.
    options = RenderOptions(color, config.fail_on, fix_suggestions, quiet, config.docs_url)
    if write_baseline is None:
        emit(render(report, options), output)
        return report
    _record(report, write_baseline, config.max_findings_per_rule, output,
            lambda shown: render(shown, options), recorder)  # fmt: skip
    finish(ExitCode.CLEAN)


def _recording(
    config: Config, write_baseline: Path | None, targets: list[Path], stdin_filename: Path | None
) -> tuple[Config, Recorder | None]:
    """How a run checks that writes a baseline. It records every finding, not the capped
    ones (the rest would come back as new): plan files are checked with the cap on, each
    finding recorded as the cap gets it (suppress.baseline.Recorder); plan documents, whose
    findings are placed after the check, with no cap, shown as the cap says (suppress.shown)."""
    from planchk.suppress.baseline import Recorder

    if write_baseline is None:
        return config, None
    if _plan_files(targets, stdin_filename):
        return config, Recorder(write_baseline)
    return replace(config, max_findings_per_rule=0), None


def _plan_files(targets: list[Path], stdin_filename: Path | None) -> bool:
    """Whether `targets` are plan files (no plan document, none piped), as _checked reads."""
    from planchk.loader.discover import DOCUMENT_SUFFIXES, is_document

    piped = stdin_filename is not None and stdin_filename.suffix.lower() in DOCUMENT_SUFFIXES
    return not piped and not any(is_document(path) for path in targets)


def _record(
    report: Report,
    baseline: Path,
    limit: int,
    output: Path | None,
    render: Callable[[Report], str | bytes | Iterable[str]],
    recorder: Recorder | None = None,
) -> None:
    """Write the baseline of every finding (written as read: suppress.baseline), and the
    output the configured cap shows (Shown keeps it as the baseline reads them). With no
    cap, the output reads them again: neither holds them all."""
    from planchk.suppress import baseline as baselines
    from planchk.suppress.shown import Shown

    if recorder is not None:  # recorded as checked: the report is the capped one
        count = recorder.write()
        emit(render(report), output)
    elif limit <= 0:
        count = baselines.write_baseline(report, baseline)
        emit(render(report), output)
    else:
        shown = Shown(limit)
        count = baselines.write_baseline(report, baseline, shown.add)
        emit(render(replace(report, findings=shown.findings())), output)
    sys.stderr.write(messages.BASELINE_WRITTEN(count, path=baseline) + "\n")


def _checked(
    targets: list[Path],
    config: Config,
    suggest: bool,
    known: Counter[Key] | None,
    stdin_filename: Path | None = None,
    verbose: bool = False,
    cells: int | None = None,
    record: Record | None = None,
) -> Report:
    """The report of plan files, or of plan documents (findings placed in the document).
    `cells`: the cells of the wrong type listed a file, where not the config's (the cap
    lifted to write a baseline still lists a broken file's first ones: loader.cells).
    `record`: given every active finding of plan files (engine.check_paths)."""
    from planchk.cli.common import piped_document
    from planchk.engine import check_paths
    from planchk.loader.discover import is_document
    from planchk.suppress.baseline import without_baseline

    targets, piped = piped_document(targets, stdin_filename, config.max_bytes)
    if not any(is_document(path) for path in targets):
        return check_paths(
            targets, config, suggest=suggest, baseline=known, stdin_filename=stdin_filename,
            cells=cells, record=record,
        )  # fmt: skip
    from planchk.importers.checked import check_documents

    report, notes = check_documents(targets, config, suggest=suggest, verbose=verbose, piped=piped)
    sys.stderr.write("".join(visible_lines(note) + "\n" for note in notes))
    # Positions are placed in the document after the check: the baseline comes last.
    return report if known is None else without_baseline(report, known)


def _format_name(chosen: str) -> str:
    if chosen == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return chosen
