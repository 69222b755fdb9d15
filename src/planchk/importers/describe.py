"""What import read in a table, said line by line: on stderr, and as comments in the file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import groupby

from planchk.importers import texts
from planchk.importers.codes import printed_twice
from planchk.importers.entries import ENTRIES
from planchk.importers.grid import texts_of
from planchk.importers.periods import as_headed, other_year
from planchk.importers.shapes import IndicatorRow, Table
from planchk.importers.turned import is_turned, turned_header, turned_total
from planchk.importers.units import plain_number
from planchk.importers.year_ranges import PERIOD_SPAN_COLUMN, in_period
from planchk.messages import counted, message
from planchk.models.common import span_of
from planchk.plan.numbers import shown_sum

CODE_TWICE = message(
    "import.code-twice",
    "  code {code} is printed on rows {rows} ({names}): both rows are kept, and the code is "
    "neither's alias; a code names one 科目, so check which row's code is mistyped",
)
HEADER_AREAS_UNIT_LINE = counted(
    "import.header-areas-unit-line",
    "  header: row {rows}; the indicators are the rows of the column `{names}`, the areas are "
    "the columns {areas}",
    "  header: rows {rows}; the indicators are the rows of the column `{names}`, the areas are "
    "the columns {areas}",
)
OF_WHICH_ROW = message(
    "import.of-which-indicator-row",
    "  row {row}: {name}, part of the indicator {whole} (其中), not an addend; checked as a "
    "relation in every area",
)
BESIDE_COLUMN = message(
    "import.beside-column",
    "  column `{header}`: the indicator's own (its attribute, base or rate), not an area's "
    "figures: written as the note of its total area",
)
# Names listed in full in one line of the log; past that, the first ones and a count. A
# subtotal of 50 towns listed in full made the log of a 10^6-cell table several megabytes
# that nobody reads; the written file still holds every row.
SHOWN = 10


def listed(items: Sequence[str], separator: str = "、") -> str:
    """`items` joined, or the first SHOWN of them and "and N more" when more would follow
    (never "and 1 more": that one item is shown instead)."""
    if len(items) <= SHOWN + 1:
        return separator.join(items)
    rest = len(items) - SHOWN
    return texts.MORE(rest, shown=separator.join(items[:SHOWN]))


class SubtotalLine(str):
    """A subtotal's line of what import read. The written file keeps every one, beside the
    `areas` tree it explains; the log on stderr keeps the first SHOWN of a table's and counts
    the rest (`for_log`): a 10^6-cell table has about 2,000, and a user reads the log."""

    __slots__ = ()


def for_log(notes: Iterable[str]) -> list[str]:
    """`notes` as the log says them: of each run of subtotal lines, the first SHOWN and "and N
    more subtotals" (never "and 1 more": that one line is shown instead)."""
    said: list[str] = []
    for subtotals, run in groupby(notes, lambda note: type(note) is SubtotalLine):
        lines = list(run)
        if not subtotals or len(lines) <= SHOWN + 1:
            said += lines
            continue
        said += lines[:SHOWN]
        said.append(texts.MORE_SUBTOTALS(len(lines) - SHOWN))
    return said


def describe(table: Table) -> Iterator[str]:
    """What import read in `table`. Of a table read from one indicator row (unit_rows), the
    lines that the rows before it under the same header said already (the title, the header,
    the columns kept as notes, the scope) are not said again: a 主要指标 table of 30 rows
    said its header block 30 times."""
    shown = table.indicator_row
    if shown is None:
        yield from _described(table)
        return
    for line in _described(table):
        if line not in shown.said:
            shown.said.add(line)
            yield line


def _described(table: Table) -> Iterator[str]:
    source = table.grid.source
    yield (
        texts.TABLE(source=source, title=table.title)
        if table.title
        else texts.TABLE_UNTITLED(source=source)
    )
    shown = table.indicator_row
    if shown is None:
        yield texts.UNIT_LINE(unit=table.unit) if table.unit else texts.NO_UNIT_LINE()
        rows = ", ".join(map(str, table.header_rows))
        area = table.area_header  # of a turned table (years down): what it prints, not 地区
        yield turned_header(table) or texts.HEADER(len(table.header_rows), rows=rows, area=area)
    else:
        yield from _indicator_row(table, shown)
    if shown is None or not shown.areas:
        yield from _columns(table)
    yield from _codes(table)
    yield from filter(None, (table.scope, *table.said))  # how the rows' names were read
    yield from _total(table) if shown is None else _total_column(table, shown)
    yield from _levels(table)
    yield from _text_cells(table)
    for header in table.dropped:
        yield texts.EMPTY_COLUMN(header=header)
    yield from _not_imported(table)


