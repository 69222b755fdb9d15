"""One-line rows of numbers, read at C speed before the YAML parser sees them.

A large plan is mostly lines like `  全省市001: [25044, 26064, 27069, 28087, 28980]`. PyYAML's
C parser makes an event object (with two position marks) for every number in them; that is
most of a million-cell file's parse time. So before parsing, one regular expression finds the
lines whose value is a flow sequence of plain numbers, keeps their texts, and hands the parser
the file with each such sequence replaced by `!planchk-row []`: an empty sequence with a tag
nothing else carries. The composer gives the n-th tagged sequence it meets the n-th row's
values. Everything before each `[` is unchanged, so every line and column the parser reports
is the original's; cells never had positions at load (the source map re-finds them in the
original text).

Why the result is the document's own: a replaced sequence that the parser reports as a
sequence is, in the original, a flow sequence at that very place, and its items are plain
scalars made only of digits, signs and points, which YAML reads exactly as the regular
expression split them. A replacement the parser does not report as a sequence (the line was
inside a block or quoted string) leaves fewer tagged sequences than rows; the composer sees
the count fall short and parses the original text instead. A file that already holds the tag
is never rewritten.

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
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate, chain, compress
from operator import not_

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
CHUNK = 1 << 18
# A mapping entry on one line, no comment before the value (a commented-out row stays a
# comment): the key part, the numbers between the brackets, and what may follow them (a
# comment, a carriage return). Only the brackets and what is between them are replaced: the
# parser still reads everything else, so that a character it refuses (a control character in
# the comment, say) is refused as in the original. The numbers are a plan's (plan.numbers.NUMBER,
# the language of is_number): other tokens (010, 1.2.3, 5.) take the parser's path and get the
# same treatment as anywhere else.
# The names of a list (NAME) are read in the same place.
_ROW = re.compile(
    rf"^([^#\n]*?: ++)\[ *+({NUMBER}(?: *+, *+{NUMBER})*+|{NAME}(?: *+, *+{NAME})*+) *+\]"
    r"((?: +#[^\n]*)?\r?)$",
    re.MULTILINE,
)
_NUMBER_START = frozenset("+-0123456789")
# Rows of numbers on consecutive lines, keyed by plain names at one indentation, no comment
# (a Run); and each row of one: its key part, numbers and line end.
# A key is at most 256 characters: YAML refuses a key of more than 1024 written `key: value`,
# and the parser must see such a key.
_NUMBERS = rf"{NUMBER}(?: *+, *+{NUMBER})*+"
_KEY = r"[^\W\d_]\w{0,255}+"
_RUN_LINE = rf"{_KEY}: ++\[ *+{_NUMBERS} *+\]\r?\n"
_RUN = re.compile(rf"^( *+){_RUN_LINE}(?:\1{_RUN_LINE})++", re.MULTILINE)
_RUN_ROW = re.compile(rf"^( *+{_KEY}: ++)\[ *+({_NUMBERS}) *+\](\r?)$", re.MULTILINE)
# Line breaks of YAML 1.1 besides \n and \r\n: with one in the file, the parser counts lines
# otherwise than str.count("\n") does, and no rows are run together.
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


@dataclass
class Run:
    """Rows on consecutive lines, keys of one mapping: the first tagged RUN, then blank lines."""

    line: int  # the line of the first
    key_column: int  # every key's column (they share an indentation)
    keys: str  # each key followed by a colon
    rows: list[list[Decimal]]
    columns: list[int]  # each row's `[`, less one: the length of its key part


@dataclass
class Prelexed:
    text: str  # what the parser reads
    rows: list[list[Decimal]]  # each replaced sequence's values, in the order of the file
    names: list[list[str]] = field(default_factory=list)  # each list of names set aside
    runs: list[Run] = field(default_factory=list)  # each run of rows, after its RUN row


def prelex(text: str) -> Prelexed | None:
    """The file with its number rows and name lists set aside, or None when there is nothing
    to set aside."""
    if MARK in text:
        return None
    parts: list[str] = []
    rows: list[list[Decimal]] = []
    names: list[list[str]] = []
    runs: list[Run] | None = [] if _OTHER_BREAKS.search(text) is None else None
    line = 1  # of the chunk's start
    for whole in _chunks(text):
        chunk = whole if runs is None else _together(whole, line, runs)
        if chunk is None:
            return None
        line += whole.count("\n")
        # split() with three groups gives [before, key part, body, after, between, ...].
        pieces = _ROW.split(chunk)
        bodies = pieces[2::4]
        numeric = [body[0] in _NUMBER_START for body in bodies]
        found = _rows(list(compress(bodies, numeric)))
        listed = _names(list(compress(bodies, map(not_, numeric))))
        if found is None or listed is None:
            return None
        names += listed
        pieces[2::4] = [_PLACEHOLDER if number else _NAMES_PLACEHOLDER for number in numeric]
        rows += found
        parts.append("".join(pieces))
    if not rows and not names and not runs:
        return None
    return Prelexed("".join(parts), rows, names, runs or [])


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


def _rows(bodies: list[str]) -> list[list[Decimal]] | None:
    """Each body's numbers as Decimal from their printed text, at C speed throughout."""
    if not bodies:
        return []
    tokens = ",".join(bodies).replace(" ", "").split(",")
    if max(map(len, tokens)) > MAX_DIGITS:
        return None  # rare and long: the resolver decides what each one is
    values = list(map(_lookup(set(tokens)).__getitem__, tokens))
    ends = list(accumulate(body.count(",") + 1 for body in bodies))
    return list(map(values.__getitem__, map(slice, [0, *ends], ends)))


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
