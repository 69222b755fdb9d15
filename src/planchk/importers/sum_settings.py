"""What an imported indicator's file says of its sums: `sum:` and `tolerance:`, from what the
table prints (planchk.importers.carried: a bound on the total; planchk.importers.settled: a
figure printed in a larger unit).

Each is written in the smallest form that says it, and for no more sums than the table says it
of: `sum:` one for every year where the years agree, else by year (one year's bound decides no
other year's sums); `tolerance:` by area and year, for the sums a coarse figure is in only.
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
    if any(c.index in table.grid.counted for c in columns):  # a purchase list's 数量
        modes = ["none"] * len(columns)
    if len(set(modes)) == 1:
        return modes[0]
    by_year = dict(zip(years, modes, strict=True))
    shown = "、".join(f"{c.header} {table.sums[c.index]}" for c in columns if c.index in table.sums)
    written = "{" + ", ".join(f"{year}: {mode}" for year, mode in by_year.items()) + "}"
    notes.append(texts.SUM_BY_YEAR(name=name, texts=shown, sum=written))
    return by_year


def tolerance_setting(
    table: Table, columns: Sequence[Column], periods: Sequence[int | str]
) -> dict[str, dict[int | str, Decimal]] | None:
    """What a figure printed in a larger unit (settled._coarse) allows the sums it is in, by
    area and year: its row's own parts' sum and its parent's ({甲县: {2024: 501}}), so that a
    miss in another sum of its year, or in another year, stays an error."""
    if not table.tolerances:
        return None
    names = {row.number: row.name for row in table.rows}
    parent_of = {part: parent for parent, parts in table.areas.items() for part in parts}
    period_of = {c.index: p for c, p in zip(columns, periods, strict=True)}
    found: dict[str, dict[int | str, Decimal]] = {}
    for (row, index), allowance in table.tolerances.items():
        name = names.get(row)
        if name is None or index not in period_of:
            continue  # a figure of another indicator's column, or of a row not kept
        for whole in (name, parent_of.get(name)):
            if whole in table.areas:
                years = found.setdefault(whole, {})
                years[period_of[index]] = max(allowance, years.get(period_of[index], allowance))
    ordered = {area: {p: years[p] for p in periods if p in years} for area, years in found.items()}
    return ordered or None
