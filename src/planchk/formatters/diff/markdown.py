"""`planchk diff --format markdown`: for pull-request comments and CI job summaries."""

from __future__ import annotations

import re

from planchk import messages
from planchk.diff import DiffReport
from planchk.escape import markdown, visible
from planchk.findings import Finding
from planchk.formatters import RenderOptions
from planchk.formatters.diff.common import cell_tables, other_changes, summary

ARROWS = {1: "▲ ", -1: "▼ ", 0: ""}


def render(diff: DiffReport, options: RenderOptions) -> str:
    header = messages.DIFF_HEADER(old=messages.side(diff.old), new=messages.side(diff.new))
    lines = [f"### {_escape(header)}", ""]
    if diff.unusable:
        lines += [f"**{messages.DIFF_UNUSABLE(count=len(diff.unusable))}**", ""]
        lines += [_finding(f) for f in diff.unusable] + [""]
    if not diff.changes:
        lines += [messages.DIFF_NO_CHANGES.text, ""]
    for indicator, rows in cell_tables(diff).items():
        lines += [f"#### {_escape(indicator)}", ""]
        lines.append("| " + " | ".join(c.text for c in messages.DIFF_COLUMNS) + " |")
        lines.append("|" + "---|" * len(messages.DIFF_COLUMNS))
        for row in rows:
            cells = [
                row.area,
                row.year,
                row.old,
                row.new,
                ARROWS[row.direction] + row.change,
                row.note,
            ]
            lines.append("| " + " | ".join(_escape(c) for c in cells) + " |")
        lines.append("")
    others = other_changes(diff)
    if others:
        lines += [f"#### {messages.DIFF_OTHER_HEADING.text}", ""]
        lines += [f"- {_escape(c.message)}" for c in others] + [""]
    lines += [f"#### {messages.DIFF_FINDINGS_HEADING.text}", ""]
    for template, findings in (
        (messages.DIFF_INTRODUCED, diff.introduced),
        (messages.DIFF_RESOLVED, diff.resolved),
    ):
        if findings:
            lines += [f"**{template(count=len(findings))}**", ""]
            lines += [_finding(f) for f in findings] + [""]
    lines += [messages.DIFF_REMAINING(count=len(diff.remaining)), ""]
    lines.append(f"_{_escape(summary(diff))}_")
    return "\n".join(lines) + "\n"


def _finding(finding: Finding) -> str:
    return (
        f"- **{finding.severity.label}** `{finding.code}` {_escape(finding.message)} "
        f"(`{finding.location}`)"
    )


# What `markdown` could change in a shown text (its markup and HTML characters, and what
# GitHub links: @, ://, www.): a text with none of them is itself, and most cells of a large
# diff (numbers, years, changes) have none, so they skip its three substitutions.
_MAY_CHANGE = re.compile(r"[\\`*_\[\]|~!#&<>@]|://|www\.", re.IGNORECASE)


def _escape(text: str) -> str:
    """Keep table cells and list items intact, and every name a name: no markup, no HTML."""
    shown = visible(text)
    return shown if _MAY_CHANGE.search(shown) is None else markdown(text)
