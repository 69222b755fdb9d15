"""The command line: parse arguments, call the engine, hand the report to a formatter.

Data (reports, schemas, rule lists) goes to stdout; messages about the run go to stderr.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable arguments or input.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from planchk import __version__, messages
from planchk.findings import Severity

if TYPE_CHECKING:
    from planchk.config import Config
    from planchk.diff import DiffReport

app = typer.Typer(
    name="planchk",
    help="Check the target-allocation tables of government plans.\n\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable arguments or input.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(enum.StrEnum):
    auto = "auto"
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class Level(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class FileKind(enum.StrEnum):
    targets = "targets"
    tasks = "tasks"


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ReportFormat(enum.StrEnum):
    html = "html"
    xlsx = "xlsx"
    markdown = "markdown"


class ImportKind(enum.StrEnum):
    flow = "flow"
    stock = "stock"
    ratio = "ratio"


class RulesFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Configuration file (default: planchk.toml or pyproject.toml, upward)."
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planchk {__version__}")
        raise typer.Exit()


class Language(enum.StrEnum):
    en = "en"
    zh = "zh"


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of messages: zh or en (default: PLANCHK_LANG, else the locale, "
            "else en).",
        ),
    ] = None,
) -> None:
    """Check the target-allocation tables of government plans."""
    from planchk import i18n

    chosen = i18n.choose(lang.value if lang else None)
    if chosen not in i18n.LANGUAGES:
        _fail_usage(messages.BAD_LANGUAGE(value=chosen))
    i18n.set_language(chosen)


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """Configuration, baseline and output problems: one line on stderr and exit 2."""
    try:
        yield
    except messages.PlanchkError as error:
        _fail_usage(str(error))
    except OSError as error:
        _fail_usage(messages.OUTPUT_UNWRITABLE(path=error.filename, reason=error.strerror))


def _fail_usage(text: str) -> NoReturn:
    sys.stderr.write(messages.USAGE_ERROR(message=text) + "\n")
    raise typer.Exit(2)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Plan files or directories (default: the configured paths, or data/)."),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="Output format; auto is github under GitHub Actions, else text."
        ),
    ] = OutputFormat.auto,
    fail_on: Annotated[
        Level | None,
        typer.Option(help="Exit 1 when a finding at this level or above remains (default: error)."),
    ] = None,
    config_file: ConfigOption = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Report only these codes, slugs or families (comma-separated)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Do not report these codes, slugs or families.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Leave out the findings this baseline file records.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Record today's findings in this file and exit 0.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file (whole or not at all)."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(min=1, help="Refuse larger files (default 50 MiB, or PLANCHK_MAX_BYTES)."),
    ] = None,
    fix_suggestions: Annotated[
        bool,
        typer.Option(
            "--fix-suggestions",
            help="Show, under each sum that does not add up, the correction most likely meant.",
        ),
    ] = False,
) -> None:
    """Check plan files: schema, sums, trends, units, goals and task offices."""
    from planchk.atomic import refuse_inputs, write_atomic
    from planchk.config import overrides as session
    from planchk.engine import check_paths
    from planchk.formatters import RenderOptions, get
    from planchk.progress import input_size, spinner
    from planchk.suppress import baseline as baselines

    with _usage_errors():
        config = session.resolve(
            config_file,
            select=select,
            ignore=ignore,
            fail_on=fail_on.value if fail_on else None,
            max_bytes=max_bytes,
        )
        targets = paths or session.default_paths(config)
        format_name = _format_name(output_format)
        # Only text with --fix-suggestions, JSON and SARIF show suggested corrections.
        suggest = fix_suggestions or (format_name in SUGGESTING_FORMATS and write_baseline is None)
        with spinner(input_size(targets)):
            report = check_paths(targets, config, suggest=suggest)
        for written in (output, write_baseline):
            refuse_inputs(written, report.files)
        if baseline is not None:
            report = baselines.without_baseline(report, baselines.read_baseline(baseline))
        options = RenderOptions(
            color=output is None and _stdout_color(),
            fail_on=config.fail_on,
            suggestions=fix_suggestions,
        )
        rendered = get(format_name)(report, options)
        if report.unusable and (output is not None or write_baseline is not None):
            # A run that could not check its input writes no file; the reasons go to stderr.
            sys.stderr.write(get("text")(report, RenderOptions(fail_on=config.fail_on)))
            raise typer.Exit(2)
        if output is not None:
            write_atomic(output, rendered)
        else:
            sys.stdout.write(rendered)
        if write_baseline is not None:
            count = baselines.write_baseline(report, write_baseline)
            sys.stderr.write(messages.BASELINE_WRITTEN(count=count, path=write_baseline) + "\n")
            raise typer.Exit(0)
    raise typer.Exit(report.exit_code(config.fail_on))


@app.command()
def diff(
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="OLD [NEW] [PATHS]...",
            help="Two plan files or directories; or a git revision (compared with the working "
            "tree) or two, then the paths to compare (default: the configured paths).",
        ),
    ],
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are differences, like git diff.")
    ] = False,
    fail_on_new: Annotated[
        Level | None,
        typer.Option(
            help="Exit 1 when the new revision introduces findings at this level or above."
        ),
    ] = None,
    config_file: ConfigOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the diff to this file (whole or not at all)."),
    ] = None,
) -> None:
    """Show what changed between two revisions of a plan and what it did to the findings."""
    from planchk.atomic import refuse_inputs
    from planchk.config import overrides as session
    from planchk.diff import Comparison
    from planchk.progress import spinner

    with _usage_errors():
        config = session.resolve(config_file)
        # Started before the spinner: a forked child should not inherit its thread.
        comparison = Comparison(args, session.default_paths(config), config)
        refuse_inputs(output, comparison.input_files)
        with spinner(comparison.size):
            report = _render_diff(comparison.run(), config, output_format.value, output)
    if report.unusable:
        raise typer.Exit(2)
    failing = fail_on_new is not None and report.introduced_at(Severity.parse(fail_on_new.value))
    raise typer.Exit(1 if failing or (exit_code and report.changes) else 0)


@app.command()
def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Plan files or directories (default: the configured paths)."),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ReportFormat.html,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (whole or not at all); "
            "required for xlsx, else stdout.",
        ),
    ] = None,
    config_file: ConfigOption = None,
) -> None:
    """Lay out the plan's tables, goals and tasks with every finding marked where it is."""
    from planchk.config import overrides as session
    from planchk.formatters.report.write import write_report
    from planchk.progress import input_size, spinner

    with _usage_errors():
        config = session.resolve(config_file)
        targets = paths or session.default_paths(config)
        with spinner(input_size(targets)):
            checked = write_report(targets, config, output_format.value, output)
    raise typer.Exit(2 if checked.unusable else 0)


