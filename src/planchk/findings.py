"""The one shape every result takes: a Finding, and the pieces it is made of.

Rules yield `Problem`s (where, which data path, the numbers behind the message); the engine
turns them into `Finding`s by adding the code, slug, severity and rendered message. Keeping the
numbers as data means formatters and tests never parse prose. A rule that may fire on every
cell of a large table yields `Deferred` problems instead: the engine makes the problem only if
the finding is kept (issue 17: 600,000 findings made, 1,000 shown).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

# What a finding may carry as data: plain values that every output format can render.
Arg = str | int | Decimal | None | tuple[str, ...]


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file: 1-based line and column (columns count characters, not bytes); in a
    plan document, the place in its own terms (附件 表2 第4行), with the line and column where it
    starts in a text export or a web page's source (a .docx has no lines: 0)."""

    file: str
    line: int = 0
    column: int = 0
    place: str = ""

    def __str__(self) -> str:
        if self.place and self.line > 0:  # a .txt or a web page: its line, for an editor
            return f"{self.file}:{self.line}:{max(self.column, 1)}: {self.place}"
        if self.place:
            return f"{self.file}: {self.place}"
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A correction that would resolve a finding: which cell, from what to what, and why.

    A finding's suggestions are alternatives, not steps: each `alternative` resolves the
    finding on its own (applying two of them breaks the column again). Alternative 0 is the
    most likely; changes that share an alternative are made together (舍位平衡 rounds several
    parts of one column).
    """

    path: str  # the data path of the cell to change
    location: Location
    old: str  # as printed
    new: str  # as it would be printed
    kind: str  # the typing slip that explains it: swap, digit, column, shift, unit, ...
    score: float  # plausibility; suggestions are listed best first
    args: Mapping[str, Arg] = field(default_factory=dict)  # for the message: area, year, ...
    alternative: int = 0  # which alternative this change belongs to; 0 is the most likely


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: where, the data path that identifies it, and its message arguments."""

    location: Location
    path: str
    args: Mapping[str, Arg] = field(default_factory=dict)
    related: tuple[Location, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()


class Deferred(NamedTuple):
    """A problem not made yet: what waivers, a baseline and the cap decide on, and how to make
    the rest (the position through the source map, the message arguments) if it is kept.

    `earliest` is a packed place (loader.sourcemap.pack) no later than the one the problem
    gets (the start of the cell's row: the cell sits on or after it), so that the cap can
    tell a finding it will leave out without making it. `make(key)` gives the Problem in
    `file` at `path`: `make` is shared by a rule's deferred findings and `key` holds the few
    references that tell this one apart, so that a report of 600,000 findings can carry them
    unmade (suppress.unmade) at about a hundred bytes each. A tuple, not a frozen dataclass:
    one is made per finding, and a tuple is made at C speed.
    """

    file: str
    path: str
    earliest: int  # packed (line, column)
    make: Callable[[Any], Problem]
    key: Any = None

    def problem(self) -> Problem:
        return self.make(self.key)


# The most related locations a finding lists: the first parts of a column that does not add
# up, say, not all 600,000 of them (issue 17: finding and writing them was most of a large
# plan's run). GitHub code scanning shows 100 locations of a result and refuses more than 1,000.
MAX_RELATED = 100

# Above every place a source map packs (loader.sourcemap.pack): a Tally that counts nothing.
NEVER = 1 << 64


class Tally:
    """Deferred findings a rule counts instead of yielding: those the cap would leave out
    unmade, as a number (issue 17: 600,000 findings of one rule, 1,000 shown).

    The engine gives the running rule one (PlanContext.tally) and sets `after`, a packed place
    in the targets file: a deferred finding of the rule whose row starts after it would be
    left out, and is not the first left out (the summary's place), so the rule only adds it
    to `count`. `after` stays NEVER while the cap may keep or make one, and whenever a
    waiver may want one. It only falls as the cap fills (a place it gave stays safe), and
    the rule reads it again for each row. A row holding a cell at one of the `held` paths
    (the baseline's entries of the code in the file) is not counted: a rule that yields at
    most one finding a cell asks `take(path)` (set once it has deferred one), which holds
    the finding there back as the baseline would, unmade; other rules yield it.
    """

    __slots__ = ("after", "count", "held", "take")

    def __init__(self, held: AbstractSet[str] = frozenset()) -> None:
        self.after = NEVER
        self.count = 0
        self.held = held
        self.take: Callable[[str], bool] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem with its code, severity and message: what every formatter renders."""

    code: str
    slug: str
    severity: Severity
    message: str
    location: Location
    path: str
    args: Mapping[str, Arg] = field(default_factory=dict)
    related: tuple[Location, ...] = ()
    waived: str | None = None  # the waiver's reason when the plan's authors accept the finding
    fatal: bool = False  # the file could not be checked (unreadable, not YAML, schema-invalid)
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code, self.path)
