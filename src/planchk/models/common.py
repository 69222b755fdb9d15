"""Pieces shared by both plan files: the strict base model, printed numbers, waivers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

# a number typed as text, or a year in words (2022年)
_YEARLIKE = re.compile(r"^\s*[-+]?(?=[^\d]*\d)[\d.,_:eE]+\s*$|(?:19|20)\d\d")


class StrictModel(BaseModel):
    """Unknown fields are errors, values are never coerced (a quoted "2021" is not a year)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _printed_number(value: Any) -> Decimal:
    # The loader already turned plain numeric scalars into int or Decimal from their text.
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise PydanticCustomError("planchk_number", "expected a number as printed")


def _cell(value: Any) -> Decimal | None:
    return None if value is None else _printed_number(value)


def _row(value: Any) -> list[Decimal | None]:
    # Only the row's shape: its cells are checked by planchk.loader.cells.
    if type(value) is list:
        return value
    raise PydanticCustomError("planchk_list", "expected a list")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> dt.date:
    # fromisoformat also reads 20210609 and 2021-W23-3 since Python 3.11: not what the message
    # (and the schema's format: date) asks for.
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("planchk_date", "expected a date written YYYY-MM-DD")


def _integer(value: Any) -> int:
    # The loader reads every number as a Decimal; a year or a task number is one printed
    # without a decimal point.
    if isinstance(value, Decimal) and value.as_tuple().exponent == 0:
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise PydanticCustomError("planchk_int", "expected a whole number")


# A period of years taken as a whole (2024-2026: the one column of a table printed for the
# period, 2024—2026年目标任务), written with a hyphen; an en or em dash reads the same.
_SPAN = re.compile(r"^\s*((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\s*$")


def span_of(period: object) -> tuple[int, int] | None:
    """The first and last years of a period of years (2024-2026), else None."""
    found = _SPAN.match(period) if isinstance(period, str) else None
    if found is None or int(found.group(1)) >= int(found.group(2)):
        return None
    return int(found.group(1)), int(found.group(2))


def _period(value: Any) -> int | str:
    # A column's year, the label of the one period of a table that prints no year (本期), or
    # a period of years as a whole (2024-2026, as written: one spelling for data paths). A
    # label that reads as a number or names a year ('2022', 2022年) is a year typed as text:
    # an error, as in a row, whose fix is the number.
    if (span := span_of(value)) is not None:
        return f"{span[0]}-{span[1]}"
    if isinstance(value, str) and value.strip() and not _YEARLIKE.search(value):
        return value.strip()
    return _integer(value)


def _section_number(value: Any) -> Any:
    # Sections are numbered 一, 二, ... as printed; 1, 2, ... is accepted as the same thing.
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(_integer(value))
    return value


# What the JSON Schema can say of the loader's numbers (plan.numbers.MAX_DIGITS: at most 40
# characters besides the sign; models sit below plan, tests/test_schema_corpus.py keeps the two
# equal): an editor then marks .inf or a 5000-digit figure, which the loader refuses.
FIGURE_BOUND = 10**40
_BOUNDED: dict[str, Any] = {"exclusiveMinimum": -FIGURE_BOUND, "exclusiveMaximum": FIGURE_BOUND}

Number = Annotated[
    Decimal, PlainValidator(_printed_number), WithJsonSchema({"type": "number", **_BOUNDED})
]
Cell = Annotated[
    Decimal | None,
    PlainValidator(_cell),
    WithJsonSchema({"type": ["number", "null"], **_BOUNDED}),
]
# A table row: checked by the loader (planchk.loader.cells) rather than item by item here,
# because a million-cell plan would spend more time in validation than in parsing.
Row = Annotated[
    list[Decimal | None],
    PlainValidator(_row),
    WithJsonSchema({"type": "array", "items": {"type": ["number", "null"], **_BOUNDED}}),
]
IsoDate = Annotated[
    dt.date, PlainValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]
Integer = Annotated[int, PlainValidator(_integer), WithJsonSchema({"type": "integer", **_BOUNDED})]
Period = Annotated[
    int | str,
    PlainValidator(_period),
    WithJsonSchema(
        {"anyOf": [{"type": "integer", **_BOUNDED}, {"type": "string", "pattern": r"\D"}]}
    ),
]


def _period_key(value: Any) -> int | str:
    # A mapping's key is text as the loader reads it: 2024 in `tolerance: {2024: 501}` is
    # the year, as in `years: [2024]`.
    if isinstance(value, str) and value.strip().isdigit():
        return _period(int(value.strip()))
    return _period(value)


# A period as a mapping's key (a per-year setting): a year as written, or a period's label.
PeriodKey = Annotated[
    int | str,
    PlainValidator(_period_key),
    WithJsonSchema({"type": "string", "pattern": r"\S"}),
]


def _stripped(value: Any) -> Any:
    # str.strip gives back the very string when there is nothing to strip, so a name stays the
    # loader's one string of it (pydantic's strip_whitespace copies every name: 76 bytes each,
    # twice per area of a 600,000-row plan). Anything else is left to the str check.
    return value.strip() if isinstance(value, str) else value


# A name is stripped before its length is checked: one of spaces only is empty, which the
# schema says as "holds a character that is not a space".
Name = Annotated[
    str,
    StringConstraints(min_length=1),
    BeforeValidator(_stripped),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"}),
]
SectionNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_section_number),
    WithJsonSchema({"type": ["string", "integer"], "minLength": 1, "pattern": r"\S"}),
]


class Waiver(StrictModel):
    """A finding the plan's authors accept, with the reason they accept it."""

    rule: Name = Field(description="The code (PC202), slug (trend-flow-decrease) or family.")
    where: Name = Field(
        default="*",
        description="The finding's data path; * and ? match any text, as in file names.",
    )
    reason: Name = Field(description="Why the finding is accepted; shown beside it.")
