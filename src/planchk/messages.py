"""User-facing sentences that are not finding messages: one whole template each.

Each is a `Message` with a stable key and its English template; calling it renders the
template in the current language (planchk.i18n). Templates are complete sentences with named
placeholders, never assembled from fragments, so that each can be translated as a whole.

Over the 300 lines modules aim for: a list of declarations, grouped by command, which a
translator reads from top to bottom.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from planchk import i18n
from planchk.errors import NotARegularFile, TooLarge
from planchk.errors import PlanchkError as PlanchkError  # noqa: PLC0414 (re-exported: its home is planchk.errors)

if TYPE_CHECKING:
    from planchk.findings import Severity
    from planchk.report import Report

CATALOGUE: list[Message] = []  # every message, for the translation tools


@dataclass(frozen=True)
class Message:
    key: str
    english: str

    def __call__(self, **args: object) -> str:
        return self.text.format_map(args)

    @property
    def text(self) -> str:
        return i18n.text(self.key, self.english)


def message(key: str, english: str) -> Message:
    made = Message(key, english)
    CATALOGUE.append(made)
    return made


@dataclass(frozen=True)
class Counted:
    """A sentence or phrase about a number: English says `1 file` but `2 files`.

    Each form is a whole message of its own (`KEY.one`, `KEY.other`); a language with one form,
    as Chinese, translates both alike.
    """

    one: Message
    other: Message

    def __call__(self, count: int, **args: object) -> str:
        return (self.one if count == 1 else self.other)(count=count, **args)


def counted(key: str, one: str, other: str) -> Counted:
    return Counted(message(f"{key}.one", one), message(f"{key}.other", other))


FILES = counted("count.files", "{count} file", "{count} files")
ERRORS = counted("count.errors", "{count} error", "{count} errors")
WARNINGS = counted("count.warnings", "{count} warning", "{count} warnings")
# Several plans at once (a folder of districts' plans): "4 files in 2 plans".
FILES_IN_PLANS = counted(
    "count.files-in-plans", "{files} in {count} plan", "{files} in {count} plans"
)
CHANGES = counted("count.changes", "{count} change", "{count} changes")


# --- validate -------------------------------------------------------------------------------
SUMMARY_PASSED = message(
    "ui.summary-passed",
    "Checked {files}: {error}, {warning}, {info} info, {waived} waived. Passed.",
)
SUMMARY_FAILED = message(
    "ui.summary-failed",
    "Checked {files}: {error}, {warning}, {info} info, "
    "{waived} waived. Failed: findings at {fail_on} level or above.",
)
SUMMARY_UNUSABLE = message(
    "ui.summary-unusable",
    "Checked {files}: {error}, {warning}, {info} info, "
    "{waived} waived. Failed: some input could not be read or is not a valid plan file.",
)
BASELINED = counted(
    "ui.baselined",
    "{count} finding recorded in the baseline is not shown.",
    "{count} findings recorded in the baseline are not shown.",
)
BASELINE_MATCHED_NONE = counted(
    "ui.baseline-matched-none",
    "warning: the baseline {path} matched none of its {count} finding: is it for these files?",
    "warning: the baseline {path} matched none of its {count} findings: is it for these files?",
)
WAIVED_MESSAGE = message("ui.waived", "{message} (waived: {reason})")
BASELINE_WRITTEN = counted(
    "ui.baseline-written",
    "Wrote {count} finding to the baseline {path}.",
    "Wrote {count} findings to the baseline {path}.",
)
USAGE_ERROR = message("ui.usage-error", "planchk: error: {message}")
UNKNOWN_RULE = message(
    "ui.unknown-rule", "`{rule}` is not a rule code, slug or family; `planchk rules` lists them"
)
INTERRUPTED = message("ui.interrupted", "planchk: interrupted")
PROGRESS = message("ui.progress", "Checking {megabytes} MB of plan files…")
SEVERITY = {
    "error": message("term.severity-error", "error"),
    "warning": message("term.severity-warning", "warning"),
    "info": message("term.severity-info", "info"),
}

ROLES = {
    "lead": message("term.role-lead", "lead offices (牵头单位)"),
    "responsible": message("term.role-responsible", "responsible offices (责任单位)"),
    "cooperating": message("term.role-cooperating", "cooperating offices (配合单位)"),
    "text_offices": message("term.role-text", "the main text's list"),
}
SAME_ROLE = message("term.role-same", "the same list")
REGISTRIES = {
    "office": message("term.registry-office", "office"),
    "group": message("term.registry-group", "office group"),
}
FILE_KINDS = {
    "targets": message("term.file-targets", "targets"),
    "tasks": message("term.file-tasks", "tasks"),
    "plan": message("term.file-plan", "plan"),
}
DOCUMENT_KINDS = {
    "list": message("term.document-list", "a list"),
    "scalar": message("term.document-scalar", "a single value"),
}


LIST_SEPARATOR = message("term.list-separator", ", ")


def joined(text: object) -> str:
    """A list written with English commas ("1, 2, 3"), in the current language's separator."""
    return LIST_SEPARATOR.text.join(str(text).split(", "))


