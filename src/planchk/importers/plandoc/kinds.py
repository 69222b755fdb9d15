"""What kind of thing an indicator or an office is, from the words the plan prints, with the
evidence that decided it: a reviewer checks the guesses the words do not settle, and only those.

An indicator: 累计 (accumulated) is a stock, 新增 (newly added) a flow, 增长/增速/比重/率 or a
% unit a rate; a name that counts what is held (…数量, 拥有量) a stock, one that sums what a
year brings (…额, 申请量, 产值) a flow. An office: 区委… is a party office, …集团/公司 an
enterprise, …税务局 a vertically managed agency, …局/委/办/中心 a department, …街道/镇 an
area; 各… and …有关/相关… name several offices (a group).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Guess:
    kind: str
    evidence: str  # the printed words that decided it, for the written file's comment
    weak: bool = False  # nothing decided it: the reviewer should check it


COLUMNS_SAY = "the table's columns"  # the table reader decided from them (%, 累计, 增减)


# --- indicators ----------------------------------------------------------------------------------
_INDICATOR_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"累计"), "stock"),
    (re.compile(r"新增"), "flow"),
    (re.compile(r"增长|增速|增幅|比重|占比|比例|率"), "ratio"),
    (re.compile(r"(数量|总数|个数|拥有量|保有量|存量)$"), "stock"),
    (re.compile(r"(额|申请量|授权量|产值|增加值|收入|产量|销量|投资)$"), "flow"),
)
# a table's title around the indicator's name: （一）…指导性任务分解表
_TITLE_AROUND = re.compile(r"^[（(][一二三四五六七八九十\d]+[）)]|(指导性)?(任务)?(分解|分配)?表$")


def indicator_kind(title: str | None, unit: str | None) -> Guess:
    """The kind an indicator's table title and unit say, or a flow marked weak."""
    name = _TITLE_AROUND.sub("", title or "")
    name = re.sub(r"指标$", "", name)
    if unit is not None and unit.strip() in ("%", "％", "百分比"):
        return Guess("ratio", f"its unit {unit.strip()}")
    for pattern, kind in _INDICATOR_WORDS:
        found = pattern.search(name)
        if found is not None:
            return Guess(kind, f"the title's {found.group(0)}")
    return Guess("flow", "", weak=True)


# --- offices -------------------------------------------------------------------------------------
_PARTY = re.compile(r"^(?:[区市县省]委|团[区市县]委|党)")
_ENTERPRISE = re.compile(r"(集团|公司|银行)$")
_AGENCY = re.compile(r"(税务局|海关|气象局|供电公司|供电局|邮政|消防救援)")
_AREA = re.compile(r"(街道办事处|街道|街办|镇人民政府|镇|乡|社区)$")
_DEPARTMENT = re.compile(r"(局|委|办|中心|院|所|站|队|室|会|部|厅|处|馆)$")
_GROUP = re.compile(r"^各|有关|相关")


def office_kind(name: str, top_area: str | None) -> Guess:
    """department, party (党委部门), agency (垂直管理), enterprise (集团, 公司), area (a 街道 or
    镇 the tables do not list), with the printed part of the name that decided it."""
    for pattern, kind, shown in (
        (_PARTY, "party", "{}…"),
        (_AGENCY, "agency", "{}"),
        (_ENTERPRISE, "enterprise", "…{}"),
    ):
        found = pattern.search(name)
        if found is not None:
            return Guess(kind, shown.format(found.group(0)))
    if top_area and name.startswith(top_area) and len(name) > len(top_area):
        # named with the whole area's name (青云谱区人民法院): often vertically managed
        return Guess("agency", f"{top_area}…", weak=True)
    for pattern, kind in ((_AREA, "area"), (_DEPARTMENT, "department")):
        found = pattern.search(name)
        if found is not None:
            return Guess(kind, f"…{found.group(0)}")
    return Guess("department", "", weak=True)


def is_loose_group(name: str) -> bool:
    """各有关企业, 相关行业协会: names of several offices that the group patterns do not know."""
    return bool(_GROUP.search(name))
