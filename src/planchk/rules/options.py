"""Parsers for rule options: each turns a configuration value into what the rule uses.

A parser raises PlanchkError with a sentence saying what it expected; the configuration
loader reports it with the key that holds the value.

A number option takes what a plan file's values take (planchk.plan.numbers: digits, at most one
point, no exponent, no leading zero, no underscore), so that one grammar of numbers holds across
planchk: `1e3`, `1_000` or `010` is refused with a message naming the form, not read as 1000 or
10. TOML reads `1e3` as a float equal to 1000.0, so the configuration loader reads floats as
PrintedFloat, which keeps the text as written.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from planchk import messages
from planchk.plan.numbers import is_number
from planchk.registry import Option


class PrintedFloat(float):
    """A TOML float with the text it was written as: 1e3 and 1000.0 are the same float."""

    text: str

    def __new__(cls, text: str) -> PrintedFloat:
        number = super().__new__(cls, text)
        number.text = text
        return number


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
    """The Decimal a TOML value of one of `kinds` writes, or None for another kind.

    Refused with a message when its text is no number as a plan file writes one.
    """
    if isinstance(value, bool) or not isinstance(value, kinds):
        return None
    text = value.text if isinstance(value, PrintedFloat) else str(value)
    if not is_number(text):
        raise messages.PlanchkError(messages.OPTION_NUMBER_FORM, value=text)
    return Decimal(text)


# Declared on PC101 (rules/totals.py) and read by PlanContext.sum_mode, which every sum rule
# asks: declared here, below both.
DEFAULT_SUM = Option(
    "exact",
    choice("exact", "at_least", "at_most"),
    "The sum mode of indicators that set no `sum` (ratios are never summed); used by PC101-PC104.",
)
