"""`planchk rules`: every finding code with its slug, family, default severity and title."""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

RulesFormat = Literal["text", "json", "markdown"]


def list_rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "--output-format", "-f", help="Output format.")
    ] = "text",
) -> None:
    """List every finding code with its slug, family, default severity and title."""
    from planchk.formatters import codes

    if output_format == "text":
        codes.print_table()
    else:
        sys.stdout.write(codes.as_json() if output_format == "json" else codes.as_markdown())
