"""`planchk diff --format json`: versioned like the validate JSON (docs/json-output.md).

Written as it is made (`pieces`): the changes and findings one at a time, with the bytes
json.dumps gives for the whole document (formatters/streamed.py), so that a diff of 100,000
changed cells is never one dict and one string in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from planchk import __version__, i18n
from planchk.diff import DIFF_SCHEMA_VERSION, DiffReport
from planchk.diff.changes import Change
from planchk.formatters import RenderOptions
from planchk.formatters.json import arg_json, finding_json
from planchk.formatters.streamed import Streamed, document

Items = Callable[[Iterable[Any]], Any]  # how an array of the document is made


def render(diff: DiffReport, options: RenderOptions) -> str:
    return "".join(pieces(diff, options))


def pieces(diff: DiffReport, options: RenderOptions) -> Iterator[str]:
    return document(diff_document(diff, Streamed))


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


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "path": change.path,
        "message": change.message,
        "args": {key: arg_json(value) for key, value in change.args.items()},
    }
