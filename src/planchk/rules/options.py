"""Parsers for rule options: each turns a configuration value into what the rule uses.

A parser raises PlanchkError with a sentence saying what it expected; the configuration
loader reports it with the key that holds the value.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from planchk import messages
from planchk.registry import Option


def decimal_or_printed(value: Any) -> Decimal | str:
    """A non-negative number (as a string, "0.01", to keep its digits) or "printed"."""
    if value == "printed":
        return "printed"
    number = _decimal(value, (str, int))
    if number is None or number < 0:
        raise messages.PlanchkError(messages.OPTION_PRINTED_OR_NUMBER, value=repr(value))
    return number


def percent(value: Any) -> Decimal:
    """A percentage from 0 to 100."""
    number = _decimal(value, (str, int, float))
    if number is None or not 0 <= number <= 100:
        raise messages.PlanchkError(messages.OPTION_PERCENT, value=repr(value))
    return number


def positive_number(value: Any) -> Decimal:
    """A number greater than zero."""
    number = _decimal(value, (str, int, float))
    if number is None or number <= 0:
        raise messages.PlanchkError(messages.OPTION_POSITIVE, value=repr(value))
    return number


def choice(*allowed: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if value not in allowed:
            shown = ", ".join(allowed)
            raise messages.PlanchkError(messages.OPTION_CHOICE, allowed=shown, value=repr(value))
        return str(value)

    return parse


def _decimal(value: Any, kinds: tuple[type, ...]) -> Decimal | None:
    """A finite Decimal from a TOML value of one of `kinds`, or None."""
    if isinstance(value, bool) or not isinstance(value, kinds):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


# Declared on PC101 (rules/totals.py) and read by PlanContext.sum_mode, which every sum rule
# asks: declared here, below both.
DEFAULT_SUM = Option(
    "exact",
    choice("exact", "at_least", "at_most"),
    "The sum mode of indicators that set no `sum` (ratios are never summed); used by PC101-PC104.",
)
