"""What a row's label says about the row: a total, a subtotal, an 其中 part, its level's marker.

Printed tables mark levels with serial markers (一、 over （一） over 1. over （1） over ①), name
their totals (合计, 總計, 全县合计, Grand Total) and subtotals (小计, 县区小计), and print parts of
a row as 其中 rows. Labels are read with layout spaces removed and traditional characters in
their simplified form; the names written to the file keep the printed characters, without
the serial marker (一、市本级 is the area 市本级).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from planchk.importers.printed import TRADITIONAL as _TRADITIONAL
from planchk.importers.printed import simplified

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_LAYOUT_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACE = re.compile(r"\s")
_CN = "一二三四五六七八九十百零〇"
# Serial markers, in the order printed tables nest them; the name follows the marker.
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一、", re.compile(rf"^[{_CN}]+\s*[、.．]\s*(?=\S)")),
    ("（一）", re.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]\s*(?=\S)")),
    ("1.", re.compile(r"^[0-9０-９]+\s*[、.．](?![0-9０-９])\s*(?=\S)")),
    ("（1）", re.compile(r"^[（(]\s*[0-9０-９]+\s*[）)]\s*(?=\S)")),
    ("①", re.compile(r"^[①-⑳]\s*(?=\S)")),
)
# The five in one pattern, tried in the same order (a failed alternative backtracks into the
# next, as the loop over MARKERS did): one match per label instead of up to five.
_ANY_MARKER = re.compile(
    "^(?:" + "|".join(f"(?P<m{i}>{p.pattern[1:]})" for i, (_, p) in enumerate(MARKERS)) + ")"
)
_MARKER_KINDS = {f"m{i}": kind for i, (kind, _) in enumerate(MARKERS)}
# The characters a marker starts with: a name starting otherwise (甲镇) is not matched at all.
_MARKER_STARTS = frozenset(
    _CN
    + "（("
    + "0123456789"
    + "０１２３４５６７８９"
    + "".join(map(chr, range(ord("①"), ord("⑳") + 1)))
)
# What each pattern below can start or end with: most labels (town names) are none of them and
# skip the patterns. Case-folded first letters for the English ones.
_TOTAL_STARTS = frozenset("合总共全gta")
_SUBTOTAL_ENDS = ("小计", "合计", "总计")
_TOTAL = re.compile(
    r"^(合计|总计|共计|总合计|全[区市县省国州盟旗镇乡]?(合计|总计)"
    r"|全[区市县省国州盟旗镇乡])$"
    r"|^(grand\s*)?total(\s+[a-z]+)*$|^all\s+[a-z]+$",
    re.IGNORECASE,
)
_SUBTOTAL = re.compile(r"^(.*?)(小计|合计|总计)$|^sub-?\s*total\b", re.IGNORECASE)
_OF_WHICH = re.compile(r"^其中\s*[:：]?\s*(?P<name>.*)$|^of\s+which\s*[:：]?\s*(?P<en>.*)$", re.I)


def clean_name(text: str) -> str:
    """A name without the spaces that only lay it out: 合  计 → 合计, 东 湖 区 → 东湖区."""
    stripped = text.strip()
    # most names hold no space: one search for one, not the lookarounds at every character
    # (asked several times of every row's name)
    return stripped if _SPACE.search(stripped) is None else _LAYOUT_SPACE.sub("", stripped)


class Label(NamedTuple):  # a tuple: one per row, made at C speed (a frozen dataclass: 1 µs)
    printed: str  # layout spaces removed
    name: str  # without its serial marker
    marker: str | None  # which kind of serial marker it starts with
    role: str  # "total", "subtotal", "of_which" or "row"
    part: str = ""  # an 其中 row's own name (专项资金 in 其中：专项资金)


_TUPLE = tuple.__new__


def read_label(text: str) -> Label:
    printed = clean_name(text)
    marker, name = None, printed
    found = _ANY_MARKER.match(printed) if printed[:1] in _MARKER_STARTS else None
    if found:
        marker, name = _MARKER_KINDS[found.lastgroup or ""], printed[found.end() :].strip()
    plain = simplified(name)
    first = plain[:1].lower()
    of_which = _OF_WHICH.match(plain) if first in ("其", "o") else None
    if of_which:
        part = name[len(name) - len(of_which.group("name") or of_which.group("en") or "") :]
        return Label(printed, name, marker, "of_which", part.strip())
    if first in _TOTAL_STARTS and is_total_name(plain):
        return Label(printed, name, marker, "total")
    if (plain.endswith(_SUBTOTAL_ENDS) or first in ("s", "ſ")) and _SUBTOTAL.match(plain):
        return Label(printed, name, marker, "subtotal")
    return _TUPLE(Label, (printed, name, marker, "row", ""))  # most rows: no Python __new__


# What read_label may find in a label beyond its marker, told at C speed: a space (layout
# spaces are removed) or a traditional character anywhere; a name that may be an 其中 part, a
# total or a subtotal, by its first character (case-folded: ſ and the capitals too) or its
# end. A label with none of them is a plain row's (plain_label).
_UNPLAIN = re.compile(r"[\s" + _TRADITIONAL.pattern[1:-1] + "]")
_ROLE_STARTS = frozenset("其oO合总共全gGtTaAsSſ")


def plain_label(text: str) -> Label | None:
    """read_label's Label for a label of a plain row (甲镇, 1.镇1_1: most of a table's rows),
    with no Python call on the way; None for any other (read_label reads it)."""
    if not text or _UNPLAIN.search(text) is not None:
        return None
    found = _ANY_MARKER.match(text) if text[0] in _MARKER_STARTS else None
    name = text[found.end() :] if found else text
    if name[:1] in _ROLE_STARTS or name.endswith(_SUBTOTAL_ENDS):
        return None
    marker = _MARKER_KINDS[found.lastgroup or ""] if found else None
    return _TUPLE(Label, (text, name, marker, "row", ""))


def serial_marker(text: str) -> str | None:
    """The marker kind of a serial printed in its own column (序号): 一 or 一、 is 一、, 1 or 1.
    is 1., （一） is （一）; None for anything else."""
    plain = clean_name(text).rstrip("、.．")
    if not plain:
        return None
    for kind, pattern in MARKERS:
        if pattern.match(plain + ("、" if kind in ("一、", "1.") else "") + "名"):
            return kind
    return None


def is_total_name(text: str) -> bool:
    """合计, 总计, 全区, 全市合计, 合計, Total, Grand Total, Total Allocation, ..."""
    return bool(_TOTAL.match(simplified(clean_name(text))))


def is_bare_subtotal(name: str) -> bool:
    """小计 or 合计 alone: a subtotal that takes its name from its group's heading."""
    return simplified(name) in ("小计", "合计", "总计") or name.lower().replace(" ", "") in (
        "subtotal",
        "sub-total",
    )
