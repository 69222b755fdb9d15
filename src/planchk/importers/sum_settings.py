"""What an imported indicator's file says of its sums: `sum:` and `tolerance:`, from what the
table prints (planchk.importers.carried: a bound on the total; planchk.importers.settled: a
figure printed in a larger unit).

Each is written in the smallest form that says it: one for every year where the years agree,
else by year, so that one year's bound or coarse figure decides no other year's sums.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from planchk.importers import texts
from planchk.importers.shapes import Column, Table

SumSetting = str | dict[int, str]


def sum_setting(
    notes: list[str], table: Table, columns: Sequence[Column], years: Sequence[int], name: str
) -> SumSetting:
    """exact; at_least or at_most where the total prints one bound in every column (≥1000);
    by year where the years differ ({2024: at_least, 2025: exact}), said in the log. A year
    whose total prints no bound is exact: a bound in 2024 lets no other year over-allocate."""
    modes = [table.sums.get(c.index, "exact") for c in columns]
    if len(set(modes)) == 1:
        return modes[0]
    by_year = dict(zip(years, modes, strict=True))
    shown = "、".join(f"{c.header} {table.sums[c.index]}" for c in columns if c.index in table.sums)
    written = "{" + ", ".join(f"{year}: {mode}" for year, mode in by_year.items()) + "}"
    notes.append(texts.SUM_BY_YEAR(name=name, texts=shown, sum=written))
    return by_year


def tolerance_setting(
    table: Table, columns: Sequence[Column], years: Sequence[int]
) -> Decimal | dict[int, Decimal] | None:
    """What a figure printed in a larger unit allows its column's sums (settled._coarse):
    for the one column, or by year, so that another year's miss stays an error."""
    found = {y: table.tolerances[c.index] for c, y in zip(columns, years, strict=True)
             if c.index in table.tolerances}  # fmt: skip
    if not found:
        return None
    return next(iter(found.values())) if len(columns) == 1 else found
