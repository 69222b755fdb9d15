"""`planchk import`: breakdown tables from CSV, XLSX, XLS and ODS files into a targets file.

`grid` reads a file into printed texts with positions, `layout` finds the table in it,
`build` turns tables into areas, indicators and relations, `writer` writes the YAML. The
result is loaded back with planchk's own loader before it is returned: what import writes,
validate reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planchk.importers import texts
from planchk.importers.build import UNDATED, Imported, ImportedIndicator, Options, add_table
from planchk.importers.csvgrid import read_csv
from planchk.importers.describe import for_log
from planchk.importers.grid import Grid, collector_paused
from planchk.importers.halves import Halves, SideGrid, balances, sides
from planchk.importers.layout import Table, plan_title
from planchk.importers.performance import Targets, add_goals, read_targets
from planchk.importers.plain import PlainTable, Span, plain_grid
from planchk.importers.readback import check_readable
from planchk.importers.same_total import same_total
from planchk.importers.stacked import split_stacked
from planchk.importers.unit_rows import read_tables
from planchk.importers.writer import targets_written
from planchk.importers.year_ranges import covered
from planchk.messages import PlanchkError

__all__ = ["ImportResult", "Options", "PlainTable", "Span", "import_files", "import_tables"]


@dataclass
class ImportResult:
    text: str  # the targets file
    indicators: int
    notes: list[str] = field(default_factory=list)  # what was inferred, for stderr


def import_files(
    paths: Sequence[Path], options: Options, grids: Sequence[Grid] | None = None
) -> ImportResult:
    """The targets file of the tables in `paths` (or in `grids`, read from them already)."""
    if grids is None:
        grids = [grid for path in paths for grid in read_grids(path, options)]
    with collector_paused():  # millions of small objects and no cycles (grid.py says why)
        return import_grids(grids, options, [str(p) for p in paths], paths[0].stem)


def import_tables(tables: Sequence[PlainTable], options: Options) -> ImportResult:
    """Tables that another reader found (in a .docx, an HTML page, a text file), read exactly
    as a CSV with the same cells would be; the sources are the tables' own."""
    grids = [plain_grid(table) for table in tables]
    sources = list(dict.fromkeys(table.source for table in tables))
    return import_grids(grids, options, sources, sources[0] if sources else "tables")


def import_grids(
    grids: Sequence[Grid], options: Options, sources: Sequence[str], stem: str
) -> ImportResult:
    imported = Imported()
    if options.undated is None:  # a table that names no year: its period is labelled
        options = dataclasses.replace(options, undated=UNDATED)
    read: list[str] = []
    titles: list[str | None] = []
    halves: list[Halves] = []  # the tables of a sheet that prints two side by side
    listed: list[Targets] = []  # 绩效目标表: goals, not tables (importers/performance.py)
    for grid, tables in _read_sheets(grids, options, read, listed):
        read.extend(grid.notes)
        for found in tables:
            titles.append(plan_title(found.title) if found.title else None)
            named, said = same_total(imported.areas, found)  # 全市 in 表2, 合计 in 表1
            before = set(imported.indicators) if isinstance(found.grid, SideGrid) else None
            add_table(imported, named, options)
            imported.notes.extend(filter(None, [said]))
            if before is not None:
                added = [i for i in imported.indicators.values() if i.id not in before]
                total = named.total.name if named.total is not None else ""
                halves.append((named, [(i.id, i.values.get(total, [])) for i in added]))
    for relation, said in balances(halves):  # 收入总计 = 支出总计 (importers/halves.py)
        imported.relations.append(relation)
        imported.notes.append(said)
    if options.into is not None:
        document = _merged(options.into, imported, options.max_bytes)
    else:
        # one table's title names the plan better than its file's name; several do not
        title = titles[0] if len(set(titles)) == 1 else None
        title = title or next((t.title for t in listed if t.title and not titles), None)
        document = _new_document(imported, options.title or title or stem)
    if listed:
        add_goals(document, listed)
        imported.notes.extend(note for table in listed for note in table.notes)
    # what import assumed stays in the file, for a reviewer to check, as well as on stderr
    header = [f"Imported by planchk import from {', '.join(sources)}.", texts.ASSUMED()]
    header += [note.rstrip() for note in imported.notes]
    if options.into is not None:
        header = [*_leading_comments(options.into), *header]
    imported.notes[:0] = read
    written = targets_written(document, header)
    text = written.text
    check_readable(written)
    notes = for_log(imported.notes)
    if any(i.kind == "flow" for i in imported.indicators.values()):  # the hint is about flows
        notes.append(texts.KIND_HINT())
    return ImportResult(text, len(imported.indicators), notes)


