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

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from planchk.importers import texts
from planchk.importers.grid import Grid, GridCell, cell_name
from planchk.importers.printed import has_digit, is_blank, normalized, parse_number
from planchk.messages import PlanchkError

ColumnKind = Literal["value", "percent", "of_which", "text"]

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_LAYOUT_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_UNIT_LINE = re.compile(
    r"^[（(]?\s*(?:计量)?(?:单\s*位|unit|units)\s*[:：]\s*(?P<unit>.+?)\s*[）)]?$", re.IGNORECASE
)
_YEAR = re.compile(r"^(?:到|至|截至)?(?P<year>(?:19|20)\d{2})年?(?:底|末)?(?P<rest>.*)$")
_FISCAL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*[-–/／]\s*(?P<end>\d{2}|\d{4})(?P<rest>.*)$")
_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?)\s*[（(](?P<unit>[^（()）]+)[）)]\s*$")
# Words that follow a year in a header without naming a category: 2021年目标 is the year 2021.
_YEAR_WORDS = frozenset({"目标", "任务", "计划", "目标值", "任务数", "预计", "预期", "规划"})
_PERCENT_NAME = re.compile(r"(比重|占比|比例|增速|增长率|完成率|%|％)$")
_OF_WHICH = re.compile(r"^其中\s*[:：]?\s*")
_TOTAL_NAME = re.compile(
    r"^(合计|总计|共计|全(区|市|县|省|国|州|盟|旗|镇|乡)(合计)?|total|grand ?total)$",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^(注|备注|说明|资料来源|数据来源|来源|填表|制表|审核|联系人|note|notes|source)\s*[:：0-9１-９、.]",
    re.IGNORECASE,
)
_TITLE_NUMBERING = re.compile(
    r"^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|附?表\s*\d+[:：.、]?\s*)"
)
_TITLE_SUFFIX = re.compile(r"(指导性)?(任务|目标|指标)?(分解|分配|安排|计划)?(情况|统计|一览)?表$")


@dataclass(frozen=True)
class Column:
    index: int  # the grid's column number
    header: str  # as printed, layout spaces removed (two header rows joined by " / ")
    kind: ColumnKind
    year: int | None = None  # a year column, or a category column under a year
    name: str | None = None  # a category's name, without its unit
    unit: str | None = None  # a category's own unit, from its header
    part_of: int | None = None  # an 其中 column: the column it is part of


@dataclass(frozen=True)
class Row:
    name: str
    number: int  # the grid's row number
    values: dict[int, Decimal | None]  # column index -> value (None: blank or text)
    texts: dict[int, str] = field(default_factory=dict)  # text cells: column index -> text


@dataclass(frozen=True)
class Table:
    grid: Grid
    title: str | None
    unit: str | None
    header_rows: tuple[int, ...]
    area_header: str
    columns: tuple[Column, ...]
    total: Row
    total_found: Literal["named", "option", "sum"]
    parts: tuple[Row, ...]
    ignored: tuple[int, ...]  # rows after the table (notes, signatures)

    @property
    def value_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.kind != "text")


def clean_name(text: str) -> str:
    """A name without the spaces that only lay it out: 合  计 → 合计, 东 湖 区 → 东湖区."""
    return _LAYOUT_SPACE.sub("", text.strip())


def read_table(grid: Grid, total_row: str | None = None) -> Table:
    rows = grid.rows
    first_data = _first_data_row(grid)
    header = _header_rows(grid, first_data)
    above = rows[: first_data - len(header)]
    title, unit = _title_and_unit(above)
    name_cell = _name_cell(rows[first_data])
    assert name_cell is not None
    columns = _columns(grid, header, rows[first_data:], name_cell.column)
    body, ignored = _body(rows[first_data:])
    parsed = [_row(grid, cells, columns, name_cell.column) for cells in body]
    _refuse_of_which_rows(grid, parsed)
    _refuse_duplicates(grid, parsed)
    total, how = _total(grid, parsed, columns, total_row)
    parts = tuple(row for row in parsed if row is not total)
    area_header = next((clean_name(c.text) for c in header[-1] if c.column == name_cell.column), "")
    return Table(
        grid, title, unit, tuple(r[0].row for r in header), area_header, columns, total, how,
        parts, tuple(r[0].row for r in ignored),
    )  # fmt: skip


