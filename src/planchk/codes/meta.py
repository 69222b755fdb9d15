"""The meta family's codes (PC9xx): findings about planchk's own run, not about the plan.

Waivers that match nothing or name no rule (raised by planchk.suppress.waivers), and a rule
that failed (raised by planchk.engine). Declared here as data, all in one place.
"""

from __future__ import annotations

from planchk.findings import Severity
from planchk.registry import code

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
        values:
          洪都街办: [300, 50, 53]
        waivers:
          - {rule: trend-flow-decrease, where: "*.洪都街道.2022", reason: ...}  # row: 洪都街办

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
FINDINGS_CAPPED = code(
    "PC903",
    "findings-capped",
    Severity.INFO,
    "More findings of one rule in one file than are shown",
    "{count} more findings of {rule} in this file are not shown (at most {limit} per rule "
    "and file: set max-findings-per-rule in the configuration, 0 for all)",
    """
    Why: a systematic slip (a shifted column, a unit off by 10,000) can raise one finding on
    every cell; the first ones show the pattern, and thousands more only make the output too
    large to read or to upload. This finding takes the highest severity of those it stands
    for, so the exit code does not change.

    Bad:
        (600,000 PC101 findings in one generated file: the first 1,000 are shown, then
        one PC903 for the rest)

    Good:
        max-findings-per-rule = 0   # in the configuration, to see every finding
    """,
)
INTERNAL_ERROR = code(
    "PC999",
    "internal-error",
    Severity.ERROR,
    "planchk failed on this plan",
    "planchk failed while running {rule} ({error}); this is a bug in planchk, not in the "
    "plan: please report it with the file (PLANCHK_DEBUG=1 shows the traceback)",
    """
    Why: a rule that fails must not hide the other rules' findings or end in a traceback.

    Bad:
        (a bug in planchk)

    Good:
        (no bug)
    """,
)
