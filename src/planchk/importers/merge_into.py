"""`planchk import --into FILE`: the imported tables merged into an existing targets file,
each in place of the indicator it updates (the same printed table title, or name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planchk.importers import texts
from planchk.importers.build import Imported, ImportedIndicator
from planchk.importers.targets_file import declared_units, indicator_entry
from planchk.messages import PlanchkError


def merged(into: Path, imported: Imported, max_bytes: int) -> dict[str, Any]:
    """The targets file `into` with the imported tables in place of the ones they update."""
    from planchk.loader import load_file
    from planchk.models import TargetsFile

    base = load_file(into, str(into), max_bytes)
    if not isinstance(base.model, TargetsFile):
        problem = base.problems[0].message if base.problems else "not a targets file"
        raise PlanchkError(texts.INTO_UNUSABLE, path=into, problem=problem)
    document: dict[str, Any] = base.model.model_dump(exclude_defaults=True)
    indicators: dict[str, Any] = document.setdefault("indicators", {})
    for indicator in imported.indicators.values():
        match = _matching(base.model, indicator)
        if match is None:
            indicators[indicator.id] = indicator_entry(indicator)
            continue
        _updated(indicators[match], indicator)
        imported.notes.append(texts.INTO_REPLACES(id=match, path=into))
    _merge_lists(document, imported)
    relations: list[str] = document.setdefault("relations", [])
    relations.extend(r for r in imported.relations if r not in relations)
    imported.notes.append(texts.INTO_COMMENTS(path=into))
    return document


def _merge_lists(document: dict[str, Any], imported: Imported) -> None:
    """The tables' areas, 其中 parts, aliases and units added where the file lacks them."""
    areas: dict[str, Any] = document.setdefault("areas", {})
    known = set(areas) | {p for parts in areas.values() for p in parts}
    known |= set(document.get("aliases", {}))
    for parent, parts in imported.areas.items():
        if parent not in known:
            areas[parent] = parts
    of_which: dict[str, Any] = document.setdefault("of_which", {})
    for whole, parts in imported.of_which.items():
        of_which[whole] = [
            *of_which.get(whole, []),
            *(p for p in parts if p not in of_which.get(whole, [])),
        ]
    names: dict[str, Any] = document.setdefault("aliases", {})
    for code, name in imported.aliases.items():
        if code not in known:  # an alias the file has already leads where the file says
            names[code] = name
    units: dict[str, Any] = document.setdefault("units", {})
    for unit, declared in declared_units(imported).items():
        units.setdefault(unit, declared)


def _updated(entry: dict[str, Any], indicator: ImportedIndicator) -> None:
    """A file's indicator that a table updates: its unit, years, values and title, and what
    the table says of its figures (period totals, General marks), which go with them: an old
    table's would check the new figures (or keep PC403 quiet about them)."""
    entry.update(unit=indicator.unit, years=indicator.periods, values=indicator.values)
    for key, said in (("period_total", indicator.period_total), ("decimals", indicator.decimals)):
        entry.pop(key, None)
        if said:
            entry[key] = said
    if indicator.table:
        entry["table"] = indicator.table


def leading_comments(path: Path) -> list[str]:
    """The comment block a file starts with (a schema modeline, a description): kept."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].removeprefix(" "))
    return lines


def _matching(base: Any, indicator: ImportedIndicator) -> str | None:
    """The base file's indicator a table updates: the same printed table title, or name."""
    for ind_id, existing in base.indicators.items():
        if indicator.table and existing.table == indicator.table:
            return str(ind_id)
    for ind_id, existing in base.indicators.items():
        if existing.name == indicator.name:
            return str(ind_id)
    return None
