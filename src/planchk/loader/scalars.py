"""How a plain YAML scalar becomes a Python value in a plan file.

PyYAML resolves YAML 1.1 types: `NO` becomes False, `010` is octal, `1:20` is a sexagesimal
number and `1_000` an integer. None of that is what a person typing a plan table means, so
planchk resolves plain scalars itself with a small YAML 1.2-like set, and numbers are read
as Decimal from the printed text, never through float. Everything else stays a string, and
the schema says where a string does not belong.
"""

from __future__ import annotations

import re
from decimal import Decimal

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
# No leading zeros ("010" is a typo or an octal surprise), no exponent, no underscores.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
# Longer numbers are not plan figures; refusing them also keeps int() away from huge inputs.
MAX_DIGITS = 40

Scalar = str | int | Decimal | bool | None


def resolve_plain(text: str) -> Scalar:
    """The value of an unquoted scalar as printed."""
    if text in _NULL:
        return None
    if len(text) <= MAX_DIGITS + 2:
        if _INT.fullmatch(text):
            return int(text)
        if _DECIMAL.fullmatch(text):
            return Decimal(text)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return text
