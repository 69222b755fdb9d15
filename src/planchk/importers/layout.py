"""Find the table in a grid: title and unit lines, the header, the total row and the area rows.

Everything is inferred from what the table prints, in this order, and each inference is kept
so that `planchk import` can say what it decided:

1. The first data row is the first row whose first cell is a name and that holds a number;
   the rows above it with two or more cells are the header (one or two rows), and the lines
   above those the title and the unit line (单位：万元, (单位：个、%), (Unit: USD million)).
2. Each column below the header is a year (2021, 2021年, 到2025年, 2019-20), a category
   (资金(万元), with its own unit), a percentage (not an addend), an 其中 column (part of the
   column before it, not an addend) or text (备注: not imported).
3. The total row is the one named like a total (合计, 总计, 全区, 全市, 全县, 全国, Total, ...),
   or the one --total-row names, or else the first or last row when it is the sum of the others
   in every column. Rows after the table that are notes (注：..., 资料来源：...) end it.

Where the grid does not decide a question, reading stops with a message naming the option
that settles it; a cell that is neither a number, a blank nor text is an error at its cell.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

from planchk.importers import texts
from planchk.importers.body import adds_up, find_total, lay_out, read_rows, split_body
from planchk.importers.grid import Grid, GridCell, no_data_rows
from planchk.importers.labels import clean_name, is_bare_subtotal, is_total_name
from planchk.importers.printed import has_digit, is_blank, normalized, parse_number, simplified
from planchk.importers.shapes import Column, Table
from planchk.importers.units import printed_unit, unit_line
from planchk.messages import PlanchkError
from planchk.plan.units import BUILT_IN

__all__ = ["Table", "indicator_name", "read_table"]  # Table: shapes.Table, for readers of documents

_YEAR = re.compile(r"^(?:到|至|截至)?(?P<year>(?:19|20)\d{2})年?(?:底|末)?(?P<rest>.*)$")
_FISCAL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*[-–/／]\s*(?P<end>\d{2}|\d{4})(?P<rest>.*)$")
_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?)\s*[（(](?P<unit>[^（()）]+)[）)]\s*$")
# Words that follow a year in a header without naming a category: 2021年目标 is the year 2021.
_YEAR_WORDS = frozenset(
    {
        "目标",
        "任务",
        "计划",
        "目标值",
        "任务数",
        "预计",
        "预期",
        "规划",
        "累计",
        "累计完成",
        "累计数",
    }
)
CUMULATIVE = re.compile(r"累计|累計|cumulative", re.IGNORECASE)  # a stock, not a flow
_PERCENT_NAME = re.compile(r"(比重|占比|比例|增速|增长率|完成率|%|％)$")
_OF_WHICH = re.compile(r"^其中\s*[:：]?\s*")
_TITLE_NUMBERING = re.compile(
    r"^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|附?表\s*\d+[:：.、]?\s*)"
)
# A line that only numbers the table in its document (附件2, 附表3, 表 1：): not its title.
_ATTACHMENT = re.compile(r"^(附件|附表|表)\s*[\d０-９一二三四五六七八九十]+\s*[:：.、]?$")
_TABLE_NUMBER = re.compile(r"^(附件|附表|表)\s*[\d０-９]+\s*[:：.、]?\s*")
_TITLE_SUFFIX = re.compile(r"(指导性)?(任务|目标|指标)?(分解|分配|安排|计划)?(情况|统计|一览)?表$")


def read_table(grid: Grid, total_row: str | None = None) -> Table:
    rows = grid.rows
    first_data = _with_headings(grid, _first_data_row(grid))
    header = _header_rows(grid, first_data)
    above = rows[: first_data - len(header)]
    title, unit = _title_and_unit(above)
    name_cell = _name_cell(rows[first_data])
    assert name_cell is not None
    columns, dropped = _columns(grid, header, rows[first_data:], name_cell.column)
    body, ignored = split_body(rows[first_data:])
    parsed = read_rows(grid, body, columns, name_cell.column)
    close = adds_up(_count_columns(columns, unit))
    total, how = find_total(grid, parsed, close, total_row)
    kept, areas, of_which = lay_out(grid, parsed, total, close)
    area_header = next((clean_name(c.text) for c in header[-1] if c.column == name_cell.column), "")
    return Table(
        grid, title, unit, tuple(r[0].row for r in header), area_header, columns, total, how,
        tuple(kept), areas, of_which, tuple(r[0].row for r in ignored), dropped,
    )  # fmt: skip


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
        numbers = [c for c in after if _numeric(c.text)]
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


def _name_cell(cells: Sequence[GridCell]) -> GridCell | None:
    """The cell that names the row: its first text, after a serial number (序号) if any."""
    filled = [c for c in cells if c.text]
    if not filled:
        return None
    first = filled[0]
    if _numeric(first.text):
        serial = parse_number(first.text)
        following = filled[1] if len(filled) > 1 else None
        serial_then_name = (
            serial is not None
            and serial == int(serial)
            and following is not None
            and not _numeric(following.text)
            and clean_name(following.text)
        )
        return following if serial_then_name else None
    return first if clean_name(first.text) else None


def _numeric(text: str) -> bool:
    plain = normalized(text).rstrip("%％")
    return parse_number(plain) is not None


def _years_only(cells: Sequence[GridCell]) -> bool:
    """A row of bare years (2021, 2022, 2023) is a header, not data."""
    values = [parse_number(c.text) for c in cells]
    years = [int(v) for v in values if v is not None and v == int(v) and 1900 <= v <= 2100]
    return len(years) == len(values) and years == sorted(set(years))


def _header_rows(grid: Grid, first_data: int) -> list[Sequence[GridCell]]:
    rows = grid.rows
    header: list[Sequence[GridCell]] = []
    for position in (first_data - 1, first_data - 2):
        if position < 0:
            break
        cells = [c for c in rows[position] if c.text]
        if len(cells) < 2 or any(unit_line(c.text) for c in cells):
            break
        header.insert(0, rows[position])
    if not header:
        first = rows[first_data][0]
        raise PlanchkError(texts.NO_HEADER, place=grid.where(first.row, first.column))
    return header


def _title_and_unit(lines: Sequence[Sequence[GridCell]]) -> tuple[str | None, str | None]:
    """The first line above the header that is not a unit line nor a 附件N / 表N line (its
    cells joined: a title with a comma in it spans two cells of a CSV), and the unit line."""
    title = unit = None
    for cells in lines:
        words = []
        for cell in cells:
            text = clean_name(cell.text)
            found = unit_line(text) if text else None
            if found and unit is None:
                unit = found
            elif text and not found and not cell.merged:  # a merged title is said once
                words.append(text)
        if title is None and words and not _ATTACHMENT.match(" ".join(words)):
            title = " ".join(words)
    return title, unit


def _columns(
    grid: Grid,
    header: Sequence[Sequence[GridCell]],
    body: Sequence[Sequence[GridCell]],
    area_column: int,
) -> tuple[tuple[Column, ...], tuple[str, ...]]:
    labels = _labels(header)
    columns: list[Column] = []
    dropped: list[str] = []
    filled: dict[int, list[GridCell]] = {}
    for row in body:
        for cell in row:
            if cell.text and not is_blank(cell.text):
                filled.setdefault(cell.column, []).append(cell)
    for index in sorted(i for i in labels if i > area_column):  # a serial column comes before
        cells = filled.get(index, [])
        if not cells:  # an empty column (备用, a year not yet filled in) is no indicator
            dropped.append(" / ".join(part for part in labels[index] if part))
            continue
        columns.append(_column(grid, index, labels[index], cells, columns))
    if not [c for c in columns if c.kind != "text"]:
        raise PlanchkError(texts.NO_VALUE_COLUMNS, source=grid.source)
    return _year_sums(columns), tuple(dropped)


def _year_sums(columns: Sequence[Column]) -> tuple[Column, ...]:
    """Beside two or more year columns, a 合计 column with no year is each row's sum over the
    years: no indicator of its own (it would be one year's, with the others missing)."""
    years = [c for c in columns if c.kind == "value" and c.year is not None and c.name is None]
    if len(years) < 2:  # one year column has nothing to add up
        return tuple(columns)
    return tuple(
        dataclasses.replace(c, kind="year_sum")
        if c.kind == "value" and c.year is None and c.name and is_bare_subtotal(c.name)
        else c
        for c in columns
    )


def _labels(header: Sequence[Sequence[GridCell]]) -> dict[int, tuple[str, str]]:
    """Column -> (upper header text, lower header text); a text in the upper of two rows
    carries on to the right over blank cells, as a merged header cell spans its columns."""
    labels: dict[int, tuple[str, str]] = {}
    lower = {c.column: clean_name(c.text) for c in header[-1]}
    upper: dict[int, str] = {}
    if len(header) == 2:
        carried = ""
        for cell in sorted(header[0], key=lambda c: c.column):
            text = clean_name(cell.text)
            carried = text or (carried if lower.get(cell.column) else "")
            upper[cell.column] = carried
    for column in sorted(set(lower) | set(upper)):
        top, bottom = upper.get(column, ""), lower.get(column, "")
        if top or bottom:
            labels[column] = (top, bottom) if top != bottom else ("", bottom)
    return labels


def _column(
    grid: Grid,
    index: int,
    label: tuple[str, str],
    cells: Sequence[GridCell],
    before: Sequence[Column],
) -> Column:
    top, bottom = label
    header = " / ".join(part for part in (top, bottom) if part)
    year = _year(top) or _year(bottom)
    name, unit = _category(top, bottom)
    if not any(_numeric(c.text) for c in cells) or Column(index, header, "text").plain_note:
        return Column(index, header, "text")  # 备注, 说明: the rows' notes
    if _OF_WHICH.match(bottom) or _OF_WHICH.match(top):
        parent = next((c for c in reversed(before) if c.kind == "value" and c.year == year), None)
        if parent is None:
            raise PlanchkError(texts.OF_WHICH_ALONE, place=grid.column_place(index), header=header)
        return Column(index, header, "of_which", year, name, unit, parent.index)
    if (name and _PERCENT_NAME.search(name)) or unit in ("%", "％") or _all_percent(cells):
        name = name.rstrip("%％") or name if name else name  # 增长% is the ratio 增长, in %
        return Column(index, header, "percent", year, name, unit or "%")
    if year is None and not name:
        raise PlanchkError(texts.COLUMN_UNNAMED, place=grid.column_place(index))
    return Column(index, header, "value", year, name, unit)


def _all_percent(cells: Sequence[GridCell]) -> bool:
    """Whether every cell with a digit prints a percentage (45.0%): a column of shares."""
    numbers = (c.text for c in cells if has_digit(c.text))
    first = next(numbers, None)
    shown = itertools.chain([first], numbers)  # all() stops at the first that is no share
    return first is not None and all(normalized(str(t)).endswith("%") for t in shown)


def year_of(text: str) -> int | None:
    """The year a header names: 2021, 2021年, 到2025年, 2019-20 (a fiscal year: 2019)."""
    return _year(text)


def _year(text: str) -> int | None:
    plain = normalized(text)
    for pattern in (_FISCAL, _YEAR):  # 2019-20 is a fiscal year, not 2019 and "-20"
        found = pattern.match(plain)
        if found:
            return int(found.group("year"))
    return None


def _category(top: str, bottom: str) -> tuple[str | None, str | None]:
    """A category's name and own unit: 资金(万元) → (资金, 万元); a year is not a name; a
    category under another is named by both: 资金(万元) over 新建 → 资金（新建）."""
    names: list[str] = []
    unit: str | None = None
    dated = _year(top) is not None or _year(bottom) is not None
    for text in (top, bottom):
        name, own_unit = _one_category(text)
        if name and not (dated and name in _YEAR_WORDS):  # 2021年 over 目标: the year 2021
            names.append(name)
        unit = own_unit or unit
    if len(names) == 2:
        return f"{names[0]}（{names[1]}）", unit
    return (names[0] if names else None), unit


def _one_category(text: str) -> tuple[str | None, str | None]:
    rest = text
    year_match = _FISCAL.match(normalized(text)) or _YEAR.match(normalized(text))
    if year_match:
        rest = year_match.group("rest").strip(" /")
        if rest in _YEAR_WORDS:
            rest = ""
    unit = None
    found = _UNIT_IN_HEADER.match(rest)
    if found:
        rest, unit = found.group("name"), printed_unit(found.group("unit"))
    rest = _OF_WHICH.sub("", rest).strip()
    return rest or None, unit


def is_count(unit: str) -> bool:
    known = BUILT_IN.get(simplified(unit))
    return known is not None and known.whole


def plan_title(title: str) -> str:
    """A table's title as a plan's: without the 表1 / 附表3 that numbers it in its document."""
    return _TABLE_NUMBER.sub("", title).strip() or title


def indicator_name(title: str) -> str:
    """The indicator a table title names: （三）发明专利申请量指导性任务分解表 → 发明专利申请量."""
    name = _TITLE_NUMBERING.sub("", title).strip()
    name = _TITLE_SUFFIX.sub("", name).strip()
    name = re.sub(r"(指标|任务|目标)$", "", name).strip()
    return name or title
