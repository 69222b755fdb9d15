"""One-line rows of numbers, read at C speed before the YAML parser sees them.

A large plan is mostly lines like `  全省市001: [25044, 26064, 27069, 28087, 28980]`. PyYAML's
C parser makes an event object (with two position marks) for every number in them; that is
most of a million-cell file's parse time. So before parsing, one regular expression finds the
lines whose value is a flow sequence of plain numbers (or blanks, or quoted text: below),
keeps their texts, and hands the parser the file with each such sequence replaced by
`!planchk-row []`: an empty sequence with a tag nothing else carries. The composer gives the
n-th tagged sequence it meets the n-th row's values. Everything before each `[` is unchanged,
so every line and column the parser reports is the original's; cells never had positions at
load (the source map re-finds them in the original text).

Why the result is the document's own: a replaced sequence that the parser reports as a
sequence is, in the original, a flow sequence at that very place, and its items are plain
scalars made only of digits, signs and points, which YAML reads exactly as the regular
expression split them. A replacement the parser does not report as a sequence (the line was
inside a block or quoted string) leaves fewer tagged sequences than rows; the composer sees
the count fall short and parses the original text instead. A file that already holds the tag
is never rewritten.

A row may hold blanks (`~`, null, Null, NULL: None) and quoted text (`"10"`, `'甲'`: the
schema refuses it in a table, planchk.loader.cells): 150,000 rows `[~, 1]` took 1.24 s to
compose, parsed, and take 0.60 s set aside, as rows of numbers do. Quoted text is taken
only when the parser would copy it as it is: no backslash (an escape), no line break, nothing
the YAML reader refuses; `''` in single quotes is one quote. Any other row stays in the text:
the parser reads it and says what it says.

Lists of plain names (`全区: [区0, 区1, …]`, the parts of an area) are set aside the same way,
under their own tag: a name here starts with a letter (not a digit, a sign or a YAML
indicator) and holds only letters, digits and underscores, which YAML reads as that very text
in a flow sequence; the few such words YAML reads as something else (true, null, …) make the
file be parsed whole. The composer gives them the spelling of each name it keeps (one string
per name), as it does for every name it reads.

Rows on consecutive lines (a table's body: `      区1: [2, 1]` under `      区0: [2, 1]`) go
further: the first is tagged `!planchk-rows []` and the others become blank lines, so that the
parser makes no event for them at all (three a row were most of a 600,000-row plan's load).
Their keys are plain names at the first row's indentation, so in the original they are keys
of the first row's mapping, on the lines that follow (a `Run`): the composer stores them
there, with the places counted here (lines and columns: with no line break in the file but
LF and CRLF, else no rows run). A key is a name of at most 256 characters (YAML refuses a
longer key than 1024: the parser must see one). In a flow mapping (where the original is no
mapping of rows) or beside a key spelt like another, the original text is parsed instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate, chain, repeat

from planchk.loader.scalars import CACHE_LIMIT, RESERVED_WORDS, number_cache
from planchk.plan.numbers import MAX_DIGITS, NUMBER

MARK = "!planchk-row"
NAMES = MARK + "-names"  # holds MARK: a text holding either is never rewritten
RUN = MARK + "s"
_PLACEHOLDER = MARK + " []"
_NAMES_PLACEHOLDER = NAMES + " []"
_RUN_PLACEHOLDER = RUN + " []"
# A plain name in a flow sequence: a letter first, then letters, digits and underscores (no
# space, comma, bracket, colon, quote or #: nothing YAML reads otherwise in a flow sequence).
NAME = r"[^\W\d_]\w*+"
Cell = (
    Decimal | str | None
)  # a table cell's value: a figure, a blank, text (the schema's to refuse)
CHUNK = 1 << 18
# A mapping entry on one line, no comment before the value (a commented-out row stays a
# comment): the key part, the numbers between the brackets, and what may follow them (a
# comment, a carriage return). Only the brackets and what is between them are replaced: the
# parser still reads everything else, so that a character it refuses (a control character in
# the comment, say) is refused as in the original. The numbers are a plan's (plan.numbers.NUMBER,
# the language of is_number): other tokens (010, 1.2.3, 5.) take the parser's path and get the
# same treatment as anywhere else.
# The names of a list (NAME) are read in the same place.
# A cell besides a number: blank (`~`, null: None) or quoted text, which YAML reads as what
# the quotes hold ('' is one '). Quoted text holds none of what would make the parser do more
# than copy it: no backslash (an escape), no quote, no line break, nothing the YAML reader
# refuses (control characters, surrogates, U+FFFE/FFFF) and no U+FEFF. A cell holding one is
# left in the text, and its row to the parser.
_QUOTABLE = "[^\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufeff\\ufffe\\uffff"
_DOUBLE = _QUOTABLE + '"\\\\]'
_SINGLE = _QUOTABLE + "']"
_BLANKS = {"~": None, "null": None, "Null": None, "NULL": None}
CELL = rf"""(?:{NUMBER}|~|null|Null|NULL|"{_DOUBLE}*+"|'(?:{_SINGLE}|'')*+')"""
_CELLS = rf"{CELL}(?: *+, *+{CELL})*+"
_ROW = re.compile(
    rf"^([^#\n]*?: ++)\[ *+(?:({_CELLS})|({NAME}(?: *+, *+{NAME})*+)) *+\]"
    r"((?: +#[^\n]*)?\r?)$",
    re.MULTILINE,
)
_FIGURE_START = frozenset("+-0123456789")
# A cell's text as the row holds it (quoted text with its quotes), for splitting a row that
# holds quotes (a comma or a space inside them is no separator).
_TOKEN = re.compile(r""""[^"]*+"|'(?:[^']|'')*+'|[^ ,]++""")
# Rows of numbers on consecutive lines, keyed by plain names at one indentation, no comment
# (a Run); and each row of one: its key part, cells and line end.
# A key is at most 256 characters: YAML refuses a key of more than 1024 written `key: value`,
# and the parser must see such a key.
_KEY = r"[^\W\d_]\w{0,255}+"
_RUN_LINE = rf"{_KEY}: ++\[ *+{_CELLS} *+\]\r?\n"
_RUN = re.compile(rf"^( *+){_RUN_LINE}(?:\1{_RUN_LINE})++", re.MULTILINE)
_RUN_ROW = re.compile(rf"^( *+{_KEY}: ++)\[ *+({_CELLS}) *+\](\r?)$", re.MULTILINE)
# Line breaks of YAML 1.1 besides \n and \r\n: with one in the file, the parser counts lines
# otherwise than str.count("\n") does, and no rows are run together.
_LONE_CR = re.compile("\r(?!\n)")


