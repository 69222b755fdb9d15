"""The meta family's codes (PC9xx): findings about planchk's own run, not about the plan.

Waivers that match nothing or name no rule (raised by planchk.suppress.waivers), a rule
that failed (raised by planchk.engine), and a plan file's setting that a change weakens
(raised by planchk.diff.weakened). Declared here as data, all in one place.
"""

from __future__ import annotations

from collections.abc import Mapping

from planchk.findings import Arg, Severity
from planchk.messages import message, words
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
# PC904's words: a setting not written, a relation taken out, and what each weakening does.
NOT_SET = message("term.setting-not-set", "not set")
REMOVED = message("term.setting-removed", "removed")
WEAKENED_EFFECTS = {
    "sum": message(
        "term.weakened-sum", "its parts are held to their total less strictly, or not at all"
    ),
    "trend": message(
        "term.weakened-trend", "a fall from one year to the next is reported less, or not at all"
    ),
    "tolerance": message(
        "term.weakened-tolerance", "a larger miss between parts and total passes as rounding"
    ),
    "blank": message("term.weakened-blank", "a column with a blank cell is no longer summed"),
    "decimals": message(
        "term.weakened-decimals", "figures printed with different decimals are no longer reported"
    ),
    "kind": message(
        "term.weakened-kind",
        "checks its kind made are off (period totals, whole counts or negative figures)",
    ),
    "whole": message("term.weakened-whole", "its figures need no longer be whole numbers"),
    "relation": message("term.weakened-relation", "the relation is no longer checked"),
    "open": message("term.weakened-open", "any office of its kinds now counts as a member"),
    "kinds": message("term.weakened-kinds", "offices of more kinds now count as members"),
}


def _weakened_words(args: Mapping[str, Arg]) -> Mapping[str, Arg]:
    states = {NOT_SET.key: NOT_SET, REMOVED.key: REMOVED}
    effects = str(args["effect"]).split(",")
    return {
        **args,
        "old": words(states, args["old"]),
        "new": words(states, args["new"]),
        "effect": "; ".join(words(WEAKENED_EFFECTS, effect) for effect in effects),
    }


CHECK_WEAKENED = code(
    "PC904",
    "check-weakened",
    Severity.ERROR,
    "A change weakens a check the plan file sets",
    "{setting}: {old} → {new} weakens the plan's own check: {effect}",
    """
    Why: the plan files hold settings of their own checks (`sum`, `tolerance`, `trend`,
    `kind`, `blank`, `decimals`, a unit's `whole`, `relations`, an office group's `open`).
    A pull request that changes a figure and turns its check off in the same change passes
    `validate`, whatever configuration it is checked with; `planchk diff` reports each
    setting the new revision makes weaker than the old one has it (an indicator whose id
    changed is matched by its name), and `--fail-on-new` counts it. A setting that must be
    weaker is a change of its own, reviewed as such. A stronger setting is no finding, nor
    are the settings of an indicator the change adds.

    Bad:
        # the base revision: sum not set (exact); the pull request, with a figure it changes:
        indicators:
          x:
            sum: none

    Good:
        indicators:
          x:
            sum: exact
    """,
    localize=_weakened_words,
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
