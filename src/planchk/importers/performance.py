"""A 绩效目标表 read as the goals it lists.

A budget project's performance-target table (一级指标 | 二级指标 | 三级指标 | 指标值) sets one
target of its own measure per row (≥3.6万亩, 12公里, ≥95%, ≤30天): no parts, no total, so no
breakdown; but each row is a goal, which the plan's breakdown tables can be checked against where
they name the same thing. Each row whose 指标值 is a figure with a unit (printed in the cell or in
a 单位 column) becomes a goal: its name the 三级指标, its comparator the sign or word before or
after the figure (≥, 不低于, 以上; none: exact), its year from a 年度 column or the title. A value
that is no figure (2025年12月底前, 明显提升) is said and left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import clean_name
from planchk.messages import PlanchkError, message
from planchk.plan.comparators import AFTER_WORDS, WORDS
from planchk.plan.goal_text import in_table_unit
from planchk.plan.numbers import FIGURE
from planchk.plan.units import UnitTable

READ = message(
    "import.performance-read",
    "{place}: a performance-target table (绩效目标表): {count} targets read as goals "
    "(name from 三级指标, comparator and figure from {column})",
)
NO_FIGURE = message(
    "import.performance-no-figure",
    "{place}: `{name}` is set as `{value}`, which is no figure with a unit; not a goal",
)

_LOOKED_AT = 8  # the header of such a table is within its first rows (title, unit line)
_TARGET_VALUE = ("指标值", "目标值")  # 指标值, 年度指标值, 全年目标值
_UNIT_HEADERS = ("单位", "计量单位", "度量单位")
_YEAR_HEADERS = ("年度", "年份")
_SIGNS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "=": "=="}
_BEFORE = "|".join(re.escape(w) for w in sorted({**_SIGNS, **WORDS}, key=len, reverse=True))
_AFTER = "|".join(sorted(AFTER_WORDS, key=len, reverse=True))
# a unit: a few characters that are no digit and no date (2025年12月底前 is a deadline)
_VALUE = re.compile(
    rf"^(?P<word>{_BEFORE})?\s*(?P<number>{FIGURE})\s*(?P<unit>[^\d\s年月日前后底内左右约]{{0,6}}?)"
    rf"\s*(?P<after>{_AFTER})?$"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class Target:
    """One row of the table as a goal."""

    name: str  # the 三级指标 as printed
    text: str  # the row as it reads: 新建高标准农田面积：≥3.6万亩
    op: str
    value: Decimal
    unit: str
    year: int | None  # None: the table names none
    place: str  # the 指标值 cell, in the grid's words
    row: int  # and its position in the grid
    column: int


@dataclass
class Targets:
    title: str | None = None  # the line above the header: 2025年农田建设项目绩效目标表
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Header:
    row: int  # index in grid.rows
    name: int  # the columns (1-based) of 三级指标, 指标值, 单位 and 年度
    value: int
    value_text: str
    unit: int | None
    year: int | None


def is_performance_table(grid: Grid) -> bool:
    return _header(grid) is not None


def _header(grid: Grid) -> _Header | None:
    for index, row in enumerate(grid.rows[:_LOOKED_AT]):
        said = {cell.column: clean_name(cell.text) for cell in row}
        names = [c for c, text in said.items() if text == "三级指标"]
        values = [c for c, text in said.items() if text.endswith(_TARGET_VALUE)]
        if names and values:
            units = [c for c, text in said.items() if text in _UNIT_HEADERS]
            years = [c for c, text in said.items() if text in _YEAR_HEADERS]
            return _Header(
                index, names[0], values[0], said[values[0]],
                units[0] if units else None, years[0] if years else None,
            )  # fmt: skip
    return None


def read_targets(grid: Grid, title_year: int | None = None) -> Targets | None:
    """The table's goals, or None when `grid` is no 绩效目标表. The year of a row is its 年度
    cell's, else the title's (a line above the header that names one), else `title_year`."""
    header = _header(grid)
    if header is None:
        return None
    above = " ".join(cell.text for row in grid.rows[: header.row] for cell in row)
    found = _YEAR.search(above)
    year = int(found.group(1)) if found else title_year
    lines = [row[0].text for row in grid.rows[: header.row] if len(row) == 1]
    read = Targets(next((line for line in lines if not line.startswith("单位")), None))
    for row in grid.rows[header.row + 1 :]:
        cells = {cell.column: cell for cell in row}
        if header.year is not None and header.year in cells:
            said = _YEAR.search(cells[header.year].text + "年")
            year = int(said.group(1)) if said else year  # a merged 年度 carries down
        target = _target(grid, cells, header, year, read.notes)
        if target is not None:
            read.targets.append(target)
    place = grid.where(grid.rows[header.row][0].row, grid.rows[header.row][0].column)
    read.notes.insert(0, READ(place=place, count=len(read.targets), column=header.value_text))
    return read


def _target(
    grid: Grid, cells: dict[int, GridCell], header: _Header, year: int | None, notes: list[str]
) -> Target | None:
    name_cell, value_cell = cells.get(header.name), cells.get(header.value)
    if name_cell is None or value_cell is None or not name_cell.text or not value_cell.text:
        return None  # a row that only carries a merged 一级/二级指标, or sets nothing
    name, printed = clean_name(name_cell.text), value_cell.text.strip()
    value = unicodedata.normalize("NFKC", printed).replace(",", "").replace(" ", "")
    value = value.replace("≧", "≥").replace("≦", "≤")
    found = _VALUE.match(value)
    unit = found.group("unit") if found else ""
    if found and not unit and header.unit is not None and header.unit in cells:
        unit = cells[header.unit].text.strip()
    if found is None or not unit or unit in ("年", "月", "日", "天内"):
        notes.append(
            NO_FIGURE(place=grid.where(value_cell.row, value_cell.column), name=name, value=printed)
        )
        return None
    word, after = found.group("word"), found.group("after")
    op = AFTER_WORDS[after] if after else _SIGNS.get(word or "", WORDS.get(word or "", "=="))
    text = f"{name}：{printed}" + ("" if printed.endswith(unit) or after else unit)
    place = grid.where(value_cell.row, value_cell.column)
    number = Decimal(found.group("number"))
    return Target(name, text, op, number, unit, year, place, value_cell.row, value_cell.column)


def link(target: Target, indicators: dict[str, tuple[str, str, list[int | str]]]) -> str | None:
    """The indicator (id -> name, unit, years) the target names: the longest name (or that
    name without 数量, 面积, …) the 三级指标 holds, whose unit converts to the target's and whose
    years hold the target's; None where none does."""
    units = UnitTable()
    best: tuple[int, str] | None = None
    for ind_id, (name, unit, years) in indicators.items():
        # ≥3.6万亩 beside 亩, ≥3万个 beside 个: exactly, as a plan document's goals
        if in_table_unit(target.value, target.unit, unit, units) is None:
            continue
        if target.year is not None and target.year not in years:
            continue
        for form in {name, _short(name)}:
            if len(form) >= 2 and form in target.name and (best is None or len(form) > best[0]):
                best = (len(form), ind_id)
    return best[1] if best else None


