"""Word's automatic list numbering, printed as Word prints it: 一、 （一） 1. ①.

A numbered paragraph in a .docx holds only its text; the number is drawn from a counter that
numbering.xml defines (a format per level and a pattern like %1、). A plan's structure (一、主要
目标, （三）, 1.) is often typed that way, so the counters are replayed here in document order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# what Word prints between a level's number and the paragraph's text (w:suff; a tab if unset)
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    pattern: str
    suffix: str = "\t"


@dataclass
class Numbering:
    """The list definitions of one document, and the counters as the document goes on."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    # the paragraph styles that number their paragraphs ("" for the default style): the other
    # paragraphs are told unnumbered without python-docx's style lookup, which scans every
    # style of the document for the default (a table's cells took seconds)
    numbered_styles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, document: Any) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return cls()
        abstract = {a.get(f"{_W}abstractNumId"): _levels(a) for a in root.iter(f"{_W}abstractNum")}
        numbering = cls()
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val") if ref is not None else None, {}))
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = replace(old, start=int(start.get(f"{_W}val", "1")))
            numbering.levels[num.get(f"{_W}numId", "")] = levels
        numbering.numbered_styles = _numbered_styles(document)
        return numbering

    def next(self, paragraph: Any) -> str:
        """The number printed before `paragraph`, counting it; "" if it is not numbered."""
        return self.label(paragraph)[0]

    def label(self, paragraph: Any) -> tuple[str, str]:
        """The number printed before `paragraph` and what Word prints between it and the text
        (a tab, a space or nothing), counting it; ("", "") if it is not numbered."""
        if not self.levels or not self._may_number(paragraph._p):
            return "", ""
        found = _num_pr(paragraph)
        if found is None:
            return "", ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return "", ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].pattern
        for k, level in levels.items():
            value = counters.get(k, level.start)
            text = text.replace(f"%{k + 1}", _format(value, level.fmt))
        return text, levels[ilvl].suffix

    def _may_number(self, p: Any) -> bool:
        ppr = p.find(f"{_W}pPr")
        if ppr is not None and ppr.find(f"{_W}numPr") is not None:
            return True
        style = None if ppr is None else ppr.find(f"{_W}pStyle")
        return (style.get(f"{_W}val", "") if style is not None else "") in self.numbered_styles


def _numbered_styles(document: Any) -> frozenset[str]:
    """The ids of the paragraph styles whose properties number a paragraph; "" stands for the
    document's default paragraph style (a paragraph that names no style has it)."""
    found = set()
    try:
        styles = document.styles.element.iter(f"{_W}style")
    except (AttributeError, KeyError, NotImplementedError):
        return frozenset()
    for style in styles:
        if style.get(f"{_W}type") != "paragraph" or style.find(f"{_W}pPr/{_W}numPr") is None:
            continue
        found.add(style.get(f"{_W}styleId", ""))
        if style.get(f"{_W}default") in ("1", "true", "on"):
            found.add("")
    return frozenset(found)


def _levels(abstract: Any) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.iter(f"{_W}lvl"):
        start, fmt, text, suff = (
            lvl.find(f"{_W}{n}") for n in ("start", "numFmt", "lvlText", "suff")
        )
        levels[int(lvl.get(f"{_W}ilvl", "0"))] = Level(
            int(start.get(f"{_W}val", "1")) if start is not None else 1,
            fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
            text.get(f"{_W}val", "") if text is not None else "",
            _SUFFIXES.get(suff.get(f"{_W}val", "tab") if suff is not None else "tab", "\t"),
        )
    return levels


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own, else its style's (a 标题 style may be numbered)."""
    for source in (paragraph._p.pPr, _style_ppr(paragraph)):
        num_pr = None if source is None else source.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id, ilvl = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        if num_id is None:
            continue
        value = num_id.get(f"{_W}val", "0")
        level = int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
        return (value, level) if value != "0" else None
    return None


def _style_ppr(paragraph: Any) -> Any:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return None
    return None if style is None else style.element.pPr


def _format(value: int, fmt: str) -> str:
    if fmt in _FORMATS:
        return _FORMATS[fmt](value)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    return "" if fmt in ("bullet", "none") else str(value)


def _letter(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _stem(value: int) -> str:
    return _STEMS[value - 1] if 1 <= value <= len(_STEMS) else str(value)


def chinese(value: int, digits: str = _DIGITS) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as numbered headings print them)."""
    if value < 10:
        return digits[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        ten = "十" if digits is _DIGITS else "拾"
        return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")
    hundreds, rest = divmod(value % 1000, 100)
    hundred = "百" if digits is _DIGITS else "佰"
    if not rest:
        return digits[hundreds] + hundred
    if rest < 10:
        return digits[hundreds] + hundred + digits[0] + digits[rest]
    return (
        digits[hundreds]
        + hundred
        + digits[rest // 10]
        + chinese(rest, digits).lstrip(digits[rest // 10])
    )


def _roman(value: int) -> str:
    """1994 → MCMXCIV."""
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out, value = out + letters, value - number
    return out


_COUNTING: Callable[[int], str] = chinese
_FORMATS: dict[str, Callable[[int], str]] = {
    "chineseCounting": _COUNTING,
    "chineseCountingThousand": _COUNTING,
    "japaneseCounting": _COUNTING,
    "taiwaneseCounting": _COUNTING,
    "ideographDigital": _COUNTING,
    "chineseLegalSimplified": lambda value: chinese(value, _LEGAL),
    "ideographTraditional": _stem,
    "ideographZodiac": _stem,
    "lowerLetter": _letter,
    "upperLetter": lambda value: _letter(value).upper(),
    "lowerRoman": lambda value: _roman(value).lower(),
    "upperRoman": _roman,
    "decimalFullWidth": lambda value: "".join(chr(ord(d) + 0xFEE0) for d in str(value)),
}
