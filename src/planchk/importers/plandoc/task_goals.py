"""Goals in a task list: a 重点任务清单 row whose 任务内容 carries a figure (新建村卫生室30个)
states a target, read as the text's plain goals are (planchk.importers.plandoc.goals), for the
task's year or period.

The row's year is the list's, where its title names one (2025年重点任务清单); else its 完成时限
read as a deadline, the years of the plan up to it (2025年底前: the goal of 2024-2025 in a
2024-2026 plan, of 2025 alone where the plan starts then); a row that names neither states no
goal. Each goal is placed at its 任务内容 cell.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from planchk.importers.documents import Paragraph, Table
from planchk.importers.plandoc.goal_statement import Statement
from planchk.importers.plandoc.goal_years import When, when_of
from planchk.importers.plandoc.goals import statements
from planchk.importers.plandoc.tasks import task_columns

_DEADLINE = re.compile(r"时限|时间|时间节点|完成时|年度")


def task_goals(table: Table, period: tuple[int, int] | None) -> Iterator[Statement]:
    rows = [[c.text.replace("\n", "") for c in row] for row in table.rows]
    header_at = next((i for i, r in enumerate(rows) if sum(bool(t) for t in r) >= 2), 0)
    header = rows[header_at]
    content = task_columns(header).get("title")
    deadline = next((i for i, text in enumerate(header) if _DEADLINE.search(text)), None)
    if content is None or period is None:
        return
    titled = when_of(table.title_text or "", period)
    for number, row in enumerate(rows[header_at + 1 :], header_at + 2):
        if content >= len(row) or not row[content]:
            continue
        when = _row_when(
            titled, row[deadline] if deadline is not None and deadline < len(row) else "", period
        )
        if when is None:
            continue
        place = table.cell_place(number, content + 1)
        for statement in statements(Paragraph(row[content], 0), None, period, when):
            if not statement.word:  # a plain figure; a comparator in a task is the text's way
                yield dataclasses.replace(statement, listed=place)


def _row_when(titled: When | None, deadline: str, period: tuple[int, int]) -> When | None:
    if titled is not None and titled.first is None and not titled.by:
        return titled  # the list of one year
    said = when_of(deadline, period)
    if said is None or said.first is not None:
        return said
    return When(said.year, by=True)  # a deadline: by then
