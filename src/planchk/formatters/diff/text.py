"""`planchk diff` for people: per indicator a compact table of changed cells (green up,
red down), then the other changes, then the finding delta and a summary line.

Written as it is made (`pieces`): rich lays out each part into a buffer that is emptied as
it goes, with the bytes `render` gives whole.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from planchk import messages
from planchk.diff import DiffReport
from planchk.escape import visible
from planchk.findings import Finding
from planchk.formatters import RenderOptions
from planchk.formatters.diff.common import CellRow, cell_tables, other_changes, summary
from planchk.formatters.text import Painter, finding_line

DIRECTION_STYLES = {1: "green", -1: "red", 0: "yellow"}
RIGHT = (2, 3, 4)  # old, new and change are numbers: right-justified
# rich lays out a table at about half a millisecond a row (a diff of 100,000 changed cells
# took 55 s); a longer table is written by plain_table, as rich would lay it out.
RICH_ROWS = 1_000


def render(diff: DiffReport, options: RenderOptions) -> str:
    return "".join(pieces(diff, options))


def pieces(diff: DiffReport, options: RenderOptions) -> Iterator[str]:
    """The text as it is written: what rich has laid out so far, a part at a time (a table,
    a finding), so that a diff of 100,000 changed cells or findings is never one string."""
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
    for _ in _unusable(console, diff.unusable):
        yield _taken(buffer)
    if not diff.changes:
        console.print(Text(messages.DIFF_NO_CHANGES.text))
        console.print()
    paint = Painter(options.color)
    for indicator, rows in cell_tables(diff).items():
        if len(rows) > RICH_ROWS:
            yield _taken(buffer)
            yield from plain_lines(visible(indicator), rows, paint)
        else:
            console.print(_table(indicator, rows))
        console.print()
        yield _taken(buffer)
    others = other_changes(diff)
    if others:
        console.print(Text(messages.DIFF_OTHER_HEADING.text, style="bold"))
        for change in others:
            console.print(Text(f"  • {visible(change.message)}"), soft_wrap=True)
        console.print()
    for _ in _findings(console, diff):
        yield _taken(buffer)
    console.print(Text(summary(diff), style="bold"))
    yield _taken(buffer)


def _taken(buffer: io.StringIO) -> str:
    """What the console has written so far, taken out of its buffer."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _table(indicator: str, rows: list[CellRow]) -> Table:
    # Every text is a Text: rich reads a plain str as markup, and a name such as `[/x]`
    # would stop the diff (MarkupError) or style and link what follows.
    table = Table(title=Text(visible(indicator), style="bold"), title_justify="left", box=None)
    for index, column in enumerate(messages.DIFF_COLUMNS):
        table.add_column(Text(column.text), justify="right" if index in RIGHT else "left")
    for row in rows:
        moved = Text(visible(row.change), style=DIRECTION_STYLES[row.direction])
        plain = [Text(visible(text)) for text in (row.area, row.year, row.old, row.new)]
        table.add_row(*plain, moved, Text(visible(row.note)))
    return table


def plain_table(title: str, rows: list[CellRow], paint: Painter) -> str:
    """A table as rich lays out one with no box that fits the width (each cell padded by a
    space on either side, the title padded to the table's width), at a hundredth of rich's
    cost: for tables of more than RICH_ROWS rows. What rich would wrap (a row wider than the
    console, a title wider than the table) is written whole."""
    return "".join(plain_lines(title, rows, paint))[:-1]


def plain_lines(title: str, rows: list[CellRow], paint: Painter) -> Iterator[str]:
    """plain_table's lines, each with its newline, as they are written."""
    header = tuple(column.text for column in messages.DIFF_COLUMNS)
    cells = [
        tuple(visible(text) for text in (r.area, r.year, r.old, r.new, r.change, r.note))
        for r in rows
    ]
    # Each cell's width worked out once (600,000 cells for 100,000 rows), kept beside the texts
    # as a tuple of small ints (which Python shares), not as a pair per cell.
    lengths = [tuple(map(_columns, texts)) for texts in cells]
    header_lengths = tuple(map(_columns, header))
    widths = [max(column) for column in zip(header_lengths, *lengths, strict=True)]
    total = sum(widths) + 2 * len(widths)
    if title:
        yield paint(_justified(title, _columns(title), total, False), "bold") + "\n"
    yield _line(header, header_lengths, widths, paint, ["bold"] * 6) + "\n"
    styles = {d: ["", "", "", "", style, ""] for d, style in DIRECTION_STYLES.items()}
    for row, texts, sizes in zip(rows, cells, lengths, strict=True):
        yield _line(texts, sizes, widths, paint, styles[row.direction]) + "\n"


def _line(
    texts: tuple[str, ...],
    lengths: tuple[int, ...],
    widths: list[int],
    paint: Painter,
    styles: list[str],
) -> str:
    # The texts are shown already (`visible`): painted only where there is a colour to add.
    colored = paint.color
    return "".join(
        f" {paint(padded, style) if style and colored else padded} "
        for index, (text, length, width, style) in enumerate(
            zip(texts, lengths, widths, styles, strict=True)
        )
        for padded in (_justified(text, length, width, index in RIGHT),)
    )


def _columns(text: str) -> int:
    """The columns a text takes (ASCII: one a character, without asking rich)."""
    return len(text) if text.isascii() else cell_len(text)


def _justified(text: str, length: int, width: int, right: bool) -> str:
    if right:  # as rich justifies to the right: trailing spaces go first
        stripped = text.rstrip()
        if stripped != text:
            text, length = stripped, _columns(stripped)
        return " " * (width - length) + text
    return text + " " * (width - length)


def _findings(console: Console, diff: DiffReport) -> Iterator[None]:
    """Prints the finding delta, pausing after each finding (the caller takes the text)."""
    console.print(Text(messages.DIFF_FINDINGS_HEADING.text, style="bold"))
    for template, findings, style in (
        (messages.DIFF_INTRODUCED, diff.introduced, "red"),
        (messages.DIFF_RESOLVED, diff.resolved, "green"),
    ):
        if findings:
            console.print(Text(template(count=len(findings)), style=style))
            for finding in findings:
                console.print(_finding(finding), soft_wrap=True)
                yield
    console.print(Text(messages.DIFF_REMAINING(count=len(diff.remaining))))
    console.print()
    yield


def _unusable(console: Console, findings: tuple[Finding, ...]) -> Iterator[None]:
    """Prints the findings that made a side unusable, pausing after each."""
    if findings:
        console.print(Text(messages.DIFF_UNUSABLE(count=len(findings)), style="bold red"))
        for finding in findings:
            console.print(_finding(finding), soft_wrap=True)
            yield
        console.print()
        yield


def _finding(finding: Finding) -> Text:
    # The line as validate prints it; its ANSI styles become rich's (shown when colour is on).
    return Text.from_ansi(finding_line(finding, Painter(color=True)))