def _first_data_row(grid: Grid) -> int:
    for position, cells in enumerate(grid.rows):
        name_cell = _name_cell(cells)
        if name_cell is None:
            continue
        after = [c for c in cells if c.column > name_cell.column]
        numbers = [c for c in after if _numeric(c.text)]
        if numbers and not _years_only(numbers):
            return position
    raise PlanchkError(texts.NO_DATA_ROWS, source=grid.source)


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
        if len(cells) < 2 or any(_UNIT_LINE.match(clean_name(c.text)) for c in cells):
            break
        header.insert(0, rows[position])
    if not header:
        first = rows[first_data][0]
        raise PlanchkError(texts.NO_HEADER, place=grid.where(first.row, first.column))
    return header


def _title_and_unit(lines: Sequence[Sequence[GridCell]]) -> tuple[str | None, str | None]:
    title = unit = None
    for cells in lines:
        for cell in cells:
            text = clean_name(cell.text)
            if not text:
                continue
            found = _UNIT_LINE.match(text)
            if found and unit is None:
                unit = found.group("unit").strip()
            elif title is None and not found:
                title = text
    return title, unit


def _columns(
    grid: Grid,
    header: Sequence[Sequence[GridCell]],
    body: Sequence[Sequence[GridCell]],
    area_column: int,
) -> tuple[Column, ...]:
    labels = _labels(header)
    columns: list[Column] = []
    for index in sorted(i for i in labels if i > area_column):  # a serial column comes before
        cells = [c for row in body for c in row if c.column == index and c.text]
        columns.append(_column(grid, index, labels[index], cells, columns))
    if not [c for c in columns if c.kind != "text"]:
        raise PlanchkError(texts.NO_VALUE_COLUMNS, source=grid.source)
    return tuple(columns)


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
    if cells and not any(has_digit(c.text) for c in cells) and year is None:
        return Column(index, header, "text")
    if _OF_WHICH.match(bottom) or _OF_WHICH.match(top):
        parent = next((c for c in reversed(before) if c.kind == "value" and c.year == year), None)
        if parent is None:
            raise PlanchkError(texts.OF_WHICH_ALONE, place=grid.column_place(index), header=header)
        return Column(index, header, "of_which", year, name, unit, parent.index)
    percent_cells = [c for c in cells if normalized(c.text).endswith("%")]
    if (name and _PERCENT_NAME.search(name)) or unit in ("%", "％") or (
        cells and len(percent_cells) == len([c for c in cells if has_digit(c.text)])
        and percent_cells
    ):  # fmt: skip
        return Column(index, header, "percent", year, name, unit or "%")
    if year is None and not name:
        raise PlanchkError(texts.COLUMN_UNNAMED, place=grid.column_place(index))
    return Column(index, header, "value", year, name, unit)


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
        rest, unit = found.group("name"), found.group("unit").strip()
    rest = _OF_WHICH.sub("", rest).strip()
    return rest or None, unit


def _body(
    rows: Sequence[Sequence[GridCell]],
) -> tuple[list[Sequence[GridCell]], list[Sequence[GridCell]]]:
    """The area rows, and the rows after the table (notes, signatures) that end it."""
    for position, cells in enumerate(rows):
        first = next((c.text for c in cells if c.text), "")
        if _NOTE.match(normalized(first)):
            return list(rows[:position]), list(rows[position:])
    return list(rows), []