def words(table: dict[str, Message], key: object) -> str:
    """The word for a language-neutral key, or the key itself when there is none."""
    found = table.get(str(key))
    return found.text if found else str(key)


# --- suggested corrections (rules/suggest/corrections.py), one sentence per kind of slip ---
SUGGESTIONS = {
    kind: message(f"ui.suggest-{kind}", english)
    for kind, english in {
        "swap": "{area} {year}: {old} → {new}, two adjacent digits swapped; "
        "this restores {restores}",
        "digit": "{area} {year}: {old} → {new}, one digit mistyped; this restores {restores}",
        "dropped": "{area} {year}: {old} → {new}, a digit left out; this restores {restores}",
        "doubled": "{area} {year}: {old} → {new}, a digit typed twice; this restores {restores}",
        "extra": "{area} {year}: {old} → {new}, one digit too many; this restores {restores}",
        "shift": "{area} {year}: {old} → {new}, the decimal point in the wrong place; "
        "this restores {restores}",
        "unit": "{area} {year}: {old} → {new}, a value in the wrong unit (10,000 or 100,000,000 "
        "times off); this restores {restores}",
        "sign": "{area} {year}: {old} → {new}, a wrong sign; this restores {restores}",
        "column": "{area}: the {year} and {other_year} values look swapped "
        "({year}: {old} → {new}); this restores the totals of both years",
        "rounding": "{area} {year}: {old} → {new}, rounded the other way (舍位平衡) so that "
        "the printed table balances; this restores {restores}",
    }.items()
}
RESTORES = {
    "total": message("ui.restores-total", "the {year} total of {total}"),
    "relation": message("ui.restores-relation", "the relation {relation} for {year}"),
}
RELATION_PROBLEMS = {
    "unknown-name": message(
        "ui.relation-unknown-name", "`{name}` is neither an indicator's id nor its name"
    ),
    "no-comparator": message(
        "ui.relation-no-comparator",
        "expected a comparator (=, <, <=, >, >=) where `{token}` stands",
    ),
    "unexpected": message("ui.relation-unexpected", "`{token}` is not expected there"),
    "number": message(
        "ui.relation-number",
        "`{token}` is not a number as a plan file writes one: use ASCII digits 0-9, at most one"
        " point and no leading zero (0.5, 12, 100)",
    ),
    "incomplete": message("ui.relation-incomplete", "it ends before the expression does"),
    "unclosed": message("ui.relation-unclosed", "a parenthesis is not closed"),
    "too-deep": message(
        "ui.relation-too-deep", "it nests parentheses or signs more than {depth} deep"
    ),
    "unknown-row": message(
        "ui.relation-unknown-row",
        "`{name}` has no row `{row}`: name the row as the file does (an area, an 其中 row or an"
        " area's alias), e.g. `{name}[合计]`",
    ),
    "no-row": message("ui.relation-no-row", "`{name}[]` names no row: write `{name}[合计]`"),
    "unclosed-row": message(
        "ui.relation-unclosed-row", "the row after `{name}` opens with `[` and is not closed by `]`"
    ),
}
NO_SUGGESTION = message(
    "ui.no-suggestion",
    "no single typing slip in one cell explains this imbalance; check the column's cells",
)
SUGGESTION_LINE = message("ui.suggestion-line", "suggestion: {text}")
# A finding's corrections are alternatives: the most likely first, each other one "or".
SUGGESTION_MOST_LIKELY = message("ui.suggestion-most-likely", "suggestion (most likely): {text}")
SUGGESTION_OR = message("ui.suggestion-or", "or: {text}")
# A further cell changed together with the line above (舍位平衡 rounds several parts).
SUGGESTION_AND = message("ui.suggestion-and", "and: {text}")


