"""Where an element of a web page starts in the page's source: its line, which lxml gives
(`sourceline`), and its column, which it does not: the column of the element's own start tag
among the tags of its name on that line, counted in characters from 1 as editors and SARIF
viewers count them."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

Position = tuple[int, int]
# libxml2 stops counting lines here in the HTML parser: past it a line number is not the line
_LAST_COUNTED = 65535


def positions(root: Any, text: str) -> dict[Any, Position]:
    """Every element of the parsed page with a start tag in the source: its line and column.

    Taken before anything is dropped from the tree: the n-th <td> of a line in the tree is the
    n-th `<td` written on that line. An element the parser made up (a <tbody> the page leaves
    out) has no tag of its own there; it gets its line alone (column 1)."""
    # lxml counts lines at LF; a CRLF line keeps its CR at its end, after every tag
    source_lines = _HIDDEN.sub(_blank, text).split("\n")
    seen: Counter[tuple[int, str]] = Counter()
    found: dict[Any, Position] = {}
    for element in root.iter():
        line = element.sourceline
        if (
            not isinstance(element.tag, str)
            or not line
            or line >= min(_LAST_COUNTED, len(source_lines) + 1)
        ):
            continue
        index = seen[(line, element.tag)]
        seen[(line, element.tag)] += 1
        found[element] = (line, _column(source_lines[line - 1], element.tag, index))
    return found


# What holds markup that is not the page's: a <p> in a script's string or in a comment
_HIDDEN = re.compile(
    r"<!--.*?-->|(<(script|style|textarea|title)\b[^>]*>).*?(</\2\s*>)",
    re.IGNORECASE | re.DOTALL,
)


def _blank(match: re.Match[str]) -> str:
    """The hidden part as spaces, its line breaks kept: lines and columns stay where they were."""
    whole = match.group(0)
    opening = match.group(1) or ""
    closing = match.group(3) or ""
    inner = whole[len(opening) : len(whole) - len(closing)]
    return opening + re.sub(r"[^\n]", " ", inner) + closing


def _column(line: str, tag: str, index: int) -> int:
    starts = [m.start() for m in re.finditer(rf"<{re.escape(tag)}(?=[\s/>])", line, re.IGNORECASE)]
    return starts[index] + 1 if index < len(starts) else 1
