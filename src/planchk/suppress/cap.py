"""At most so many findings of one rule in one file, then one finding that says how many more.

A plan generated with a systematic slip (a shifted column, a unit off by 10,000) can raise the
same finding on every cell: 600,000 findings make a SARIF file of gigabytes that no reviewer
reads and a CI runner may not hold. The first findings of each rule in each file (in report
order) are kept, and one PC903 per rule and file stands for the rest, with their highest
severity, so the exit code and the failure level are what they would have been.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from planchk.codes.meta import FINDINGS_CAPPED
from planchk.findings import Arg, Finding, Problem


def capped(findings: Sequence[Finding], limit: int) -> Sequence[Finding]:
    """`findings` (sorted) with at most `limit` active ones per (code, file); 0: no limit.
    `findings` itself when none is left out.

    Waived and fatal findings are never counted or dropped: waivers show what was accepted,
    and a file that could not be read must say so.
    """
    if limit <= 0:
        return findings
    kept: list[Finding] = []
    seen: Counter[tuple[str, str]] = Counter()
    over: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        key = (finding.code, finding.location.file)
        if finding.fatal or finding.waived is not None or seen[key] < limit:
            kept.append(finding)
            seen[key] += not (finding.fatal or finding.waived is not None)
        else:
            over.setdefault(key, []).append(finding)
    if not over:
        return findings
    return kept + [_summary(dropped, limit) for dropped in over.values()]


def _summary(dropped: list[Finding], limit: int) -> Finding:
    first = dropped[0]
    args: dict[str, Arg] = {
        "rule": f"{first.code} {first.slug}", "count": len(dropped), "limit": limit,
    }  # fmt: skip
    summary = FINDINGS_CAPPED.finding(Problem(first.location, first.path, args))
    return dataclasses.replace(summary, severity=max(f.severity for f in dropped))
