"""Pieces shared by both plan files: the strict base model, printed numbers, waivers."""

from __future__ import annotations

import datetime as dt
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


def _iso_date(value: Any) -> dt.date:
    if isinstance(value, str):
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


def _section_number(value: Any) -> Any:
    # Sections are numbered 一, 二, ... as printed; 1, 2, ... is accepted as the same thing.
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return str(_integer(value))
    return value


Number = Annotated[Decimal, PlainValidator(_printed_number), WithJsonSchema({"type": "number"})]
Cell = Annotated[
    Decimal | None,
    PlainValidator(_cell),
    WithJsonSchema({"type": ["number", "null"]}),
]
# A table row: checked by the loader (planchk.loader.cells) rather than item by item here,
# because a million-cell plan would spend more time in validation than in parsing.
Row = Annotated[
    list[Decimal | None],
    PlainValidator(_row),
    WithJsonSchema({"type": "array", "items": {"type": ["number", "null"]}}),
]
IsoDate = Annotated[
    dt.date, PlainValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]
Integer = Annotated[int, PlainValidator(_integer), WithJsonSchema({"type": "integer"})]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SectionNumber = Annotated[str, BeforeValidator(_section_number)]


class Waiver(StrictModel):
    """A finding the plan's authors accept, with the reason they accept it."""

    rule: Name = Field(description="The code (PC202), slug (trend-flow-decrease) or family.")
    where: Name = Field(
        default="*",
        description="The finding's data path; * and ? match any text, as in file names.",
    )
    reason: Name = Field(description="Why the finding is accepted; shown beside it.")