# --- report ---------------------------------------------------------------------------------
REPORT_NEEDS_OUTPUT = message(
    "ui.report-needs-output", "the {format} report is a binary file: name it with --output FILE"
)
REPORT_WRITTEN = counted(
    "ui.report-written",
    "Wrote the report to {path} ({count} finding marked).",
    "Wrote the report to {path} ({count} findings marked).",
)


# --- the operating system's reasons, by errno (its English strerror where none is named) ------
OS_ERRORS = {
    errno.ENOENT: message("os.enoent", "No such file or directory"),
    errno.EACCES: message("os.eacces", "Permission denied"),
    errno.EPERM: message("os.eperm", "Operation not permitted"),
    errno.EISDIR: message("os.eisdir", "Is a directory"),
    errno.ENOTDIR: message("os.enotdir", "Not a directory"),
    errno.ENOSPC: message("os.enospc", "No space left on device"),
    errno.EROFS: message("os.erofs", "Read-only file system"),
    errno.EEXIST: message("os.eexist", "File exists"),
    errno.ELOOP: message("os.eloop", "Too many levels of symbolic links"),
    errno.ENAMETOOLONG: message("os.enametoolong", "File name too long"),
    errno.EIO: message("os.eio", "Input/output error"),
    errno.EBUSY: message("os.ebusy", "Device or resource busy"),
}
NOT_A_REGULAR_FILE = message("os.not-regular", "not a regular file (a device, FIFO or socket)")
MORE_THAN_LIMIT = message("os.too-large", "more than {limit} bytes")


def said_reason(english: str) -> str:
    """A reason the system gave in English (a finding's argument), in the reader's language
    where it is one of the texts named above."""
    for known in (*OS_ERRORS.values(), NOT_A_REGULAR_FILE):
        if known.english == english:
            return known()
    return english


def os_reason(error: OSError) -> str:
    """Why the system refused, in the reader's language: a template chosen by errno (the
    strerror the system gave in English, which no locale of planchk's process changes)."""
    if isinstance(error, TooLarge):
        return MORE_THAN_LIMIT(limit=error.limit)
    if isinstance(error, NotARegularFile):
        return NOT_A_REGULAR_FILE()
    known = OS_ERRORS.get(error.errno) if error.errno is not None else None
    if known is None or i18n.language() == "en":
        return error.strerror or str(error)
    return known()


