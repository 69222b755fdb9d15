"""Years an English budget prints with their status: 2024A | 2025E | 2026P, FY2024 Actual |
FY2025 Budget, 2024 Actual | 2025 Estimate | 2026 Projection.

Each column is one year of the table's one indicator, as 2024年（实际）| 2025年（预计）is: the
word after the year says how firm the figure is (actual, budget, estimate, projection), not
what it measures. Read as a category, each word was an indicator of one year (A, E, P).
Where two columns print the same year (2024 Budget | 2024 Actual), the words tell them apart
and stay their categories.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from planchk.importers.shapes import Column

_STATUS = re.compile(
    r"[AEPBRF]|actuals?|budget(ed)?|est(imated?|imates?)?\.?|proj(ect(ed|ions?))?\.?|forecast|"
    r"revised(\s*budget|\s*estimates?)?|approved(\s*budget)?|outturn|prelim(inary)?|target|plan(ned)?",
    re.IGNORECASE,
)


def year_statuses(columns: Sequence[Column]) -> list[Column]:
    """`columns` with each year's status word dropped from its name, where every dated
    category is named by such a word alone and no two of the years are the same."""
    dated = [c for c in columns if c.kind == "value" and c.year is not None]
    named = [c for c in dated if c.name is not None]
    years = [c.year for c in dated]
    if not named or len(set(years)) != len(years):
        return list(columns)
    if not all(c.name is not None and _STATUS.fullmatch(c.name.strip(" ()（）")) for c in named):
        return list(columns)
    return [dataclasses.replace(c, name=None) if c in named else c for c in columns]
