"""`planchk import`: breakdown tables from CSV, XLSX, XLS and ODS files into a targets file.

`sheets` reads the files into grids of printed texts with positions and finds the tables in
each (`layout`), `build` turns tables into areas, indicators and relations, `targets_file`
(or `merge_into`, for --into) makes the document and `writer` writes the YAML. The result is
loaded back with planchk's own loader before it is returned (`readback`): what import
writes, validate reads.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planchk.importers import texts
from planchk.importers.build import UNDATED, Imported, Options, add_table
from planchk.importers.describe import for_log
from planchk.importers.grid import Grid, collector_paused
from planchk.importers.halves import Halves, SideGrid, balances
from planchk.importers.layout import Table, plan_title
from planchk.importers.merge_into import leading_comments, merged
from planchk.importers.performance import Targets, add_goals
from planchk.importers.plain import PlainTable, Span, plain_grid
from planchk.importers.readback import check_readable
from planchk.importers.same_total import same_total
from planchk.importers.sheets import read_grids, read_sheets
from planchk.importers.targets_file import new_document
from planchk.importers.writer import targets_written

__all__ = [
    "ImportResult",
    "Options",
    "PlainTable",
    "Span",
    "import_files",
    "import_tables",
    "read_grids",
]


@dataclass
class ImportResult:
    text: str  # the targets file
    indicators: int
    notes: list[str] = field(default_factory=list)  # what was inferred, for stderr


def import_files(
    paths: Sequence[Path], options: Options, grids: Sequence[Grid] | None = None
) -> ImportResult:
    """The targets file of the tables in `paths` (or in `grids`, read from them already: used
    up, their rows emptied once their tables are read)."""
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
    listed: list[Targets] = []  # 绩效目标表: goals, not tables (importers/performance.py)
    titles = _add_tables(imported, read_sheets(grids, options, read, listed), options, read)
    for grid in grids:  # used up: the cells are let go before the file is written and
        grid.rows = []  # loaded back (60 MB of import's peak at 10^6 cells, 522 -> 461 MB)
    if options.into is not None:
        document = merged(options.into, imported, options.max_bytes)
    else:
        # one table's title names the plan better than its file's name; several do not
        title = titles[0] if len(set(titles)) == 1 else None
        title = title or next((t.title for t in listed if t.title and not titles), None)
        document = new_document(imported, options.title or title or stem)
    if listed:
        add_goals(document, listed)
        imported.notes.extend(note for table in listed for note in table.notes)
    # what import assumed stays in the file, for a reviewer to check, as well as on stderr
    header = [f"Imported by planchk import from {', '.join(sources)}.", texts.ASSUMED()]
    header += [note.rstrip() for note in [*_of_the_tables(read), *imported.notes]]
    if options.into is not None:
        header = [*leading_comments(options.into), *header]
    imported.notes[:0] = read
    return _written(document, header, imported)


def _add_tables(
    imported: Imported, sheets: list[tuple[Grid, list[Table]]], options: Options, read: list[str]
) -> list[str | None]:
    """Each sheet's tables added to `imported` (its notes to `read`); the tables' titles."""
    titles: list[str | None] = []
    halves: list[Halves] = []  # the tables of a sheet that prints two side by side
    for grid, tables in sheets:
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
    return titles


def _of_the_tables(read: Sequence[str]) -> list[str]:
    """What reading the sheets said of their tables (hidden rows and columns not read, tables
    stacked in a sheet, formulas, sheets skipped), as the file keeps it in its comments; not
    how the file's bytes were decoded (said on stderr: of the file, not of a table in it)."""
    template = re.escape(texts.READ_ENCODING.text)
    decoded = re.compile(re.sub(r"\\\{\w+\\\}", ".*", template))
    return [note for note in read if not decoded.fullmatch(note)]


def _written(document: dict[str, Any], header: list[str], imported: Imported) -> ImportResult:
    """The document written, loaded back (what import writes, validate reads), and logged."""
    written = targets_written(document, header)
    check_readable(written)
    notes = for_log(imported.notes)
    if any(i.kind == "flow" for i in imported.indicators.values()):  # the hint is about flows
        notes.append(texts.KIND_HINT())
    return ImportResult(written.text, len(imported.indicators), notes)
