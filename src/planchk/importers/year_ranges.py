"""A header's period of years (2024—2026年, 2024-2026年合计): read apart from a year, which
it is not, and from a fiscal year (2019-20, 2019/2020), which is one year."""

from __future__ import annotations

import re

from planchk.importers.printed import normalized

# 2024—2026年, 2024-2026年合计, 2024至2026年: a period of years, not its first year (nor a fiscal
# year: 2019-20 and 2019/2020 are one year, _FISCAL). Beside its years' columns it is their sum.
_RANGE = re.compile(
    r"^(?P<first>(?:19|20)\d{2})\s*年?\s*[-–—―~～至到]\s*(?P<last>(?:19|20)\d{2})\s*"
    r"(?P<year>年?)\s*(?P<rest>.*)$"
)


def year_range(text: str) -> tuple[int, int, str] | None:
    """The first and last years a header's period of years names, and the words after it."""
    found = _RANGE.match(normalized(text))
    if found is None:
        return None
    first, last = int(found.group("first")), int(found.group("last"))
    if last <= first or (last == first + 1 and not found.group("year")):
        return None  # 2019-2020 with no 年: a fiscal year, as _FISCAL reads it
    return first, last, found.group("rest").strip()
