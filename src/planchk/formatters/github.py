"""GitHub Actions workflow commands: annotations on the pull request's files.

One `::error file=…,line=…,col=…,title=…::message` line per finding, grouped per file with
::group::, then a summary line. Values are escaped as the Actions runner expects: in the
message %, CR and LF; in properties also : and , (actions/toolkit's escapeProperty).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from planchk import messages
from planchk.escape import visible
from planchk.findings import Finding, Severity
from planchk.formatters import RenderOptions
from planchk.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    # No control or bidi character reaches the log or the annotation; line breaks are the
    # runner's own escapes below.
    text = visible(text, keep="\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, options: RenderOptions) -> str:
    return "".join(pieces(report, options))


def pieces(report: Report, options: RenderOptions) -> Iterator[str]:
    """The commands line by line, as they are written."""
    for file, findings in groupby(report.findings, key=lambda f: f.location.file):
        yield f"::group::{escape_data(file)}\n"
        yield from (annotation(f) + "\n" for f in findings)
        yield "::endgroup::\n"
    yield messages.summary(report, options.fail_on) + "\n"


def annotation(finding: Finding) -> str:
    # A waived finding stays visible, as a notice, so that the acceptance is reviewed too.
    command = "notice" if finding.waived else COMMANDS[finding.severity]
    location = finding.location
    properties = [f"file={escape_property(location.file)}"]
    if location.line > 0:
        properties += [f"line={location.line}", f"col={max(location.column, 1)}"]
    properties.append(f"title={escape_property(f'{finding.code} {finding.slug}')}")
    message = finding.message
    if location.place:  # a plan document: a .docx has no line to annotate, only its place
        message = f"{location.place}: {message}"
    if finding.waived:
        message = messages.WAIVED_MESSAGE(message=message, reason=finding.waived)
    return f"::{command} {','.join(properties)}::{escape_data(message)}"
