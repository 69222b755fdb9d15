"""The report people read: findings grouped by file, one line each, then a summary line.

Each line starts with file:line:column so that terminals and editors can jump to it, and is
never hard-wrapped, so that it can be searched in a CI log. Colours are plain ANSI styles:
this format is what a pre-commit hook prints on every commit, and rich (which the tables of
`planchk rules` and `diff` use) costs more to import than the whole check of a small plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from planchk import messages, registry
from planchk.escape import visible
from planchk.findings import Finding, Severity
from planchk.formatters import RenderOptions
from planchk.formatters.fixes import fix_lines
from planchk.report import Report

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SGR = {
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
}


class Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str = "") -> str:
        # A plan's text may hold control characters (YAML allows "\e" in a quoted string) and
        # bidi overrides: shown as escapes, they can neither break a finding's line, nor steer
        # the terminal, nor reorder what a reader sees.
        text = visible(text)
        if not (self.color and style):
            return text
        codes = ";".join(_SGR[word] for word in style.split())
        return f"\x1b[{codes}m{text}\x1b[0m"


def render(report: Report, options: RenderOptions) -> str:
    return "".join(pieces(report, options))


def pieces(report: Report, options: RenderOptions) -> Iterator[str]:
    """The report line by line, as it is written."""
    paint = Painter(options.color)
    if options.quiet:
        # No file headings: the lines stand on their own, not indented under one.
        for line in finding_lines(report, options, paint):
            yield f"{line.removeprefix('  ')}\n"
        return
    for file, findings in groupby(report.findings, key=lambda f: f.location.file):
        yield paint(file, "bold underline") + "\n"
        for finding in findings:
            yield finding_line(finding, paint) + "\n"
            if options.suggestions:
                yield "".join(f"{line}\n" for line in suggestion_lines(finding, paint))
        yield "\n"
    yield "".join(f"{line}\n" for line in summary_lines(report, options, paint))


def finding_lines(report: Report, options: RenderOptions, paint: Painter) -> Iterator[str]:
    for finding in report.findings:
        yield finding_line(finding, paint)
        if options.suggestions:
            yield from suggestion_lines(finding, paint)


def finding_line(finding: Finding, paint: Painter) -> str:
    severity_style = "dim" if finding.waived else STYLES[finding.severity]
    if finding.waived is None:
        message = paint(finding.message)
    else:
        message = paint(
            messages.WAIVED_MESSAGE(message=finding.message, reason=finding.waived), "dim"
        )
    return (
        f"  {paint(str(finding.location), 'bold')}: "
        f"{paint(messages.severity(finding.severity.label), severity_style)}"
        f"{paint(f' {finding.code} ', 'bold')}{paint(f'[{finding.slug}] ', 'dim')}{message}"
    )


def suggestion_lines(finding: Finding, paint: Painter) -> list[str]:
    """The suggested corrections under a totals finding, or why there is none."""
    if not finding.suggestions and not _always_suggests(finding.code):
        return []
    if not finding.suggestions:
        return ["      " + paint(messages.SUGGESTION_LINE(text=messages.NO_SUGGESTION.text))]
    return ["      " + paint(line, "green") for line in fix_lines(finding.suggestions)]


def _always_suggests(code: str) -> bool:
    info = registry.find(code)
    return info is not None and info.always_suggests


def summary_lines(report: Report, options: RenderOptions, paint: Painter) -> list[str]:
    passed = not report.exit_code(options.fail_on)
    style = "bold green" if passed else "bold red"
    # The summary may be two lines (the baseline's count): each styled on its own.
    return [paint(line, style) for line in messages.summary(report, options.fail_on).split("\n")]
