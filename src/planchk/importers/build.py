"""From tables found in grids to the parts of a targets file: areas, indicators, relations.

A table whose columns are years becomes one indicator (named by the table's title); a table
whose columns are categories becomes one indicator per category, for the year its title or
--year gives. A percentage column is a ratio indicator (never summed); an 其中 column is an
indicator of its own plus the relation `part <= whole`; a category column named 合计/小计
becomes the relation `合计 = a + b + ...` over the other categories.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

from planchk.importers import texts
from planchk.importers.describe import describe
from planchk.importers.entries import free_trend
from planchk.importers.identities import Operand, identities, operand_kind
from planchk.importers.indicator_ids import unique_id
from planchk.importers.kinds import falls, indicator_kind
from planchk.importers.layout import indicator_name, source_stem
from planchk.importers.own_columns import of_which_relations
from planchk.importers.periods import as_headed, beside_last_year, title_year
from planchk.importers.shapes import Column, Row, Table
from planchk.importers.stored import mark_stored, stored_columns
from planchk.importers.sum_settings import SumSetting, sum_setting, tolerance_setting
from planchk.importers.units import ask_for_unit, declared_unit, line_units
from planchk.importers.year_ranges import keep_period_total
from planchk.loader import DEFAULT_MAX_BYTES
from planchk.messages import PlanchkError, message
from planchk.models.common import span_of
from planchk.reading import Piped

UNITS_AMBIGUOUS = message(
    "import.units-ambiguous",
    "{source}: the unit line names several units ({unit}) and the headers {names} do not say "
    "which is their own; give each with --unit NAME=UNIT (--unit {name}=UNIT), UNIT one of "
    "{units}",
)
# The label of the one period of a table that prints no year ("this period"): a data value,
# the same in every language, so that the file does not change with --lang.
UNDATED = "本期"


@dataclass
class ImportedIndicator:
    id: str
    name: str
    table: str | None
    unit: str
    kind: str
    years: list[int]  # none for a table that names no year: its period is `label`
    values: dict[str, list[Decimal | None]]
    source: str
    notes: dict[str, str] = field(default_factory=dict)  # area -> what the row prints as text
    label: str | None = None  # the one period of a table with no year, as the file names it
    trend: str | None = None  # `free` where the table's own total falls over its years
    # at_least / at_most where the total prints a bound (≥1000); by year where years differ
    sum: SumSetting = "exact"
    # a figure printed in a larger unit (3.5亿元 in 万元): the sums it is in, by area and year
    tolerance: dict[str, dict[int | str, Decimal]] | None = None
    decimals: str | None = None  # stored: XLSX General cells (importers.stored)
    # each row's printed figure for the whole period (a 2024-2026年合计 column; year_ranges)
    period_total: dict[str, Decimal] = field(default_factory=dict)

    @property
    def periods(self) -> list[int | str]:
        """What the file's `years` holds: the years, or the one period's label."""
        return [self.label] if self.label is not None else list(self.years)


@dataclass
class Imported:
    """What the tables of one import add up to, and what to tell the user about it."""

    areas: dict[str, list[str]] = field(default_factory=dict)
    of_which: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # a printed code -> its area
    indicators: dict[str, ImportedIndicator] = field(default_factory=dict)
    relations: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    """What the command line says about the input and the tables in it."""

    total_row: str | None = None
    year: int | None = None
    units: tuple[str, ...] = ()  # --unit UNIT or --unit COLUMN=UNIT
    kind: str = "flow"
    encoding: str | None = None  # of CSV files; None: detect
    sheets: tuple[str, ...] = ()  # of XLSX files; none: every sheet
    title: str | None = None  # of a new plan; None: the first file's name
    into: Path | None = None  # a targets file to update
    undated: str | None = None  # the period label of a table with no year; None: ask --year
    max_bytes: int = DEFAULT_MAX_BYTES
    piped: Piped | None = None  # a file given as `-`, read from stdin (planchk.importers.piped)

    def given(self, path: Path) -> bytes | None:
        """The bytes of `path` when it came on stdin; None: read it from disk."""
        return self.piped.raw if self.piped is not None and path == self.piped.name else None


def add_table(imported: Imported, table: Table, options: Options) -> None:
    """Add one table's areas, indicators and relations, and say what was inferred."""
    imported.notes.extend(describe(table))
    for tree, laid in ((imported.areas, table.areas), (imported.of_which, table.of_which)):
        for parent, names in laid.items():
            parts = tree.setdefault(parent, [])
            known = set(parts)  # a set: a total over 2,000 counties made this quadratic
            parts.extend(name for name in dict.fromkeys(names) if name not in known)
    for code, name in table.aliases.items():
        imported.aliases.setdefault(code, name)  # the first table that prints a code names it
    ids_by_column: dict[int, str] = {}
    operands: list[Operand] = []
    stored = stored_columns(table.grid)
    for position, (key, columns) in enumerate(_groups(table, options)):
        indicator = _indicator(imported, table, key, columns, options)
        indicator.notes = _notes(table, columns, with_rows=position == 0)
        imported.indicators[indicator.id] = indicator
        ids_by_column.update((c.index, indicator.id) for c in columns)
        keys = indicator.years or [0]  # one period with a label: one column
        by_year = dict(zip(keys, (c.index for c in _by_year(columns)), strict=True))
        kind = operand_kind(columns[0])
        titled = key is None  # named by the table's title (identities.Operand)
        operands.append(
            Operand(indicator.id, indicator.name, by_year, kind, indicator.unit, titled=titled)
        )
        imported.notes.append(texts.INDICATOR(
            id=indicator.id, name=indicator.name, unit=indicator.unit, kind=indicator.kind,
            years=", ".join(map(str, indicator.periods)),
        ))  # fmt: skip
        imported.notes.extend(mark_stored(indicator, {c.index for c in columns} <= stored))
        imported.notes.extend(keep_period_total(indicator, table, key))  # year_ranges
        if indicator.label is not None and columns[0].label is None:  # else said of its column
            imported.notes.append(texts.PERIOD_LABELLED(name=indicator.name, label=indicator.label))
        if table.total is None:  # a list of entries: each row's years its own schedule
            imported.notes.extend(free_trend(indicator))
        else:
            _trend_of_total(imported, indicator, table.total.name)
    imported.relations.extend(of_which_relations(table, ids_by_column, imported.notes))
    for found in identities(operands, table.rows):
        imported.relations += [found.text] if found.kept else []
        said = texts.RELATION if found.kept else texts.RELATION_UNHELD
        imported.notes.append(said(relation=found.text, holds=found.holds, rows=found.rows))