@dataclass
class Run:
    """Rows on consecutive lines, keys of one mapping: the first tagged RUN, then blank lines."""

    line: int  # the line of the first
    key_column: int  # every key's column (they share an indentation)
    keys: str  # each key followed by a colon
    rows: list[list[Cell]]
    columns: list[int]  # each row's `[`, less one: the length of its key part


@dataclass
class Prelexed:
    text: str  # what the parser reads
    rows: list[list[Cell]]  # each replaced sequence's values, in the order of the file
    names: list[list[str]] = field(default_factory=list)  # each list of names set aside
    runs: list[Run] = field(default_factory=list)  # each run of rows, after its RUN row


def prelex(text: str) -> Prelexed | None:
    """The file with its number rows and name lists set aside, or None when there is nothing
    to set aside."""
    if MARK in text:
        return None
    parts: list[str] = []
    rows: list[list[Cell]] = []
    names: list[list[str]] = []
    runs: list[Run] | None = None if _other_breaks(text) else []
    line = 1  # of the chunk's start
    for whole in _chunks(text):
        chunk = whole if runs is None else _together(whole, line, runs)
        if chunk is None:
            return None
        line += whole.count("\n")
        # split() with four groups gives [before, key part, cells, names, after, between, ...],
        # cells or names None.
        pieces = _ROW.split(chunk)
        cells, lists = pieces[2::5], pieces[3::5]
        found = _rows(list(filter(None, cells)))
        listed = _names(list(filter(None, lists)))
        if found is None or listed is None:
            return None
        names += listed
        pieces[2::5] = [_NAMES_PLACEHOLDER if body is None else _PLACEHOLDER for body in cells]
        pieces[3::5] = [""] * len(lists)
        rows += found
        parts.append("".join(pieces))
    if not rows and not names and not runs:
        return None
    return Prelexed("".join(parts), rows, names, runs or [])


def _other_breaks(text: str) -> bool:
    """Whether the text holds a line break of _LONE_CR's or U+0085/2028/2029: searched for
    at C speed (one expression for all four took 0.24 s over 12 MB, these 0.01)."""
    if "\r" in text and _LONE_CR.search(text) is not None:
        return True
    return any(map(text.__contains__, "\x85\u2028\u2029"))


