"""The comparators of a plan, in one place: how they are written and what they mean.

A comparator is one of the model's five (`models.targets.Comparator`: > >= < <= ==). A relation
writes it with symbols (`<=`, `≤`, `=`); a goal's Chinese wording with words (不低于 130 家 is
>= 130, 超过 is strictly >). Both the relation checks and the goal checks evaluate it here.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Final

from planchk.models.targets import Comparator

__all__ = ["SYMBOLS", "WORDS", "Comparator", "compare"]

# What each comparator means; every one of models.targets.Comparator has an entry (tested).
_MEANING: Final[dict[str, Callable[[Decimal, Decimal], bool]]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}

# How a relation writes them: ASCII, the mathematical signs, and = for ==.
SYMBOLS: Final[dict[str, str]] = {
    "=": "==",
    "==": "==",
    "<": "<",
    "<=": "<=",
    "≤": "<=",
    ">": ">",
    ">=": ">=",
    "≥": ">=",
}

# How a goal's wording writes them. Read longest first: 不低于 must not be read as 低于.
WORDS: Final[dict[str, str]] = {
    "不超过": "<=",
    "不高于": "<=",
    "不多于": "<=",
    "不大于": "<=",
    "控制在": "<=",
    "不低于": ">=",
    "不少于": ">=",
    "不小于": ">=",
    "至少": ">=",
    "达到": ">=",
    "达": ">=",
    "超过": ">",
    "突破": ">",
    "高于": ">",
    "多于": ">",
    "大于": ">",
    "低于": "<",
    "少于": "<",
    "小于": "<",
}

# Words after the figure: 95%以上, 5以内 (goals in a plan's text, bounds in a table's cells).
AFTER_WORDS: Final[dict[str, str]] = {
    "及以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
}


def compare(left: Decimal, op: str, right: Decimal) -> bool:
    """Whether `left op right`, op being one of the five (a KeyError names any other)."""
    return _MEANING[op](left, right)
