"""Waivers: findings a plan's authors accept, each with a reason.

A waived finding still shows, marked with its reason, and does not fail the run. A waiver
that names no known rule, or matches nothing, is itself reported: a misspelt waiver must
not go unnoticed (ansible-lint's lesson).
"""

from __future__ import annotations

import dataclasses
import fnmatch
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from planchk.findings import Finding, Location, Problem, Severity
from planchk.loader import LoadedFile
from planchk.models.common import Waiver
from planchk.registry import CodeInfo, code, resolve

WAIVER_UNUSED = code(
    "PC901",
    "waiver-unused",
    Severity.WARNING,
    "A waiver matches no finding",
    "this waiver ({rule} at {where}) matches no finding; remove it, or correct its rule or path",
    """
    Why: a waiver for a finding that was fixed, or one with a misspelt path, hides nothing
    today but would silently hide a future finding.

    Bad:
        waivers:
          - {rule: trend-flow-decrease, where: "*.洪都街道.2022", reason: ...}  # rows say 洪都街办

    Good:
        waivers:
          - {rule: trend-flow-decrease, where: "*.洪都街办.2022", reason: ...}
    """,
)
WAIVER_UNKNOWN_RULE = code(
    "PC902",
    "waiver-unknown-rule",
    Severity.ERROR,
    "A waiver names no known rule",
    "this waiver names `{rule}`, which is not a rule code, slug or family; see `planchk rules`",
    """
    Why: a waiver for a rule that does not exist waives nothing, and the finding it meant
    to accept still shows, or worse, the author believes it is handled.

    Bad:
        waivers:
          - {rule: trend-flow-decline, reason: ...}

    Good:
        waivers:
          - {rule: trend-flow-decrease, reason: ...}
    """,
)


@dataclass(frozen=True)
class PlacedWaiver:
    waiver: Waiver
    location: Location
    codes: frozenset[str]


def collect(file: LoadedFile | None, waivers: Sequence[Waiver]) -> list[PlacedWaiver]:
    if file is None:
        return []
    placed = []
    for index, waiver in enumerate(waivers):
        line, column = file.sourcemap.nearest(("waivers", index))
        codes = frozenset(info.code for info in resolve(waiver.rule))
        placed.append(PlacedWaiver(waiver, Location(file.display, line, column), codes))
    return placed


def apply(findings: list[Finding], waivers: list[PlacedWaiver]) -> Iterator[Finding]:
    """The findings with matching ones marked waived, then one finding per bad waiver."""
    used: set[int] = set()
    for finding in findings:
        match = _match(finding, waivers)
        if match is None:
            yield finding
        else:
            used.add(match)
            yield dataclasses.replace(finding, waived=waivers[match].waiver.reason)
    for index, placed in enumerate(waivers):
        if not placed.codes:
            yield _meta(WAIVER_UNKNOWN_RULE, placed, index)
        elif index not in used:
            yield _meta(WAIVER_UNUSED, placed, index)


def _match(finding: Finding, waivers: list[PlacedWaiver]) -> int | None:
    for index, placed in enumerate(waivers):
        if finding.code in placed.codes and fnmatch.fnmatchcase(finding.path, placed.waiver.where):
            return index
    return None


def _meta(info: CodeInfo, placed: PlacedWaiver, index: int) -> Finding:
    waiver = placed.waiver
    problem = Problem(
        placed.location, f"waivers.{index}", {"rule": waiver.rule, "where": waiver.where}
    )
    return info.finding(problem)
