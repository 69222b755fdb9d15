"""The command line: parse arguments, call the engine, hand the report to a formatter.

Data (reports, schemas, rule lists) goes to stdout; messages about the run go to stderr.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable arguments or input.
"""

from __future__ import annotations

import enum
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from planchk import __version__
from planchk.findings import Severity

app = typer.Typer(
    name="planchk",
    help="Check the target-allocation tables of government plans.\n\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable arguments or input.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"


class Level(enum.StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class FileKind(enum.StrEnum):
    targets = "targets"
    tasks = "tasks"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planchk {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Check the target-allocation tables of government plans."""


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Plan files or directories holding targets.yaml / tasks.yaml."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.text,
    fail_on: Annotated[
        Level, typer.Option(help="Exit 1 when a finding at this level or above remains.")
    ] = Level.error,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Refuse files larger than this many bytes [env PLANCHK_MAX_BYTES].",
        ),
    ] = None,
) -> None:
    """Check plan files: schema, sums, trends, units, goals and task offices."""
    from planchk.engine import check_paths
    from planchk.formatters import RenderOptions, get
    from planchk.loader import max_bytes_from_env

    report = check_paths(paths or [Path("data")], max_bytes or max_bytes_from_env())
    options = RenderOptions(color=_stdout_color(), fail_on=Severity.parse(fail_on.value))
    sys.stdout.write(get(output_format.value)(report, options))
    raise typer.Exit(report.exit_code(options.fail_on))


class RulesFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """List every finding code with its slug, family, default severity and title."""
    from planchk import catalogue

    if output_format is RulesFormat.text:
        catalogue.print_table()
    else:
        render = catalogue.as_json if output_format is RulesFormat.json else catalogue.as_markdown
        sys.stdout.write(render())


@app.command()
def schema(
    kind: Annotated[
        FileKind | None, typer.Argument(help="Which file's schema; both when omitted.")
    ] = None,
) -> None:
    """Print the JSON Schema of the plan files, for editors that validate YAML as you type."""
    from planchk.schema import json_schema

    kinds = [kind.value] if kind else ["targets", "tasks"]
    document = json_schema(kinds[0]) if kind else {k: json_schema(k) for k in kinds}
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _stdout_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("planchk: interrupted\n")
        sys.exit(130)
