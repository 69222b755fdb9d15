"""Turn pydantic's validation errors into findings at the YAML node they are about.

A raw ValidationError names a `loc` such as ('indicators', 'x', 'values', '洪都街办', 1) and an
English message; people need the file:line:column of that node and a message that says what
to write instead. Each pydantic error type maps to one of a few codes with its own template.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from planchk.findings import Arg, Location, Problem, Severity
from planchk.loader.sourcemap import SourceMap
from planchk.messages import Message, message
from planchk.registry import CodeInfo, code

# Pydantic error type -> what the value should have been, as words.
TYPE_WORDS: dict[str, Message] = {
    key: message(f"term.type-{key}", english)
    for key, english in {
        "text": "text",
        "int": "a whole number",
        "bool": "true or false",
        "list": "a list, e.g. [a, b]",
        "mapping": "a mapping of `key: value` lines",
        "number": "a number, e.g. 8.3",
        "date": "a date written YYYY-MM-DD",
    }.items()
}
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
# What a value was, as words: found_kind -> template with {value}.
FOUND_WORDS: dict[str, Message] = {
    key: message(f"term.found-{key}", english)
    for key, english in {
        "empty": "empty",
        "boolean": "the boolean {value}",
        "number": "the number {value}",
        "text": 'the text "{value}"',
        "list": "a list",
        "mapping": "a mapping",
        "other": "{value}",
    }.items()
}
# Constraint failures other than types: pydantic type (or planchk's own) -> sentence.
PROBLEM_WORDS: dict[str, Message] = {
    key: message(f"term.problem-{key}", english)
    for key, english in {
        "string_too_short": "must not be empty",
        "too_short": "has too few items",
        "too_long": "has too many items",
        "greater_than": "must be greater than {gt}",
        "planchk_period": "the period's first year comes after its last year",
    }.items()
}
SEE_SCHEMA = message("term.see-schema", "see `planchk schema`")
SHOULD_BE = message("term.should-be", "should be {expected}, but it is {found}")


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


def _found(args: Mapping[str, Arg]) -> str:
    return FOUND_WORDS[str(args["found_kind"])](value=args["found"])


def localize_wrong_type(args: Mapping[str, Arg]) -> Mapping[str, Arg]:
    return {**args, "expected": TYPE_WORDS[str(args["expected"])].text, "found": _found(args)}


def localize_invalid_value(args: Mapping[str, Arg]) -> Mapping[str, Arg]:
    return {**args, "found": _found(args)}


def localize_invalid(args: Mapping[str, Arg]) -> Mapping[str, Arg]:
    words = PROBLEM_WORDS.get(str(args["problem"]))
    return {**args, "detail": words.text if words else args["detail"]}


def localize_unknown_field(args: Mapping[str, Arg]) -> Mapping[str, Arg]:
    return args if args["expected"] else {**args, "expected": SEE_SCHEMA.text}


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
    localize=localize_unknown_field,
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
    localize=localize_wrong_type,
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
    localize=localize_invalid_value,
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
    localize=localize_invalid,
)


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
