"""A header's period of years (2024—2026年, 2024-2026年合计): read apart from a year, which
it is not, and from a fiscal year (2019-20, 2019/2020), which is one year."""

from __future__ import annotations

import re
from decimal import Decimal

from planchk.importers.printed import normalized
from planchk.importers.shapes import Table
from planchk.messages import message

PERIOD_TOTAL_KEPT = message(
    "import.period-total-kept",
    "  {name}: the column {header} written as `period_total:` (each row's figure for the "
    "period), which validate checks against the row's years (PC111, PC112)",
)

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


def period_totals(table: Table, key: str | None) -> tuple[str | None, dict[str, Decimal]]:
    """The header and the rows' figures of the 合计 over the years of the category `key`
    (None: of the table's own years), kept as the indicator's `period_total:` so that
    validate checks each row against its years (rules.period_totals) and the file keeps
    every printed figure; (None, {}) where the table prints none."""
    column = next((c for c in table.columns if c.kind == "year_sum" and c.name == key), None)
    if column is None:
        return None, {}
    index = column.index
    figures = {row.name: row.values.get(index) for row in table.rows}
    return column.header, {name: value for name, value in figures.items() if value is not None}
