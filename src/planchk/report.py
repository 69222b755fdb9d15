"""A complete, sorted report: plain data that every output format renders."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass

from planchk.findings import Finding, Severity


class ExitCode(enum.IntEnum):
    """planchk's exit codes, documented in the README and `planchk --help`."""

    CLEAN = 0
    FINDINGS = 1  # findings at or above the failure level (or, for diff, differences)
    UNUSABLE = 2  # unusable arguments, configuration or input


EXIT_CLEAN = ExitCode.CLEAN
EXIT_FINDINGS = ExitCode.FINDINGS
EXIT_UNUSABLE = ExitCode.UNUSABLE


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
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

    def counts(self) -> dict[str, int]:
        counter = Counter(f.severity.label for f in self.active)
        counts = {s.label: counter.get(s.label, 0) for s in sorted(Severity, reverse=True)}
        counts["waived"] = len(self.findings) - len(self.active)
        counts["baselined"] = self.baselined
        return counts

    @property
    def unusable(self) -> bool:
        """Some input could not be checked at all."""
        return any(f.fatal for f in self.findings)

    def exit_code(self, fail_on: Severity) -> ExitCode:
        if self.unusable:
            return ExitCode.UNUSABLE
        if any(f.severity >= fail_on for f in self.active):
            return ExitCode.FINDINGS
        return ExitCode.CLEAN
