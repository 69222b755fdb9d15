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
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import yaml

from planchk.escape import visible
from planchk.loader.rows import MARK, Prelexed
from planchk.plan.numbers import MAX_DIGITS, plain

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


@dataclass
class Written:
    text: str  # the file
    prelexed: Prelexed | None  # the file for the loader's check, its number rows set aside


def targets_text(document: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    return "\n".join(_lines(document, header)) + "\n"


def targets_written(document: Mapping[str, Any], header: Sequence[str] = ()) -> Written:
    """The targets file, with its number rows set aside for the check that loads it back."""
    lines = _lines(document, header)
    text = "\n".join(lines) + "\n"
    aside = [n for n, line in enumerate(lines) if type(line) is _Row]
    if not aside or MARK in text:  # a text that holds the tag is loaded as it is (rows.py)
        return Written(text, None)
    rows: list[list[Decimal]] = []
    for n in aside:
        row: _Row = lines[n]  # type: ignore[assignment]
        lines[n] = f"{row.label} {MARK} []"
        rows.append(row.values)
    return Written(text, Prelexed("\n".join(lines) + "\n", rows))


def _lines(document: Mapping[str, Any], header: Sequence[str]) -> list[str]:
    # A file name may hold a control character that YAML refuses even in a comment.
    lines = [f"# {visible(line)}".rstrip() for line in header]
    keys = [k for k in TOP_ORDER if document.get(k)] + [
        k for k in document if k not in TOP_ORDER and document[k]
    ]
    for key in keys:
        if lines:
            lines.append("")
        lines.extend(_entry(key, document[key], 0))
    return lines


def _entry(key: str, value: Any, depth: int) -> list[str]:
    # a key is a string (the most written scalar: every area of every table)
    label = f"{INDENT * depth}{_string(key) if type(key) is str else scalar(key)}:"
    if type(value) is list and value and type(value[0]) in _ROW_TYPES:
        return [_row(label, value)]  # a table's row: no Mapping (an ABC) checks
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
_TEXT = {str}
_DECIMAL = {Decimal}


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
    if kinds == _TEXT:  # a list of names (the areas tree): each one's text, cached
        return "[" + ", ".join(map(_string, values)) + "]"
    return "[" + ", ".join(scalar(v) for v in values) + "]"


class _Row(str):
    """A row's line that the loader's check may take as set aside (planchk.loader.rows): the
    line as written, and the values it prints between its brackets."""

    __slots__ = ("label", "values")
    label: str  # the line before the numbers' " ["
    values: list[Decimal]


def _row(label: str, values: list[Any]) -> str:
    """A table row's line. A row of numbers alone, each printed as its Decimal's own text, is
    one that the loader would set aside and read at C speed (planchk.loader.rows):
    `targets_written` hands it to the check as read already, for the reasons that follow.

    The text of a finite Decimal reads back as that very Decimal, the same digits and
    exponent (decimal's to-string and from-string are inverses). Where it holds no letter
    (an exponent's E, NaN, Infinity) and no sign of zero, it is a NUMBER (a sign, digits
    without a leading zero, a point and digits): what the loader reads as Decimal(text). The
    line is what _flow writes for such a row, so the file is the same either way. Rows with
    blanks or longer numbers than the loader sets aside (a run of digits, signs and points
    longer than rows.py sets aside, in the numbers or in the key), and keys holding a # (where
    the loader's pattern looks for a comment), are written and parsed as before."""
    if set(map(type, values)) == _DECIMAL and "#" not in label:
        printed = list(map(str, values))
        body = ", ".join(printed)  # as _flow writes it: the same file either way
        # a letter is an exponent's E, NaN or Infinity; -0 a sign of zero (written 0)
        if not ("E" in body or "N" in body or "I" in body or "-0" in body or _long(label, printed)):
            row = _Row(f"{label} [{body}]")
            row.label, row.values = label, values
            return row
    return f"{label} {_flow(values)}"


# A number longer than rows.py sets aside (digits, sign and point: the only characters of a
# row set aside).
_LONG = re.compile(rf"(?<![-0-9.])[-0-9.]{{{MAX_DIGITS + 1}}}")


def _long(label: str, printed: list[str]) -> bool:
    """Whether the row's line holds a run of digits, signs and points longer than rows.py
    sets aside: the line is the label (ending in ":"), " [", the numbers printed between
    ", " and "]", so a run lies in the label or is one number's text. Lengths at C speed;
    the pattern only on a label long enough to hold such a run."""
    if len(label) > MAX_DIGITS and _LONG.search(label):
        return True
    return bool(printed) and max(map(len, printed)) > MAX_DIGITS


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


def _string(text: str) -> str:
    """A string as YAML text. A name of CJK characters (and letters, digits, full-width
    brackets) is written plain: YAML reads no such text as anything but a string, and the
    slow path would write it the same. (Asked before the cache: a table of more names than
    the cache holds, each written twice, the areas tree then the values, missed every time.)"""
    return text if _PLAIN.fullmatch(text) else _dumped(text)


@functools.lru_cache(maxsize=1 << 16)
def _dumped(text: str) -> str:
    """A string as YAML's safe dumper writes it; names repeat in every table, so each is
    worked out once."""
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
