"""The files of an import read into grids (CSV, XLSX, XLS, ODS), and each grid's tables.

Each workbook reader is imported when its format is read: a CSV import loads none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from planchk.importers import texts
from planchk.importers.build import Options
from planchk.importers.csvgrid import read_csv
from planchk.importers.grid import Grid
from planchk.importers.halves import sides
from planchk.importers.layout import Table
from planchk.importers.performance import Targets, read_targets
from planchk.importers.stacked import split_stacked
from planchk.importers.unit_rows import read_tables
from planchk.messages import PlanchkError


def read_grids(path: Path, options: Options) -> list[Grid]:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return [read_csv(path, options.encoding, options.max_bytes, options.given(path))]
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


def read_sheets(
    grids: Sequence[Grid], options: Options, notes: list[str], listed: list[Targets]
) -> list[tuple[Grid, list[Table]]]:
    """Each grid's tables. In a workbook of several sheets read whole (no --sheet), a sheet
    that holds no table import can read (planchk's own report: Goals, Findings) is skipped
    and said in `notes`; if no sheet holds one, the first sheet's reason is the error. A
    绩效目标表's goals go to `listed` (importers/performance.py), not among the tables."""
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
