"""At most so many findings of one rule in one file, then one finding that says how many more.

A plan generated with a systematic slip (a shifted column, a unit off by 10,000) can raise the
same finding on every cell: 600,000 findings make a SARIF file of gigabytes that no reviewer
reads and a CI runner may not hold. The first findings of each rule in each file (in report
order) are kept, and one PC903 per rule and file stands for the rest, with their highest
severity, so the exit code and the failure level are what they would have been.

`Capper` applies the same cap while the rules yield, so a plan with 600,000 findings of one
rule never holds more than the limit of them (per rule and file) at once: it keeps the first
ones in report order and counts the rest, and `capped` adds that count to the summary. A
baseline is applied before it, as the findings come (suppress.baseline.Held), so that a run
with --baseline is capped early too. A finding a rule deferred (findings.Deferred) comes as a
`Later`: the cap makes it only when it may be kept, or when it is the first one left out.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from operator import itemgetter
from typing import Protocol

from planchk.codes.meta import FINDINGS_CAPPED
from planchk.findings import Arg, Deferred, Finding, Problem, Severity
from planchk.loader.sourcemap import unpack
from planchk.registry import CodeInfo
from planchk.suppress.unmade import Unmade

SortKey = tuple[str, int, int, str, str]  # Finding.sort_key: file, line, column, code, path


class Later:
    """A rule's finding not made yet: its code, file, path and configured severity, and a
    bound on where it sorts. Never waived (the engine makes those it waives) nor fatal."""

    __slots__ = ("code", "deferred", "file", "info", "path", "severity")

    def __init__(self, info: CodeInfo, deferred: Deferred, severity: Severity) -> None:
        self.info = info
        self.code = info.code
        self.deferred = deferred
        self.file, self.path = deferred.file, deferred.path  # read several times each
        self.severity = severity  # the configured one

    @property
    def earliest(self) -> SortKey:
        """No later in report order than the finding: its sort key at its `earliest` place."""
        line, column = unpack(self.deferred.earliest)
        return (self.file, line, column, self.code, self.path)

    def make(self) -> Finding:
        finding = self.info.finding(self.deferred.problem())
        if finding.severity == self.severity:
            return finding
        return dataclasses.replace(finding, severity=self.severity)


class Holds(Protocol):
    """What may stand before the cap and hold findings back (suppress.baseline.Held)."""

    def offer(self, seq: int, finding: Finding | Later) -> tuple[int, Finding | Later] | None: ...

    def paths(self, file: str, code: str) -> AbstractSet[str]:
        """The paths at which it may hold back a finding of `code` in `file`."""
        ...

    def take(self, file: str, code: str, path: str) -> bool:
        """Holds back, unmade, the only finding of `code` at `path` a rule yields, if it may."""
        ...


Key = tuple[str, str]  # (code, file)
Record = Callable[[str, str, str], None]  # (file, code, path) of a finding


def _record(record: Record, item: Finding | Later) -> None:
    """An active finding's entry (a deferred one is never waived nor fatal): not made."""
    if isinstance(item, Later):
        record(item.file, item.code, item.path)
    elif not item.fatal and item.waived is None:
        record(item.location.file, item.code, item.path)


@dataclasses.dataclass
class Overflow:
    """What the cap left out of one rule in one file before the end: how many, the most severe,
    and the first in report order (where the summary points)."""

    count: int
    severity: Severity
    first: Finding
    first_key: SortKey  # first.sort_key, asked for every finding left out unmade


