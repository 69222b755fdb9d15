"""Text from a plan, shown to a person: every character that a terminal, a browser or a code
review would act on, or would not show, is written out as a visible escape.

Plan names, file names and messages reach terminals (where ESC starts a control sequence that
can recolour, retitle or hide output), GitHub annotations and Markdown (where a right-to-left
override U+202E reverses what a reviewer reads), and reviews (where a zero-width space makes two
names that look alike different). `visible` is the one function every human-readable output uses
for such text; machine formats (JSON, SARIF) keep the text as it is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that change how the text around them is shown, or are not shown at all: bidi
# embeddings, overrides and isolates, marks, zero-width characters, the byte-order mark and
# the soft hyphen. (Controls, Cc, are escaped by category.)
INVISIBLE = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u00ad"
)


def visible(text: str, keep: str = "") -> str:
    """`text` with each control, bidi and invisible character as `\\u202e` (`\\x1b`, `\\t`),
    except those in `keep` (the line breaks of a format that has its own escape for them)."""
    if text.isprintable() or (keep and _without(text, keep).isprintable()):
        # the common case, at C speed: every character _shown escapes (controls, format
        # characters, surrogates, private use, noncharacters) is one str.isprintable refuses
        return text
    return "".join(c if c in keep else _shown(c) for c in text)


def _without(text: str, keep: str) -> str:
    for character in keep:
        text = text.replace(character, "")
    return text


@lru_cache(maxsize=4096)
def _shown(character: str) -> str:
    code = ord(character)
    # Noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and each plane's last two) too: XML
    # cannot hold U+FFFE or U+FFFF, so a JUnit report with one raw would not parse.
    noncharacter = code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
    if (
        noncharacter
        or character in INVISIBLE
        or unicodedata.category(character) in ("Cc", "Cf", "Cs", "Co")
    ):
        if character in "\t\n\r":
            return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}[character]
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return character


# Markdown's inline syntax (emphasis, code, links, images, tables, strikethrough, escapes) and
# the HTML characters: each shown as itself, never as markup, a tag or a table's column break.
_MARKDOWN = re.compile(r"[\\`*_\[\]|~!#]")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# What GitHub links by itself: @mentions, #123 references (escaped above), bare URLs.
_AUTOLINK = re.compile(r"@(?=\w)|(?<=[A-Za-z]):(?=//)|(?<=\bwww)\.", re.IGNORECASE)


def markdown(text: str) -> str:
    """`visible(text)` for a Markdown document (report, diff, a CI job summary): markup, HTML,
    mentions and links in a name are shown as typed. Line breaks are already escapes."""
    escaped = _MARKDOWN.sub(r"\\\g<0>", visible(text)).translate(_HTML)
    return _AUTOLINK.sub(lambda found: found.group() + "<!-- -->", escaped)


def code_span(text: str) -> str:
    """`visible(text)` as a Markdown code span (a file name and its place): fenced by more
    backticks than any run of them inside, so that a backtick in a folder's name cannot close
    the span and let what follows (`<img …>`, a link) be read as HTML or markup."""
    shown = visible(text)
    fence = "`" * (max(map(len, _BACKTICKS.findall(shown)), default=0) + 1)
    # CommonMark takes one space off each end when both have one: a name's own edge
    # backtick stays inside the span.
    pad = " " if shown[:1] == "`" or shown[-1:] == "`" else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


_BACKTICKS = re.compile(r"`+")


def visible_lines(text: str) -> str:
    """`visible` that keeps line breaks: for messages of several lines (import's notes)."""
    return visible(text, keep="\n")
