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