class Capper:
    """The first `limit` active findings of each rule and file, in report order, as they come.

    Holds at most `limit` active findings per (code, file); waived and fatal ones are always
    kept. The kept findings come out in the order they were added, so sorting them later gives
    what sorting everything would have given (the sort is stable).
    """

    def __init__(
        self, limit: int, baseline: Holds | None = None, record: Record | None = None
    ) -> None:
        self.limit = limit
        self.baseline = baseline  # what it holds back never reaches the cap
        # Given (file, code, path) of every active finding that reaches the cap, kept or
        # not: the entries of a baseline being written (suppress.baseline.Recorder).
        self.record = record
        self.overflow: dict[Key, Overflow] = {}
        self._passed: list[tuple[int, Finding]] = []  # waived and fatal: never capped
        # Per key a max-heap (negated order) of the `limit` first findings seen so far.
        self._heaps: dict[Key, list[tuple[Reversed, int, Finding]]] = {}
        self._seq = 0
        # No limit: deferred findings are kept unmade for the report (suppress.unmade), one
        # store per rule run (its `make`), made as they are written.
        self.unmade: dict[int, Unmade] = {}

    @property
    def held(self) -> int:
        return len(self._passed) + sum(len(heap) for heap in self._heaps.values())

    def add(self, finding: Finding | Later) -> None:
        self._seq += 1
        if self.baseline is None:
            self._keep(self._seq, finding)
            return
        # The baseline passes on this finding or one it held before, with its own number:
        # the order they came in decides between findings at one place, as before.
        passed = self.baseline.offer(self._seq, finding)
        if passed is not None:
            self._keep(*passed)

    def _keep(self, seq: int, item: Finding | Later) -> None:
        if self.record is not None:
            _record(self.record, item)
        if isinstance(item, Later):
            if self.limit <= 0:
                self._keep_unmade(seq, item)
                return
            heap = self._heaps.get((item.code, item.file)) if self.limit > 0 else None
            if heap is not None and len(heap) >= self.limit:
                earliest = item.earliest
                if earliest >= heap[0][0].key:
                    # It sorts at or after the last one kept, and came later: left out unmade.
                    self._leave_out_later(item, earliest)
                    return
            finding = item.make()
        else:
            finding = item
        if self.limit <= 0 or finding.fatal or finding.waived is not None:
            self._passed.append((seq, finding))
            return
        heap = self._heaps.setdefault((finding.code, finding.location.file), [])
        entry = (Reversed(finding.sort_key), -seq, finding)
        if len(heap) < self.limit:
            heapq.heappush(heap, entry)
        else:  # the later of this one and the last kept one is left out
            self._leave_out(heapq.heappushpop(heap, entry)[2])

    def left_out_after(self, key: Key) -> tuple[int, int] | None:
        """A place (line, column) after which a finding of `key` not made yet would be left
        out unmade and only counted: after the last one kept and the first left out. None
        while the cap may still keep one, or has left none out (findings.Tally)."""
        heap = self._heaps.get(key)
        seen = self.overflow.get(key)
        if heap is None or seen is None or len(heap) < self.limit:
            return None
        last_kept = heap[0][0].key
        return max((last_kept[1], last_kept[2]), (seen.first_key[1], seen.first_key[2]))

    def count(self, key: Key, count: int, severity: Severity) -> None:
        """`count` findings of `key` a rule counted after `left_out_after`, of `severity`."""
        if count:
            seen = self.overflow[key]  # counted only after one was left out
            seen.count += count
            seen.severity = max(seen.severity, severity)

    def _keep_unmade(self, seq: int, item: Later) -> None:
        deferred = item.deferred
        store = self.unmade.get(id(deferred.make))
        if store is None:  # the store holds the `make` whose id it is filed under
            store = self.unmade[id(deferred.make)] = Unmade(item.info, deferred, item.severity)
        store.add(seq, deferred)

    def numbered(self) -> list[tuple[int, Finding]]:
        """Every kept finding with the order it came in (no limit: each one is kept)."""
        assert not self._heaps
        return self._passed

    def findings(self) -> list[Finding]:
        """Every kept finding, in the order added."""
        if not self._heaps and self.baseline is None:  # no limit or none active: in order
            return [finding for _, finding in self._passed]
        if not self._heaps:  # a baseline passes on what it held later than it came
            return [finding for _, finding in sorted(self._passed, key=itemgetter(0))]
        kept = [(-entry[1], entry[2]) for heap in self._heaps.values() for entry in heap]
        return [finding for _, finding in sorted([*self._passed, *kept], key=lambda e: e[0])]

    def _leave_out_later(self, item: Later, earliest: SortKey) -> None:
        """Counted and its severity taken; made only if it may be the first left out."""
        seen = self.overflow.get((item.code, item.file))
        if seen is None or earliest < seen.first_key:
            self._leave_out(item.make())
            return
        seen.count += 1
        seen.severity = max(seen.severity, item.severity)

    def _leave_out(self, finding: Finding) -> None:
        key = (finding.code, finding.location.file)
        seen = self.overflow.get(key)
        if seen is None:
            self.overflow[key] = Overflow(1, finding.severity, finding, finding.sort_key)
            return
        seen.count += 1
        seen.severity = max(seen.severity, finding.severity)
        if finding.sort_key < seen.first_key:
            seen.first, seen.first_key = finding, finding.sort_key


class Reversed:
    """Reverses the order of a sort key (heapq is a min-heap; the cap drops the largest)."""

    __slots__ = ("key",)

    def __init__(self, key: SortKey) -> None:
        self.key = key

    def __lt__(self, other: Reversed) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reversed) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


def capped(
    findings: Sequence[Finding], limit: int, overflow: Mapping[Key, Overflow] | None = None
) -> Sequence[Finding]:
    """`findings` (sorted) with at most `limit` active ones per (code, file); 0: no limit.
    `findings` itself when none is left out. `overflow`: what a `Capper` already left out.

    Waived and fatal findings are never counted or dropped: waivers show what was accepted,
    and a file that could not be read must say so.
    """
    if limit <= 0:
        return findings
    kept: list[Finding] = []
    seen: Counter[Key] = Counter()
    over: dict[Key, list[Finding]] = {}
    for finding in findings:
        key = (finding.code, finding.location.file)
        if finding.fatal or finding.waived is not None or seen[key] < limit:
            kept.append(finding)
            seen[key] += not (finding.fatal or finding.waived is not None)
        else:
            over.setdefault(key, []).append(finding)
    earlier = dict(overflow or {})
    if not over and not earlier:
        return findings
    summaries = [_summary(dropped, limit, earlier.pop(key, None)) for key, dropped in over.items()]
    summaries += [_summary([], limit, rest) for rest in earlier.values()]
    # In the order of the first finding each stands for, as one pass over them all gives.
    summaries.sort(key=lambda pair: pair[0])
    return kept + [summary for _, summary in summaries]


def _summary(
    dropped: list[Finding], limit: int, earlier: Overflow | None
) -> tuple[tuple[str, int, int, str, str], Finding]:
    """The PC903 for what was left out of one rule and file, and where the first of it sorts."""
    firsts = dropped[:1] + ([earlier.first] if earlier else [])
    first = min(firsts, key=lambda f: f.sort_key)
    count = len(dropped) + (earlier.count if earlier else 0)
    severities = [f.severity for f in dropped] + ([earlier.severity] if earlier else [])
    args: dict[str, Arg] = {"rule": f"{first.code} {first.slug}", "count": count, "limit": limit}
    summary = FINDINGS_CAPPED.finding(Problem(first.location, first.path, args))
    return first.sort_key, dataclasses.replace(summary, severity=max(severities))
