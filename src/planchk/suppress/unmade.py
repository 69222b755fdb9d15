"""Findings a report carries unmade, made one at a time as they are written (issue 17).

With no cap (`max-findings-per-rule = 0`, which a pull request's own configuration may set),
every finding of a plan that fires on each of its 600,000 cells is reported. Made and held
for the sorted output, they took 993 MB. A rule's deferred findings (findings.Deferred) are
kept instead as `Unmade`: per finding its row's packed place (a bound: the cell sorts at or
after it), the order it came in and its key, about a hundred bytes. `Findings` is the
report's sequence: it merges them with the findings already made, in report order, making
each as it is read; counting them needs none made (each has its rule's severity and is
neither waived nor fatal).
"""

from __future__ import annotations

import dataclasses
import heapq
import os
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, overload

from planchk.codes.meta import INTERNAL_ERROR
from planchk.findings import Deferred, Finding, Location, Problem, Severity
from planchk.loader.sourcemap import unpack
from planchk.registry import CodeInfo

# An entry of the merge: a lower bound of the finding's sort key, the order it came in, a
# tie-break among findings made before the checks (which all come as 0), and what it is.
Bound = tuple[str, int, int, str, str]
Entry = tuple[Bound, int, int, Any, int]


class Unmade:
    """One rule's deferred findings in one file, from one plan's run: made as they are read."""

    __slots__ = (
        "code", "failed", "file", "info", "keys", "make", "ordered", "places", "seqs", "severity"
    )  # fmt: skip

    def __init__(self, info: CodeInfo, deferred: Deferred, severity: Severity) -> None:
        self.info, self.code, self.file = info, info.code, deferred.file
        self.make = deferred.make  # shared by the rule's deferred findings
        self.severity = severity  # the configured one
        self.places = array("q")  # each one's row, packed (loader.sourcemap.pack)
        self.seqs = array("q")  # the order each came in (suppress.cap.Capper)
        self.keys: list[Any] = []  # what `make` needs of each
        self.ordered = True  # came in report order (the usual case): no sort needed
        self.failed = 0  # made as PC999 (a bug in making them): counted as fatal from then

    def add(self, seq: int, deferred: Deferred) -> None:
        place, places, seqs = deferred.earliest, self.places, self.seqs
        if places and (place < places[-1] or (place == places[-1] and seq < seqs[-1])):
            self.ordered = False
        places.append(place)
        seqs.append(seq)
        self.keys.append(deferred.key)

    def __len__(self) -> int:
        return len(self.keys)

    def entries(self) -> Iterator[Entry]:
        """Each finding's merge entry, in the order of their bounds."""
        places, seqs, file = self.places, self.seqs, self.file
        order: Sequence[int] = range(len(places))
        if not self.ordered:
            order = sorted(order, key=lambda index: (places[index], seqs[index]))
        for index in order:
            line, column = unpack(places[index])
            yield (file, line, column, "", ""), seqs[index], 0, self, index

    def finding(self, index: int) -> Finding:
        try:
            finding = self.info.finding(self.make(self.keys[index]))
        # A bug in making one (which the engine would have reported as PC999 had it made
        # it while the rule ran) must not end the writing in a traceback.
        except Exception as error:
            if os.environ.get("PLANCHK_DEBUG"):
                raise
            self.failed += 1
            return self._failure(index, error)
        if finding.severity == self.severity:
            return finding
        return dataclasses.replace(finding, severity=self.severity)

    def _failure(self, index: int, error: Exception) -> Finding:
        line, column = unpack(self.places[index])
        args = {
            "rule": f"{self.code} {self.info.slug}",
            "error": f"{type(error).__name__}: {error}",
        }
        where = Location(self.file, line, column)
        return INTERNAL_ERROR.finding(Problem(where, "", args), fatal=True)


class Findings(Sequence[Finding]):
    """A report's findings, some of them unmade: in report order (sort key, then the order
    they came in), as `Report.build` sorts made ones. Each read makes them again."""

    def __init__(self, made: list[tuple[int, Finding]], unmade: list[Unmade]) -> None:
        """`made`: each with the order it came in (0 for those before the rules ran, which
        keep their order among themselves)."""
        self._made = sorted(made, key=lambda entry: (entry[1].sort_key, entry[0]))
        self._unmade = unmade
        self._length = len(made) + sum(map(len, unmade))

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Finding]:
        streams = [self._made_entries(), *(unmade.entries() for unmade in self._unmade)]
        ready: list[tuple[Bound, int, int, Finding]] = []  # made, by their own sort key
        for bound, seq, tie, source, index in heapq.merge(*streams):
            # Whatever is made and sorts before this bound sorts before all that is left.
            while ready and (ready[0][0], ready[0][1], ready[0][2]) < (bound, seq, tie):
                yield heapq.heappop(ready)[3]
            finding = source.finding(index) if isinstance(source, Unmade) else source
            heapq.heappush(ready, (finding.sort_key, seq, tie, finding))
        while ready:
            yield heapq.heappop(ready)[3]

    def _made_entries(self) -> Iterator[Entry]:
        for tie, (seq, finding) in enumerate(self._made):
            yield finding.sort_key, seq, tie, finding, 0

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        return tuple(self)[index]  # every one made: for small reports (tests, a document)

    def groups(self) -> dict[str, dict[str, Findings]]:
        """The findings of each file and code (JUnit's test cases), each a sequence of its
        own, made as it is read, in report order."""
        made: dict[tuple[str, str], list[tuple[int, Finding]]] = {}
        for seq, finding in self._made:  # in report order: those of 0 keep theirs
            made.setdefault((finding.location.file, finding.code), []).append((seq, finding))
        unmade: dict[tuple[str, str], list[Unmade]] = {}
        for store in self._unmade:
            unmade.setdefault((store.file, store.code), []).append(store)
        grouped: dict[str, dict[str, Findings]] = {}
        for file, code in sorted(made.keys() | unmade.keys()):
            group = Findings(made.get((file, code), []), unmade.get((file, code), []))
            grouped.setdefault(file, {})[code] = group
        return grouped

    def levels(self) -> Counter[tuple[Severity, bool, bool]]:
        """How many findings of each (severity, waived, fatal), none of them made."""
        counted = Counter((f.severity, f.waived is not None, f.fatal) for _, f in self._made)
        for unmade in self._unmade:
            counted[unmade.severity, False, False] += len(unmade) - unmade.failed
            if unmade.failed:  # found while written: the exit code says so (2)
                counted[Severity.ERROR, False, True] += unmade.failed
        return counted
