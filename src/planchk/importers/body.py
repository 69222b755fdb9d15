"""The rows under a table's header: each row's values and notes, the total, and the levels.

A cell is a number (as printed: 1,234.5, (12), −3, １２), a blank ("", -, —, /, …: nothing
here), or text (待定, 已完成): text is kept as the row's note and the cell is a blank, never a
reason to stop. The total row is the one --total-row names, else the one named as a total at
the top or the bottom (合计, 總計, Grand Total), else the first or last row that is the sum of
the others within the rounding of its printed digits. The rows under it are laid out as a tree
(planchk.importers.levels); 其中 rows are parts of the row above them, kept apart.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
import re
from collections.abc import Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Literal, cast

from planchk.importers import texts
from planchk.importers.by_column import plain_rows, serial
from planchk.importers.grid import Grid, GridCell, cell_name, no_data_rows
from planchk.importers.group_names import name_groups
from planchk.importers.labels import read_label
from planchk.importers.levels import Close, Node, nest
from planchk.importers.part_names import name_parts
from planchk.importers.printed import (
    NUMBERS_READ,
    TRADITIONAL,
    accounting,
    is_blank,
    normalized,
    parse_number,
    simplified,
)
from planchk.importers.shapes import Column, Row
from planchk.messages import PlanchkError, message

TOTALS_SEVERAL = message(
    "import.totals-several",
    "{source}: {count} rows are named as the table's total ({rows}), and a table has one: "
    "rename each row that is not its total (a group's 合计 after its group: 城区合计), or "
    "split a sheet that holds two tables",
)
_WORDS = re.compile(r"[^\W\d_]")
_NAME, _ROLE, _BARE, _ROW = map(attrgetter, ("name", "role", "bare", "row"))


def read_rows(
    grid: Grid, body: Sequence[Sequence[GridCell]], columns: Sequence[Column], area_column: int
) -> list[Row]:
    """Each row of the body read under the table's columns (all of them right of the names)."""
    kinds = {column.index: column for column in columns}
    blank_values = dict.fromkeys(c.index for c in columns if c.kind not in ("text", "code"))
    # the plain rows (nearly all) read by column (importers.by_column), the others here
    rows = plain_rows(body, columns, area_column, grid.merges)
    if None not in rows:  # (a Row equals only itself)
        return cast("list[Row]", rows)
    return [
        row if row is not None else read_row(grid, cells, kinds, blank_values, area_column)
        for cells, row in zip(body, rows, strict=True)
    ]


def read_row(
    grid: Grid,
    cells: Sequence[GridCell],
    kinds: dict[int, Column],
    blank_values: dict[int, Decimal | None],
    area_column: int,
) -> Row:
    """One row: its label, and a value (None: blank or text) for each value column. A million
    cells pass here: only the cells that hold a text are visited, in column order."""
    named = _name_cell(cells, area_column)
    label = read_label(named.text if named is not None else "")
    if not label.name or parse_number(label.name) is not None:
        raise PlanchkError(texts.ROW_UNNAMED, place=grid.where(cells[0].row, area_column))
    filled = [cell for cell in cells if cell.column > area_column and cell.text]
    marker = label.marker
    if marker is None and cells[0].column < area_column:  # a 序号 column before the names
        marker = serial(cells, named, area_column)
    row = Row(
        label.name, cells[0].row, dict(blank_values), role=label.role, part=label.part,
        marker=marker, bare=not filled,
    )  # fmt: skip
    if named is not None:
        row.indent, row.bold = named.indent, named.bold
    if any(cell.column not in kinds for cell in filled):
        filled = _under_headers(grid, filled, kinds)
    values, read = row.values, NUMBERS_READ
    for cell in filled:
        column = kinds[cell.column]
        if column.kind == "code":
            continue  # a row's code: planchk.importers.codes reads it
        if column.kind == "text":
            row.notes.append(cell.text if column.plain_note else f"{column.header}：{cell.text}")
            continue
        number = read.get(cell.text)  # the common case first: a plain number read before
        if number is None:
            number = parse_number(cell.text)
        if number is not None and not cell.merged:
            values[cell.column] = number
        elif not is_blank(cell.text):
            value = _value(grid, cell, column)
            if isinstance(value, str):
                row.texts[cell.column] = value
            else:
                values[cell.column] = value
    return row


