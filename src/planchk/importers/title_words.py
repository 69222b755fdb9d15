"""What a table's title prints around the thing it counts: its years (2024—2026年), the
sub-areas it is broken down to (各区, 各县（区）), a running total (累计), the verb of the task
(新建, 建设, 培育) and the words every title ends with (任务, 目标, 分解, 表).

One reading for two uses: the indicator a title names (importers.layout.indicator_name:
2024—2026年各区累计建成口袋公园 → 口袋公园) and the table a goal in a plan's text links to
(importers.plandoc.goal_links: 新建高标准农田 → 高标准农田建设任务分解表), so that a goal says
the name an imported table gets.
"""

from __future__ import annotations

import re

VERBS = re.compile("新建|建设|设置|培育|发展|完成")
_YEARS = re.compile(r"^\d{4}(?:\s*[—–－\-~～至到]+\s*\d{4})?年度?")
# a county's name before what the table counts (柳河县, 东坪区); the name with it is tried too,
# as 城区绿地 may be what is counted
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:县|区|市|旗)(?=[\u4e00-\u9fff]{2})")
_FURNITURE = re.compile(r"(?:任务|目标|分解|情况|表)$")
_SCOPE = re.compile(
    r"^各(?:乡镇|县区|区县|县市区|县（市、区）|县\(市、区\)|县（区）|县\(区\)|区（县）|区\(县\)"
    r"|街道|镇|乡|县|区|市|地区)+"
)
# A title's words before or after what it counts that a name leaves out: a running total
# (累计, 累计建成), the task's verb at either end (新建村卫生室, 高标准农田建设); never inside
# the name (产业发展资金), and never one that names what is counted (建成区 is a place;
# 高标准农田发展 is not 高标准农田建设).
_LEADING = re.compile(r"^(?:累计|累計)?(?:新建|建设|培育|完成|建成(?!区))?")
_TRAILING = re.compile(r"(?:建设|培育)$")
_GENERIC = frozenset({"项目", "重点项目", "工程", "重点工程"})


def unscoped(name: str) -> str:
    """A table's name without the sub-areas it is broken down to (各乡镇新增建设用地: 新增建设用地),
    which the goal of the whole area (全县新增建设用地) never says."""
    return _SCOPE.sub("", name)


def short(name: str) -> str:
    return re.sub(r"(数量|总量|总额|个数|数|指标|面积|长度|里程|规模)$", "", name)


def bare_forms(name: str) -> set[str]:
    """A table's name without its years, the county's name (柳河县, 东坪区), its verbs and the
    words every title ends with (任务分解表, 目标, 情况): 高标准农田 for
    2024—2026年高标准农田建设."""
    forms: set[str] = set()
    for scoped in {name, unscoped(name)}:
        dated = _YEARS.sub("", scoped)
        for placed in {dated, _PLACE.sub("", dated)}:
            bare = VERBS.sub("", placed)
            while (shorter := _FURNITURE.sub("", bare)) != bare:
                bare = shorter
            forms |= {bare, short(bare)}
    return forms


def title_subject(title: str) -> str:
    """What a title counts, by the same words: 2024—2026年各区累计建成口袋公园 → 口袋公园,
    各街道社区养老服务站建设 → 社区养老服务站; a verb or a running total only at either end, the
    county's name kept (城区绿地 is what is counted). `title` where nothing of two characters
    or more would be left."""
    name = unscoped(_YEARS.sub("", title).strip())
    while (shorter := _FURNITURE.sub("", name)) != name:
        name = shorter
    name = _LEADING.sub("", name)
    counted = _TRAILING.sub("", name)  # 项目建设 stays: 项目 alone names nothing counted
    name = name if counted in _GENERIC else counted
    return name if len(name) >= 2 else title