@app.command("import")
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(help="A plan document (.docx, .html, .htm, .txt), or CSV or XLSX tables."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="A plan directory, or a .yaml file for the targets (else stdout).",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(help="Encoding of CSV files (default: BOM, else UTF-8, else GB18030)."),
    ] = None,
    sheet: Annotated[
        list[str] | None,
        typer.Option(help="Read this sheet of an XLSX file; repeat for several (default: all)."),
    ] = None,
    total_row: Annotated[
        str | None, typer.Option(help="The name of the total row, where it is not evident.")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="The year of a table whose columns are categories.")
    ] = None,
    unit: Annotated[
        str | None, typer.Option(help="The unit, where the table prints none or several.")
    ] = None,
    kind: Annotated[
        ImportKind, typer.Option(help="The kind of the imported indicators.")
    ] = ImportKind.flow,
    into: Annotated[
        Path | None,
        typer.Option(help="Update this targets file: tables replace those of the same title."),
    ] = None,
    title: Annotated[
        str | None, typer.Option(help="The plan's title in a new targets file.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse larger input files (default 50 MiB).")
    ] = None,
) -> None:
    """Read a plan document (.docx, .html, .txt) or tables (CSV, XLSX) into plan files.

    -o DIR (or any path not ending in .yaml) writes a plan directory, DIR/targets.yaml and
    DIR/tasks.yaml; -o FILE.yaml writes the targets file alone; without -o it goes to stdout.
    """
    from planchk.atomic import refuse_inputs
    from planchk.importers import Options
    from planchk.importers.plandir import run_import
    from planchk.loader import DEFAULT_MAX_BYTES

    with _usage_errors():
        options = Options(
            total_row=total_row, year=year, unit=unit, kind=kind.value, encoding=encoding,
            sheets=tuple(sheet or ()), title=title, into=into,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        )  # fmt: skip
        refuse_inputs(output, files)  # --into may be the output: that is how it updates in place
        notes = run_import(files, options, output)
        sys.stderr.write("".join(note + "\n" for note in notes))


