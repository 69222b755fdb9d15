"""Names that look alike: the form two spellings of one name share.

A plan typed in an input method gets names that differ only in what no one sees: a full-width
space typed in full-width mode (`i1　`), a no-break space pasted from a web page, a zero-width
space, full-width letters and digits (`ｉ１`), a compatibility ideograph, or a traditional form
of a character that place names use (區/区). The schema strips spaces at the ends of a name, so
`i1` and `i1　` become one key and the later silently replaces the earlier; other pairs become
two names that a reader takes for one. The loader compares keys by `lookalike_form`, before its
duplicate check, and reports such a pair (PC015) instead of reading it either way.
"""

from __future__ import annotations

import re
import unicodedata

from planchk.escape import INVISIBLE

# Traditional or variant forms of characters common in the names of places, offices and
# indicators, with the simplified form used in plans of the mainland.
_VARIANTS = str.maketrans(
    "區縣鄉鎮辦開發園業東門華陽龍灣廣豐雲陰縣國際總計單萬億項個戶畝資與經費劃實預補貼級幣價會產",
    "区县乡镇办开发园业东门华阳龙湾广丰云阴县国际总计单万亿项个户亩资与经费划实预补贴级币价会产",
)
_DROP = dict.fromkeys(map(ord, INVISIBLE))
# What the form changes in a name that NFKC leaves as it is: whitespace (the same characters
# as str.split's), invisible characters and variants. A name with none of them is its own form.
_CHANGED = re.compile(
    "[\\s" + re.escape("".join(sorted(INVISIBLE)) + "".join(map(chr, _VARIANTS))) + "]"
)


def lookalike_form(name: str) -> str:
    """What two spellings that look alike have in common: NFKC (full-width and compatibility
    forms), no invisible characters, no whitespace, variant characters in simplified form.
    A name that is its own form (nearly every name) is returned as it is, the same object."""
    # The fast way first: the loader asks this of every key of a plan.
    if unicodedata.is_normalized("NFKC", name) and _CHANGED.search(name) is None:
        return name
    return full_form(name)


def all_own_forms(names: list[str]) -> bool:
    """Whether every name of a list is its own form, asked of the list at once (at C speed):
    a comma is left alone by NFKC and never combines with its neighbours, so the names joined
    by commas are normalised exactly when each name is."""
    joined = ",".join(names)
    return unicodedata.is_normalized("NFKC", joined) and _CHANGED.search(joined) is None


def full_form(name: str) -> str:
    """lookalike_form worked out in full, whatever the name (what its fast way must agree with)."""
    text = unicodedata.normalize("NFKC", name).translate(_DROP).translate(_VARIANTS)
    return "".join(text.split())


def how_they_differ(first: str, second: str) -> str:
    """The characters that one spelling has and the other has not, named: `U+3000 IDEOGRAPHIC
    SPACE`, `U+FF58 FULLWIDTH LATIN SMALL LETTER X, U+0078 LATIN SMALL LETTER X`."""
    extra = [c for c in first if c not in second] + [c for c in second if c not in first]
    named = dict.fromkeys(map(_named, extra))
    return ", ".join(named) or "the order of their characters"


def _named(character: str) -> str:
    name = unicodedata.name(character, "")
    if name.startswith("CJK UNIFIED"):
        return f"{character} (U+{ord(character):04X})"  # an ideograph is its own best name
    return f"U+{ord(character):04X} {name or 'UNNAMED'}"


# --- an office's short name and its full one ---------------------------------------------------
# A plan writes 县人力资源和社会保障局 in its annex and 县人社局 in its text (or the reverse). The
# words of department names and the short forms that government documents use for them, longest
# first where one contains another; a name's short forms replace each word by each of its forms.
_SHORT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("人力资源和社会保障", ("人社", "人力社保")),
    ("人力资源社会保障", ("人社", "人力社保")),
    ("发展和改革", ("发改",)),
    ("发展改革", ("发改",)),
    ("市场监督管理", ("市场监管",)),
    ("工业和信息化", ("工信",)),
    ("工业信息化", ("工信",)),
    ("经济和信息化", ("经信",)),
    ("科学技术和工业信息化", ("科工",)),
    ("科学技术", ("科技",)),
    ("自然资源和规划", ("自然资源", "自规", "资规")),
    ("住房和城乡建设", ("住建",)),
    ("住房城乡建设", ("住建",)),
    ("交通运输", ("交通",)),
    ("文化广电新闻出版旅游", ("文广新旅",)),
    ("文化广电和旅游", ("文广旅", "文旅")),
    ("文化广电旅游", ("文广旅", "文旅")),
    ("文化和旅游", ("文旅",)),
    ("卫生健康", ("卫健",)),
    ("教育和体育", ("教体",)),
    ("教育体育", ("教体",)),
    ("退役军人事务", ("退役军人",)),
    ("应急管理", ("应急",)),
    ("医疗保障", ("医保",)),
    ("行政审批服务", ("行政审批", "审批")),
    ("政务服务和大数据管理", ("政数",)),
    ("政务服务数据管理", ("政数",)),
    ("城市管理", ("城管",)),
    ("综合行政执法", ("综合执法",)),
    ("投资促进", ("投促",)),
    ("机关事务管理", ("机关事务",)),
    ("民族宗教事务", ("民宗",)),
    ("林业和草原", ("林草",)),
    ("中国人民银行", ("人行", "人民银行")),
    ("中国共产党", ("中共",)),
    ("人民政府", ("政府",)),
    ("工作委员会", ("工委",)),
    ("委员会", ("委",)),
    ("办公室", ("办",)),
    ("残疾人联合会", ("残联",)),
    ("妇女联合会", ("妇联",)),
    ("工商业联合会", ("工商联",)),
    ("科学技术协会", ("科协",)),
    ("供销合作社", ("供销社",)),
)
_SHORT_WORD = re.compile("|".join(re.escape(full) for full, _ in _SHORT_WORDS))
_SHORT_OF = dict(_SHORT_WORDS)


def short_forms(name: str) -> set[str]:
    """The name as government documents shorten it, by the known short forms of its words
    (县人力资源和社会保障局 → 县人社局, 县人力社保局), the name itself included."""
    forms = {""}
    at = 0
    for found in _SHORT_WORD.finditer(name):
        between = name[at : found.start()]
        words = (found.group(0), *_SHORT_OF[found.group(0)])
        forms = {form + between + word for form in forms for word in words}
        at = found.end()
        if len(forms) > 64:  # a name of many long words: its full form and the first few
            break
    return {form + name[at:] for form in forms} | {name}


def shortens(short: str, full: str) -> bool:
    """Whether `short` is a short name of `full`: one of its known short forms, or a form's
    characters in order that keeps its first and last (人行县支行 for 中国人民银行庚县支行, by
    人行庚县支行: the level at the front and the kind of office at the end stay), for a name of
    four characters or more (县委办 is no short name of 县委编办, another office)."""
    if len(short) >= len(full) or len(short) < 3:
        return False
    return any(
        form == short
        or (
            len(short) >= 4
            and form[0] == short[0]
            and form[-1] == short[-1]
            and _in_order(short, form)
        )
        for form in short_forms(full)
        if len(form) >= len(short)
    )


def _in_order(short: str, form: str) -> bool:
    rest = iter(form)
    return all(character in rest for character in short)
