"""User-facing sentences that are not finding messages: one whole template each.

Templates are complete sentences with named placeholders, never assembled from fragments,
so that each can be translated as a whole.
"""

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
NO_FINDINGS = "No findings."