def _trend_of_total(imported: Imported, indicator: ImportedIndicator, total: str) -> None:
    """A flow whose own total falls is written `trend: free` (see kinds.falls), and said."""
    if indicator.kind != "flow":
        return
    figures = falls(indicator.values.get(total, []))
    if figures:
        indicator.trend = "free"
        shown = ", ".join(str(value) for value in figures)
        imported.notes.append(texts.TREND_FREE(name=indicator.name, total=total, values=shown))


def _notes(table: Table, columns: Sequence[Column], with_rows: bool) -> dict[str, str]:
    """What each row prints as text: its 备注 (given to the table's first indicator) and the
    text cells of these columns (待定 under 2025年 is "2025年：待定")."""
    notes: dict[str, str] = {}
    for row in table.rows:
        if not row.texts and not row.bounds and not (with_rows and row.notes):
            continue  # nearly every row of a large table: nothing printed as text
        said = list(row.notes) if with_rows else []
        for column in columns:
            text = row.texts.get(column.index) or row.bounds.get(column.index)
            if text is not None:
                said.append(f"{column.header}：{text}")
        if said:
            notes[row.name] = "；".join(said)
    return notes


def _groups(table: Table, options: Options) -> Iterator[tuple[str | None, list[Column]]]:
    """Columns that make one indicator: the year columns of the table, or one category's. In
    a table of one year (its title's) a column headed with another year beside categories is
    a category of that year's money (2023年提前下达 in a 2024 table), not another year."""
    headed = as_headed(table)  # 2024年执行数 in a 2025 budget: named as headed (periods.py)
    columns = [
        dataclasses.replace(c, name=c.header, year=None) if c.index in headed else c
        for c in table.value_columns
    ]
    if any(c.name is not None and c.year is None for c in columns):
        dated = [c for c in columns if c.name is None]
        # one year column among categories (2022年目标): named as headed; beside last year
        # and the change from it, the table's own year keeps the table's name (periods.py)
        if len(dated) == 1 and not beside_last_year(table):
            columns = [dataclasses.replace(c, name=c.header) if c in dated else c for c in columns]
    groups: dict[str | None, list[Column]] = {}
    for column in columns:
        groups.setdefault(column.name, []).append(column)
    yield from groups.items()


