"""JSON output: a versioned, documented public format (docs/json-output.md).

Numbers from the plan are written as strings with their printed digits ("8.300", "0.098"),
because a JSON number read as a float would lose exactly what planchk is careful to keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from json.encoder import encode_basestring  # the C one where there is one
from typing import Any

from planchk import __version__, i18n, messages
from planchk.findings import Arg, Finding, Location, Severity, Suggestion
from planchk.formatters import RenderOptions
from planchk.formatters.streamed import INDENT, Streamed, document, encoded
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
            "findings": Streamed(report.findings, encode=encoded_finding),
        }
    )


def encoded_finding(finding: Finding, newline: str) -> str:
    """What `encoded(finding_json(finding), newline)` gives, without the dict: the general
    encoder was most of the time 600,000 findings took to write. One template, the texts
    that repeat (severities, argument names) encoded once."""
    inner = newline + INDENT
    between = "," + inner
    where = finding.location
    place = f'{between}"place": {_text(where.place)}' if where.place else ""
    related = _list([location_json(loc) for loc in finding.related], inner)
    waived = "null" if finding.waived is None else _text(finding.waived)
    suggestions = _list([suggestion_json(s) for s in finding.suggestions], inner)
    return (
        f'{{{inner}"code": {_text(finding.code)}{between}"slug": {_text(finding.slug)}'
        f'{between}"severity": {_SEVERITIES[finding.severity]}'
        f'{between}"message": {_text(finding.message)}{between}"file": {_text(where.file)}'
        f'{between}"line": {int.__repr__(where.line)}'
        f'{between}"column": {int.__repr__(where.column)}{place}'
        f'{between}"path": {_text(finding.path)}'
        f'{between}"args": {_encoded_args(finding.args, inner)}{between}"related": {related}'
        f'{between}"waived": {waived}{between}"fatal": {"true" if finding.fatal else "false"}'
        f'{between}"suggestions": {suggestions}{newline}}}'
    )


_SEVERITIES = {severity: f'"{severity.label}"' for severity in Severity}
_NAMES: dict[str, str] = {}  # an argument's name, encoded with its colon (a rule's few names)


def _encoded_args(args: Mapping[str, Arg], newline: str) -> str:
    if not args:
        return "{}"
    inner = newline + INDENT
    names = _NAMES
    items = []
    for key, value in args.items():
        name = names.get(key)
        if name is None:
            name = _text(key) + ": "
            if len(names) < 4096:
                names[key] = name
        items.append(name + _arg(value, inner))
    return "{" + inner + ("," + inner).join(items) + newline + "}"


def _arg(value: Arg, newline: str) -> str:
    """encoded(arg_json(value)): the common kinds at once (a Decimal's text needs no escape)."""
    kind = value.__class__
    if kind is str:  # never a subclass in a finding's arguments
        return _text(value)  # type: ignore[arg-type]
    if kind is Decimal:
        return f'"{value}"'
    if kind is int:
        return int.__repr__(value)
    return encoded(arg_json(value), newline)


def _list(items: list[dict[str, Any]], newline: str) -> str:
    return encoded(items, newline) if items else "[]"


_text: Callable[[str], str] = encode_basestring  # the C one, typed


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
