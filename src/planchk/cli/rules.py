"""`planchk rules`: every finding code with its slug, family, default severity and title."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from planchk.cli.common import emit, table_console, to_stdout

RulesFormat = Literal["text", "json", "markdown"]


def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "--output-format", "-f", help="Output format.")
    ] = "text",
) -> None:
    """List every finding code with its slug, family, default severity and title."""
    from planchk.formatters import codes

    if output_format == "text":
        with to_stdout():
            codes.print_table(table_console())
    else:
        emit(codes.as_json() if output_format == "json" else codes.as_markdown(), None)
