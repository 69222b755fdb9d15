"""The document of a new targets file (plan, areas, of_which, aliases, units, indicators,
relations) made from the imported tables, as the writer writes it; plan documents
(importers.plandoc) make their indicators' entries and units here too."""

from __future__ import annotations

from typing import Any

from planchk.importers import texts
from planchk.importers.build import Imported, ImportedIndicator
from planchk.importers.figure_columns import EACH_ROWS_UNIT
from planchk.importers.year_ranges import covered


def indicator_entry(indicator: ImportedIndicator) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": indicator.name}
    if indicator.table:
        entry["table"] = indicator.table
    entry.update(unit=indicator.unit, kind=indicator.kind)
    if indicator.trend is not None:
        entry["trend"] = indicator.trend
    if indicator.kind != "ratio":
        entry["sum"] = indicator.sum
        if indicator.tolerance is not None:
            entry["tolerance"] = indicator.tolerance
    if indicator.decimals is not None:  # XLSX General cells (importers.stored)
        entry["decimals"] = indicator.decimals
    entry.update(years=indicator.periods, values=indicator.values)
    if indicator.notes:
        entry["notes"] = indicator.notes
    if indicator.period_total:  # a 合计 over the years (importers.year_ranges)
        entry["period_total"] = indicator.period_total
    return entry


def new_document(imported: Imported, title: str) -> dict[str, Any]:
    years = {y for i in imported.indicators.values() for y in covered(i.years, i.label)}
    plan: dict[str, Any] = {"title": title}
    # Tables that name no year make a plan with no period; so do years that skip some (a
    # 主要指标 table's base year 2020 and target 2025): a period would claim years the tables
    # never meant to print, each of them a warning (PC305) about the table's form.
    if years and len(years) == max(years) - min(years) + 1:
        plan["period"] = [min(years), max(years)]
    elif years:
        imported.notes.append(texts.PERIOD_NOT_SET(years=", ".join(map(str, sorted(years)))))
    return {
        "plan": plan,
        "areas": imported.areas,
        "of_which": imported.of_which,
        "aliases": imported.aliases,
        "units": declared_units(imported),
        "indicators": {i.id: indicator_entry(i) for i in imported.indicators.values()},
        "relations": imported.relations,
    }


def declared_units(imported: Imported) -> dict[str, Any]:
    """Units planchk does not know (households, thousand, 元/亩), declared as measures of
    their own, so that validate reads them without an unknown-unit warning."""
    from planchk.plan.units import BUILT_IN

    unknown = {i.unit for i in imported.indicators.values()} - set(BUILT_IN) - {"%"}
    for unit in sorted(unknown):
        imported.notes.append(texts.UNIT_DECLARED(unit=unit))
    return {unit: {"dimension": unit, **_whole(imported, unit)} for unit in sorted(unknown)}


def _whole(imported: Imported, unit: str) -> dict[str, bool]:
    """`whole: true` for 计量单位 (a purchase list's 数量, each row in its own unit: 张, 组)
    where every figure is whole: counted things, so 12 × 1200.00 is exactly 14400.00."""
    figures = (
        value
        for indicator in imported.indicators.values()
        if indicator.unit == unit == EACH_ROWS_UNIT
        for row in indicator.values.values()
        for value in row
        if value is not None
    )
    found = [value == value.to_integral_value() for value in figures]
    return {"whole": True} if found and all(found) else {}
