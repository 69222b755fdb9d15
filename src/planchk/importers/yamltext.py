"""One scalar, or one flow list, as YAML text: how the writer (importers.writer) writes the
values of a targets file, quoted exactly as YAML needs by the rules PyYAML's safe dumper
applies, numbers as printed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import yaml

from planchk.plan.numbers import plain

NONE = type(None)
ROW_TYPES = frozenset({Decimal, NONE})
TEXT = {str}


def _null_or_str(value: Decimal | None) -> str:
    return "null" if value is None else str(value)


def flow(values: Sequence[Any]) -> str:
    """A list in flow style: a table's row, a list of names, or any other list of scalars."""
    kinds = set(map(type, values))
    if kinds <= ROW_TYPES:  # a table's row (most of a file): decided at C speed
        texts = map(str, values) if NONE not in kinds else map(_null_or_str, values)
        row = ", ".join(texts)
        # an exponent is written out, and a zero's sign dropped, by scalar(): rows with
        # either (or with a negative number below 1, which "-0" also finds) take that way
        if "E" not in row and "-0" not in row:
            return f"[{row}]"
    if kinds == TEXT:  # a list of names (the areas tree): each one's text, cached
        return "[" + ", ".join(map(text_of, values)) + "]"
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
    return text_of(str(value))


PLAIN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\w（）、·]*")


def text_of(text: str) -> str:
    """A string as YAML text. A name of CJK characters (and letters, digits, full-width
    brackets) is written plain: YAML reads no such text as anything but a string, and the
    slow path would write it the same. (Asked before the cache: a table of more names than
    the cache holds, each written twice, the areas tree then the values, missed every time.)"""
    return text if PLAIN.fullmatch(text) else _dumped(text)


@functools.cache
def plain_lines() -> re.Pattern[str]:
    """Names that are each PLAIN, one per line; compiled when first needed (10 ms, a
    fortieth of the start of `planchk import`, not worth it for a small table)."""
    return re.compile(rf"{PLAIN.pattern}(?:\n{PLAIN.pattern})*")


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