def _short(name: str) -> str:
    return re.sub(r"(数量|总量|总额|个数|数|指标|面积|长度|里程|规模|任务)$", "", name)


NO_YEAR = message(
    "import.performance-no-year",
    "{place}: the performance-target table names no year (in its title or a 年度 column); "
    "give it with --year",
)


def add_goals(document: dict[str, Any], tables: list[Targets]) -> None:
    """The tables' targets added to a targets file's `goals:`, each linked to the indicator
    of the file it names, or to none."""
    indicators = {
        ind_id: (entry["name"], entry["unit"], list(entry["years"]))
        for ind_id, entry in document.get("indicators", {}).items()
    }
    goals: dict[str, Any] = document.setdefault("goals", {})
    for table in tables:
        for target in table.targets:
            if target.year is None:
                raise PlanchkError(NO_YEAR, place=target.place)
            entry: dict[str, Any] = {"text": target.text}
            ind_id = link(target, indicators)
            value, unit = target.value, target.unit
            if ind_id is not None:
                entry["indicator"] = ind_id
                value, unit = _in_unit(value, unit, indicators[ind_id][1])
            entry.update(year=target.year, op=target.op, value=value, unit=unit)
            base = re.sub(r"[\s.+\-*/=<>()（）]", "", target.name) or "goal"
            goal_id, counter = base, 2
            while goal_id in goals:
                goal_id, counter = f"{base}_{counter}", counter + 1
            goals[goal_id] = entry


def _in_unit(value: Decimal, unit: str, table: str) -> tuple[Decimal, str]:
    """A linked target's figure in its table's unit (≥3.6万亩 as 36000 亩 beside a breakdown in
    亩), as the text's goals are: the row's text keeps the printed figure, and the goal's unit
    is then no warning (PC404) on a plan that agrees."""
    converted = in_table_unit(value, unit, table, UnitTable())
    return (value, unit) if converted is None else (converted, table)