# --- usage errors ---------------------------------------------------------------------------
CONFIG_UNREADABLE = message(
    "ui.config-unreadable", "{path}: cannot read the configuration: {reason}"
)
CONFIG_NOT_TOML = message("ui.config-not-toml", "{path}: not valid TOML: {reason}")
CONFIG_NO_TABLE = message("ui.config-no-table", "{path}: has no [tool.planchk] table")
CONFIG_MISSING_FILE = message("ui.config-missing-file", "{path}: no such configuration file")
CONFIG_IS_DIRECTORY = message(
    "ui.config-is-directory",
    "{path}: is a directory; give --config the configuration file itself "
    "(a planchk.toml, or a pyproject.toml with a [tool.planchk] table)",
)
CONFIG_UNKNOWN_KEY = message(
    "ui.config-unknown-key",
    "{path}: `{key}` is not a configuration key; the keys allowed here are: {expected}",
)
CONFIG_BAD_VALUE = message("ui.config-bad-value", "{path}: `{key}`: {problem}")
DOCS_URL = message(
    "ui.config-docs-url",
    "expected the absolute http or https address where planchk's docs/ folder is published, "
    "without ? or #, such as https://example.org/planchk/docs/",
)
CONFIG_UNKNOWN_RULE = message(
    "ui.config-unknown-rule",
    "{path}: `{key}`: `{name}` is not a rule code, slug or family; see `planchk rules`",
)
CONFIG_BAD_SEVERITY = message(
    "ui.config-bad-severity",
    "{path}: `{key}`: `{level}` is not a severity; use error, warning or info",
)
CONFIG_NO_OPTIONS = message(
    "ui.config-no-options",
    "{path}: `{key}`: name one rule that has options: {expected}",
)
CONFIG_UNKNOWN_OPTION = message(
    "ui.config-unknown-option",
    "{path}: `{key}`: {rule} has no option `{option}`; its options are: {expected}",
)
ENV_MAX_BYTES = message(
    "ui.env-max-bytes", "PLANCHK_MAX_BYTES={value}: expected a whole number of bytes"
)
BAD_LANGUAGE = message(
    "ui.bad-language", "`{value}` is not a language planchk speaks; use en or zh"
)
OPTION_PRINTED_OR_NUMBER = message(
    "ui.option-printed-or-number",
    'expected "printed" or a number of 0 or more written as a string, e.g. "0.01", not {value}',
)
OPTION_PERCENT = message("ui.option-percent", "expected a percentage from 0 to 100, not {value}")
OPTION_CHOICE = message("ui.option-choice", "expected one of {allowed}, not {value}")
OPTION_POSITIVE = message("ui.option-positive", "expected a number greater than 0, not {value}")
OPTION_NUMBER_FORM = message(
    "ui.option-number-form",
    "expected a number written as a plan writes one: digits with at most one point, no exponent,"
    " underscore or leading zero (0.5, 25, 1000), not {value}",
)
BASELINE_UNWRITABLE = message(
    "ui.baseline-unwritable", "cannot write the baseline {path}: {reason}"
)
BASELINE_UNREADABLE = message("ui.baseline-unreadable", "cannot read the baseline {path}: {reason}")
BASELINE_VERSION = message(
    "ui.baseline-version",
    "{path}: not a planchk baseline of version {version}; write it again with --write-baseline",
)
BASELINE_INVALID = message(
    "ui.baseline-invalid",
    "{path}: not a planchk baseline (expected the JSON that --write-baseline writes)",
)
OUTPUT_UNWRITABLE = message("ui.output-unwritable", "cannot write {path}: {reason}")
OUTPUT_NOT_A_FILE = message(
    "ui.output-not-a-file",
    "{path}: not a regular file, character device or FIFO; planchk writes no report there",
)
OUTPUT_IS_INPUT = message(
    "ui.output-is-input",
    "{path}: this run reads that file; write the output to another path",
)

# --- diff -----------------------------------------------------------------------------------
DIFF_TWO_SIDES = message(
    "ui.diff-two-sides",
    "give two plan files or directories to compare, or a git revision (planchk diff HEAD~1)",
)
DIFF_TOO_MANY_REVISIONS = message(
    "ui.diff-too-many-revisions", "at most two revisions, not {count}: {revisions}"
)
DIFF_PATH_AFTER = message(
    "ui.diff-path-after", "{arg}: no such file or directory (revisions come before paths)"
)
DIFF_AMBIGUOUS = message(
    "ui.diff-ambiguous",
    "{arg} is both a file or directory here and a git revision; say which: "
    "`planchk diff {arg} -- PATHS` compares the revision, `planchk diff -- ./{arg} OTHER` "
    "the path",
)
DIFF_MIXED_SIDES = message(
    "ui.diff-mixed-sides",
    "compare a file with a file or a directory with a directory: {old}, {new}",
)
DIFF_STDIN_TWICE = message(
    "ui.diff-stdin-twice",
    "stdin holds one file: - may stand for one side of the diff, not both "
    "(planchk diff OLD.yaml -)",
)
DIFF_STDIN_REVISION = message(
    "ui.diff-stdin-revision",
    "- (a plan file on stdin) is compared with a file, not with a git revision: "
    "planchk diff OLD.yaml -",
)
DIFF_NOT_IN_REVISION = message(
    "ui.diff-not-in-revision", "{path} does not exist in revision {revision}"
)
DIFF_NO_GIT = message(
    "ui.diff-no-git", "{revision}: not an existing file or directory, and git is not available"
)
DIFF_NO_REPOSITORY = message(
    "ui.diff-no-repository",
    "{revision}: not an existing file or directory, and there is no git repository here "
    "to find it in as a revision",
)
DIFF_NOT_A_REVISION = message(
    "ui.diff-not-a-revision",
    "{revision}: neither an existing file or directory nor a git revision",
)
DIFF_HEADER = message("ui.diff-header", "planchk diff: {old} → {new}")
# The side of a diff that is the files on disk; JSON keeps the English words, a key for programs.
WORKING_TREE = message("term.working-tree", "working tree")


def side(label: str) -> str:
    """A side of a diff as shown to people: a path or revision as given, or the working tree."""
    return WORKING_TREE.text if label == WORKING_TREE.english else label


