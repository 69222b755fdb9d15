"""Areas over their members in two name columns: 县区 | 乡镇 | 资金, with 小计 rows.

A county's towns are often printed with the county in a first name column and the towns in a
second: the county repeated on each of its rows, merged down over them (XLSX), or printed on
its first row and left blank below; a 小计 row (甲县 | 小计 | 500) carries the county's numbers,
at the bottom of its group or at its top. Read with the first column as the only names, the
county is a row of its own three times (the area 合计·甲县 has a row already) or a row of
numbers with no name.

The first column is read as the group level and the second as its members, and the grid's
body is rewritten in place before the table is read, into the form of one name column that
the levels reader knows: the group's number row (its 小计, else its own row) named by the
group and printed first, its members indented under it; a group with no numbers of its own
leaves its members under the total, each named with the group before it (甲县·城关镇, as a
name printed under two parents is). The second column is blanked (its texts now are names).

Three name columns (市 | 县 | 乡镇) are joined twice, the last two first: the county's rows
end where the city column names another city or prints the city's own row (甲市 | 小计), and
each town keeps its indentation under its county when the counties are put under the city.

Taken only where the table says it: both headers name areas (or organisations), the second
column holds names (no number), and a first cell left blank, merged or repeated continues the
group above at least once. A second column of notes, units or projects is no member column
(projects: importers.continuation); 指标 | 地区 is an indicator over its areas, left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name, is_total_name, read_label
from planchk.importers.printed import parse_number, simplified
from planchk.importers.shapes import NOTE_HEADERS
from planchk.messages import message

GROUPS = message(
    "import.groups-in-two-columns",
    "  rows: the areas of column `{member}` under those of column `{group}` (printed once "
    "over them, merged or repeated); a 小计 row is its group's subtotal, as {example}",
)
LEVELS = message(
    "import.groups-in-three-columns",
    "  rows: the areas of column `{bottom}` under those of column `{middle}`, and those under "
    "the areas of column `{top}` (each printed once over its members, merged or repeated); a "
    "小计 row is its group's subtotal",
)
_COLUMN = attrgetter("column")
# Both headers name a level of areas or of organisations (县区 | 乡镇（街道）, 主管部门 | 预算单位)
_AREAS = re.compile(
    r"[乡镇村县区市州旗省]|街道|社区|地方|部门|单位"
    r"|county|district|town|village|region|city|unit|department",
    re.IGNORECASE,
)
_NOT_MEMBERS = frozenset({"单位", "计量单位", "unit", "units", *NOTE_HEADERS})


@dataclass
class _Group:
    name: str
    rows: list[int] = field(default_factory=list)  # positions in the body, as printed
    members: dict[int, str] = field(default_factory=dict)  # position -> the member's name
    own: int | None = None  # the group's own row (甲县 | | 500)
    subtotal: int | None = None  # its 小计 row (甲县 | 小计 | 500)
    continued: bool = False  # a row after the first continues it (blank, merged, repeated)
    nested: bool = False  # its members hold two levels (县 over 乡镇), each keeps its indent


def join_groups(
    grid: Grid, header: Sequence[list[GridCell]], first_data: int, area: int
) -> str | None:
    """Rewrite the body of a table whose areas stand over their members in two name columns,
    or three (see the module), and say so; None, and nothing changed, for any other table."""
    heads = {cell.column: clean_name(cell.text) for row in header for cell in row if cell.text}
    inner = _join(grid, header, first_data, (area + 1, area))  # 市 | 县 | 乡镇: 县 | 乡镇 first
    said = _join(grid, header, first_data, (area, None), nested=inner is not None)
    if inner is None or said is None:
        return said or inner
    names = [heads.get(column, "") for column in (area, area + 1, area + 2)]
    return LEVELS(top=names[0], middle=names[1], bottom=names[2])


def _join(
    grid: Grid,
    header: Sequence[list[GridCell]],
    first_data: int,
    columns: tuple[int, int | None],
    nested: bool = False,
) -> str | None:
    """Join the names of column `area` and the column after it, the groups of `area` ended by
    a new name in column `outer` (the level above, itself joined after). `nested`: the member
    column holds two levels already, each keeping its indentation under the group."""
    area, outer = columns
    heads = {cell.column: clean_name(cell.text) for row in header for cell in row if cell.text}
    if outer is not None and not _AREAS.search(simplified(heads.get(outer, ""))):
        return None
    member = area + 1
    head = heads.get(member, "")
    if simplified(head).lower() in _NOT_MEMBERS or not all(
        _AREAS.search(simplified(text)) for text in (heads.get(area, ""), head)
    ):
        return None  # 指标 | 地区 | 2024年: an indicator over its areas, not areas over areas
    body = grid.rows[first_data:]
    cells = [{c.column: c for c in row} for row in body]
    texts = [row[member].text for row in cells if member in row and row[member].text]
    if len(texts) < 2 or any(parse_number(text) is not None for text in texts):
        return None
    groups = _groups(cells, area, member, outer)
    if not any(group.continued and group.members for group in groups):
        return None
    order = list(range(len(body)))
    for group in groups:
        group.nested = nested
        _rewrite(body, cells, group, (area, member), order)
    grid.rows[first_data:] = [_blanked(body[position], member) for position in order]
    for row in header:  # its texts are the rows' names now: no column of notes
        row[:] = [c._replace(text="") if c.column == member else c for c in row]
    example = next((f"{g.name}: {'、'.join(g.members.values())}" for g in groups if g.members), "")
    return GROUPS(member=head, group=heads.get(area, ""), example=example)


def _groups(
    cells: Sequence[dict[int, GridCell]], area: int, member: int, outer: int | None = None
) -> list[_Group]:
    """The groups of the body's rows, each with its rows by what they are. A row that names
    another group of the level above (`outer`), or is that group's own row or 小计, ends one."""
    groups: list[_Group] = []
    group: _Group | None = None
    region = ""
    for position, row in enumerate(cells):
        first, second = row.get(area), row.get(member)
        name = clean_name(first.text) if first is not None else ""
        part = clean_name(second.text) if second is not None else ""
        above = clean_name(row[outer].text) if outer is not None and outer in row else ""
        if above and (above != region or read_label(name or "小计").role != "row"):
            region, group = above, None  # 乙市 | 南县 | 南镇, or 甲市 | 小计 | (甲市's own row)
            if read_label(name or "小计").role != "row":
                continue
        if is_total_name(name) and not part:
            group = None  # the total row (合计 | | 1000): no group's
            continue
        if name and (group is None or name != group.name):
            group = _Group(name)
            groups.append(group)
        elif group is None:
            continue  # no name above it to continue: read_row says what is missing
        else:
            group.continued = group.continued or bool(part)
        group.rows.append(position)
        if not part:
            group.own = position if group.own is None else group.own
        elif read_label(part).role in ("subtotal", "total"):
            group.subtotal = position
        else:
            group.members[position] = part
    return groups


