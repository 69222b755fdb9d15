"""Find the table in a grid: title and unit lines, the header, the total row and the area rows.

Everything is inferred from what the table prints, in this order, and each inference is kept
so that `planchk import` can say what it decided:

1. The first data row is the first row whose first cell is a name and that holds a number;
   the rows above it with two or more cells are the header (one row or more), and the lines
   above those the title and the unit line (单位：万元, (单位：个、%), (Unit: USD million)).
2. Each column below the header is a year, a category, a percentage, an 其中 column or text:
   importers.columns reads them.
3. The total row is the one named like a total (合计, 总计, 全区, 全市, 全县, 全国, Total, ...),
   or the one --total-row names, or else the first or last row when it is the sum of the others
   in every column. Rows after the table that are notes (注：..., 资料来源：...) end it.

Where the grid does not decide a question, reading stops with a message naming the option
that settles it; a cell that is neither a number, a blank nor text is an error at its cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers import texts
from planchk.importers.base_year import base_years
from planchk.importers.body import find_total, lay_out, read_rows
from planchk.importers.carried import bound_notes, lift, total_sums
from planchk.importers.codes import aliases, read_codes
from planchk.importers.columns import numeric, read_columns
from planchk.importers.continuation import is_serial_header, join_projects
from planchk.importers.entries import read_entries
from planchk.importers.grid import Grid, GridCell, no_data_rows
from planchk.importers.header_levels import MOST_HEADER_ROWS, spans_header
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.levels import adds_up
from planchk.importers.name_columns import join_groups
from planchk.importers.pages import split_body, without_furniture, without_repeated_header
from planchk.importers.parts import continue_of_which
from planchk.importers.printed import parse_number, simplified
from planchk.importers.settled import Given, settle
from planchk.importers.shapes import Column, Found, Row, Table
from planchk.importers.title_words import title_subject
from planchk.importers.units import title_unit, unit_line
from planchk.importers.unsupported import refuse_unsupported
from planchk.messages import PlanchkError
from planchk.plan.units import BUILT_IN

__all__ = ["Table", "indicator_name", "read_table"]  # Table: shapes.Table, for readers of documents

# Table 3. · Annex 2: · Appendix B- · Exhibit 4 —: what numbers an English table in its document
_ENGLISH_NUMBER = (
    r"(?:Annex|Appendix|Attachment|Exhibit|Schedule|Table)\s+"
    r"(?:[A-Z]-?)?(?:\d+(?:[.\-]\d+)*|[IVX]+|(?<=\s)[A-Z](?=[\s:.\-–—]))\s*[:.\-–—]?\s+"
)
_TITLE_NUMBERING = re.compile(
    r"^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|附?表\s*\d+[:：.、]?\s*"
    rf"|{_ENGLISH_NUMBER})"
)
# A line that only numbers the table in its document (附件, 附件2, 附表3, 表 1：): not its title.
_ATTACHMENT = re.compile(
    r"^(附件\s*[\d０-９一二三四五六七八九十]*|(附表|表)\s*[\d０-９一二三四五六七八九十]+)\s*[:：.、]?$"
)
_TABLE_NUMBER = re.compile(rf"^(?:(附件|附表|表)\s*[\d０-９]+\s*[:：.、]?\s*|{_ENGLISH_NUMBER})")
# The end of a table's title (分配表, 一览表（2025年）, 2025年…任务): never a header's.
_SPLIT_TITLE = re.compile(
    r"表\s*(?:[（(][^（()）]*[）)])?$|^\d{4}年.{3,}(?:任务|目标|计划|安排)$"
    r"|\sby\s+[a-z]+\s+(?:fy\s*)?\d{4}$",  # Service targets by county, 2024
    re.IGNORECASE,
)
_TITLE_SUFFIX = re.compile(r"(指导性)?(任务|目标|指标)?(分解|分配|安排|计划)?(情况|统计|一览)?表$")


def read_table(grid: Grid, total_row: str | None = None, units: Sequence[str] = ()) -> Table:
    refuse_unsupported(grid)  # a 绩效目标表: said what it is, not misread
    grid, paper = without_furniture(grid)  # 填表人, 续表, 栏次: printed, never rows
    grid, carried = lift(grid)  # 120万元, ≥95: numbers, so that no such row reads as a header
    rows = grid.rows
    first_data = _with_headings(grid, _first_data_row(grid))
    header = _header_rows(grid, first_data)
    above = rows[: first_data - len(header)]
    title, unit = _title_and_unit(above)
    names = _area_column(header, rows[first_data])
    said = join_projects(grid, header, first_data, names)
    said = said or join_groups(grid, header, first_data, names)  # 县区 | 乡镇 | 资金
    printed, repeated = without_repeated_header(rows[first_data:], header)
    columns, dropped = read_columns(grid, header, printed, names, unit)
    columns, based = base_years(columns, title)  # 2023年实际 before 2024年目标: one series
    settled = None
    if carried:  # each carried unit converted into its column's; --unit names the column
        name = indicator_name(title) if title else source_stem(grid.source)
        settled = settle(grid, carried, columns, printed, Given(unit, name, units))
        columns, printed = settled.columns, settled.body
    body, ignored = split_body(printed)
    parsed = read_rows(grid, body, columns, names)
    bound_notes(parsed, carried, columns)
    after = [column.index for column in columns if column.kind == "code"]
    codes = read_codes(header, body, parsed, names, after)
    ratios = frozenset(column.index for column in columns if column.kind == "percent")
    continue_of_which(parsed, ratios)  # 其中：购置费 over 运行费: both parts of the row above
    close = adds_up(_count_columns(columns, unit), ratios)
    area_header = _area_header(header, names)
    total: Row | None = None
    how: Found = "none"
    try:
        total, how = find_total(grid, parsed, close, total_row)
        kept, areas, of_which = lay_out(grid, parsed, total, close)
    except PlanchkError as refused:  # a list of projects with no total row: entries
        kept, areas, of_which = read_entries(grid, parsed, area_header, refused)
    sums, summed = total_sums(total, carried, columns) if total else ({}, [])
    told = [*([said] if said else []), *based, *(settled.said if settled else []), *summed]
    return Table(
        grid, title, unit, tuple(r[0].row for r in header), area_header, columns, total, how,
        tuple(kept), areas, of_which, tuple(r[0].row for r in ignored), dropped,
        said=tuple(told), sums=dict(sums), tolerances=settled.tolerances if settled else {},
        code_header=codes.header if codes else None, code_levels=bool(codes and codes.nested),
        aliases=aliases(kept), signed=tuple(paper.signed),
        skipped=tuple(sorted([*paper.skipped, *repeated])),
    )  # fmt: skip


def _area_column(header: Sequence[Sequence[GridCell]], first: Sequence[GridCell]) -> int:
    """The column of the rows' names: where the first row prints its name, unless that is the
    序号 column (a total row printing 合计 in its serial cell): then the column after it."""
    name_cell = _name_cell(first)
    assert name_cell is not None
    if is_serial_header(_area_header(header, name_cell.column)):
        later = [c.column for row in header for c in row if c.text and c.column > name_cell.column]
        if later:
            return min(later)
    return name_cell.column


def _count_columns(columns: Sequence[Column], unit: str | None) -> frozenset[int]:
    """The columns of counts (家, 个, 户): whole numbers, with no rounding to allow for."""
    return frozenset(column.index for column in columns if is_count(column.unit or unit or ""))


def _first_data_row(grid: Grid) -> int:
    header_of_years = False  # a row of bare years is a header once; under it, data
    for position, cells in enumerate(grid.rows):
        name_cell = _name_cell(cells)
        if name_cell is None:
            continue
        after = [c for c in cells if c.column > name_cell.column]
        numbers = [c for c in after if numeric(c.text)]
        above = grid.rows[position - 1] if position else []
        under_header = len([c for c in above if c.text]) >= 2  # 1县,1902 under 地区,2024年
        bare_years = _years_only(numbers) and not is_total_name(name_cell.text) and not under_header
        if numbers and (header_of_years or not bare_years):
            return position
        header_of_years = header_of_years or bool(numbers)
    raise PlanchkError(no_data_rows(grid), source=grid.source)


def _with_headings(grid: Grid, first_data: int) -> int:
    """The first row of the table's body: heading rows with a name and no numbers (甲县 over
    its towns) that stand between the header and the first row of numbers belong to it."""
    name_cell = _name_cell(grid.rows[first_data])
    assert name_cell is not None
    position = first_data
    while position > 1:
        cells = [c for c in grid.rows[position - 1] if c.text]
        above = [c for c in grid.rows[position - 2] if c.text]
        named = _name_cell(cells)
        heading = len(cells) == 1 and named is not None and named.column == name_cell.column
        if not heading or len(above) < 2 or unit_line(cells[0].text):
            break
        position -= 1
    return position


# Whole numbers before a row's name: a serial (序号), a code (科目编码), or both, or a code
# split into its 类 | 款 | 项 columns.
_LEADING_NUMBERS = 3


def _name_cell(cells: Sequence[GridCell]) -> GridCell | None:
    """The cell that names the row: its first text, after a serial number (序号) or a code
    (科目编码, 类 | 款 | 项) if any."""
    filled = [c for c in cells if c.text]
    if not filled:
        return None
    for position, cell in enumerate(filled[: _LEADING_NUMBERS + 1]):
        if not numeric(cell.text):
            return cell if clean_name(cell.text) and (position == 0 or _whole(filled[0])) else None
        if not _whole(cell):
            return None
    return None


def _whole(cell: GridCell) -> bool:
    number = parse_number(cell.text)
    return number is not None and number == int(number)


def _years_only(cells: Sequence[GridCell]) -> bool:
    """A row of bare years (2021, 2022, 2023) is a header, not data."""
    values = [parse_number(c.text) for c in cells]
    years = [int(v) for v in values if v is not None and v == int(v) and 1900 <= v <= 2100]
    return len(years) == len(values) and years == sorted(set(years))


def _header_rows(grid: Grid, first_data: int) -> list[list[GridCell]]:
    rows = grid.rows
    names = _name_cell(rows[first_data])
    header: list[list[GridCell]] = []
    for position in range(first_data - 1, max(first_data - MOST_HEADER_ROWS, 0) - 1, -1):
        cells = [c for c in rows[position] if c.text]
        if not cells or any(unit_line(c.text) for c in cells):
            break
        if header and _split_title(cells, header[0]):  # the title right above the header
            break
        upper = len(header) >= 2 or len(cells) < 2  # 2025年 over 中央 | 省级: an upper level
        if upper and not (header and spans_header(cells, header, names)):
            break
        header.insert(0, rows[position])
    if not header:
        first = rows[first_data][0]
        raise PlanchkError(texts.NO_HEADER, place=grid.where(first.row, first.column))
    return header


def _split_title(cells: Sequence[GridCell], under: Sequence[GridCell]) -> bool:
    """A title split at an unquoted comma of a CSV (2025年各县区,资金分配表): no header row. A
    header's upper row leaves its first column to the row under it (县区 merged down, or
    printed once); a title starts over a header cell of its own (2025年… over 县区)."""
    if not any(c.text and c.column == cells[0].column for c in under):
        return False
    text = _joined([clean_name(cell.text) for cell in cells])
    return bool(_TABLE_NUMBER.match(text) or _SPLIT_TITLE.search(text))


def _title_and_unit(lines: Sequence[Sequence[GridCell]]) -> tuple[str | None, str | None]:
    """The first line above the header that is not a unit line nor a 附件N / 表N line (its
    cells joined: a title with a comma in it spans two cells of a CSV), and the unit line."""
    title = unit = None
    for cells in lines:
        words = []
        for cell in cells:
            text = clean_name(cell.text)
            found = unit_line(text) if text else None
            if found is None and text:  # 2024年资金分配表（单位：万元）: a title, then its unit
                text, found = title_unit(text)
            elif found:
                text = ""  # a unit line is no title
            if found and unit is None:
                unit = found
            elif found and unit and found not in unit.split("、"):  # 面积单位, 金额单位 apart
                unit = f"{unit}、{found}"
            if text and not cell.merged:  # a merged title is said once
                words.append(text)
        if title is None and words and not _ATTACHMENT.match(" ".join(words)):
            title = _joined(words)
    return title, unit


def _joined(words: Sequence[str]) -> str:
    """The pieces of a title split at its commas: Service targets by county, 2024 takes its
    spaces back; 2025年各县区,资金分配表 is one title with no space inside."""
    said = words[0] if words else ""
    for word in words[1:]:
        said += word if not (said[-1].isascii() or word[0].isascii()) else " " + word
    return said


def is_count(unit: str) -> bool:
    known = BUILT_IN.get(simplified(unit))
    return known is not None and known.whole


def plan_title(title: str) -> str:
    """A table's title as a plan's: without the 表1 / 附表3 that numbers it in its document."""
    return _TABLE_NUMBER.sub("", title).strip() or title


def source_stem(source: str) -> str:
    """A file's name without folder, sheet or extension: the fallback name of a table."""
    name = source.rsplit("/", 1)[-1].split(",", maxsplit=1)[0]
    return re.sub(r"\.(csv|xlsx)$", "", name, flags=re.IGNORECASE)


def indicator_name(title: str) -> str:
    """The indicator a table title names: （三）发明专利申请量指导性任务分解表 → 发明专利申请量,
    2024—2026年各区累计建成口袋公园 → 口袋公园 (importers.title_words)."""
    name = _TITLE_NUMBERING.sub("", title).strip()
    name = _TITLE_SUFFIX.sub("", name).strip()
    name = title_subject(re.sub(r"(指标|任务|目标)$", "", name).strip())  # 2024年各区…: furniture
    return name if re.search(r"[^\W\d_]", name) else title  # =指标 is no indicator named =


def _area_header(header: Sequence[Sequence[GridCell]], column: int) -> str:
    """The header over the area names: in a two-row header the cell is often merged down, so
    its text stands in the upper row and the lower row is blank there."""
    for row in reversed(header):
        for cell in row:
            if cell.column == column and clean_name(cell.text):
                return clean_name(cell.text)
    return ""
