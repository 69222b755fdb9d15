"""`planchk diff` for people: per indicator a compact table of changed cells (green up,
red down), then the other changes, then the finding delta and a summary line."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from planchk import messages
from planchk.diff import DiffReport
from planchk.escape import visible
from planchk.findings import Finding
from planchk.formatters import RenderOptions
from planchk.formatters.diff.common import cell_tables, other_changes, summary
from planchk.formatters.text import Painter, finding_line

DIRECTION_STYLES = {1: "green", -1: "red", 0: "yellow"}


def render(diff: DiffReport, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        width=120,
    )
    header = messages.DIFF_HEADER(
        old=visible(messages.side(diff.old)), new=visible(messages.side(diff.new))
    )
    console.print(Text(header, style="bold"))
    console.print()
    _unusable(console, diff.unusable)
    if not diff.changes:
        console.print(Text(messages.DIFF_NO_CHANGES.text))
        console.print()
    for indicator, rows in cell_tables(diff).items():
        # Every text is a Text: rich reads a plain str as markup, and a name such as `[/x]`
        # would stop the diff (MarkupError) or style and link what follows.
        title = Text(visible(indicator), style="bold")
        table = Table(title=title, title_justify="left", box=None)
        for index, column in enumerate(messages.DIFF_COLUMNS):
            table.add_column(Text(column.text), justify="right" if index in (2, 3, 4) else "left")
        for row in rows:
            moved = Text(visible(row.change), style=DIRECTION_STYLES[row.direction])
            plain = [Text(visible(text)) for text in (row.area, row.year, row.old, row.new)]
            table.add_row(*plain, moved, Text(visible(row.note)))
        console.print(table)
        console.print()
    others = other_changes(diff)
    if others:
        console.print(Text(messages.DIFF_OTHER_HEADING.text, style="bold"))
        for change in others:
            console.print(Text(f"  • {visible(change.message)}"), soft_wrap=True)
        console.print()
    _findings(console, diff)
    console.print(Text(summary(diff), style="bold"))
    return buffer.getvalue()


def _findings(console: Console, diff: DiffReport) -> None:
    console.print(Text(messages.DIFF_FINDINGS_HEADING.text, style="bold"))
    for template, findings, style in (
        (messages.DIFF_INTRODUCED, diff.introduced, "red"),
        (messages.DIFF_RESOLVED, diff.resolved, "green"),
    ):
        if findings:
            console.print(Text(template(count=len(findings)), style=style))
            for finding in findings:
                console.print(_finding(finding), soft_wrap=True)
    console.print(Text(messages.DIFF_REMAINING(count=len(diff.remaining))))
    console.print()


def _unusable(console: Console, findings: tuple[Finding, ...]) -> None:
    if findings:
        console.print(Text(messages.DIFF_UNUSABLE(count=len(findings)), style="bold red"))
        for finding in findings:
            console.print(_finding(finding), soft_wrap=True)
        console.print()


def _finding(finding: Finding) -> Text:
    # The line as validate prints it; its ANSI styles become rich's (shown when colour is on).
    return Text.from_ansi(finding_line(finding, Painter(color=True)))