@app.command("diff-driver", hidden=True)
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
    from planchk.config import overrides as session
    from planchk.diff import diff_sides
    from planchk.diff.sides import driver_sides

    del old_hex, old_mode, new_hex, new_mode  # git passes them; the content is what counts
    with _usage_errors():
        config = session.resolve(None)
        sides = driver_sides(path, old_file, new_file, config.max_bytes)
        _render_diff(diff_sides(*sides, config), config, "text", None)


def _render_diff(report: DiffReport, config: Config, fmt: str, output: Path | None) -> DiffReport:
    from planchk.atomic import write_atomic
    from planchk.formatters import RenderOptions, get_diff

    options = RenderOptions(color=output is None and _stdout_color(), fail_on=config.fail_on)
    rendered = get_diff(fmt)(report, options)
    if report.unusable and output is not None:
        # A diff of input that could not be read writes no file; the reasons go to stderr.
        sys.stderr.write(get_diff("text")(report, RenderOptions()))
    elif output is not None:
        write_atomic(output, rendered)
    else:
        sys.stdout.write(rendered)
    return report


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """List every finding code with its slug, family, default severity and title."""
    from planchk.formatters import codes as catalogue

    if output_format is RulesFormat.text:
        catalogue.print_table()
    else:
        render = catalogue.as_json if output_format is RulesFormat.json else catalogue.as_markdown
        sys.stdout.write(render())


@app.command()
def explain(
    rule: Annotated[
        str | None, typer.Argument(help="A code (PC101) or slug (sum-mismatch).")
    ] = None,
    all_rules: Annotated[
        bool, typer.Option("--all", help="Every rule, as the Markdown reference (docs/rules.md).")
    ] = False,
) -> None:
    """Show a rule's documentation: why it exists, a bad and a good example, its options."""
    from planchk.formatters import codes as catalogue
    from planchk.registry import resolve

    if all_rules:
        sys.stdout.write(catalogue.reference())
        return
    infos = resolve(rule or "")
    if len(infos) != 1:
        _fail_usage(messages.UNKNOWN_RULE(rule=rule or ""))
    sys.stdout.write(catalogue.explain(infos[0]))


@app.command("config")
def show_config(config_file: ConfigOption = None) -> None:
    """Print the resolved configuration (defaults included) as TOML."""
    from planchk.config import overrides as session
    from planchk.config.toml import as_toml

    with _usage_errors():
        config = session.resolve(config_file)
    sys.stdout.write(as_toml(config))


@app.command()
def schema(
    kind: Annotated[
        FileKind | None, typer.Argument(help="Which file's schema; both when omitted.")
    ] = None,
) -> None:
    """Print the JSON Schema of the plan files, for editors that validate YAML as you type."""
    from planchk.models.schema import json_schema

    document = (
        json_schema(kind.value) if kind else {k: json_schema(k) for k in ("targets", "tasks")}
    )
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


SUGGESTING_FORMATS = frozenset({"json", "sarif"})


def _format_name(chosen: OutputFormat) -> str:
    if chosen is OutputFormat.auto:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return chosen.value


def _stdout_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def main() -> None:
    # planchk's models use no pydantic plugin; looking for them costs every run 10-15 ms.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A large plan is millions of small objects and next to no reference cycles: the default
    # thresholds have the cycle collector walk them over and over (about 10% of a run).
    gc.set_threshold(100_000, 50, 1000)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write(messages.INTERRUPTED.text + "\n")
        sys.exit(130)
