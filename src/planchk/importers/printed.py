"""Numbers as they are printed: from a spreadsheet's number format to text, from text to Decimal.

A plan's numbers keep the digits they are printed with (6.0 is not 6; 0.098 is not
0.09800000000000000); so an XLSX number is turned into the text its number format shows, and
every number is read from text, never through float arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from planchk.plan.numbers import plain
from planchk.plan.units import BUILT_IN

_QUOTED = re.compile(r'"[^"]*"|\\.|!.|\[[^\]]*\]|_.|\*.')  # literals, escapes, colours, padding
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
# CJK unified ideographs: not digits, and NFKC leaves them as they are.
IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234.5
EXCEL_MAX_DECIMALS = 30
# "." alone: nothing here, as census and state finance tables print it (a small edit here)
BLANK_MARKS = frozenset({"", "-", "—", "–", "－", "/", "／", "——", "…", "...", "."})


def excel_text(value: object, number_format: str | None) -> str:
    """What a cell shows: its value printed the way its number format prints it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return _number_text(value, number_format or "General")
    return str(value)


def _number_text(value: int | float, number_format: str) -> str:
    first = number_format.split(";", 1)[0]
    # A dot escaped (0!.0000, 0\\.00) is printed as a dot among the digits: a marker here
    section = _QUOTED.sub(lambda m: _DOT if m.group(0) in ("\\.", "!.") else "", first)
    # Excel shows at most 15 significant digits: a formula's 3.3000000000000003 is 3.3
    exact = Decimal(value) if isinstance(value, int) else Decimal(format(value, ".15g"))
    if section.strip().lower() in ("general", "@", "") or "e" in section.lower():
        return plain(exact) + _unit_shown(first)
    percent = "%" in section
    if percent:
        exact *= 100
    scaling = _SCALING.search(section)
    if scaling is not None:  # #,##0.0,, shows 300000 as 0.3: each comma there is a thousand
        exact = exact.scaleb(
            -3 * len(scaling.group(1)), context=Context(prec=len(exact.as_tuple().digits) + 2)
        )
    shift = 0
    if _DOT in section:  # 0!.0000 shows 123456 as 12.3456: the digits of the whole number
        if section.count(_DOT) > 1 or "." in section:
            return _odd_format(exact)
        shift = len(re.findall(r"[0#?]", section.split(_DOT, 1)[1]))
        section = section.replace(_DOT, "")
    # Excel shows at most 30 decimals, however many a format asks for; and a context as wide
    # as the figure (1e30 with two decimals is 33 digits, past Decimal's default 28).
    decimals = min(_decimals(section), EXCEL_MAX_DECIMALS)
    wide = Context(prec=max(exact.adjusted(), 0) + decimals + 2)
    shown = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=wide)
    shown = shown.scaleb(-shift, context=wide) if shift else shown
    return plain(shown) + ("%" if percent else "") + _unit_shown(first)


_DOT = "\x00"  # an escaped dot in a number format, where _QUOTED removed the other literals
# Commas after the last digit placeholder (#,##0,, or 0.0,,): each divides by a thousand
_SCALING = re.compile(r"[0#?](,+)(?![0#?,])")


def _odd_format(exact: Decimal) -> str:
    """A format of several printed dots, or a printed dot beside a decimal point: the stored
    number, and no unit, so that the table asks for one rather than attach it to digits that
    are not what Excel shows."""
    return plain(exact)


# The text a number format prints after the number: 0.0"亿元", 0\万\元, then padding (_ ).
_SUFFIX = re.compile(r'((?:"[^"]*"|[\\!].)+)(?:_.|\s)*$')
_LITERAL = re.compile(r'"([^"]*)"|[\\!](.)')


def _unit_shown(section: str) -> str:
    """The unit a number format prints after the number (0.0"亿元" shows 3.5亿元), where it is
    one of planchk's units: the cell carries it, as a CSV of what Excel shows would
    (planchk.importers.carried). Other words a format prints are left out, as before."""
    found = _SUFFIX.search(section)
    if found is None:
        return ""
    text = _LITERAL.sub(lambda m: m.group(1) or m.group(2) or "", found.group(1)).strip()
    return text if simplified(text) in BUILT_IN else ""


