"""What kind of figure an imported indicator holds, and how its table means it to move.

ratio: a percentage, a rate (标准, 单价) or a per-head figure (人均): never summed;
stock: 累计 in a header (a count that accumulates); change: 增减 (a difference);
flow otherwise (or what --kind says). A flow is expected to grow, unless its own total falls.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal

from planchk.importers.columns import CUMULATIVE
from planchk.importers.identities import CHANGE_NAME, COMPARED, operand_kind
from planchk.importers.shapes import Column

# An amount per person, household or unit of area (每万人口…拥有量, 人均, 户均, 亩均): a
# ratio, never summed, and never a count although its unit (件, 个) is one.
PER_HEAD = re.compile(
    r"^(?:每(?:[十百千万]|万人|千人|百人)|人均|户均|亩均|地均|平均)|per capita", re.IGNORECASE
)

# One figure over another, named so (出生人口性别比, 城乡居民收入比, 师生比): a ratio, never summed.
_RATIO_NAME = re.compile(r"[^占]比$")


def indicator_kind(columns: Sequence[Column], name: str, default: str) -> str:
    """The kind of the indicator these columns make, named `name`."""
    kinds = {operand_kind(c) for c in columns}
    if kinds <= {"percent", "rate"} or PER_HEAD.search(name) or _RATIO_NAME.search(name):
        return "ratio"
    if any(CUMULATIVE.search(c.header) for c in columns):
        return "stock"
    # A table's title names its year columns' indicator: its comparison with a year (FY2025
    # and change from FY2024) says what the table prints beside them, not what they are.
    titled = all(c.name is None for c in columns)
    if CHANGE_NAME.search(COMPARED.sub(" ", name) if titled else name):
        return "change"
    return default


def falls(total: Sequence[Decimal | None]) -> list[Decimal] | None:
    """The total row's figures, if they fall from one year to the next somewhere (a task
    that shrinks as it is done: 10.0, 9.0, 8.5 万亩). Such a table means no growth, and
    every row falling with it would be a PC202 warning about what it sets out to do; None
    where the total never falls or is not printed for every year."""
    figures = [value for value in total if value is not None]
    if len(figures) < 2 or len(figures) != len(total):
        return None
    if any(later < earlier for earlier, later in itertools.pairwise(figures)):
        return figures
    return None
