"""Project rows under areas: a 项目名称 column beside the area column, the area printed once.

Allocation tables that list projects (资金分配明细表, 项目计划表, 下达资金项目表) print the area
once and the projects under it: in a spreadsheet the area's cell is merged down over its
project rows, in a CSV (or a page copied from one) the cells under it are blank. The area may
have a row of its own that carries its subtotal (1 | 甲市 | | 600), or not (the projects are
then the parts of the total directly).

Each project is named with its area before it, `甲市/道路硬化`: the same project is often
printed under several areas (饮水安全 in 甲市 and in 乙县), and a name that says its area reads
alone in a finding. An area's own row keeps the area's name and is the subtotal of its projects
(their rows rank below it, as if indented); without one, the projects of an area stand side
by side under the total, each with the serial of the area's first row.

The grid's body is rewritten in place before the table is read: the names joined into the
area column, the project column blanked (its texts now are the rows' names, not notes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.printed import parse_number, simplified
from planchk.messages import message

PROJECTS = message(
    "import.projects-under-areas",
    "  rows: projects (column `{project}`) under areas (column `{area}`), the area printed once "
    "above its projects; each project is named with its area before it, as {example}",
)
SEPARATOR = "/"
# The headers of a column of projects or tasks printed beside the area column.
_PROJECT = re.compile(
    r"^(子?项目|建设项目|工程项目|工程|重点项目|重点任务|任务|项目及?内容|资金项目)(名称)?$"
    r"|^(项目|任务|工程)名称及?内容$|^名称$|^projects?(\s+name)?$"
    r"|^(行政)?村(名|名称|庄|（社区）)?$|^社区(名称)?$",  # villages under their 乡镇, printed once
    re.IGNORECASE,
)
_SERIAL = re.compile(r"^(序号|序|编号|行次|no\.?|#)$", re.IGNORECASE)


def is_project_header(text: str) -> bool:
    """项目名称, 建设项目, 重点任务: a column of projects or tasks, not of areas."""
    return bool(_PROJECT.match(simplified(clean_name(text))))


def is_serial_header(text: str) -> bool:
    """序号, 编号, No.: a column that numbers the rows, not a column of names."""
    return bool(_SERIAL.match(simplified(clean_name(text))))


@dataclass
class _Group:
    area: str  # the area's name as printed
    own_row: bool  # the area has a row of its own (its subtotal)
    serial: str  # the serial printed on the area's first row


def join_projects(
    grid: Grid, header: Sequence[list[GridCell]], first_data: int, area: int
) -> str | None:
    """Rewrite the body of a table that lists projects under areas (see the module), and say
    so; None, and nothing changed, for any other table."""
    # a header cell merged down over two header rows prints in the upper one only
    heads = {cell.column: clean_name(cell.text) for row in header for cell in row if cell.text}
    project = area + 1
    body = grid.rows[first_data:]
    if not _PROJECT.match(heads.get(project, "")) or not _all_names(body, project):
        return None
    serial = next((c for c, text in heads.items() if c < area and is_serial_header(text)), None)
    named: list[tuple[str, _Group | None]] = []
    group: _Group | None = None
    for cells in body:
        name, group = _row_name({c.column: c for c in cells}, area, project, serial, group)
        named.append((name, group))
    example = next((name for name, _ in named if SEPARATOR in name), None)
    if example is None:
        return None
    columns = _Columns(area, project, serial)
    for position, (cells, (name, owner)) in enumerate(zip(body, named, strict=True)):
        grid.rows[first_data + position] = _rewritten(cells, columns, name, owner)
    for row in header:  # its texts are the rows' names now: no column of notes
        row[:] = [c._replace(text="") if c.column == project else c for c in row]
    return PROJECTS(project=heads[project], area=heads.get(area, ""), example=example)


def _all_names(body: Sequence[Sequence[GridCell]], project: int) -> bool:
    """Whether the column holds names (texts, no numbers) and at least one."""
    found = [c.text for cells in body for c in cells if c.column == project and c.text]
    return bool(found) and all(parse_number(text) is None for text in found)


def _row_name(
    cells: dict[int, GridCell], area: int, project: int, serial: int | None, group: _Group | None
) -> tuple[str, _Group | None]:
    """The row's name, and the group of the area it belongs to."""
    area_cell, project_cell = cells.get(area), cells.get(project)
    area_text = area_cell.text if area_cell is not None else ""
    own = project_cell.text if project_cell is not None and not project_cell.merged else ""
    continued = not area_text or (
        area_cell is not None and area_cell.merged and group is not None
        and area_text == group.area
    )  # fmt: skip
    if is_total_name(area_text) or (not area_text and _serial_total(cells, serial)):
        return area_text, None  # the total row (合计 in its area or serial cell)
    if continued and group is not None and own:
        return f"{group.area}{SEPARATOR}{clean_name(own)}", group
    if continued:
        return area_text, group  # no area and no project: read_row says what is missing
    serial_cell = cells.get(serial) if serial is not None else None
    printed = serial_cell.text if serial_cell is not None and not serial_cell.merged else ""
    group = _Group(clean_name(area_text), own_row=not own, serial=printed)
    return (f"{group.area}{SEPARATOR}{clean_name(own)}" if own else area_text), group


def _serial_total(cells: dict[int, GridCell], serial: int | None) -> bool:
    cell = cells.get(serial) if serial is not None else None
    return cell is not None and is_total_name(cell.text)


@dataclass(frozen=True)
class _Columns:
    area: int
    project: int
    serial: int | None


def _rewritten(
    cells: Sequence[GridCell], columns: _Columns, name: str, group: _Group | None
) -> list[GridCell]:
    """The row with its name in the area column, the project column blank."""
    return [_cell(cell, columns, name, group) for cell in cells]


def _cell(cell: GridCell, columns: _Columns, name: str, group: _Group | None) -> GridCell:
    """One cell rewritten. A project row's serial: none under an area's own row (the area's
    subtotal ranks above it), else the serial of the area's first row (the projects of one
    area are siblings)."""
    project_row = group is not None and name != group.area
    if cell.column == columns.area and name:
        indent = 1 if project_row and group is not None and group.own_row else 0
        return cell._replace(text=name, merged=False, indent=cell.indent + indent)
    if cell.column == columns.project:
        return cell._replace(text="", merged=False)
    if cell.column == columns.serial and project_row and group is not None:
        shown = "" if cell.merged else cell.text
        return cell._replace(text=shown or ("" if group.own_row else group.serial))
    return cell