def _rewrite(
    body: list[list[GridCell]],
    cells: Sequence[dict[int, GridCell]],
    group: _Group,
    columns: tuple[int, int],
    order: list[int],
) -> None:
    """One group's rows rewritten (names in the area column) and, where its 小计 is printed
    below its members, its 小计 moved before them, as its own row would stand. `nested`: a
    member keeps its own indentation under the group (乡镇 under 县, both under 市)."""
    area, member = columns
    if not group.members:
        return
    top = group.subtotal if group.own is None else group.own
    for position in group.rows:
        indent = 0
        if position == top:
            name = group.name
        elif position not in group.members:  # a 小计 under the group's own row: it closes
            name = clean_name(cells[position][member].text)  # the heading the own row is
        elif top is None:
            name = f"{group.name}·{group.members[position]}"
        else:
            below = cells[position][member].indent if group.nested else 0
            name, indent = group.members[position], 1 + below
        row = [_named(cell, area, name, indent) for cell in body[position]]
        if area not in cells[position]:  # a blank first cell: no cell to hold the name
            row = sorted([*row, GridCell(name, row[0].row, area, indent=indent)], key=_COLUMN)
        body[position] = row
    if top is not None and top == group.subtotal and top != group.rows[0]:
        start = order.index(group.rows[0])
        order.remove(top)
        order.insert(start, top)


def _named(cell: GridCell, area: int, name: str, indent: int) -> GridCell:
    if cell.column != area:
        return cell
    return cell._replace(text=name, merged=False, indent=indent)


def _blanked(cells: list[GridCell], member: int) -> list[GridCell]:
    return [c._replace(text="", merged=False) if c.column == member else c for c in cells]
