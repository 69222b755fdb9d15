"""Figure columns a table of indicator rows heads with no year, and quantities counted each
in its row's unit (importers.unit_rows reads the tables):

- 指标 | 单位 | 绝对数 | 比上年增长（%） (a 统计公报 table, or 数值, 本年 for 绝对数) under a title
  that names one year: the figures are that year's, read as the years layout reads 2024年;
- 品目 | 计量单位 | 数量 | 单价 | 金额 (a purchase list): each row's 数量 is in its own unit,
  so it is never summed; it is read in the rows' one unit (or 计量单位), each row's unit its
  note, and 金额 = 数量 × 单价 is checked (issue 14, item 5)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers import texts
from planchk.importers.area_columns import LOOKED_AT, Layout
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name
from planchk.importers.printed import normalized, simplified
from planchk.messages import message

# The one figure column of a 统计公报 table (指标 | 单位 | 绝对数 | 比上年增长（%））.
_FIGURE_HEADERS = frozenset(
    {"绝对数", "绝对值", "数值", "指标值", "总量", "本年", "本年数", "本期", "本期数", "实绩"}
)
_UNIT_HEADERS = frozenset({"单位", "计量单位"})
_SERIAL = frozenset({"序号", "编号", "no.", "no", "#"})
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def dated_figures(grid: Grid) -> tuple[Layout, list[GridCell]] | None:
    """A table of indicator rows whose one figure column is headed 绝对数 (数值, 本年) under a
    title that names one year: the years layout, that column headed by the year (the log says
    so); None for any other table (no title year: nothing to date the figures by)."""
    for position, cells in enumerate(grid.rows[:LOOKED_AT]):
        texts_ = {c.column: simplified(clean_name(c.text)) for c in cells if c.text}
        units = [column for column, text in texts_.items() if text in _UNIT_HEADERS]
        figures = [column for column, text in texts_.items() if text in _FIGURE_HEADERS]
        named = len(units) == 1 and any(
            column < units[0] and text not in _SERIAL for column, text in texts_.items()
        )
        if not named or len(figures) != 1 or figures[0] < units[0]:
            continue  # 单位 first names organisations (单位 | 数值), not the rows' units
        above = " ".join(c.text for row in grid.rows[:position] for c in row if c.text)
        years = set(_TITLE_YEAR.findall(normalized(above)))
        if len(years) != 1:
            return None
        year = years.pop()
        header = [c._replace(text=f"{year}年") if c.column == figures[0] else c for c in cells]
        grid.notes.append(texts.FIGURES_OF_THE_TITLE_YEAR(column=texts_[figures[0]], year=year))
        return Layout(position, units[0], years=True), header
    return None


_QUANTITY_HEADERS = frozenset({"数量", "工程量", "采购数量", "实物量"})
# The unit of a quantity whose rows each print their own (张, 组, 台): the column that says it.
EACH_ROWS_UNIT = "计量单位"
COUNTED_BY_ROW = message(
    "import.counted-by-row",
    "  column {column}: each row counts in its own unit ({header}: {units}): read in {unit}, "
    "never summed (sum: none), each row's unit its note; an amount of it times a price "
    "(金额 = 数量 × 单价) is checked",
)


def counted_by_row(grid: Grid, units: Sequence[str] = ()) -> None:
    """A list of items with a 计量单位 column (品目 | 计量单位 | 数量 | 单价 | 金额): each
    row's 数量 is in its own unit (20 张, 12 组), so the column is never summed (sum: none, in
    `grid.counted`); it is read in the one unit every row prints (台), or --unit's for it, else
    in `计量单位` (declared as a measure of its own), each row's unit its note, so that
    金额 = 数量 × 单价 is a relation the rows are checked by (importers.identities)."""
    for position, cells in enumerate(grid.rows[:LOOKED_AT]):
        texts_ = {c.column: simplified(clean_name(c.text)) for c in cells if c.text}
        said = [column for column, text in texts_.items() if text == EACH_ROWS_UNIT]
        if not said:  # 单位 alone often heads the organisations
            continue
        counted = [column for column, text in texts_.items() if text in _QUANTITY_HEADERS]
        if not counted:
            return
        printed = _units_below(grid, position, said[0])
        given = dict(option.rpartition("=")[::2] for option in units)  # --unit 数量=台
        for column in counted:
            unit = given.get(texts_[column]) or (
                printed[0] if len(printed) == 1 else EACH_ROWS_UNIT
            )
            if texts_[column] not in given:  # else --unit names its unit itself
                grid.rows[position] = [
                    c._replace(text=f"{c.text}（{unit}）") if c.column == column else c
                    for c in grid.rows[position]
                ]
            shown = "、".join(printed) or EACH_ROWS_UNIT
            grid.notes.append(
                COUNTED_BY_ROW(column=texts_[column], header=EACH_ROWS_UNIT, units=shown, unit=unit)
            )
        grid.counted = grid.counted | frozenset(counted)
        return


def _units_below(grid: Grid, header: int, column: int) -> list[str]:
    """The units a 计量单位 column prints under its header, each once, in order."""
    found = (c.text for row in grid.rows[header + 1 :] for c in row if c.column == column)
    return list(dict.fromkeys(simplified(clean_name(text)) for text in found if text.strip()))
