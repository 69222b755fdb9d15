"""A finding's suggested corrections as every format shows them: alternatives, not steps.

Each alternative resolves the finding on its own (the total set to the parts' sum, or one part
changed by the imbalance); applying two of them breaks the column again. So the first is
marked as the most likely and the others follow it as "or", and a report marks a cell with a
proposed value only for the most likely one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planchk import messages
from planchk.findings import Suggestion


def most_likely(suggestions: Iterable[Suggestion]) -> tuple[Suggestion, ...]:
    """The changes of the most likely alternative (one cell, or several made together)."""
    listed = tuple(suggestions)
    first = min((s.alternative for s in listed), default=0)
    return tuple(s for s in listed if s.alternative == first)


def alternatives(suggestions: Iterable[Suggestion]) -> int:
    """How many distinct alternatives there are."""
    return len({s.alternative for s in suggestions})


def suggestion_text(suggestion: Suggestion) -> str:
    return messages.suggestion_text(
        suggestion.kind, suggestion.old, suggestion.new, suggestion.args
    )


def fix_lines(suggestions: Sequence[Suggestion]) -> list[str]:
    """One line per change, labelled: `suggestion:` when there is one alternative,
    `suggestion (most likely):` then `or:` when there are several, and `and:` for a further
    change of the same alternative."""
    several = alternatives(suggestions) > 1
    lines: list[str] = []
    seen: set[int] = set()
    for suggestion in sorted(suggestions, key=lambda s: s.alternative):  # stable: ties keep order
        text = suggestion_text(suggestion)
        if suggestion.alternative in seen:
            template = messages.SUGGESTION_AND
        elif not several:
            template = messages.SUGGESTION_LINE
        elif not seen:
            template = messages.SUGGESTION_MOST_LIKELY
        else:
            template = messages.SUGGESTION_OR
        seen.add(suggestion.alternative)
        lines.append(template(text=text))
    return lines
