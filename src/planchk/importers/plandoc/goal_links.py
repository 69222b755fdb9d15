"""Which table a goal in a plan's text is about: the indicator whose name its words say, in full,
in the shorter form a text uses (高新技术企业 for 高新技术企业数量), or without the sub-areas the
table is broken down to (全县新增建设用地 for 各乡镇新增建设用地); the longest that matches.
Else the one table whose title, without its furniture (years, the county's name, 建设/任务/目标
表), the goal's subject says without its verb (新建高标准农田 for 高标准农田建设任务分解表), never
for other work on what there is (改造提升高标准农田 is not about 高标准农田建设)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers import title_words
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
        if _OTHER_WORK.search(subject) and not _OTHER_WORK.search(name):
            continue  # 改造提升高标准农田 is other work than what 高标准农田 counts
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


# The furniture of a title is importers.title_words': the same words name an imported table's
# indicator (2024—2026年各区累计建成口袋公园 → 口袋公园), so that a goal says that name.
_bare_forms, _short, _unscoped = title_words.bare_forms, title_words.short, title_words.unscoped
_VERBS = title_words.VERBS
# work on what there is already, which a table of what is built or added does not count
_OTHER_WORK = re.compile("改造|提升|改扩建|维修|修缮")
