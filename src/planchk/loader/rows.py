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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate, repeat

from planchk.loader.scalars import CACHE_LIMIT, number_cache
from planchk.plan.numbers import MAX_DIGITS, NUMBER

MARK = "!planchk-row"
_PLACEHOLDER = MARK + " []"
CHUNK = 1 << 18
# A mapping entry on one line, no comment before the value (a commented-out row stays a
# comment): the key part, the numbers between the brackets, and what may follow them (a
# comment, a carriage return). Only the brackets and what is between them are replaced: the
# parser still reads everything else, so that a character it refuses (a control character in
# the comment, say) is refused as in the original. The numbers are a plan's (plan.numbers.NUMBER,
# the language of is_number): other tokens (010, 1.2.3, 5.) take the parser's path and get the
# same treatment as anywhere else.
_ROW = re.compile(
    rf"^([^#\n]*?: ++)\[ *+({NUMBER}(?: *+, *+{NUMBER})*+) *+\]((?: +#[^\n]*)?\r?)$",
    re.MULTILINE | re.ASCII,
)


@dataclass
class Prelexed:
    text: str  # what the parser reads
    rows: list[list[Decimal]]  # each replaced sequence's values, in the order of the file


def prelex(text: str) -> Prelexed | None:
    """The file with its number rows set aside, or None when there is nothing to set aside."""
    if MARK in text:
        return None
    parts: list[str] = []
    rows: list[list[Decimal]] = []
    for chunk in _chunks(text):
        # split() with three groups gives [before, key part, numbers, after, between, ...].
        pieces = _ROW.split(chunk)
        bodies = pieces[2::4]
        found = _rows(bodies) if bodies else []
        if found is None:
            return None
        rows += found
        pieces[2::4] = repeat(_PLACEHOLDER, len(bodies))
        parts.append("".join(pieces))
    return Prelexed("".join(parts), rows) if rows else None


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
    tokens = ",".join(bodies).replace(" ", "").split(",")
    if max(map(len, tokens)) > MAX_DIGITS:
        return None  # rare and long: the resolver decides what each one is
    values = list(map(_lookup(set(tokens)).__getitem__, tokens))
    ends = list(accumulate(body.count(",") + 1 for body in bodies))
    return list(map(values.__getitem__, map(slice, [0, *ends], ends)))


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
