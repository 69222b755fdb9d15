"""User-facing sentences that are not finding messages: one whole template each.

Templates are complete sentences with named placeholders, never assembled from fragments,
so that each can be translated as a whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planchk.findings import Severity
    from planchk.report import Report

SUMMARY_PASSED = (
    "Checked {files} file(s): {error} errors, {warning} warnings, {info} info, "
    "{waived} waived. Passed."
)
SUMMARY_FAILED = (
    "Checked {files} file(s): {error} errors, {warning} warnings, {info} info, "
    "{waived} waived. Failed: findings at {fail_on} level or above."
)
SUMMARY_UNUSABLE = (
    "Checked {files} file(s): {error} errors, {warning} warnings, {info} info, "
    "{waived} waived. Failed: some input could not be read or is not a valid plan file."
)
BASELINED = "{baselined} finding(s) recorded in the baseline are not shown."
WAIVED_MESSAGE = "{message} (waived: {reason})"
BASELINE_WRITTEN = "Wrote {count} finding(s) to the baseline {path}."
USAGE_ERROR = "planchk: error: {message}"
UNKNOWN_RULE = "`{rule}` is not a rule code or slug; `planchk rules` lists them"


def summary(report: Report, fail_on: Severity) -> str:
    """The closing line of a report: counts, then whether the run passed."""
    args = {**report.counts(), "files": len(report.files), "fail_on": fail_on.label}
    if report.unusable:
        template = SUMMARY_UNUSABLE
    elif report.exit_code(fail_on):
        template = SUMMARY_FAILED
    else:
        template = SUMMARY_PASSED
    text = template.format_map(args)
    if report.baselined:
        text += "\n" + BASELINED.format_map(args)
    return text


# planchk diff
DIFF_HEADER = "planchk diff: {old} → {new}"
DIFF_NO_CHANGES = "No differences in the plan."
DIFF_VALUES_HEADING = "{name} ({indicator}), unit {unit}"
DIFF_OTHER_HEADING = "Other changes"
DIFF_FINDINGS_HEADING = "Findings"
DIFF_INTRODUCED = "Introduced by the new revision ({count}):"
DIFF_RESOLVED = "Resolved by the new revision ({count}):"
DIFF_REMAINING = "Remaining in both revisions: {count}"
DIFF_UNUSABLE = "Could not be read ({count}):"
DIFF_SUMMARY = (
    "{changes} change(s); findings: {introduced} introduced, {resolved} resolved, "
    "{remaining} remaining."
)
DIFF_TOTAL_NOTE = "total; parts changed: {parts}"
DIFF_COLUMNS = ("area", "year", "old", "new", "change", "note")
