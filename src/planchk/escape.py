"""Text from a plan, shown to a person: every character that a terminal, a browser or a code
review would act on, or would not show, is written out as a visible escape.

Plan names, file names and messages reach terminals (where ESC starts a control sequence that
can recolour, retitle or hide output), GitHub annotations and Markdown (where a right-to-left
override U+202E reverses what a reviewer reads), and reviews (where a zero-width space makes two
names that look alike different). `visible` is the one function every human-readable output uses
for such text; machine formats (JSON, SARIF) keep the text as it is.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Characters that change how the text around them is shown, or are not shown at all: bidi
# embeddings, overrides and isolates, marks, zero-width characters, the byte-order mark and
# the soft hyphen. (Controls, Cc, are escaped by category.)
INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u00ad"
)


def visible(text: str) -> str:
    """`text` with each control, bidi and invisible character as `\\u202e` (`\\x1b`, `\\t`)."""
    if text.isascii() and text.isprintable():
        return text  # the common case, at C speed
    return "".join(map(_shown, text))


@lru_cache(maxsize=4096)
def _shown(character: str) -> str:
    if character in INVISIBLE or unicodedata.category(character) in ("Cc", "Cf", "Cs", "Co"):
        code = ord(character)
        if character in "\t\n\r":
            return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}[character]
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return character
