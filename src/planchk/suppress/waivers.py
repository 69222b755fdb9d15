"""Waivers: findings a plan's authors accept, each with a reason.

A waived finding still shows, marked with its reason, and does not fail the run. A waiver
that names no known rule, or matches nothing, is itself reported: a misspelt waiver must
not go unnoticed (ansible-lint's lesson).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from planchk.catalog import resolve
from planchk.codes.meta import WAIVER_UNKNOWN_RULE, WAIVER_UNUSED
from planchk.findings import Finding, Location, Problem
from planchk.loader import LoadedFile
from planchk.models.common import Waiver
from planchk.registry import CodeInfo


@dataclass(frozen=True)
class PlacedWaiver:
    waiver: Waiver
    location: Location
    path: str  # the waiver's own data path, e.g. waivers.0
    codes: frozenset[str]


class WaiverSet:
    """Waivers from one source, remembering which of them matched a finding."""

    def __init__(self, placed: list[PlacedWaiver]) -> None:
        self.placed = placed
        self.used: set[int] = set()
        self.codes = frozenset(code for waiver in placed for code in waiver.codes)
        # Matching each finding against each waiver was O(findings x waivers): 2,000 waivers
        # on 100,000 findings took two minutes. A waiver for one data path is a dictionary
        # entry; only those with * ? [ are tried in turn, and only those of the finding's code.
        self._exact: dict[tuple[str, str], int] = {}
        self._patterns: dict[str, list[tuple[int, Callable[[str], object]]]] = defaultdict(list)
        for index, waiver in enumerate(placed):
            where = waiver.waiver.where
            wild = any(mark in where for mark in "*?[")
            matches = re.compile(fnmatch.translate(where)).match if wild else None
            for code in waiver.codes:
                if matches is not None:
                    self._patterns[code].append((index, matches))
                else:
                    self._exact.setdefault((code, where), index)

    @classmethod
    def from_file(cls, file: LoadedFile | None, waivers: Sequence[Waiver]) -> WaiverSet:
        if file is None:
            return cls([])
        return cls(
            [
                PlacedWaiver(
                    waiver,
                    _where(file, index),
                    f"waivers.{index}",
                    frozenset(info.code for info in resolve(waiver.rule)),
                )
                for index, waiver in enumerate(waivers)
            ]
        )

    @classmethod
    def from_config(cls, source: str, waivers: Sequence[Waiver]) -> WaiverSet:
        return cls(
            [
                PlacedWaiver(
                    waiver,
                    Location(source),
                    f"config.waivers.{index}",
                    frozenset(info.code for info in resolve(waiver.rule)),
                )
                for index, waiver in enumerate(waivers)
            ]
        )

    def mark(self, findings: list[Finding]) -> list[Finding]:
        """The findings, those a waiver matches marked with its reason."""
        marked = []
        for finding in findings:
            reason = self.reason(finding.code, finding.path) if finding.waived is None else None
            waived = None if reason is None else dataclasses.replace(finding, waived=reason)
            marked.append(finding if waived is None else waived)
        return marked

    def reason(self, code: str, path: str) -> str | None:
        """The reason of the first waiver that matches a finding of `code` at `path` (then
        counted as used), or None: asked before a deferred finding is made."""
        match = self._match(code, path)
        if match is None:
            return None
        self.used.add(match)
        return self.placed[match].waiver.reason

    def problems(self) -> Iterator[Finding]:
        """One finding per waiver that names no rule or matched nothing."""
        for index, placed in enumerate(self.placed):
            if not placed.codes:
                yield _meta(WAIVER_UNKNOWN_RULE, placed)
            elif index not in self.used:
                yield _meta(WAIVER_UNUSED, placed)

    def _match(self, code: str, path: str) -> int | None:
        """The first waiver, in the order written, that matches a finding."""
        first = self._exact.get((code, path))
        for index, matches in self._patterns.get(code, ()):
            if first is not None and index > first:
                break
            if matches(path):
                return index
        return first


def _where(file: LoadedFile, index: int) -> Location:
    line, column = file.sourcemap.nearest(("waivers", index))
    return Location(file.display, line, column)


def _meta(info: CodeInfo, placed: PlacedWaiver) -> Finding:
    args = {"rule": placed.waiver.rule, "where": placed.waiver.where}
    return info.finding(Problem(placed.location, placed.path, args))
