"""An indicator's settings that are one value or a mapping (by year, or by area and year):
`sum` and `tolerance`.

Each is validated in the one form the file writes, chosen by its shape (a mapping or not):
as a plain union, pydantic would try every form and report each one's failure, so that
`sum: bogus` read as two errors, one of them "should be a mapping", under a path naming
pydantic's own types. The errors of the chosen form keep their keys in their paths.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import PlainValidator, TypeAdapter, WithJsonSchema

from planchk.models.common import _BOUNDED, Number, PeriodKey, _period_key

SumMode = Literal["exact", "at_least", "at_most", "none"]
_MODES = ["exact", "at_least", "at_most", "none"]


def _by_shape(one: TypeAdapter[Any], mapping: TypeAdapter[Any]) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        return (mapping if isinstance(value, dict) else one).validate_python(value)

    return validate


def _setting_key(value: Any) -> int | str:
    # A year (2024, as the loader reads a key: text) or a name: an area, or a period's label.
    # A name that reads as a year (2024年) stays a name, which PC040 reports as no year.
    if isinstance(value, str) and value.strip() and not value.strip().isdigit():
        return value.strip()
    return _period_key(value)


def _object(values: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "patternProperties": {r"\S": values}}


_NUMBER: dict[str, Any] = {"type": "number", **_BOUNDED}
_MODE: dict[str, Any] = {"type": "string", "enum": _MODES}

# `exact`, or by year: {2024: at_least, 2025: exact}.
SumSetting = Annotated[
    SumMode | dict[PeriodKey, SumMode],
    PlainValidator(_by_shape(TypeAdapter(SumMode), TypeAdapter(dict[PeriodKey, SumMode]))),
    WithJsonSchema({"anyOf": [_MODE, _object(_MODE)]}),
]
# A year's tolerance (501), or an area's by year ({2024: 501}).
_ToleranceValue = Annotated[
    Decimal | dict[PeriodKey, Decimal],
    PlainValidator(_by_shape(TypeAdapter(Number), TypeAdapter(dict[PeriodKey, Number]))),
]
SettingKey = Annotated[int | str, PlainValidator(_setting_key)]
# 501 for every sum; {2024: 501} for every sum of 2024; {甲县: {2024: 501}} for the sum of
# 甲县's parts in 2024 (a figure printed coarser than its column loosens only the sums it is
# in); the forms mix: {2025: 1, 甲县: {2024: 501}}.
ToleranceSetting = Annotated[
    Decimal | dict[int | str, Decimal | dict[int | str, Decimal]],
    PlainValidator(_by_shape(TypeAdapter(Number), TypeAdapter(dict[SettingKey, _ToleranceValue]))),
    WithJsonSchema({"anyOf": [_NUMBER, _object({"anyOf": [_NUMBER, _object(_NUMBER)]})]}),
]


def shown(setting: object) -> str:
    """A setting as the file writes it: {2024: at_least, 2025: exact}, not a repr."""
    if isinstance(setting, dict):
        return "{" + ", ".join(f"{key}: {shown(value)}" for key, value in setting.items()) + "}"
    return str(setting)