def _name_cell(cells: Sequence[GridCell], area_column: int) -> GridCell | None:
    for cell in cells:
        if cell.column == area_column and cell.text:
            return cell
    # a total row may span the serial and area columns
    return next((c for c in cells if c.text and c.column <= area_column), None)


def _under_headers(
    grid: Grid, filled: Sequence[GridCell], kinds: dict[int, Column]
) -> list[GridCell]:
    """The cells under a value or text column. A dash in a column that holds nothing else
    (备用, a year not yet filled in) is that column's blank; any other value under no header
    would be lost: refuse it."""
    for cell in filled:
        if cell.column not in kinds and not is_blank(cell.text):
            raise PlanchkError(texts.COLUMN_UNNAMED, place=grid.where(cell.row, cell.column))
    return [cell for cell in filled if cell.column in kinds]


def _value(grid: Grid, cell: GridCell, column: Column) -> Decimal | str:
    """A cell's number, or its text when it is words (待定, 约50, 已完成); a number that does
    not read (12..5) or a percentage among amounts is an error at its cell."""
    plain = accounting(normalized(cell.text))  # (5.0%) is -5.0%, a percentage
    percent = plain.endswith("%")
    number = parse_number(plain.removesuffix("%"))
    if number is None and _WORDS.search(plain):
        return cell.text
    if number is None:
        raise PlanchkError(
            texts.CELL_NOT_NUMBER, place=grid.where(cell.row, cell.column), text=cell.text
        )
    if percent and column.kind != "percent":
        raise PlanchkError(
            texts.PERCENT_IN_VALUES, place=grid.where(cell.row, cell.column), text=cell.text
        )
    if cell.merged:
        raise PlanchkError(
            texts.NUMBER_MERGED, place=grid.where(cell.row, cell.column), text=cell.text
        )
    return number


def find_total(
    grid: Grid, rows: Sequence[Row], close: Close, named: str | None
) -> tuple[Row, Literal["named", "option", "sum", "only"]]:
    candidates = list(
        itertools.compress(rows, map(operator.ne, map(_ROLE, rows), itertools.repeat("of_which")))
    )
    if not candidates:
        raise PlanchkError(no_data_rows(grid), source=grid.source)
    if named is not None:
        wanted = read_label(named).name
        found = next((row for row in candidates if row.name == wanted), None)
        if found is None:
            raise PlanchkError(
                texts.TOTAL_ROW_MISSING, source=grid.source, name=named,
                names="、".join(row.name for row in candidates),
            )  # fmt: skip
        return found, "option"
    if len(candidates) == 1:  # one row (a 主要指标 table's scope): it has no parts to add up
        return candidates[0], "only"
    ends = [candidates[0], candidates[-1]]
    by_name = [row for row in candidates if row.role == "total"]
    if len(by_name) == 1 and (by_name[0] in ends or len(candidates) < 3):
        return by_name[0], "named"
    named_ends = [row for row in ends if row.role == "total"]
    for candidate in named_ends or ends:
        if _adds_up(candidate, [row for row in candidates if row is not candidate], close):
            return candidate, "named" if named_ends else "sum"
    if len(named_ends) == 1:
        return named_ends[0], "named"  # it does not add up: validate says by how much
    if named_ends:  # both ends named as a total (合计 first, 合計 last): not "no row is named"
        _two_totals(grid, named_ends)
    raise PlanchkError(
        texts.TOTAL_UNDECIDED, source=grid.source, first=candidates[0].name,
        last=candidates[-1].name,
    )  # fmt: skip


def _adds_up(total: Row, others: Sequence[Row], close: Close) -> bool:
    trial = [dataclasses.replace(row, values=dict(row.values)) for row in others]
    for row in trial:
        if row.role == "total":
            row.role = "subtotal"
    return close(total, [node.row for node in nest(trial, total, close)], False)


