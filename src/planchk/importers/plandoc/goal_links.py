"""Which table a goal in a plan's text is about: the indicator whose name its words say, in full,
in the shorter form a text uses (高新技术企业 for 高新技术企业数量), or without the sub-areas the
table is broken down to (全县新增建设用地 for 各乡镇新增建设用地); the longest that matches.
Else the one table whose title, without its furniture (years, the county's name, 建设/任务/目标
表), the goal's subject says without its verb (新建高标准农田 for 高标准农田建设任务分解表), never
for other work on what there is (改造提升高标准农田 is not about 高标准农田建设)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.plandoc.goal_statement import Statement
from planchk.plan.traditional import fold


def link(statement: Statement, names: Sequence[tuple[str, str]]) -> str | None:
    """The indicator (id) whose name the goal's subject says, in full or in the shorter form
    the text uses (高新技术企业 for 高新技术企业数量): the longest that matches. Both are read
    folded (planchk.plan.traditional: 據點設置目標 as 據点设置目标)."""
    subject = fold(statement.subject)
    names = [(ind_id, fold(name)) for ind_id, name in names]
    best: tuple[int, str] | None = None
    for ind_id, name in names:
        for form in {name, _short(name), _short(_unscoped(name))}:
            if len(form) >= 2 and form in subject and (best is None or len(form) > best[0]):
                best = (len(form), ind_id)
    return best[1] if best else _loosely(subject, names)


def _loosely(subject: str, names: Sequence[tuple[str, str]]) -> str | None:
    """The one indicator whose name, stripped of a title's furniture, the goal's subject says
    stripped of its verbs: 新建高标准农田 for 高标准农田建设 or 2024—2026年高标准农田建设,
    高新技术企业超过120家 for 高新技术企业培育. Two that fit are a guess: none (the log says
    the goal is linked to no table)."""
    said = _VERBS.sub("", subject)
    fits: set[str] = set()
    for ind_id, name in names:
        if _OTHER_WORK.search(said) and not _OTHER_WORK.search(name):
            continue  # 改造提升高标准农田 is other work than 高标准农田建设: not its table
        for form in _bare_forms(name):
            if len(form) >= 2 and form in said:
                fits.add(ind_id)
    return fits.pop() if len(fits) == 1 else None


def _bare_forms(name: str) -> set[str]:
    """A table's name without its years, the county's name (柳河县, 东坪区), its verbs and the
    words every title ends with (任务分解表, 目标, 情况): 高标准农田 for
    2024—2026年高标准农田建设."""
    forms: set[str] = set()
    for scoped in {name, _unscoped(name)}:
        dated = _YEARS.sub("", scoped)
        for placed in {dated, _PLACE.sub("", dated)}:
            bare = _VERBS.sub("", placed)
            while (shorter := _FURNITURE.sub("", bare)) != bare:
                bare = shorter
            forms |= {bare, _short(bare)}
    return forms


_VERBS = re.compile("新建|建设|设置|培育|发展|完成")
# work on what there is already, which a table of what is built or added does not count
_OTHER_WORK = re.compile("改造|提升|改扩建|维修|修缮")
_YEARS = re.compile(r"^\d{4}(?:\s*[—–－\-~～至到]+\s*\d{4})?年度?")
# a county's name before what the table counts (柳河县, 东坪区); the name with it is tried too,
# as 城区绿地 may be what is counted
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:县|区|市|旗)(?=[\u4e00-\u9fff]{2})")
_FURNITURE = re.compile(r"(?:任务|目标|分解|情况|表)$")


def _unscoped(name: str) -> str:
    """A table's name without the sub-areas it is broken down to (各乡镇新增建设用地: 新增建设用地),
    which the goal of the whole area (全县新增建设用地) never says."""
    return _SCOPE.sub("", name)


_SCOPE = re.compile(
    r"^各(?:乡镇|县区|区县|县市区|县（市、区）|县\(市、区\)|街道|镇|乡|县|区|市|地区)+"
)


def _short(name: str) -> str:
    return re.sub(r"(数量|总量|总额|个数|数|指标|面积|长度|里程|规模)$", "", name)
