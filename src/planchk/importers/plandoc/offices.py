"""Office names as a plan prints them: lists split on 、，; and line breaks, collective names
(各街办、镇、集聚区, 区直各有关单位) kept whole as groups, 等 ending the named offices (and kept
as the list's last name where nothing follows it: the list is open), and the text's other names
for the sub-areas (洪都街道 for 洪都街办) proposed as aliases."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.plan.offices import ETC

# 各街办、镇、集聚区 · 各乡镇（街道） · 各县（区） · 各乡镇人民政府 · 各街道办事处: every sub-area
# of the plan's area (a town's government is the town as an office, as 各乡镇 is)
_AREA_KINDS = r"(?:街办|街道|乡镇|镇|乡|集聚区|园区|开发区|管委会|县区|县（区）|县|区|市|村|社区)"
COLLECTIVE = re.compile(
    rf"各{_AREA_KINDS}(?:[、和及]{_AREA_KINDS})*(?:[（(]{_AREA_KINDS}[）)])?"
    r"(?:人民政府|党委政府|政府|办事处)?"
)
# 区直各有关单位 · 市直相关部门 · 各有关部门 · 领导小组成员单位: an open set of offices
OPEN_GROUP = re.compile(
    r"(?:[区市县省]直|[区市县省]政府)?各?(?:有关|相关)(?:单位|部门)|[区市县省]直各单位|"
    r"[区市县省]政府各部门|\S{0,8}成员单位"
)
_SPLIT = re.compile(r"[、，,；;\n]+")
# 县发改局、县财政局等 · …等单位 · …等部门: a list that does not name every office
_ETC_END = re.compile(r"等(?:单位|部门)?$")

_AREA_SUFFIX = re.compile(r"(街道办事处|街道办|街办|街道|办事处|镇人民政府|镇|乡|集聚区|园区)$")


def split_names(text: str) -> list[str]:
    """The names in a printed office list, collective names kept whole, in printed order."""
    names: list[str] = []
    holders: dict[str, str] = {}

    def hold(match: re.Match[str]) -> str:
        token = f"\0{len(holders)}\0"
        holders[token] = match.group(0)
        return token

    held = OPEN_GROUP.sub(hold, COLLECTIVE.sub(hold, text))
    for part in _SPLIT.split(held):
        for piece in _after_etc(part):
            name = holders.get(piece.strip(), piece.strip())
            for token, original in holders.items():
                name = name.replace(token, original)
            name = name.strip(" 　：:。（）()")
            if name and name not in names:
                names.append(name)
    return names


# 县民政局（牵头）· 县住建局牵头 · 县民政局配合: a list of 责任单位 that marks each office's role
_MARKED = re.compile(
    r"\s*(?:[（(](牵头|配合|协助|协办)[）)]|(牵头|配合|协助|协办)(?=$|[、，,；;\s]))"
)
_ROLE_OF_MARK = {
    "牵头": "lead",
    **dict.fromkeys(("配合", "协助", "协办"), "cooperating"),
}


def marked_names(text: str) -> list[tuple[str | None, str]]:
    """The names of a printed office list with the role each one's own mark gives (县民政局（牵头）
    leads, 县民政局配合 cooperates), None where the list's heading decides it."""

    def mark(found: re.Match[str]) -> str:
        return f"\x01{_ROLE_OF_MARK[found.group(1) or found.group(2)]}\x01"

    found: list[tuple[str | None, str]] = []
    for name in split_names(_MARKED.sub(mark, text)):
        role, marked = None, name
        if name.endswith("\x01") and "\x01" in name[:-1]:
            marked, role, _ = name.split("\x01")
        if marked and (role, marked) not in found:
            found.append((role, marked.strip(" 　：:。（）()")))
    return found


def _after_etc(part: str) -> list[str]:
    """区科工局等区直各有关单位 → 区科工局, 区直各有关单位: 等 ends the named offices; a
    trailing 等 (区财政局等, 区财政局等单位) says the list is not complete: 区财政局, 等."""
    if (etc := _ETC_END.search(part.strip())) is not None and etc.start() > 0:
        return [part.strip()[: etc.start()], ETC]
    if "等" not in part or "\0" not in part.split("等", 1)[1]:
        return [part]
    head, _, tail = part.partition("等")
    return [head, tail]


def is_group(name: str) -> bool:
    return bool(COLLECTIVE.fullmatch(name) or OPEN_GROUP.fullmatch(name))


def is_collective(name: str) -> bool:
    return bool(COLLECTIVE.fullmatch(name))


def propose_alias(name: str, areas: Sequence[str]) -> str | None:
    """The area a name in the text stands for, when exactly one fits: the same name with
    another area word (洪都街道, 洪都街办), or the area's name with a longer prefix
    (新经济产业集聚区 for 集聚区)."""
    if name in areas:
        return None
    stem = _AREA_SUFFIX.sub("", name)
    same_stem = [a for a in areas if stem and _AREA_SUFFIX.sub("", a) == stem and a != name]
    if len(same_stem) == 1 and _AREA_SUFFIX.search(name):
        return same_stem[0]
    longer = [a for a in areas if len(a) >= 2 and name.endswith(a) and _AREA_SUFFIX.search(a)]
    return longer[0] if len(longer) == 1 else None
