"""`planchk diff --format json`: versioned like the validate JSON (docs/json-output.md)."""

from __future__ import annotations

import json
from typing import Any

from planchk import __version__, i18n
from planchk.diff import DIFF_SCHEMA_VERSION, DiffReport
from planchk.formatters import RenderOptions
from planchk.formatters.json import arg_json, finding_json


def render(diff: DiffReport, options: RenderOptions) -> str:
    document: dict[str, Any] = {
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
        "changes": [
            {
                "kind": c.kind,
                "path": c.path,
                "message": c.message,
                "args": {k: arg_json(v) for k, v in c.args.items()},
            }
            for c in diff.changes
        ],
        "findings": {
            "introduced": [finding_json(f) for f in diff.introduced],
            "resolved": [finding_json(f) for f in diff.resolved],
            "remaining": [finding_json(f) for f in diff.remaining],
        },
        "unusable": [finding_json(f) for f in diff.unusable],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
