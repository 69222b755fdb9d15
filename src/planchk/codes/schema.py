"""The input family's schema codes (PC020-PC024): a plan file that does not fit the models.

Declared here as data, with the words their messages are rendered in: pydantic's errors are
mapped to them by planchk.loader.schema_errors, which raises them.
"""

from __future__ import annotations

from collections.abc import Mapping

from planchk.findings import Arg, Severity
from planchk.messages import Message, message
from planchk.registry import code

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
        "planchk_years": "a period label stands alone: years are all numbers, or one label",
        "planchk_goal_year": "a goal names its `year` or its `period`: one of the two",
    }.items()
}
SEE_SCHEMA = message("term.see-schema", "see `planchk schema`")


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
