"""`planchk diff --format markdown`: for pull-request comments and CI job summaries.

Written as it is made (`pieces`), a line at a time, with the bytes `render` gives whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planchk import messages
from planchk.diff import DiffReport
from planchk.escape import code_span, markdown, visible
from planchk.findings import Finding
from planchk.formatters import RenderOptions
from planchk.formatters.diff.common import CellRow, cell_tables, other_changes, summary

ARROWS = {1: "▲ ", -1: "▼ ", 0: ""}


def render(diff: DiffReport, options: RenderOptions) -> str:
    return "".join(pieces(diff, options))


def pieces(diff: DiffReport, options: RenderOptions) -> Iterator[str]:
    """The document a line at a time (each with its newline), as it is written: a diff of
    100,000 changed cells or findings is never one string in memory."""
    header = messages.DIFF_HEADER(old=messages.side(diff.old), new=messages.side(diff.new))
    yield f"### {_escape(header)}\n\n"
    if diff.unusable:
        yield f"**{messages.DIFF_UNUSABLE(count=len(diff.unusable))}**\n\n"
        yield from _findings(diff.unusable)
    if not diff.changes:
        yield f"{messages.DIFF_NO_CHANGES.text}\n\n"
    for indicator, rows in cell_tables(diff).items():
        yield from _table(indicator, rows)
    others = other_changes(diff)
    if others:
        yield f"#### {messages.DIFF_OTHER_HEADING.text}\n\n"
        yield from (f"- {_escape(c.message)}\n" for c in others)
        yield "\n"
    yield f"#### {messages.DIFF_FINDINGS_HEADING.text}\n\n"
    for template, findings in (
        (messages.DIFF_INTRODUCED, diff.introduced),
        (messages.DIFF_RESOLVED, diff.resolved),
    ):
        if findings:
            yield f"**{template(count=len(findings))}**\n\n"
            yield from _findings(findings)
    yield f"{messages.DIFF_REMAINING(count=len(diff.remaining))}\n\n"
    yield f"_{_escape(summary(diff))}_\n"


def _table(indicator: str, rows: list[CellRow]) -> Iterator[str]:
    yield f"#### {_escape(indicator)}\n\n"
    yield "| " + " | ".join(c.text for c in messages.DIFF_COLUMNS) + " |\n"
    yield "|" + "---|" * len(messages.DIFF_COLUMNS) + "\n"
    for row in rows:
        change = ARROWS[row.direction] + row.change
        cells = (row.area, row.year, row.old, row.new, change, row.note)
        yield "| " + " | ".join(map(_escape, cells)) + " |\n"
    yield "\n"


def _findings(findings: Iterable[Finding]) -> Iterator[str]:
    """A list of findings and the blank line after it."""
    for finding in findings:
        yield _finding(finding) + "\n"
    yield "\n"


def _finding(finding: Finding) -> str:
    # A waived finding says so, with the waiver's reason, as the text format does: the job
    # summary otherwise showed an introduced error that --fail-on-new may not count.
    message = finding.message
    if finding.waived is not None:
        message = messages.WAIVED_MESSAGE(message=message, reason=finding.waived)
    return (
        f"- **{finding.severity.label}** `{finding.code}` {_escape(message)} "
        f"({code_span(str(finding.location))})"
    )


# What `markdown` could change in a shown text (its markup and HTML characters, and what
# GitHub links: @, ://, www.): a text with none of them is itself, and most cells of a large
# diff (numbers, years, changes) have none, so they skip its three substitutions.
_MAY_CHANGE = re.compile(r"[\\`*_\[\]|~!#&<>@]|://|www\.", re.IGNORECASE)


def _escape(text: str) -> str:
    """Keep table cells and list items intact, and every name a name: no markup, no HTML."""
    shown = visible(text)
    return shown if _MAY_CHANGE.search(shown) is None else markdown(text)
