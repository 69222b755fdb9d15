"""Which table a goal in a plan's text is about: the indicator whose name its words say, in full,
in the shorter form a text uses (高新技术企业 for 高新技术企业数量), or without the sub-areas the
table is broken down to (全县新增建设用地 for 各乡镇新增建设用地); the longest that matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.plandoc.goal_statement import Statement


def link(statement: Statement, names: Sequence[tuple[str, str]]) -> str | None:
    """The indicator (id) whose name the goal's subject says, in full or in the shorter form
    the text uses (高新技术企业 for 高新技术企业数量): the longest that matches."""
    best: tuple[int, str] | None = None
    for ind_id, name in names:
        for form in {name, _short(name), _short(_unscoped(name))}:
            if (
                len(form) >= 2
                and form in statement.subject
                and (best is None or len(form) > best[0])
            ):
                best = (len(form), ind_id)
    return best[1] if best else None


def _unscoped(name: str) -> str:
    """A table's name without the sub-areas it is broken down to (各乡镇新增建设用地: 新增建设用地),
    which the goal of the whole area (全县新增建设用地) never says."""
    return _SCOPE.sub("", name)


_SCOPE = re.compile(
    r"^各(?:乡镇|县区|区县|县市区|县（市、区）|县\(市、区\)|街道|镇|乡|县|区|市|地区)+"
)


def _short(name: str) -> str:
    return re.sub(r"(数量|总量|总额|个数|数|指标|面积|长度|里程|规模)$", "", name)
