"""`planchk explain`: a rule's documentation, or every rule as the Markdown reference."""

from __future__ import annotations

from typing import Annotated

import typer

from planchk import messages
from planchk.cli.common import emit, fail_usage, table_console, to_stdout


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
        emit(codes.reference(), None)
        return
    if rule is None:
        with to_stdout():
            codes.print_table(table_console())  # the codes, as `planchk rules` lists them
        return
    infos = resolve(rule)
    if not infos:
        fail_usage(messages.UNKNOWN_RULE(rule=rule))
    emit("\n".join(codes.explain(info) for info in infos), None)