def _indicator(
    imported: Imported, table: Table, key: str | None, columns: Sequence[Column], options: Options
) -> ImportedIndicator:
    source = table.grid.source
    title_name = indicator_name(table.title) if table.title else source_stem(source)
    title_name = table.indicator or title_name  # a 主要指标 table's row names its indicator
    name = key if key is not None else title_name
    columns = _by_year(columns) if all(c.year is not None for c in columns) else columns
    found = [c.year if c.year is not None else _table_year(table, options, c) for c in columns]
    label = (columns[0].label or options.undated) if None in found and len(found) == 1 else None
    years = [0 if y is None else y for y in found]  # the label's one column sorts anywhere
    if len(set(years)) != len(years):
        repeated = next(y for y in years if years.count(y) > 1)
        headers = ", ".join(c.header for c, y in zip(columns, years, strict=True) if y == repeated)
        raise PlanchkError(
            texts.DUPLICATE_YEAR, source=source, name=name, year=repeated, headers=headers
        )
    unit = _unit(table, columns, name, options)
    kind = "ratio" if unit in ("%", "％", "‰") else indicator_kind(columns, name, options.kind)
    order = sorted(range(len(columns)), key=lambda i: years[i])
    ordered, in_order = [years[i] for i in order], [columns[i] for i in order]
    return ImportedIndicator(
        id=unique_id(imported.indicators, imported.notes, name),
        name=name,
        table=table.title if key is None and table.indicator is None else None,
        unit=unit,
        kind=kind,
        years=[] if label else ordered,
        values=_values(table.rows, [column.index for column in in_order]),
        source=source,
        label=label,
        sum=sum_setting(imported.notes, table, in_order, ordered, name),
        tolerance=tolerance_setting(table, in_order, [label] if label else ordered),
    )


def _values(rows: Sequence[Row], indices: list[int]) -> dict[str, list[Decimal | None]]:
    """Each row's figures under `indices` (a blank None): at C speed where every row holds
    each column, as the table reader's rows do (0.05 s at 10^5 rows; of one index, an
    itemgetter gives the figure, not a tuple)."""
    with contextlib.suppress(KeyError):
        if len(indices) > 1:
            take = itemgetter(*indices)
            return {row.name: list(take(row.values)) for row in rows}
    return {row.name: list(map(row.values.get, indices)) for row in rows}


def _unit(table: Table, columns: Sequence[Column], name: str, options: Options) -> str:
    """The indicator's unit as settled.declared_unit reads it; asked where it says none."""
    found = declared_unit(columns, table.unit, name, options.units)
    if found is not None:
        return found
    if table.unit is None or len(line_units(table.unit)) == 1:  # 人口 under 单位：万元 too
        ask_for_unit(table, columns, name, options.units)  # and why: 户数 under 补助资金（万元）
    unsaid = [key for key, group in _groups(table, options)
              if key and declared_unit(group, table.unit, key, options.units) is None]  # fmt: skip
    if len(unsaid) > 1:  # one question for them all, not one run for each
        raise PlanchkError(
            UNITS_AMBIGUOUS, source=table.grid.source, unit=table.unit, name=unsaid[0],
            names="、".join(f"`{key}`" for key in unsaid), units="、".join(line_units(table.unit)),
        )  # fmt: skip
    raise PlanchkError(
        texts.UNIT_AMBIGUOUS, source=table.grid.source, unit=table.unit, name=name,
        units="、".join(line_units(table.unit)),
    )  # fmt: skip


def _by_year(columns: Sequence[Column]) -> list[Column]:
    return sorted(columns, key=lambda c: c.year or 0)


def _table_year(table: Table, options: Options, column: Column) -> int | None:
    """--year, or the title's; None where no year is printed and a period label will do."""
    if options.year is not None and not span_of(column.label):  # 2024-2026 stays the period
        return options.year
    found = None if column.label else title_year(table)  # 本期 as headed, not the title's year
    if found is not None:
        return found
    if options.undated is not None:
        return None
    names = "、".join(c.name or c.header for c in table.value_columns)
    raise PlanchkError(texts.YEAR_UNKNOWN, source=table.grid.source, names=names)
