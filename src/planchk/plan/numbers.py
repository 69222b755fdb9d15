"""Helpers for the printed numbers of a plan: a blank cell, the precision of printed digits,
and the arithmetic context every check runs in.

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
from decimal import Decimal, localcontext

_is_none = functools.partial(operator.is_, None)

# Characters a plan figure may have (sign and point included): longer numbers are not plan
# figures, and refusing them keeps huge inputs away from Decimal.
MAX_DIGITS = 40
# Decimal's default context rounds every result to 28 significant digits: a sum of 37-digit
# figures came out rounded, so a balanced table failed and an unbalanced one passed. Two
# figures of MAX_DIGITS at opposite ends (10^39 and 10^-38) need 2 * MAX_DIGITS digits to add
# exactly; 20 more keep a sum of up to 10^20 of them exact, and a product of two exact too.
PRECISION = 2 * MAX_DIGITS + 20


def exact() -> AbstractContextManager[object]:
    """The context plan arithmetic runs in: sums and differences of figures are exact."""
    return localcontext(prec=PRECISION)  # the current traps stay


def has_blank(values: Iterable[object]) -> bool:
    return any(map(_is_none, values))


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit: how far the printed value may be from the truth."""
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(int(exponent) - 1) if isinstance(exponent, int) else Decimal(0)