def _row(grid: Grid, cells: Sequence[GridCell], columns: Sequence[Column], area_column: int) -> Row:
    by_column = {c.column: c for c in cells}
    named = by_column.get(area_column)
    if named is None or not named.text:  # a total row may span the serial and area columns
        named = next((c for c in cells if c.text and c.column <= area_column), None)
    name = clean_name(named.text) if named is not None else ""
    if not name or _numeric(name):
        raise PlanchkError(texts.ROW_UNNAMED, place=grid.where(cells[0].row, area_column))
    known = {c.index for c in columns}
    for cell in cells:
        if cell.text and cell.column > area_column and cell.column not in known:
            # a value under no header would be lost: refuse rather than drop it
            raise PlanchkError(texts.COLUMN_UNNAMED, place=grid.where(cell.row, cell.column))
    values: dict[int, Decimal | None] = {}
    found_texts: dict[int, str] = {}
    for column in columns:
        if column.kind == "text":
            continue
        found = by_column.get(column.index)
        values[column.index] = None
        if found is None or is_blank(found.text):
            continue
        value = _value(grid, found, column)
        if isinstance(value, str):
            found_texts[column.index] = value
        else:
            values[column.index] = value
    return Row(name, cells[0].row, values, found_texts)


def _value(grid: Grid, cell: GridCell, column: Column) -> Decimal | str:
    """A cell's number; its text when it holds no digit at all (已完成); else an error."""
    if not has_digit(cell.text):
        return cell.text
    plain = normalized(cell.text)
    percent = plain.endswith("%")
    if percent and column.kind != "percent":
        raise PlanchkError(
            texts.PERCENT_IN_VALUES, place=grid.where(cell.row, cell.column), text=cell.text
        )
    number = parse_number(plain.rstrip("%"))
    if number is None:
        raise PlanchkError(
            texts.CELL_NOT_NUMBER, place=grid.where(cell.row, cell.column), text=cell.text
        )
    if cell.merged:
        raise PlanchkError(
            texts.NUMBER_MERGED, place=grid.where(cell.row, cell.column), text=cell.text
        )
    return number


def _refuse_of_which_rows(grid: Grid, rows: Sequence[Row]) -> None:
    for row in rows:
        if _OF_WHICH.match(row.name):
            raise PlanchkError(texts.OF_WHICH_ROW, place=grid.where(row.number, 1), name=row.name)


def _refuse_duplicates(grid: Grid, rows: Sequence[Row]) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        if row.name in seen:
            raise PlanchkError(
                texts.DUPLICATE_ROW, place=grid.where(row.number, 1), name=row.name,
                first=cell_name(seen[row.name], 1),
            )  # fmt: skip
        seen[row.name] = row.number


def _total(
    grid: Grid, rows: Sequence[Row], columns: Sequence[Column], named: str | None
) -> tuple[Row, Literal["named", "option", "sum"]]:
    if not rows:
        raise PlanchkError(texts.NO_DATA_ROWS, source=grid.source)
    if named is not None:
        wanted = clean_name(named)
        found = next((row for row in rows if row.name == wanted), None)
        if found is None:
            raise PlanchkError(
                texts.TOTAL_ROW_MISSING, source=grid.source, name=named,
                names="、".join(row.name for row in rows),
            )  # fmt: skip
        return found, "option"
    by_name = [row for row in rows if _TOTAL_NAME.match(row.name)]
    if len(by_name) == 1:
        return by_name[0], "named"
    additive = [c.index for c in columns if c.kind == "value"]
    for candidate in (rows[0], rows[-1]):
        others = [row for row in rows if row is not candidate]
        if others and additive and all(_sums(candidate, others, i) for i in additive):
            return candidate, "sum"
    raise PlanchkError(
        texts.TOTAL_UNDECIDED, source=grid.source, first=rows[0].name, last=rows[-1].name
    )


def _sums(total: Row, parts: Sequence[Row], column: int) -> bool:
    values = [row.values.get(column) for row in parts]
    declared = total.values.get(column)
    if declared is None or any(v is None for v in values):
        return False
    return sum((v for v in values if v is not None), Decimal(0)) == declared


def indicator_name(title: str) -> str:
    """The indicator a table title names: （三）发明专利申请量指导性任务分解表 → 发明专利申请量."""
    name = _TITLE_NUMBERING.sub("", title).strip()
    name = _TITLE_SUFFIX.sub("", name).strip()
    name = re.sub(r"(指标|任务|目标)$", "", name).strip()
    return name or title