def _not_imported(table: Table) -> Iterator[str]:
    """The rows after the table (notes, signatures), sign-off lines, rows the page printed."""
    if table.skipped:
        rows = listed([str(row) for row in table.skipped], ", ")
        yield texts.PAGE_ROWS(len(table.skipped), rows=rows)
    if table.ignored:
        # the first row's every text: a memo item's amount (附：省级统筹 100) is said, not dropped
        first = " ".join(
            next((texts_of(r) for r in table.grid.rows if r and r[0].row == table.ignored[0]), [])
        )
        rows = listed([str(row) for row in table.ignored], ", ")
        yield texts.IGNORED_ROWS(len(table.ignored), rows=rows, first=first)
    for row, said in table.signed:
        yield texts.SIGN_OFF(row=row, text=said)


def _columns(table: Table) -> Iterator[str]:
    """What each column was read as: years, categories, a period, percentages, 其中, text."""
    years = [c for c in table.columns if c.kind == "value" and c.name is None and c.year]
    if years and not is_turned(table):  # a turned table's years: said in its header line
        yield texts.YEAR_COLUMNS(
            headers=", ".join(c.header for c in years),
            years=", ".join(str(c.year) for c in years),
        )
    by_index = {c.index: c for c in table.columns}
    headed = as_headed(table)
    for column in table.columns:
        if column.index in headed:  # 2024年执行数 in a 2025 table: what periods.py decided
            yield from other_year(table, column, headed)
        elif column.kind == "value" and column.name is not None:
            unit = column.unit or plain_number([column]) or table.unit or "?"  # 权重: 无
            yield texts.CATEGORY_COLUMN(header=column.header, name=column.name, unit=unit)
        elif column.label is not None:  # a period of years (2024-2026) is no label to date
            said = PERIOD_SPAN_COLUMN if span_of(column.label) else texts.PERIOD_COLUMN
            yield said(header=column.header, label=column.label)
        elif column.kind == "percent":
            yield texts.PERCENT_COLUMN(header=column.header)
        elif column.kind == "of_which" and column.part_of is not None:
            parent = by_index[column.part_of].header
            yield texts.OF_WHICH_COLUMN(header=column.header, parent=parent)
        elif column.kind == "text":
            yield texts.TEXT_COLUMN(header=column.header)
        elif column.kind == "year_sum":
            yield from _year_sum(table, column.index)


def _total(table: Table) -> Iterator[str]:
    """The total row and the parts under it."""
    template = {
        "named": texts.TOTAL_NAMED,
        "option": texts.TOTAL_OPTION,
        "sum": texts.TOTAL_SUM,
        "only": texts.TOTAL_ONLY,
    }
    if table.total is None:  # a list of projects with no total row (importers.entries)
        yield ENTRIES(count=len(table.areas), header=table.area_header)
        return
    top = table.areas.get(table.total.name, [])
    said = turned_total(table, listed(top))  # years down: a total column, areas beside it
    yield from said or [template[table.total_found](name=table.total.name, row=table.total.number)]
    if top and not said:
        yield texts.PARTS(count=len(top), names=listed(top))


def _indicator_row(table: Table, shown: IndicatorRow) -> Iterator[str]:
    """Of a table read from one indicator row (unit_rows): its unit, the header and the row
    as that table prints them, never the `地区` column of the grid the row was turned into."""
    if shown.units:
        yield texts.UNIT_IN_COLUMN(unit=table.unit or "?", header=shown.units, row=shown.row)
    else:  # the unit line's, said once; the unit each row takes of several: its → line
        yield texts.UNIT_LINE(unit=table.unit) if table.unit else texts.NO_UNIT_LINE()
    printed = list(dict.fromkeys(table.header_rows))  # a year over the row: no printed row
    rows, count = ", ".join(map(str, printed)), len(printed)
    if shown.areas:
        areas = listed(list(shown.areas))
        template = texts.HEADER_AREA_COLUMNS if shown.units else HEADER_AREAS_UNIT_LINE
        yield template(count, rows=rows, names=shown.names, units=shown.units, areas=areas)
    else:
        yield texts.HEADER_INDICATOR_ROWS(count, rows=rows, names=shown.names, units=shown.units)
    column = table.value_columns[0]  # one indicator: the row's own
    name = table.indicator or column.name or column.header
    if column.kind == "percent":
        yield texts.INDICATOR_ROW_PERCENT(row=shown.row, name=name)
    else:
        yield texts.INDICATOR_ROW(row=shown.row, name=name)
    for row, part in shown.parts:
        yield OF_WHICH_ROW(row=row, name=part, whole=name)
    for header in shown.beside:
        yield BESIDE_COLUMN(header=header)


