"""Turn pydantic's validation errors into findings at the YAML node they are about.

A raw ValidationError names a `loc` such as ('indicators', 'x', 'values', '洪都街办', 1) and an
English message; people need the file:line:column of that node and a message that says what
to write instead. Each pydantic error type maps to one of a few codes with its own template.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planchk.findings import Location, Problem, Severity
from planchk.loader.sourcemap import SourceMap
from planchk.registry import CodeInfo, code

E = Severity.ERROR

MISSING_FIELD = code(
    "PC020",
    "schema-missing-field",
    E,
    "Required field missing",
    "`{field}` is required here and missing",
    """
    Why: without the field the plan cannot be checked (an indicator without a unit or years).

    Bad:
        patent_applications:
          name: 发明专利申请量
          kind: flow

    Good:
        patent_applications:
          name: 发明专利申请量
          unit: 件
          kind: flow
          years: [2021, 2022, 2023]
          values: {...}
    """,
)
UNKNOWN_FIELD = code(
    "PC021",
    "schema-unknown-field",
    E,
    "Unknown field",
    "unknown field `{field}`; the fields allowed here are: {expected}",
    """
    Why: a misspelt field would otherwise be ignored, and the setting it meant to make lost.

    Bad:
        patent_applications:
          unti: 件

    Good:
        patent_applications:
          unit: 件
    """,
)
WRONG_TYPE = code(
    "PC022",
    "schema-wrong-type",
    E,
    "Value of the wrong type",
    "`{field}` should be {expected}, but it is {found}",
    """
    Why: a table cell holding text, or a year in quotes, cannot be added or compared.

    Bad:
        values:
          洪都街办: [300, 五十, 53]

    Good:
        values:
          洪都街办: [300, 50, 53]
    """,
)
INVALID_VALUE = code(
    "PC023",
    "schema-invalid-value",
    E,
    "Value not allowed",
    "`{field}` is {found}; allowed: {expected}",
    """
    Why: settings such as kind and sum take one of a few words; anything else is a typo.

    Bad:
        kind: stok

    Good:
        kind: stock
    """,
)
INVALID = code(
    "PC024",
    "schema-invalid",
    E,
    "Value does not satisfy the schema",
    "`{field}`: {detail}",
    """
    Why: some values have constraints beyond their type (a period is two years in order,
    a name is not empty).

    Bad:
        period: [2023, 2021]

    Good:
        period: [2021, 2023]
    """,
)

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list, e.g. [a, b]",
    "dict_type": "a mapping of `key: value` lines",
    "model_type": "a mapping of `key: value` lines",
    "model_attributes_type": "a mapping of `key: value` lines",
    "planchk_number": "a number, e.g. 8.3",
    "planchk_date": "a date written YYYY-MM-DD",
}


def schema_problems(
    error: ValidationError, model: type[BaseModel], smap: SourceMap
) -> Iterator[tuple[CodeInfo, Problem]]:
    for detail in error.errors(include_url=False):
        yield _problem(detail, model, smap)


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
    found = describe(detail.get("input"))
    if kind in _TYPE_NAMES:
        expected = _TYPE_NAMES[kind]
        return WRONG_TYPE, _at(smap, line, column, loc, field=field, expected=expected, found=found)
    if kind == "literal_error":
        expected = str(detail.get("ctx", {}).get("expected", ""))
        return INVALID_VALUE, _at(
            smap, line, column, loc, field=field, found=found, expected=expected
        )
    return INVALID, _at(smap, line, column, loc, field=field, detail=detail["msg"])


def _at(smap: SourceMap, line: int, column: int, loc: tuple[Any, ...], **args: Any) -> Problem:
    return Problem(Location(smap.file, line, column), ".".join(map(str, loc)), args)


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


_KINDS_OF_VALUE: tuple[tuple[type | tuple[type, ...], str], ...] = (
    ((int, Decimal), "the number {value}"),
    (str, 'the text "{value}"'),
    (list, "a list"),
    (dict, "a mapping"),
)


def describe(value: Any) -> str:
    """How a YAML value reads to the person who typed it."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        value = str(value).lower()
        return f"the boolean {value}"
    for kinds, template in _KINDS_OF_VALUE:
        if isinstance(value, kinds):
            return template.format(value=value)
    return type(value).__name__


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...], wrong: str) -> str:
    target = _model_at(model, loc)
    if target is None:
        return "see `planchk schema`"
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
