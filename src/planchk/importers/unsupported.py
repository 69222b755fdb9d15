"""Tables planchk knows by their header and does not read as breakdowns: said plainly, never
misread.

A 绩效目标表 (a budget project's performance targets: 一级指标 | 二级指标 | 三级指标 | 指标值)
lists targets of different measures, one per row (≥3.6万亩, 12公里, ≥95%, 2025年12月底前), with no
parts and no total: nothing in it is a sum for planchk to check. Read as a breakdown it stopped
at its first percentage among amounts, with advice (mark the header with %) that does not apply.
The importers read it as goals (planchk.importers.performance) before the table reader sees it;
this stays the table reader's guard for a caller that hands one over all the same.
"""

from __future__ import annotations

from planchk.importers import texts
from planchk.importers.grid import Grid
from planchk.importers.labels import clean_name
from planchk.messages import PlanchkError

_LOOKED_AT = 8  # the header of such a table is within its first rows (title, unit line)
_TARGET_VALUE = ("指标值", "目标值")  # 指标值, 年度指标值, 全年目标值


def refuse_unsupported(grid: Grid) -> None:
    """Stop with what the table is and why it is not imported, where its header is."""
    for row in grid.rows[:_LOOKED_AT]:
        said = {clean_name(cell.text) for cell in row}
        if "三级指标" in said and any(text.endswith(_TARGET_VALUE) for text in said):
            first = row[0]
            raise PlanchkError(texts.PERFORMANCE_TABLE, place=grid.where(first.row, first.column))
