"""Turn pydantic's validation errors into findings at the YAML node they are about.

A raw ValidationError names a `loc` such as ('indicators', 'x', 'values', '洪都街办', 1) and an
English message; people need the file:line:column of that node and a message that says what
to write instead. Each pydantic error type maps to one of a few codes with its own template.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planchk.codes.schema import (
    FOUND_WORDS,
    INVALID,
    INVALID_VALUE,
    MISSING_FIELD,
    PROBLEM_WORDS,
    TYPE_WORDS,
    UNKNOWN_FIELD,
    WRONG_TYPE,
)
from planchk.findings import Location, Problem
from planchk.loader.sourcemap import SourceMap
from planchk.messages import message
from planchk.registry import CodeInfo

_TYPE_KEYS = {
    "string_type": "text",
    "int_type": "int",
    "bool_type": "bool",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "planchk_number": "number",
    "planchk_int": "int",
    "planchk_list": "list",
    "planchk_date": "date",
}
SHOULD_BE = message("term.should-be", "should be {expected}, but it is {found}")


def schema_problems(
    error: ValidationError, model: type[BaseModel], smap: SourceMap
) -> Iterator[tuple[CodeInfo, Callable[[], tuple[CodeInfo, Problem]]]]:
    """Each error's code, and how to make its problem: only those a file's cap keeps are made
    (loader.capped: placing one and naming its field is most of its cost)."""
    for detail in error.errors(include_url=False):
        yield code_of(detail), partial(_problem, detail, model, smap)


def code_of(detail: ErrorDetails) -> CodeInfo:
    """The code _problem gives the error, told from its type alone."""
    kind = detail["type"]
    if kind == "missing":
        return MISSING_FIELD
    if kind == "extra_forbidden":
        return UNKNOWN_FIELD
    if kind in _TYPE_KEYS:
        return WRONG_TYPE
    return INVALID_VALUE if kind == "literal_error" else INVALID


def _problem(
    detail: ErrorDetails, model: type[BaseModel], smap: SourceMap
) -> tuple[CodeInfo, Problem]:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    field = _dotted(loc)
    if kind == "missing":
        # Point at the name of the mapping that lacks the field: `x:` rather than its first key.
        line, column = smap.key(loc[:-1]) or smap.nearest(loc[:-1])
        return MISSING_FIELD, _at(smap, line, column, loc, field=field)
    if kind == "extra_forbidden":
        line, column = smap.key(loc) or smap.nearest(loc)
        expected = _allowed_fields(model, loc[:-1], str(loc[-1]))
        return UNKNOWN_FIELD, _at(smap, line, column, loc, field=field, expected=expected)
    line, column = smap.nearest(loc)
    found_kind, found = value_kind(detail.get("input"))
    if kind in _TYPE_KEYS:
        args = {
            "field": field,
            "expected": _TYPE_KEYS[kind],
            "found_kind": found_kind,
            "found": found,
        }
        return WRONG_TYPE, _at(smap, line, column, loc, **args)
    if kind == "literal_error":
        expected = str(detail.get("ctx", {}).get("expected", "")).replace("'", "")
        expected = expected.replace(" or ", ", ")
        args = {"field": field, "found_kind": found_kind, "found": found, "expected": expected}
        return INVALID_VALUE, _at(smap, line, column, loc, **args)
    return INVALID, _at(smap, line, column, loc, field=field, problem=kind, detail=detail["msg"])


def not_a_list(smap: SourceMap, loc: tuple[str | int, ...], value: Any) -> Problem:
    """The problem _problem makes of pydantic's error for a table row that is not a list (the
    loader finds those itself: loader.cells.rows_for_schema)."""
    found_kind, found = value_kind(value)
    line, column = smap.nearest(loc)
    args = {"field": _dotted(loc), "expected": "list", "found_kind": found_kind, "found": found}
    return _at(smap, line, column, loc, **args)


def problem_text(detail: ErrorDetails) -> str:
    """A pydantic error as words in the current language (used for configuration errors)."""
    kind = detail["type"]
    found_kind, found = value_kind(detail.get("input"))
    if kind in _TYPE_KEYS:
        return SHOULD_BE(
            expected=TYPE_WORDS[_TYPE_KEYS[kind]].text, found=FOUND_WORDS[found_kind](value=found)
        )
    words = PROBLEM_WORDS.get(kind)
    return words(**detail.get("ctx", {})) if words else detail["msg"]


def _at(smap: SourceMap, line: int, column: int, loc: tuple[Any, ...], **args: Any) -> Problem:
    return Problem(Location(smap.file, line, column), ".".join(map(str, loc)), args)


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


_KINDS_OF_VALUE: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "boolean"),
    ((int, Decimal), "number"),
    (str, "text"),
    (list, "list"),
    (dict, "mapping"),
)


def value_kind(value: Any) -> tuple[str, str]:
    """What kind of YAML value this is, and the value as typed (language-neutral)."""
    if value is None:
        return "empty", ""
    for kinds, kind in _KINDS_OF_VALUE:
        if isinstance(value, kinds):
            text = str(value).lower() if isinstance(value, bool) else str(value)
            return kind, text if kind not in ("list", "mapping") else ""
    return "other", type(value).__name__


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...], wrong: str) -> str:
    target = _model_at(model, loc)
    if target is None:
        return ""  # shown as "see `planchk schema`"
    names = list(target.model_fields)
    close = difflib.get_close_matches(wrong, names, n=1)
    ordered = close + [name for name in names if name not in close]
    return ", ".join(ordered)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return None
            annotation = field.annotation
        elif get_origin(annotation) in (dict, list):
            annotation = get_args(annotation)[-1]
        else:
            return None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated[...] and `| None` to reach the type that holds the fields."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