def _read_sheets(
    grids: Sequence[Grid], options: Options, notes: list[str], listed: list[Targets]
) -> list[tuple[Grid, list[Table]]]:
    """Each grid's tables. In a workbook of several sheets read whole (no --sheet), a sheet
    that holds no table import can read (planchk's own report: Goals, Findings) is skipped
    and said in `notes`; if no sheet holds one, the first sheet's reason is the error."""
    skippable = len(grids) > 1 and not options.sheets
    read: list[tuple[Grid, list[Table]]] = []
    errors: list[PlanchkError] = []
    for grid in grids:
        targets = read_targets(grid, options.year)
        if targets is not None:  # a 绩效目标表: its rows are goals
            listed.append(targets)
            continue
        try:
            stacked = split_stacked(grid)  # several tables one under another in the sheet
            parts = [half for part in stacked for half in sides(part)]  # 收入 | 金额 | 支出 | 金额
            total, units = options.total_row, options.units
            tables = [table for part in parts for table in read_tables(part, total, units)]
        except PlanchkError as error:
            if not skippable:
                raise
            errors.append(error)
            notes.append(texts.SHEET_SKIPPED(source=grid.source, reason=str(error)))
            continue
        read.append((grid, tables))
    if errors and not read:
        raise errors[0]
    return read


def read_grids(path: Path, options: Options) -> list[Grid]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return [read_csv(path, options.encoding, options.max_bytes, options.given(path))]
    # each workbook reader imported when its format is read: a CSV import loads none of them
    if suffix in (".xlsx", ".xlsm"):
        from planchk.importers.xlsx import read_xlsx

        return read_xlsx(path, options.sheets, options.max_bytes, options.given(path))
    if suffix == ".xls":
        from planchk.importers.xls import read_xls

        return read_xls(path, options.sheets, options.max_bytes, options.given(path))
    if suffix == ".ods":
        from planchk.importers.ods import read_ods

        return read_ods(path, options.sheets, options.max_bytes, options.given(path))
    raise PlanchkError(texts.UNKNOWN_FORMAT, path=path)


def _indicator_entry(indicator: ImportedIndicator) -> dict[str, Any]:
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


def _new_document(imported: Imported, title: str) -> dict[str, Any]:
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
        "units": _declared_units(imported),
        "indicators": {i.id: _indicator_entry(i) for i in imported.indicators.values()},
        "relations": imported.relations,
    }


def _declared_units(imported: Imported) -> dict[str, Any]:
    """Units planchk does not know (households, thousand, 元/亩), declared as measures of
    their own, so that validate reads them without an unknown-unit warning."""
    from planchk.plan.units import BUILT_IN

    unknown = {i.unit for i in imported.indicators.values()} - set(BUILT_IN) - {"%"}
    for unit in sorted(unknown):
        imported.notes.append(texts.UNIT_DECLARED(unit=unit))
    return {unit: {"dimension": unit} for unit in sorted(unknown)}


def _merged(into: Path, imported: Imported, max_bytes: int) -> dict[str, Any]:
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
            indicators[indicator.id] = _indicator_entry(indicator)
            continue
        _updated(indicators[match], indicator)
        imported.notes.append(texts.INTO_REPLACES(id=match, path=into))
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
    for unit, declared in _declared_units(imported).items():
        units.setdefault(unit, declared)
    relations: list[str] = document.setdefault("relations", [])
    relations.extend(r for r in imported.relations if r not in relations)
    imported.notes.append(texts.INTO_COMMENTS(path=into))
    return document


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


def _leading_comments(path: Path) -> list[str]:
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
