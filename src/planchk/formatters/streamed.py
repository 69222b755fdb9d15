"""JSON written piece by piece, with the bytes `json.dumps(..., ensure_ascii=False, indent=2)`
would give, so that a report of 600,000 findings is never one string (or one dict) in memory.

A document is plain data in which one or more arrays are `Streamed`: an iterable whose items
are made only as they are written. Each item is encoded on its own, to the same bytes as
json.dumps (tests/test_streamed_output.py compares them on generated documents), but without
the json module's pure-Python generators, which it uses whenever it indents: for a report of
many findings, that halves the time spent writing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring  # the C one where there is one
from typing import Any

INDENT = "  "


@dataclass(frozen=True)
class Streamed:
    """A JSON array whose items are made, encoded and dropped one at a time. Its items are
    plain data (or Streamed themselves): one finding is not looked through for more streams."""

    items: Iterable[Any]
    # How an item is encoded, given the newline and indent it starts at: for many items of one
    # shape, what `encoded` gives for their plain data, written without making it.
    encode: Callable[[Any, str], str] | None = None


def document(value: Any) -> Iterator[str]:
    """The pieces of `value` as indented JSON, then the newline that ends the file."""
    yield from _pieces(value, 0)
    yield "\n"


def _pieces(value: Any, depth: int) -> Iterator[str]:
    if isinstance(value, Streamed):
        if value.encode is not None:
            yield from _encoded_array(value.items, value.encode, depth)
        else:
            yield from _array(value.items, depth, plain=True)
    elif isinstance(value, dict) and _streams(value):
        yield from _object(value, depth)
    elif isinstance(value, list) and _streams(value):
        yield from _array(value, depth, plain=False)
    else:
        yield _encoded(value, depth)


def _object(value: dict[str, Any], depth: int) -> Iterator[str]:
    inner = "\n" + INDENT * (depth + 1)
    separator = "{" + inner
    for key, item in value.items():
        yield separator + _key(key) + ": "
        yield from _pieces(item, depth + 1)
        separator = "," + inner
    yield "\n" + INDENT * depth + "}" if value else "{}"


def _array(items: Iterable[Any], depth: int, *, plain: bool) -> Iterator[str]:
    inner = "\n" + INDENT * (depth + 1)
    separator = "[" + inner
    for item in items:
        yield separator
        if plain and not isinstance(item, Streamed):
            yield _encoded(item, depth + 1)
        else:
            yield from _pieces(item, depth + 1)
        separator = "," + inner
    # Nothing was written when the array was empty: json.dumps writes that as [].
    yield "[]" if separator.startswith("[") else "\n" + INDENT * depth + "]"


def _encoded_array(
    items: Iterable[Any], encode: Callable[[Any, str], str], depth: int
) -> Iterator[str]:
    inner = "\n" + INDENT * (depth + 1)
    separator = "[" + inner
    for item in items:
        yield separator + encode(item, inner)
        separator = "," + inner
    yield "[]" if separator.startswith("[") else "\n" + INDENT * depth + "]"


def _encoded(value: Any, depth: int) -> str:
    return encoded(value, "\n" + INDENT * depth)


def encoded(value: Any, newline: str) -> str:
    """`value` as json.dumps(indent=2) writes it where a line starts with `newline`."""
    if type(value) is str:  # the common cases, at C speed
        return str(encode_basestring(value))
    if type(value) is int:
        return int.__repr__(value)
    out: list[str] = []
    _encode(value, newline, out)
    return "".join(out)


def _encode(value: Any, newline: str, out: list[str]) -> None:
    """json.dumps's indented encoding, without its generators: the json module writes indented
    JSON with its pure-Python encoder, at about twice the cost of this for a finding."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None or value is True or value is False:
        out.append(_CONSTANTS[value])
    elif isinstance(value, int):
        out.append(int.__repr__(value))  # an IntEnum as its number, as json writes it
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        _encode_object(value, newline, out)
    elif isinstance(value, list | tuple):
        _encode_array(value, newline, out)
    else:  # what json refuses: json itself says so
        out.append(json.dumps(value, ensure_ascii=False, indent=len(INDENT)))


def _encode_object(value: dict[str, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + INDENT
    separator = "{" + inner
    for key, item in value.items():
        out.append(separator + _key(key) + ": ")
        _encode(item, inner, out)
        separator = "," + inner
    out.append(newline + "}")


def _encode_array(value: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + INDENT
    separator = "[" + inner
    for item in value:
        out.append(separator)
        _encode(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _key(key: Any) -> str:
    """An object's key as json writes it: text, or a number or constant written as text."""
    if isinstance(key, str):
        return str(encode_basestring(key))
    if key is None or key is True or key is False:
        return f'"{_CONSTANTS[key]}"'
    if isinstance(key, int):
        return f'"{int.__repr__(key)}"'
    if isinstance(key, float):
        return f'"{_float(key)}"'
    return json.dumps({key: None})  # raises json's own TypeError


def _float(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _streams(value: dict[str, Any] | list[Any]) -> bool:
    """Whether a Streamed array is somewhere inside `value` (only the top of a document)."""
    items = value.values() if isinstance(value, dict) else value
    return any(
        isinstance(item, Streamed) or (isinstance(item, dict | list) and _streams(item))
        for item in items
    )