def _together(chunk: str, line: int, runs: list[Run]) -> str | None:
    """The chunk with its runs of rows (Run) set aside: the first row of each tagged RUN, the
    others blank lines; None when a figure is too long for the quick way. At C speed but for
    a few steps a run."""
    parts: list[str] = []
    end = 0
    for found in _RUN.finditer(chunk):
        start = found.start()
        line += chunk.count("\n", end, start)
        # [before, key part, numbers, line end, between, ...]: the betweens are newlines.
        pieces = _RUN_ROW.split(found[0])
        keyparts, ends = pieces[1::4], pieces[3::4]
        rows = _rows(pieces[2::4])
        if rows is None:
            return None
        # A key part is spaces, the name, a colon and spaces; a name holds neither. The keys
        # are one text until the composer stores them (600,000 strings otherwise, held
        # through the parse).
        keys = "".join(keyparts).replace(" ", "")
        runs.append(Run(line, len(found[1]) + 1, keys, rows, [*map(len, keyparts)]))
        parts += [chunk[end:start], keyparts[0], _RUN_PLACEHOLDER, ends[0], "\n"]
        parts += [f"{line_end}\n" for line_end in ends[1:]]
        line += len(rows)
        end = found.end()
    return "".join([*parts, chunk[end:]]) if parts else chunk


def _chunks(text: str) -> Iterator[str]:
    """The text in pieces of whole lines of about CHUNK characters: the pieces a split makes
    (four strings a row) and the numbers' texts live for one chunk at a time, not for the
    whole file (they were 60% of a large plan's peak memory at load). A row is one line and
    the expression reads line by line, so the pieces give what the whole text gives."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + CHUNK) + 1 or len(text)
        yield text[start:end]
        start = end


def _rows(bodies: list[str]) -> list[list[Cell]] | None:
    """Each body's cells (Decimal from the printed text, None, text), at C speed throughout."""
    if not bodies:
        return []
    joined = ",".join(bodies)
    if '"' in joined or "'" in joined:  # a comma or a space may be inside quotes
        cells = list(map(_TOKEN.findall, bodies))
        tokens = list(chain.from_iterable(cells))
        ends = list(accumulate(map(len, cells)))
    else:
        tokens = joined.replace(" ", "").split(",")
        counts = map(str.count, bodies, repeat(","))  # each row's commas: one fewer than cells
        ends = list(accumulate(map((1).__add__, counts)))
    table = _values(set(tokens), any(map(joined.__contains__, "~nN\"'")))
    if table is None:
        return None
    values = list(map(table.__getitem__, tokens))
    return list(map(values.__getitem__, map(slice, [0, *ends], ends)))


def _values(distinct: set[str], blanks_or_texts: bool) -> Mapping[str, Cell] | None:
    """The value of each distinct cell text; None when a figure is too long for the quick way
    (rare and long: the resolver decides what each one is). `blanks_or_texts`: some cell may
    be other than a figure (the rows hold a ~, an n or a quote)."""
    others = {t for t in distinct if t[0] not in _FIGURE_START} if blanks_or_texts else None
    figures = distinct - others if others else distinct
    if figures and max(map(len, figures)) > MAX_DIGITS:
        return None
    table = _lookup(figures)
    if not others:
        return table  # the number cache itself, often: not copied
    found: dict[str, Cell] = dict(zip(figures, map(table.__getitem__, figures), strict=True))
    for token in others:
        found[token] = _BLANKS[token] if token in _BLANKS else _unquoted(token)
    return found


def _unquoted(token: str) -> str:
    """Quoted text as YAML reads it: what the quotes hold ('' in single quotes is one ')."""
    inner = token[1:-1]
    return inner.replace("''", "'") if token[0] == "'" else inner


def _names(bodies: list[str]) -> list[list[str]] | None:
    """Each body's names, as YAML reads them; None when one is a word YAML reads otherwise."""
    lists = [body.replace(" ", "").split(",") for body in bodies]
    if lists and not RESERVED_WORDS.isdisjoint(chain.from_iterable(lists)):
        return None
    return lists


def _lookup(distinct: set[str]) -> dict[str, Decimal]:
    """One Decimal per distinct text, shared through the number cache while it has room (so
    that the two revisions of a diff hold the same objects for the same figures)."""
    new = distinct.difference(number_cache)
    table = dict(zip(new, map(Decimal, new), strict=True))
    if len(number_cache) + len(table) <= CACHE_LIMIT:
        number_cache.update(table)
        return number_cache
    known = distinct.intersection(number_cache)
    table.update(zip(known, map(number_cache.__getitem__, known), strict=True))
    return table