def _decimals(section: str) -> int:
    """Digits after the decimal point in a number format: 0.00 → 2, #,##0 → 0."""
    if "." not in section:
        return 0
    after = section.split(".", 1)[1]
    return len(re.match(r"[0#?]*", after).group(0))  # type: ignore[union-attr]


_SPACES = re.compile(r"\s+")


def normalized(text: str) -> str:
    """Full-width digits and signs as ASCII (１２.５ is 12.5), spaces removed."""
    if text.isascii():  # most cells: nothing to normalise (asked of every cell)
        return _SPACES.sub("", text) if " " in text or "\t" in text else text
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


_NEGATIVE = re.compile(r"^\((?P<number>[^()]+)\)$")  # (123): accountants' negative
# $1,200 · US$85 · ¥300 · -$100 · ($100): a currency sign before the figure says what the unit
# line already says (in thousands of dollars); the figure is the number after it.
_CURRENCY = re.compile(r"^(?P<sign>-?)(?:US\$|HK\$|A\$|C\$|\$|¥|€|£)(?=\d)")


def accounting(plain: str) -> str:
    """A normalised cell as a plain signed figure: (5.0%) is -5.0%, ($100) and -$100 are -100,
    $1,200 is 1,200 (thousands separators are parse_number's)."""
    bracketed = _NEGATIVE.match(plain)
    if bracketed:
        plain = "-" + bracketed.group("number")
    return _CURRENCY.sub(r"\g<sign>", plain, count=1) if plain[:1] in "-$UHAC¥€£" else plain


_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\ufe63": "-", "△": "-"})
# Traditional characters that tables print in the words planchk reads (合計, 單位, 萬元):
# read as their simplified forms; names keep the characters they are printed with.
_SIMPLIFIED = str.maketrans(
    "計總單萬億區縣國備註說數額項個戶畝資與經費劃實際預決補貼級鄉鎮幣價",
    "计总单万亿区县国备注说数额项个户亩资与经费划实际预决补贴级乡镇币价",
)


TRADITIONAL = re.compile("[" + "".join(map(chr, _SIMPLIFIED)) + "]")


def simplified(text: str) -> str:
    """`text` with the traditional characters of table words in simplified form. Most texts
    hold none: one search says so (translate looks each character up in a dict, 1 µs a name)."""
    return text.translate(_SIMPLIFIED) if TRADITIONAL.search(text) else text


# Plain numbers already read, by their text (a Decimal is immutable: one object serves all);
# the table reader looks here first, for every cell.
NUMBERS_READ: dict[str, Decimal] = {}
_READ_LIMIT = 1 << 16


def parse_number(text: str) -> Decimal | None:
    """The Decimal a printed number stands for, with its printed digits; None if the text is
    not a number as printed (a caller decides whether that is text or an error). Full-width
    digits, thousands separators, (123) and U+2212 − for negatives are read as printed."""
    known = NUMBERS_READ.get(text)
    if known is not None:  # a table repeats its figures: each distinct text is read once
        return known
    if _NUMBER.match(text):  # the common case, asked of every cell: a plain number
        number = Decimal(text)
        if len(NUMBERS_READ) < _READ_LIMIT:  # bounded: a table of a million distinct figures
            NUMBERS_READ[text] = number
        return number
    if IDEOGRAPH.search(text):  # a name (every row's label is asked): no number holds one
        return None
    plain = accounting(normalized(text).translate(_MINUS))
    if _GROUPED.match(plain):
        plain = plain.replace(",", "")  # thousands separators, only where they group by three
    if not _NUMBER.match(plain):
        return None
    try:
        return Decimal(plain)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None


def is_blank(text: str) -> bool:
    """Cells that say "nothing here": empty, or a dash or slash typed for no value."""
    return text in BLANK_MARKS or (not text[:1].isdigit() and normalized(text) in BLANK_MARKS)


def has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in unicodedata.normalize("NFKC", text))
