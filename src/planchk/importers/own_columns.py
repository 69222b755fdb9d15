"""Columns of a table of indicator rows that are neither names, units nor areas' figures
(importers.area_columns asks): beside the areas, the indicator's own (属性: 预期性, 约束性;
2024年基数; 增长%), whose texts are its total's note; and a 单位 column that names the
organisations (合计, 集聚区, 甲镇, 市教育局), not units: the column of the table's areas.
The relations of 其中 columns (each part, and the parts together, at most their whole)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from planchk.importers import texts
from planchk.importers.grid import GridCell
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.printed import simplified
from planchk.importers.shapes import Column, Row, Table
from planchk.plan.numbers import half_unit
from planchk.plan.units import BUILT_IN

# The header of a column of the indicator's own beside the areas': its attribute, its base
# or its rate of growth (the year of 2024年基数 names no area's column).
_OWN = re.compile(r"属性|性质|基数|基期|基准|增长|增速|增幅|同比|比上年|[%％]\s*[)）]?$")
# What an organisation's name ends with, as a 单位 column of organisations prints it.
_OFFICE = re.compile(r"..(?:局|委|办|厅|院|中心|公司|集团|部门|委员会|学校|医院)$")


def beside(cells: Sequence[GridCell], after: int) -> frozenset[int]:
    """The columns after `after` that say something of the indicator, not of an area: its
    attribute, its base or its rate; each row's text there is the note of its total (as a
    备注's is), never an area's figure nor an indicator of its own."""
    return frozenset(
        c.column for c in cells if c.column > after and _OWN.search(simplified(c.text))
    )


def organisations(texts: Sequence[str], place: re.Pattern[str]) -> bool:
    """Whether a 单位 column's cells name organisations, not units (序号 | 单位 | 2021年 over
    合计, 集聚区, 甲镇): none is a unit planchk knows, and one is a total, a place (`place`:
    what an area's name ends with) or an office (市教育局). Its rows are the table's areas."""
    names = [simplified(clean_name(text)) for text in texts]
    if any(name in BUILT_IN or name in ("%", "％") for name in names):
        return False
    return any(
        is_total_name(name) or (len(name) > 1 and place.search(name)) or _OFFICE.search(name)
        for name in names
    )


def of_which_relations(table: Table, ids: Mapping[int, str], notes: list[str]) -> list[str]:
    """The relations of the table's 其中 columns: each at most its whole (专项 <= 补助资金),
    and several of one whole at most it together (中央 + 省级 <= 补助资金, as 其中 rows are
    checked: PC109), said in the log with the rows it holds on. Together replaces the parts'
    own relations (of amounts that are never negative it says more, and one wrong part is one
    finding, not two); where a part is negative somewhere (其中：调减 -5) each stays alone."""
    wholes: dict[int, list[Column]] = {}
    for column in table.columns:
        if column.kind == "of_which" and column.part_of is not None:
            wholes.setdefault(column.part_of, []).append(column)
    written: list[str] = []
    together: dict[str, tuple[int, int]] = {}  # of each year's columns (合计|其中 by year)
    for whole, parts in wholes.items():
        names = list(dict.fromkeys(ids[p.index] for p in parts))
        if len(names) > 1 and not _negative(table.rows, [p.index for p in parts]):
            text = f"{' + '.join(names)} <= {ids[whole]}"
            holds, rows = _held(table.rows, whole, parts)
            before = together.get(text, (0, 0))
            together[text] = (before[0] + holds, before[1] + rows)
            written.append(text)
        else:
            written += [f"{name} <= {ids[whole]}" for name in names]
    for text, (holds, rows) in together.items():
        notes.append(texts.RELATION(relation=text, holds=holds, rows=rows))
    return list(dict.fromkeys(written))


def _negative(rows: Sequence[Row], indices: Sequence[int]) -> bool:
    return any(
        value is not None and value < 0 for row in rows for value in map(row.values.get, indices)
    )


def _held(rows: Sequence[Row], whole: int, parts: Sequence[Column]) -> tuple[int, int]:
    """On how many rows the parts together are at most their whole (within the rounding of
    the printed digits, as validate checks it), of those that print them all."""
    holds = count = 0
    for row in rows:
        found = [row.values.get(index) for index in (whole, *(p.index for p in parts))]
        figures = [value for value in found if value is not None]
        if len(figures) != len(found):
            continue
        count += 1
        slack = sum(map(half_unit, figures), Decimal(0))
        holds += sum(figures[1:], Decimal(0)) <= figures[0] + slack
    return holds, count
