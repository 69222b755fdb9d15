"""`planchk explain`: a rule's documentation, or every rule as the Markdown reference."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planchk import messages
from planchk.cli.common import fail_usage


def explain(
    rule: Annotated[
        str | None, typer.Argument(help="A code (PC101) or slug (sum-mismatch).")
    ] = None,
    all_rules: Annotated[
        bool, typer.Option("--all", help="Every rule, as the Markdown reference (docs/rules.md).")
    ] = False,
) -> None:
    """Show a rule's documentation: why it exists, a bad and a good example, its options."""
    from planchk.catalog import resolve
    from planchk.formatters import codes

    if all_rules:
        sys.stdout.write(codes.reference())
        return
    infos = resolve(rule or "")
    if len(infos) != 1:
        fail_usage(messages.UNKNOWN_RULE(rule=rule or ""))
    sys.stdout.write(codes.explain(infos[0]))