DIFF_NO_CHANGES = message("ui.diff-no-changes", "No differences in the plan.")
DIFF_OTHER_HEADING = message("ui.diff-other-heading", "Other changes")
DIFF_FINDINGS_HEADING = message("ui.diff-findings-heading", "Findings")
DIFF_INTRODUCED = message("ui.diff-introduced", "Introduced by the new revision ({count}):")
DIFF_RESOLVED = message("ui.diff-resolved", "Resolved by the new revision ({count}):")
DIFF_REMAINING = message("ui.diff-remaining", "Remaining in both revisions: {count}")
DIFF_UNUSABLE = message("ui.diff-unusable", "Could not be read ({count}):")
DIFF_SUMMARY = message(
    "ui.diff-summary",
    "{changes}; findings: {introduced} introduced, {resolved} resolved, {remaining} remaining.",
)
DIFF_TOTAL_NOTE = message("ui.diff-total-note", "total; parts changed: {parts}")
DIFF_COLUMNS = (
    message("term.column-area", "area"),
    message("term.column-year", "year"),
    message("term.column-old", "old"),
    message("term.column-new", "new"),
    message("term.column-change", "change"),
    message("term.column-note", "note"),
)
DIFF_FILLED = message("term.diff-filled", "filled")
DIFF_BLANKED = message("term.diff-blanked", "blanked")
DIFF_PRECISION = message("term.diff-precision", "precision")
DIFF_NONE = message("term.diff-none", "none")

# --- explain and the rule reference ----------------------------------------------------------
EXPLAIN_HEADING = message(
    "ui.explain-heading", "{code} {slug} ({family}, default severity {severity})"
)
EXPLAIN_MESSAGE = message("ui.explain-message", "Message: {template}")
EXPLAIN_ALIASES = message("ui.explain-aliases", "Also known as: {aliases}")
EXPLAIN_OPTIONS = message("ui.explain-options", "Options ([tool.planchk.options.{slug}]):")
EXPLAIN_OPTION = message("ui.explain-option", "{name} (default {default}): {help}")
EXPLAIN_WHY = message("ui.explain-why", "Why: {why}")
DOC_BAD = message("term.doc-bad", "Bad:")
DOC_GOOD = message("term.doc-good", "Good:")
REFERENCE_TITLE = message("ui.reference-title", "planchk rules")
REFERENCE_GENERATED = message(
    "ui.reference-generated",
    "Generated by `{command} > {path}`; do not edit by hand.",
)
REFERENCE_SEVERITIES = message(
    "ui.reference-severities",
    "Severities are defaults: change them with `[tool.planchk.severity]`.",
)
REFERENCE_RULE = message(
    "ui.reference-rule", "{title}. Family `{family}`, default severity `{severity}`."
)
REFERENCE_OPTIONS = message("ui.reference-options", "Options:")
REFERENCE_OPTION = message("ui.reference-option", "`{name}` (default `{default}`): {help}")


def severity(label: str) -> str:
    """A severity as shown to people (machine formats keep the English keyword)."""
    return SEVERITY[label].text


def summary(report: Report, fail_on: Severity) -> str:
    """The closing line of a report: counts, then whether the run passed."""
    counts = report.counts()
    args = {
        **counts,
        "files": _files(report),
        "error": ERRORS(counts["error"]),
        "warning": WARNINGS(counts["warning"]),
        "fail_on": severity(fail_on.label),
    }
    if report.unusable:
        template = SUMMARY_UNUSABLE
    elif report.exit_code(fail_on):
        template = SUMMARY_FAILED
    else:
        template = SUMMARY_PASSED
    text = template(**args)
    if report.baselined:
        text += "\n" + BASELINED(report.baselined)
    return text


def _files(report: Report) -> str:
    """The files checked, and the plans they form where there are several (one per folder)."""
    files = FILES(len(report.files))
    plans = len({PurePath(f).parent for f in report.files})
    return FILES_IN_PLANS(plans, files=files) if plans > 1 else files


def suggestion_text(kind: str, old: str, new: str, args: Mapping[str, object]) -> str:
    """A suggested correction as a sentence."""
    restores = RESTORES["relation" if "relation" in args else "total"](**args)
    return SUGGESTIONS[kind](old=old, new=new, restores=restores, **args)
