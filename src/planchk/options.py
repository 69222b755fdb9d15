"""Parsers for rule options: each turns a configuration value into what the rule uses.

A parser raises ValueError with a sentence saying what it expected; the configuration loader
reports it with the key that holds the value.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any


def decimal_or_printed(value: Any) -> Decimal | str:
    """A non-negative number (as a string, "0.01", to keep its digits) or "printed"."""
    if value == "printed":
        return "printed"
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError('expected "printed" or a number written as a string, e.g. "0.01"')
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f'expected "printed" or a number, not {value!r}') from None
    if not number.is_finite() or number < 0:
        raise ValueError(f"expected a number of 0 or more, not {value!r}")
    return number


def percent(value: Any) -> Decimal:
    """A percentage from 0 to 100."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("expected a percentage from 0 to 100")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"expected a percentage from 0 to 100, not {value!r}") from None
    if not 0 <= number <= 100:
        raise ValueError(f"expected a percentage from 0 to 100, not {value!r}")
    return number


def choice(*allowed: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, not {value!r}")
        return str(value)

    return parse
