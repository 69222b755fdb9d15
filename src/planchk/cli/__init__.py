"""The command line: the typer app, its global options, and one module per command.

Each command module parses its options and calls the library; what they share (options,
format choices, writing the result, usage errors) is in `common`. Data (reports, schemas,
rule lists) goes to stdout; messages about the run go to stderr.
Exit codes (planchk.report.ExitCode): 0 clean, 1 findings at or above --fail-on, 2 unusable
arguments or input.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated

import typer

from planchk import __version__, i18n, messages
from planchk.cli import config, diff, explain, import_, report, rules, schema, validate
from planchk.cli.anywhere import GlobalOptionsAnywhere
from planchk.cli.common import ColorChoice, Language, choose_color, fail_usage, finish
from planchk.report import ExitCode

app = typer.Typer(
    name="planchk",
    help="Check the target-allocation tables of government plans.\n\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable arguments or input.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=GlobalOptionsAnywhere,
)
app.command()(validate.validate)
app.command(cls=diff.PathsAfterSeparator)(diff.diff)
app.command()(report.report)
app.command("import")(import_.import_)
app.command("diff-driver", hidden=True)(diff.diff_driver)
app.command("rules")(rules.list_rules)
app.command()(explain.explain)
app.command("config")(config.show_config)
app.command()(schema.schema)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planchk {__version__}")
        finish(ExitCode.CLEAN)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang",
            help="Language of messages: zh or en (default: PLANCHK_LANG, else the locale, "
            "else en).",
        ),
    ] = None,
    color: Annotated[
        ColorChoice,
        typer.Option(help="Colour: auto (on a terminal, unless NO_COLOR), always or never."),
    ] = "auto",
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour: --color never.")] = False,
) -> None:
    """Check the target-allocation tables of government plans."""
    choose_color("never" if no_color else color)
    _tolerant_streams()
    chosen = i18n.choose(lang.value if lang else None)
    if chosen not in i18n.LANGUAGES:
        fail_usage(messages.BAD_LANGUAGE(value=chosen))
    i18n.set_language(chosen)


def _tolerant_streams() -> None:
    """A character the output's encoding lacks is written as an escape, never a traceback:
    Chinese Windows redirects to GBK, PYTHONIOENCODING=ascii, and file names that are not
    UTF-8 (Python holds their bytes as lone surrogates) reach stdout and stderr."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


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
