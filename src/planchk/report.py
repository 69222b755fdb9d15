"""A complete, sorted report: plain data that every output format renders."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, cast

from planchk.findings import Finding, Severity


class ExitCode(enum.IntEnum):
    """planchk's exit codes, documented in the README and `planchk --help`."""

    CLEAN = 0
    FINDINGS = 1  # findings at or above the failure level (or, for diff, differences)
    UNUSABLE = 2  # unusable arguments, configuration or input


EXIT_CLEAN = ExitCode.CLEAN
EXIT_FINDINGS = ExitCode.FINDINGS
EXIT_UNUSABLE = ExitCode.UNUSABLE


class Carried(Protocol):
    """Findings some of which are made only as they are read (suppress.unmade.Findings): how
    many of each (severity, waived, fatal) there are, without making them."""

    def levels(self) -> Counter[tuple[Severity, bool, bool]]: ...


@dataclass(frozen=True)
class Report:
    # A tuple, or (uncapped, issue 17) a sequence that makes deferred findings as it is read.
    findings: Sequence[Finding]
    files: tuple[str, ...]  # every file checked, as displayed
    baselined: int = 0  # findings left out because a baseline records them

    @classmethod
    def build(cls, findings: list[Finding], files: list[str]) -> Report:
        ordered = sorted(findings, key=lambda f: f.sort_key)
        return cls(tuple(ordered), tuple(sorted(set(files))))

    @property
    def active(self) -> list[Finding]:
        """Findings that count: everything not waived."""
        return [f for f in self.findings if f.waived is None]

    def levels(self) -> Counter[tuple[Severity, bool, bool]]:
        """How many findings of each (severity, waived, fatal), none made to count them."""
        if hasattr(self.findings, "levels"):
            return cast(Carried, self.findings).levels()
        return Counter((f.severity, f.waived is not None, f.fatal) for f in self.findings)

    def counts(self) -> dict[str, int]:
        counter: Counter[str] = Counter()
        for (severity, waived, _), count in self.levels().items():
            counter["waived" if waived else severity.label] += count
        counts = {s.label: counter.get(s.label, 0) for s in sorted(Severity, reverse=True)}
        counts["waived"] = counter["waived"]
        counts["baselined"] = self.baselined
        return counts

    @property
    def unusable(self) -> bool:
        """Some input could not be checked at all."""
        return any(fatal for _, _, fatal in self.levels())

    def exit_code(self, fail_on: Severity) -> ExitCode:
        levels = self.levels()
        if any(fatal for _, _, fatal in levels):
            return ExitCode.UNUSABLE
        if any(severity >= fail_on and not waived for severity, waived, _ in levels):
            return ExitCode.FINDINGS
        return ExitCode.CLEAN
