"""How a plain YAML scalar becomes a Python value in a plan file.

PyYAML resolves YAML 1.1 types: `NO` becomes False, `010` is octal, `1:20` is a sexagesimal
number and `1_000` an integer. None of that is what a person typing a plan table means, so
planchk resolves plain scalars itself with a small YAML 1.2-like set. Numbers become Decimal
from the printed text, never through float, so 6.0 keeps its one decimal; everything else
stays a string, and the schema says where a string does not belong.
"""

from __future__ import annotations

from decimal import Decimal

from planchk.plan.numbers import is_number

__all__ = [
    "CACHE_LIMIT", "RESERVED_WORDS", "Scalar", "is_number", "number_cache", "resolve_plain",
]  # fmt: skip

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLEANS["FALSE"] = False
# The words that are not text when plain (the row pre-reader leaves lists holding them alone).
RESERVED_WORDS = _NULL | _BOOLEANS.keys()
_NUMBER_START = frozenset("0123456789+-")
# A table repeats the same small figures; one Decimal per distinct text is enough (they are
# immutable), and saves both time and memory on large plans.
number_cache: dict[str, Decimal] = {}
CACHE_LIMIT = 100_000

Scalar = str | Decimal | bool | None


def resolve_plain(text: str) -> Scalar:
    """The value of an unquoted scalar as printed."""
    cached = number_cache.get(text)
    if cached is not None:
        return cached
    if text[:1] in _NUMBER_START and is_number(text):
        number = Decimal(text)
        if len(number_cache) < CACHE_LIMIT:
            number_cache[text] = number
        return number
    if text in _NULL:
        return None
    return _BOOLEANS.get(text, text)
