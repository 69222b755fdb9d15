"""The printed numbers of a plan: their grammar, their text, a blank cell, the precision of
printed digits, and the arithmetic context every check runs in.

One grammar for a number a plan file prints (NUMBER, is_number: the loader's resolver and its
fast row reader both read it, and tests/test_numbers.py holds them to the same language), one
for a figure inside running text (FIGURE: a goal's wording), and one way back from a Decimal to
text (tidy, plain). The importers read printed table cells (１２.５, 1,234, (123)) with a grammar
of their own, importers.printed, and write what they read with plain.

Where else planchk reads a number, it takes this grammar (issue 16's decision, one grammar):
a number in a relation (plan.relations) and a number option in the configuration
(rules.options) are held to is_number, so full-width digits, a leading zero, an exponent (1e3)
or an underscore are refused there with a message saying what is accepted, as in a value.

Is there a blank cell? Asked of every row of a million-cell plan, so it must be fast.

`None in row` looks simple but compares each Decimal with None, and Decimal's comparison with
a non-number goes through an abstract-base-class check: seven times slower than asking each
value whether it *is* None.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from contextlib import AbstractContextManager
from decimal import ROUND_CEILING, Decimal, localcontext

_is_none = functools.partial(operator.is_, None)

# Characters a plan figure may have (sign and point included): longer numbers are not plan
# figures, and refusing them keeps huge inputs away from Decimal.
MAX_DIGITS = 40
# Decimal's default context rounds every result to 28 significant digits: a sum of 37-digit
# figures came out rounded, so a balanced table failed and an unbalanced one passed. Two
# figures of MAX_DIGITS at opposite ends (10^39 and 10^-38) need 2 * MAX_DIGITS digits to add
# exactly; 20 more keep a sum of up to 10^20 of them exact, and a product of two exact too.
PRECISION = 2 * MAX_DIGITS + 20


# A number as a plan file prints it: optionally signed digits, at most one point between
# digits, no leading zero ("010" is a typo or an octal surprise), no exponent, no underscore,
# ASCII digits only. Written with possessive quantifiers (the same language, no backtracking):
# loader.rows runs it over every line of a million-cell file.
NUMBER = r"[-+]?+(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?+"
# A figure inside running text (超过130家, 突破8.3亿元): unsigned (a sign there is a word) and
# read as printed, leading zeros included.
FIGURE = r"[0-9]+(?:\.[0-9]+)?"


def is_number(text: str) -> bool:
    """Whether `text` is a NUMBER of at most MAX_DIGITS characters besides its sign.

    Written out rather than matched: asked of every plain scalar that starts like a number.
    """
    body = text[1:] if text[:1] in "+-" else text
    whole, point, fraction = body.partition(".")
    if not whole or len(body) > MAX_DIGITS or not (whole.isascii() and whole.isdigit()):
        return False
    if len(whole) > 1 and whole[0] == "0":
        return False
    return not point or (fraction.isascii() and fraction.isdigit())


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros that arithmetic added: 21700.0000 -> 21700."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def plain(value: Decimal) -> str:
    """A Decimal written as a plan file writes it: its printed digits and no exponent (1E+1 is
    10, 1E-7 is 0.0000001, 1.50 stays 1.50), and a zero without a sign (-0 is 0, -0.0 is 0.0).

    The one way from a Decimal back to a plan's text: the importers write every value with it.
    A zero has no sign in a plan, and "-0" reads as a typo for a missing digit.
    """
    text = str(value)  # the digits as they are: the common case, and faster than format()
    if "E" in text:
        text = format(value, "f")
    return text[1:] if text[0] == "-" and value.is_zero() else text


def exact() -> AbstractContextManager[object]:
    """The context plan arithmetic runs in: sums and differences of figures are exact."""
    return localcontext(prec=PRECISION)  # the current traps stay


def has_blank(values: Iterable[object]) -> bool:
    return any(map(_is_none, values))


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit: how far the printed value may be from the truth."""
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(int(exponent) - 1) if isinstance(exponent, int) else Decimal(0)


def decimals(value: Decimal) -> int:
    """How many decimals a figure is printed with: 7.0 has 1, 0.098 has 3, 130 has 0."""
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def shown_sum(total: Decimal | None, addends: Iterable[Decimal | None]) -> Decimal:
    """The sum of printed figures as a table would print it.

    Decimal addition keeps the finest addend's digits: 2.500 + 4.50 is 7.000, shown under a
    printed 7.0 as if the sum were known to a thousandth. A sum is known no better than its
    least precise addend (the rule for adding rounded figures), so it is shown with that
    addend's decimals, and with at least the total's when it stands beside one (7.0 + 0.00
    is 7.0). Only zeros are dropped, never a digit: 1.5 + 0.05 stays 1.55, for a rounded sum
    could look equal to a total it misses. Blank addends count as nothing and set no digits.
    """
    printed = [value for value in addends if value is not None]
    return shown_added(sum(printed, Decimal(0)), printed, total)


def shown_added(value: Decimal, figures: list[Decimal], beside: Decimal | None) -> Decimal:
    """`value`, got by adding and subtracting `figures`, shown as shown_sum shows a sum."""
    places = min((decimals(figure) for figure in figures), default=0)
    if beside is not None:
        places = max(places, decimals(beside))
    if decimals(value) < places:  # 3.5 + 3.5 beside a total of 7.00
        return value.quantize(Decimal(1).scaleb(-places))
    return trimmed(value, places)


def trimmed(value: Decimal, places: int) -> Decimal:
    """`value` with trailing zeros dropped down to `places` decimals, no digit lost."""
    while decimals(value) > places and value.as_tuple().digits[-1:] == (0,):
        value = value.quantize(Decimal(1).scaleb(-(decimals(value) - 1)))
    return value


def rounding_allowance(values: Iterable[Decimal]) -> Decimal:
    """How far a sum of printed figures (parts and total) may honestly miss because each was
    rounded to its printed digits.

    Each figure is within h = half a unit of its last digit of its true value, so the worst
    case is Σh; but roundings are independent, and their errors add like a random walk: the
    miss has a standard deviation √(Σh²/3) (an error spread evenly over ±h has variance h²/3).
    Three of those, √(3·Σh²), is a miss honest rounding exceeds less than once in a thousand
    tables. The allowance is the smaller of the two, rounded up to the finest printed digit:
    for three parts it is the worst case (0.01 on 33.33 ×3 = 100.00), for 4,000 parts printed
    to 0.01 it is 0.55, not 20 — a total off by 7 there is an error, not rounding.
    A miss of one unit of the last digit is always within it (3·Σh² ≥ 3·2h² > (2h)²).
    """
    halves = [half_unit(value) for value in values]
    if not halves:
        return Decimal(0)
    worst = sum(halves, Decimal(0))
    with localcontext(prec=PRECISION):
        spread = (3 * sum((h * h for h in halves), Decimal(0))).sqrt()
    finest = (min(halves) * 2).normalize()  # one unit of the finest printed digit
    if finest:
        spread = spread.quantize(finest, rounding=ROUND_CEILING)
    return worst if worst <= spread else spread
