"""Helpers for the printed numbers of a plan: a blank cell, the precision of printed digits.

Is there a blank cell? Asked of every row of a million-cell plan, so it must be fast.

`None in row` looks simple but compares each Decimal with None, and Decimal's comparison with
a non-number goes through an abstract-base-class check: seven times slower than asking each
value whether it *is* None.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable
from decimal import Decimal

_is_none = functools.partial(operator.is_, None)


def has_blank(values: Iterable[object]) -> bool:
    return any(map(_is_none, values))


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit: how far the printed value may be from the truth."""
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(int(exponent) - 1) if isinstance(exponent, int) else Decimal(0)
