"""`planchk diff --format json`: versioned like the validate JSON (docs/json-output.md).

Written as it is made (`pieces`): the changes and findings one at a time, with the bytes
json.dumps gives for the whole document (formatters/streamed.py), so that a diff of 100,000
changed cells is never one dict and one string in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from json.encoder import encode_basestring  # the C one where there is one
from typing import Any

from planchk import __version__, i18n
from planchk.diff import DIFF_SCHEMA_VERSION, DiffReport
from planchk.diff.changes import Change
from planchk.findings import Arg
from planchk.formatters import RenderOptions
from planchk.formatters.json import arg_json, encoded_finding, finding_json
from planchk.formatters.streamed import INDENT, Streamed, document, encoded

Items = Callable[[Iterable[Any]], Any]  # how an array of the document is made


def render(diff: DiffReport, options: RenderOptions) -> str:
    return "".join(pieces(diff, options))


def pieces(diff: DiffReport, options: RenderOptions) -> Iterator[str]:
    written = diff_document(diff, Streamed)
    # Each change and finding written straight from it: no dict for each (100,000 for as
    # many cells).
    written["changes"] = Streamed(diff.changes, encode=encoded_change)
    written["findings"] = {
        side: Streamed(findings, encode=encoded_finding)
        for side, findings in (
            ("introduced", diff.introduced),
            ("resolved", diff.resolved),
            ("remaining", diff.remaining),
        )
    }
    written["unusable"] = Streamed(diff.unusable, encode=encoded_finding)
    return document(written)


def diff_document(diff: DiffReport, items: Items = list) -> dict[str, Any]:
    """The document as plain data, its long arrays made by `items` (list, or Streamed)."""
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "tool": {"name": "planchk", "version": __version__},
        "language": i18n.tag(),
        "old": diff.old,
        "new": diff.new,
        "summary": {
            "changes": len(diff.changes),
            "introduced": len(diff.introduced),
            "resolved": len(diff.resolved),
            "remaining": len(diff.remaining),
            "unusable": bool(diff.unusable),
        },
        "changes": items(_change(c) for c in diff.changes),
        "findings": {
            "introduced": items(finding_json(f) for f in diff.introduced),
            "resolved": items(finding_json(f) for f in diff.resolved),
            "remaining": items(finding_json(f) for f in diff.remaining),
        },
        "unusable": items(finding_json(f) for f in diff.unusable),
    }


def encoded_change(change: Change, newline: str) -> str:
    """What `encoded(_change(change), newline)` gives, without the dict."""
    inner = newline + INDENT
    return (
        f'{{{inner}"kind": {encode_basestring(change.kind)},{inner}"path": '
        f'{encode_basestring(change.path)},{inner}"message": '
        f'{encode_basestring(change.message)},{inner}"args": '
        f"{_encoded_args(change.args, inner)}{newline}}}"
    )


def _encoded_args(args: Mapping[str, Arg], newline: str) -> str:
    if not args:
        return "{}"
    inner = newline + INDENT
    items = (
        f"{encode_basestring(key)}: {encoded(arg_json(value), inner)}"
        for key, value in args.items()
    )
    return f"{{{inner}{f',{inner}'.join(items)}{newline}}}"


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "path": change.path,
        "message": change.message,
        "args": {key: arg_json(value) for key, value in change.args.items()},
    }
