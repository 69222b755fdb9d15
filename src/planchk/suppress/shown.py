"""What a capped run shows, gathered from an uncapped report as it is read.

`validate --write-baseline` records every finding (a baseline of the capped ones left the
rest to come back as new on the next run: 1,500 falls, 1,000 recorded, 500 "new"), so it
checks with no cap; its output shows what the configured cap shows. The findings come in
report order, each once (as the baseline is written), and `Shown` keeps the first `limit` of
each rule and file, and counts the rest as the cap does (suppress.cap.Overflow): never more
than the limit held, however many are read.
"""

from __future__ import annotations

from collections import Counter

from planchk.findings import Finding
from planchk.suppress.cap import Key, Overflow, capped


class Shown:
    """The first `limit` active findings of each rule and file, then a PC903 for the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept: list[Finding] = []
        self.seen: Counter[Key] = Counter()
        self.overflow: dict[Key, Overflow] = {}

    def add(self, finding: Finding) -> None:
        """The next finding in report order."""
        key = (finding.code, finding.location.file)
        if self.limit <= 0 or finding.fatal or finding.waived is not None:
            self.kept.append(finding)
        elif self.seen[key] < self.limit:
            self.seen[key] += 1
            self.kept.append(finding)
        elif key not in self.overflow:  # the first left out: where the summary points
            self.overflow[key] = Overflow(1, finding.severity, finding, finding.sort_key)
        else:
            over = self.overflow[key]
            over.count += 1
            over.severity = max(over.severity, finding.severity)

    def findings(self) -> list[Finding]:
        """The kept findings and one PC903 per rule and file left out, in report order (each
        summary where the first it stands for sorts, as engine.check_discovery sorts them)."""
        return sorted(capped(self.kept, self.limit, self.overflow), key=lambda f: f.sort_key)