def _total_column(table: Table, shown: IndicatorRow) -> Iterator[str]:
    """The total among the areas' columns and its parts; of a table of years, which prints
    no area, nothing: the scope's line said which area its one row is."""
    if not shown.areas:
        return
    template = {
        "named": texts.TOTAL_COLUMN_NAMED,
        "option": texts.TOTAL_COLUMN_OPTION,
        "sum": texts.TOTAL_COLUMN_SUM,
        "only": texts.TOTAL_COLUMN_ONLY,
    }
    if table.total is None:
        return
    yield template[table.total_found](name=table.total.name)
    top = table.areas.get(table.total.name, [])
    if top:
        yield texts.PART_COLUMNS(count=len(top), names=listed(top))


def _levels(table: Table) -> Iterator[str]:
    """Each subtotal with its own parts, and the 其中 rows."""
    by_name = {row.name: row for row in table.rows}
    for parent, parts in table.areas.items():
        if not parts or (table.total is not None and parent == table.total.name):
            continue  # the total, or an entry of a list with no total
        row = by_name[parent]
        closes = f", {texts.CLOSED_BY(row=row.closes)}" if row.closes is not None else ""
        yield SubtotalLine(
            texts.SUBTOTAL(
                len(parts), name=parent, row=row.number, names=listed(parts), closes=closes
            )
        )
    for whole, parts in table.of_which.items():
        for part in parts:
            yield texts.OF_WHICH_ROW_READ(name=part, row=by_name[part].number, whole=whole)


def _text_cells(table: Table) -> Iterator[str]:
    """Text in number columns, once per column: kept as the row's note, read as a blank."""
    by_column: dict[int, list[str]] = {}
    for row in table.rows:
        for index, text in row.texts.items():
            by_column.setdefault(index, []).append(text)
    headers = {column.index: column.header for column in table.columns}
    printed = table.indicator_row
    for index, found in by_column.items():
        shown = listed(list(dict.fromkeys(found)))
        if printed is not None and printed.areas:  # the areas' cells of one printed row
            yield texts.TEXT_CELLS_IN_ROW(len(found), row=printed.row, texts=shown)
        else:
            yield texts.TEXT_CELLS(len(found), header=headers[index], texts=shown)


def _year_sum(table: Table, index: int) -> Iterator[str]:
    """A 合计 column over year columns, checked on each row here: what import found is said,
    and each row where it misses is named (validate checks it again where the file keeps it
    as `period_total:`, year_ranges.keep_period_total)."""
    column = next(c for c in table.columns if c.index == index)
    header, name = column.header, column.name  # the years of its own category (or of none)
    dated = [c for c in table.columns if c.kind == "value" and c.year and c.name == name]
    years = [c.index for c in dated if in_period(header, c.year or 0)]  # 2024-2025年合计: no 2023
    checked = [row for row in table.rows if row.values.get(index) is not None]
    missed = [row for row in checked if _years_total(row.values, years) != row.values[index]]
    yield texts.YEAR_SUM_COLUMN(header=header, held=len(checked) - len(missed), rows=len(checked))
    for row in missed:
        # Said with the years' printed digits (2.2, not Decimal's 2.200), as a table sums.
        found = shown_sum(row.values[index], [row.values.get(i) for i in years])
        yield texts.YEAR_SUM_MISSED(name=row.name, total=row.values[index], found=found)


def _years_total(values: dict[int, Decimal | None], years: list[int]) -> Decimal:
    return sum((values.get(i) or Decimal(0) for i in years), Decimal(0))


def _codes(table: Table) -> Iterator[str]:
    """A code column: kept as the rows' aliases; the levels, where the codes nest."""
    if table.code_header is None:
        return
    shown = listed([f"{code} → {name}" for code, name in table.aliases.items()])
    template = texts.CODE_LEVELS if table.code_levels else texts.CODE_ALIASES
    yield template(header=table.code_header, aliases=shown)
    for code, rows in printed_twice(table.rows).items():
        yield CODE_TWICE(
            code=code,
            rows=", ".join(str(row.number) for row in rows),
            names="、".join(row.name for row in rows),
        )
