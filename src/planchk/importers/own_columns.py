"""Columns of a table of indicator rows that are neither names, units nor areas' figures
(importers.area_columns asks): beside the areas, the indicator's own (属性: 预期性, 约束性;
2024年基数; 增长%), whose texts are its total's note; and a 单位 column that names the
organisations (合计, 集聚区, 甲镇, 市教育局), not units: the column of the table's areas."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.grid import GridCell
from planchk.importers.labels import clean_name, is_total_name
from planchk.importers.printed import simplified
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
