"""Goals listed after one verb: `完成人工造林8000亩、森林抚育1.2万亩` states two targets, the
second with the first's verb and year (and 累计, where the first says it), in its own unit.

A list goes on only from a figure read as a plain goal to the next figure, with nothing between
them but the next thing's name (森林抚育) after a 、, ，, ；, 和 or 及: a comparator goal, a
figure not read, or other words (投资, 带动就业) end it. Each item measures what the first does
(亩 and 万亩: an area); after a 、, which lists things of one sort, any two counts too
(村卫生室30个、文化广场12处), never a count beside an amount of money.
"""

from __future__ import annotations

import re

from planchk.importers.plandoc.goal_statement import Statement
from planchk.plan.goal_text import MAGNITUDES
from planchk.plan.units import BUILT_IN

# what may stand between two items: a separator, then the item's name alone (no figure, no
# bracket, no colon, at most a short name's length)
_ITEM = re.compile(
    r"^(?P<sep>[、，,；;]|和|及|以及)?\s*(?P<name>[^\d\s，,。；;：:（）()、]{2,16})$"
)


def _measure(unit: str) -> tuple[str, bool] | None:
    """What a unit measures and whether it counts whole things (万户 is 户's, a count)."""
    known = BUILT_IN.get(unit)
    if known is None and unit[:1] in MAGNITUDES:
        known = BUILT_IN.get(unit[1:])
    return (known.dimension, known.whole) if known is not None else None


def shares_verb(said: str, unit: str, earlier: Statement | None) -> bool:
    """Whether a figure whose clause says only `said` before it (、森林抚育) is the next item of
    the list whose last plain goal is `earlier`: so it shares that goal's verb and year."""
    if earlier is None or earlier.word:
        return False
    item = _ITEM.match(said.strip())
    mine, theirs = _measure(unit), _measure(earlier.unit)
    if item is None or mine is None or theirs is None:
        return False
    if mine[0] == theirs[0]:
        return True
    return item.group("sep") == "、" and mine[1] and theirs[1]
