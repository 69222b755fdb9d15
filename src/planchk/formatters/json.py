"""JSON output: a versioned, documented public format (docs/json-output.md).

Numbers from the plan are written as strings with their printed digits ("8.300", "0.098"),
because a JSON number read as a float would lose exactly what planchk is careful to keep.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from planchk import __version__, i18n, messages
from planchk.findings import Arg, Finding, Location, Suggestion
from planchk.formatters import RenderOptions
from planchk.formatters.streamed import Streamed, document
from planchk.report import Report

SCHEMA_VERSION = 1


# Suggested corrections are part of every report in this format.
SHOWS_SUGGESTIONS = True


def render(report: Report, options: RenderOptions) -> str:
    return "".join(pieces(report, options))


def pieces(report: Report, options: RenderOptions) -> Iterator[str]:
    """The report as it is written: one finding at a time, never the whole text at once."""
    return document(
        {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "planchk", "version": __version__},
            "language": i18n.tag(),
            "files": list(report.files),
            "summary": {
                **report.counts(),
                "unusable": report.unusable,
                "exit_code": report.exit_code(options.fail_on),
                "fail_on": options.fail_on.label,
            },
            "findings": Streamed(finding_json(f) for f in report.findings),
        }
    )


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "slug": finding.slug,
        "severity": finding.severity.label,
        "message": finding.message,
        **location_json(finding.location),
        "path": finding.path,
        "args": {key: arg_json(value) for key, value in finding.args.items()},
        "related": [location_json(loc) for loc in finding.related],
        "waived": finding.waived,
        "fatal": finding.fatal,
        "suggestions": [suggestion_json(s) for s in finding.suggestions],
    }


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    return {
        "path": suggestion.path,
        **location_json(suggestion.location),
        "old": suggestion.old,
        "new": suggestion.new,
        "kind": suggestion.kind,
        "score": suggestion.score,
        "alternative": suggestion.alternative,
        "message": messages.suggestion_text(
            suggestion.kind, suggestion.old, suggestion.new, suggestion.args
        ),
        "args": {key: arg_json(value) for key, value in suggestion.args.items()},
    }


def location_json(location: Location) -> dict[str, Any]:
    found: dict[str, Any] = {
        "file": location.file,
        "line": location.line,
        "column": location.column,
    }
    if location.place:
        found["place"] = location.place  # in a plan document: 附件 表2 第4行 第3列
    return found


def arg_json(value: Arg) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value