def lay_out(
    grid: Grid, rows: Sequence[Row], total: Row, close: Close
) -> tuple[list[Row], dict[str, list[str]], dict[str, list[str]]]:
    """The rows the file keeps, the areas tree and the 其中 rows of each row."""
    under: list[Row] = []
    of_which: dict[str, list[Row]] = {}
    whole = None
    for row in rows:
        if row is total:
            whole = row
            continue
        if row.role == "of_which" and whole is not None:
            of_which.setdefault(whole.name, []).append(row)
            continue
        if row.role == "total":
            row.role = "subtotal"  # a second 合计: a group's
        under.append(row)
        whole = row
    forest = nest(under, total, close)
    areas: dict[str, list[str]] = {}
    kept = [total]
    _walk(total, forest, areas, kept, {total.name})
    areas.setdefault(total.name, [])  # a table of one row: an area with no parts
    areas = name_groups(areas, kept, of_which)  # 东山县小计 over its towns: the area 东山县
    name_parts(of_which, (row.name for row in kept))
    parts_of = {name: [part.name for part in parts] for name, parts in of_which.items()}
    kept.extend(part for parts in of_which.values() for part in parts)
    alike = [row for row in _named_as(kept, total.name) if row is not total]
    if alike:  # 合　计 mid-table, 合計 at the bottom: one name twice, no group's sum
        _two_totals(grid, [alike[0], total])
    refuse_duplicates(grid, kept)
    return kept, areas, parts_of


def _named_as(rows: Sequence[Row], name: str) -> list[Row]:
    """The rows named `name` in simplified characters: compared at C speed as they stand
    where no name holds a traditional character (as nearly always), else each simplified."""
    wanted, names = simplified(name), list(map(_NAME, rows))
    names = list(map(simplified, names)) if TRADITIONAL.search("\n".join(names)) else names
    return list(itertools.compress(rows, map(operator.eq, names, itertools.repeat(wanted))))


def _two_totals(grid: Grid, rows: Sequence[Row]) -> None:
    """Two rows named as the table's total where neither is taken for a group's: their names
    and rows, not "no row is named as a total" nor a file with two alike names."""
    raise PlanchkError(
        TOTALS_SEVERAL, source=grid.source, count=len(rows),
        rows="、".join(f"{row.name} (row {row.number})" for row in rows),
    )  # fmt: skip


def _walk(
    parent: Row, nodes: list[Node], areas: dict[str, list[str]], kept: list[Row], seen: set[str]
) -> None:
    """Each row under its parent, once; a name printed again under another parent (县本级 in
    each county) is named with its parent's name before it."""
    lifted = _lift_empty_headings(nodes)
    for node in lifted:
        row = node.row
        if row.name in seen:
            row.name = f"{parent.name}·{row.name}"
        seen.add(row.name)
        if node.closes is not None and node.closes is not node.row:
            row.closes = node.closes.number
    if lifted:
        areas[parent.name] = [node.row.name for node in lifted]
    for node in lifted:
        kept.append(node.row)
        if node.children:
            _walk(node.row, node.children, areas, kept, seen)


def _lift_empty_headings(nodes: list[Node]) -> list[Node]:
    """A heading no 小计 gave numbers to is a label, not an area: its rows go up a level. A
    row of blanks printed like the rows after it (no marker, indent or bold above theirs) is
    no heading: it is an area with nothing in its cells, kept beside them."""
    if not any(map(_BARE, map(_ROW, nodes))):  # no row a heading (at C speed): none lifted
        return list(nodes)
    lifted: list[Node] = []
    for node in nodes:
        empty = node.row.bare and node.closes is None and node.children
        if empty and all(child.rank == node.rank for child in node.children):
            lifted += [Node(node.row, rank=node.rank), *_lift_empty_headings(node.children)]
        else:
            lifted.extend(_lift_empty_headings(node.children) if empty else [node])
    return lifted


def refuse_duplicates(grid: Grid, rows: Sequence[Row]) -> None:
    if len(set(map(_NAME, rows))) == len(rows):
        return  # every name once, as nearly always: told at C speed
    seen: dict[str, int] = {}
    for row in rows:
        if row.name in seen:
            raise PlanchkError(
                texts.DUPLICATE_ROW, place=grid.where(row.number, 1), name=row.name,
                first=cell_name(seen[row.name], 1),
            )  # fmt: skip
        seen[row.name] = row.number
