"""A 其中 part a plan's text states after its whole (`到2026年，全县累计建成高标准农田3.6万亩，其中
高效节水灌溉1.2万亩`): where no table is named by the part's words, it is the 其中 row of the
table its whole is linked to (全县其中：高效节水灌溉, under 全县 in `of_which`), checked in the
whole's reading (the same year, or the same period)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from planchk.plan.traditional import fold

# 全县其中：高效节水灌溉 · 其中:高效节水灌溉 · 其中高效节水灌溉: what a 其中 row names
_PART_NAME = re.compile(r"^.*?其中\s*[：:]?\s*")


def part_name(subject: str) -> str:
    """A part's own name: 高效节水灌溉 for 其中高效节水灌溉 or 全县其中：高效节水灌溉."""
    return _PART_NAME.sub("", fold(subject), count=1).strip()


def of_which_row(
    subject: str, top: str | None, of_which: Mapping[str, Sequence[str]]
) -> str | None:
    """The one 其中 row under `top` (the area the whole is about) that the part's words name,
    in full or as the part's name ends (节水灌溉 for 高效节水灌溉 is not taken: two rows could
    fit); None where no row, or more than one, fits."""
    said = part_name(subject)
    rows = of_which.get(top, []) if top is not None else []
    fits = [row for row in rows if said and part_name(row) == said]
    return fits[0] if len(fits) == 1 else None
