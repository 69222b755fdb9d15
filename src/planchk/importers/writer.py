"""Write a targets file the way people keep them: block mappings, one table row per line.

The text is produced here rather than by yaml.dump so that numbers keep their printed digits
(6.0 stays 6.0, never 6.0 by accident of float) and rows stay on one line in flow style; each
scalar is quoted exactly as YAML needs, by the same rules PyYAML's safe dumper applies.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import yaml

from planchk.escape import visible
from planchk.plan.numbers import plain

TOP_ORDER = (
    "plan",
    "areas",
    "of_which",
    "aliases",
    "units",
    "indicators",
    "goals",
    "relations",
    "waivers",
)
INDENT = "  "


def targets_text(document: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    # A file name may hold a control character that YAML refuses even in a comment.
    lines = [f"# {visible(line)}".rstrip() for line in header]
    keys = [k for k in TOP_ORDER if document.get(k)] + [
        k for k in document if k not in TOP_ORDER and document[k]
    ]
    for key in keys:
        if lines:
            lines.append("")
        lines.extend(_entry(key, document[key], 0))
    return "\n".join(lines) + "\n"


def _entry(key: str, value: Any, depth: int) -> list[str]:
    # a key is a string (the most written scalar: every area of every table)
    label = f"{INDENT * depth}{_string(key) if type(key) is str else scalar(key)}:"
    if type(value) is list and value and type(value[0]) in _ROW_TYPES:
        return [f"{label} {_flow(value)}"]  # a table's row: no Mapping (an ABC) checks
    if isinstance(value, Mapping):
        if not value:
            return [f"{label} {{}}"]
        spaced = depth == 0 and key == "indicators"  # a blank line between tables
        return [label, *_mapping(value, depth + 1, spaced)]
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, Mapping) for v in value):
            return [label, *_sequence(value, depth + 1)]
        return [f"{label} {_flow(value)}"]
    return [f"{label} {scalar(value)}"]


def _mapping(value: Mapping[str, Any], depth: int, spaced: bool) -> list[str]:
    lines: list[str] = []
    for key, item in value.items():
        if spaced and lines:
            lines.append("")
        lines.extend(_entry(str(key), item, depth))
    return lines


def _sequence(items: Sequence[Mapping[str, Any]], depth: int) -> list[str]:
    lines: list[str] = []
    pad = INDENT * depth
    for item in items:
        entry: list[str] = []
        for key, value in item.items():
            entry.extend(_entry(str(key), value, depth + 1))
        if entry:
            entry[0] = f"{pad}- {entry[0].lstrip()}"
        lines.extend(entry)
    return lines


_NONE = type(None)
_ROW_TYPES = frozenset({Decimal, _NONE})


def _null_or_str(value: Decimal | None) -> str:
    return "null" if value is None else str(value)


def _flow(values: Sequence[Any]) -> str:
    kinds = set(map(type, values))
    if kinds <= _ROW_TYPES:  # a table's row (most of a file): decided at C speed
        texts = map(str, values) if _NONE not in kinds else map(_null_or_str, values)
        row = ", ".join(texts)
        # an exponent is written out, and a zero's sign dropped, by scalar(): rows with
        # either (or with a negative number below 1, which "-0" also finds) take that way
        if "E" not in row and "-0" not in row:
            return f"[{row}]"
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def scalar(value: Any) -> str:
    """One scalar as YAML text: numbers as printed, strings quoted only where YAML needs it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain(value)  # the grammar's own text: -0 is written 0, as the loader reads it
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _string(str(value))


_PLAIN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\w（）、·]*")


@functools.lru_cache(maxsize=1 << 16)
def _string(text: str) -> str:
    """A string as YAML text; names repeat in every table, so each is worked out once. A name
    of CJK characters (and letters, digits, full-width brackets) is written plain: YAML reads
    no such text as anything but a string, and the slow path would write it the same."""
    if _PLAIN.fullmatch(text):
        return text
    dumped: str = yaml.safe_dump(
        text, allow_unicode=True, default_flow_style=True, width=1 << 30
    ).strip()
    if dumped.endswith("\n..."):
        dumped = dumped[: -len("\n...")]
    if dumped.endswith("..."):
        dumped = dumped[: -len("...")].rstrip()
    if dumped == text and _needs_quotes_in_flow(text):
        dumped = "'" + text.replace("'", "''") + "'"
    return dumped


def _needs_quotes_in_flow(text: str) -> bool:
    """A plain scalar inside [ ] may not hold a flow indicator."""
    return any(ch in text for ch in ",[]{}")
