"""A list of projects with no total row: each row an entry of its own, added up into nothing.

A budget annex often lists its projects one per row (项目名称 | 合计 | 中央资金 | 省级资金),
with no row that adds them up. The table reader found no total (no row named as one, and
neither the first nor the last row the sum of the others) and stopped with `--total-row`
advice, which does not apply: there is no total to name. Where the column of names is headed
as projects or tasks (项目名称, 建设项目, 工程名称, 重点任务), such a table is read as it is:
each row an area with no parts and no parent, nothing added up, its 合计 column still checked
on each row as the sum of the categories beside it (a relation, importers.identities). A
table of areas (县区, 地区) with no total row is still refused with the advice: there a total
is usually printed under another name, and `--total-row` names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from planchk.importers import texts
from planchk.importers.body import refuse_duplicates
from planchk.importers.continuation import is_project_header
from planchk.importers.grid import Grid
from planchk.importers.part_names import name_parts
from planchk.importers.shapes import Row
from planchk.messages import PlanchkError, message

ENTRIES = message(
    "import.entries",
    "  no total row: the {count} rows of the column `{header}` are entries of their own (no "
    "row is named as a total and neither the first nor the last is the sum of the others), "
    "each an area with no parts; nothing adds them up",
)

ENTRIES_GROUPED = message(
    "import.entries-grouped",
    "{source}: the rows of the column `{header}` are grouped ({rows}) and no row adds the "
    "groups up: add the 合计 row that the table leaves out, or import each group as a table "
    "of its own",
)

TREND_FREE = message(
    "import.entries-trend-free",
    "  {name}: each row's years are its own schedule, with no total over them: written "
    "`trend: free`, so that a project spending less in a later year is no warning",
)

Laid = tuple[list[Row], dict[str, list[str]], dict[str, list[str]]]


def read_entries(grid: Grid, rows: Sequence[Row], header: str, refused: PlanchkError) -> Laid:
    """The rows kept, the areas (each an entry with no parts) and the 其中 rows of each;
    `refused` raised again where the table is no list of projects. A list with levels (a 小计
    or a heading row) is refused too, with no --total-row advice: its groups' total is the
    row the table leaves out, for the user to add (they would add up into nothing)."""
    listed = is_project_header(header) and refused.template is texts.TOTAL_UNDECIDED
    if not listed:
        raise refused
    groups = [row for row in rows if row.role in ("total", "subtotal") or row.bare]
    if groups:  # no total to name with --total-row: the one a grouped list leaves out
        shown = "、".join(f"{row.name} (row {row.number})" for row in groups[:4])
        raise PlanchkError(ENTRIES_GROUPED, source=grid.source, header=header, rows=shown)
    kept: list[Row] = []
    areas: dict[str, list[str]] = {}
    parts: dict[str, list[Row]] = {}
    whole: Row | None = None
    for row in rows:
        if row.role == "of_which" and whole is not None:
            parts.setdefault(whole.name, []).append(row)
        else:
            whole = row
            areas[row.name] = []
        kept.append(row)
    name_parts(parts, areas)
    of_which = {name: [part.name for part in named] for name, named in parts.items()}
    refuse_duplicates(grid, kept)  # a project printed twice: which row to keep is the user's call
    return kept, areas, of_which


class _Indicator(Protocol):
    name: str
    kind: str
    years: list[int]
    trend: str | None


def free_trend(indicator: _Indicator) -> list[str]:
    """A list's flow over several years is written `trend: free`, and the log's line: a
    project's money by year is its schedule (800, 600, 300 as it is built), not a target the
    plan means to grow, and no total says how the whole moves (importers.build's
    _trend_of_total reads it there)."""
    if indicator.kind != "flow" or len(indicator.years) < 2:
        return []
    indicator.trend = "free"
    return [TREND_FREE(name=indicator.name)]
