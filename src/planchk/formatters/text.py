"""The report people read: findings grouped by file, one line each, then a summary line.

Each line starts with file:line:column so that terminals and editors can jump to it, and is
never hard-wrapped, so that it can be searched in a CI log.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.text import Text

from planchk import messages
from planchk.findings import Finding, Severity, Suggestion
from planchk.formatters import RenderOptions
from planchk.report import Report

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        soft_wrap=True,
        width=200,
    )
    for file, findings in groupby(report.findings, key=lambda f: f.location.file):
        console.print(Text(file, style="bold underline"))
        for finding in findings:
            console.print(finding_line(finding))
            if options.suggestions:
                for line in suggestion_lines(finding):
                    console.print(line)
        console.print()
    console.print(summary_line(report, options))
    return buffer.getvalue()


def finding_line(finding: Finding) -> Text:
    line = Text("  ")
    line.append(str(finding.location), style="bold")
    line.append(": ")
    severity_style = "dim" if finding.waived else STYLES[finding.severity]
    line.append(messages.severity(finding.severity.label), style=severity_style)
    line.append(f" {finding.code} ", style="bold")
    line.append(f"[{finding.slug}] ", style="dim")
    if finding.waived is None:
        line.append(finding.message)
    else:
        line.append(
            messages.WAIVED_MESSAGE(message=finding.message, reason=finding.waived),
            style="dim",
        )
    return line


def suggestion_lines(finding: Finding) -> list[Text]:
    """The suggested corrections under a totals finding, or why there is none."""
    if finding.code != "PC101" and not finding.suggestions:
        return []
    if not finding.suggestions:
        return [Text("      " + messages.SUGGESTION_LINE(text=messages.NO_SUGGESTION.text))]
    return [
        Text("      " + messages.SUGGESTION_LINE(text=suggestion_message(s)), style="green")
        for s in finding.suggestions
    ]


def suggestion_message(suggestion: Suggestion) -> str:
    return messages.suggestion_text(
        suggestion.kind, suggestion.old, suggestion.new, suggestion.args
    )


def summary_line(report: Report, options: RenderOptions) -> Text:
    passed = not report.exit_code(options.fail_on)
    return Text(
        messages.summary(report, options.fail_on), style="bold green" if passed else "bold red"
    )
