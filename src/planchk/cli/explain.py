"""`planchk explain`: a rule's documentation, or every rule as the Markdown reference."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planchk import messages
from planchk.cli.common import fail_usage


def explain(
    rule: Annotated[
        str | None,
        typer.Argument(
            help="A code (PC101), slug (sum-mismatch) or family (totals); without one, the codes."
        ),
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
    if rule is None:
        codes.print_table()  # what there is to explain, as `planchk rules` lists it
        return
    infos = resolve(rule)
    if not infos:
        fail_usage(messages.UNKNOWN_RULE(rule=rule))
    sys.stdout.write("\n".join(codes.explain(info) for info in infos))
