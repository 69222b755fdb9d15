"""JUnit XML for CI systems that read test reports: one testcase per rule per file.

A testcase fails when the file has findings of that rule at or above --fail-on; it errors
when the file could not be checked at all. Findings below the level, and waived ones, are
listed in the testcase's system-out, so nothing is hidden.

The document is written as it is made, one finding's line at a time (issue 17: 600,000
findings were one element tree and one string), with the bytes ElementTree gave when it built
the whole: `ET.indent` with two spaces, `ET.tostring` escaping, attributes in the order they
were set (tests/test_streamed_output.py compares the two on generated reports). The counts
that head the document and each suite come from one pass over the findings before writing;
uncapped, from the levels of the findings the report carries unmade (suppress.unmade), and
each test case's findings are made as they are written, never held (issue 17).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import cast

from planchk import messages
from planchk.catalog import CodeInfo, all_codes, get
from planchk.escape import visible
from planchk.findings import Finding
from planchk.formatters import RenderOptions
from planchk.report import Report
from planchk.suppress.unmade import Findings

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
# What ElementTree escapes in an attribute and in text, in the order it replaces them. `visible`
# already writes CR, LF and TAB as escapes; the second table keeps ElementTree's bytes if an
# attribute's text ever comes without it.
_ATTRIBUTE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_ATTRIBUTE_SPACE = {"\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

Grouped = Mapping[str, Mapping[str, Sequence[Finding]]]
Counts = tuple[int, int, int]  # tests, failures, errors


def render(report: Report, options: RenderOptions) -> str:
    return "".join(pieces(report, options))


def pieces(report: Report, options: RenderOptions) -> Iterator[str]:
    """The document as it is written: a testcase's findings one line at a time."""
    by_file = _grouped(report)
    rules = [info for info in all_codes() if info.check is not None]
    suites = []
    for file in sorted(set(report.files) | set(by_file)):
        found = by_file.get(file, {})
        codes = [*rules, *(get(c) for c in sorted(found) if get(c).check is None)]
        cases = [(info, found.get(info.code, [])) for info in codes]
        suites.append((file, cases, _counts(cases, options)))
    total = tuple(sum(counts[n] for _, _, counts in suites) for n in range(3))
    yield HEAD + "<testsuites" + _attributes(name="planchk", **_named(total))
    if not suites:
        yield " />\n"
        return
    yield ">"
    for file, cases, counts in suites:
        yield "\n  <testsuite" + _attributes(name=visible(file), **_named(counts)) + ">"
        for info, findings in cases:
            yield "\n    "
            yield from _testcase(file, info, findings, options)
        yield "\n  </testsuite>"
    yield "\n</testsuites>\n"


def _grouped(report: Report) -> Grouped:
    """The findings of each file and rule. A report that carries findings unmade (uncapped,
    issue 17) gives each group as such a sequence, made as it is written, never a list."""
    if isinstance(report.findings, Findings):
        return report.findings.groups()
    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        by_file[finding.location.file][finding.code].append(finding)
    return cast(Grouped, by_file)


def _failing_count(findings: Sequence[Finding], options: RenderOptions) -> tuple[int, bool]:
    """How many findings fail the test case, and whether one of those is fatal: from their
    levels, none made where the sequence carries them unmade."""
    if isinstance(findings, Findings):
        levels = findings.levels()
    else:
        levels = Counter((f.severity, f.waived is not None, f.fatal) for f in findings)
    count, fatal = 0, False
    for (severity, waived, is_fatal), number in levels.items():
        if not waived and severity >= options.fail_on:
            count += number
            fatal = fatal or is_fatal
    return count, fatal


def _failing(finding: Finding, options: RenderOptions) -> bool:
    return finding.waived is None and finding.severity >= options.fail_on


def _counts(cases: list[tuple[CodeInfo, Sequence[Finding]]], options: RenderOptions) -> Counts:
    failures = errors = 0
    for _, findings in cases:
        failing, fatal = _failing_count(findings, options)
        if fatal:
            errors += 1
        elif failing:
            failures += 1
    return len(cases), failures, errors


def _named(counts: Iterable[int]) -> dict[str, str]:
    return dict(zip(("tests", "failures", "errors"), map(str, counts), strict=True))


def _testcase(
    file: str, info: CodeInfo, findings: Sequence[Finding], options: RenderOptions
) -> Iterator[str]:
    # XML 1.0 cannot hold a control character at all: every text from a plan is escaped.
    yield "<testcase" + _attributes(classname=visible(file), name=f"{info.code} {info.slug}")
    failing, fatal = _failing_count(findings, options)
    if not findings:
        yield " />"
        return
    yield ">"
    # A pass over the findings for each part (made as they are read where unmade: none held).
    if failing:
        tag = "error" if fatal else "failure"
        them = (f for f in findings if _failing(f, options))
        first = next(them)
        yield "\n      <" + tag + _attributes(message=visible(first.message), type=info.code) + ">"
        yield from _lines(chain([first], them))
        yield "</" + tag + ">"
    if failing < len(findings):
        yield "\n      <system-out>"
        yield from _lines(f for f in findings if not _failing(f, options))
        yield "</system-out>"
    yield "\n    </testcase>"


def _lines(findings: Iterable[Finding]) -> Iterator[str]:
    separator = ""
    for finding in findings:
        yield separator + _escaped(_line(finding), _TEXT)
        separator = "\n"


def _line(finding: Finding) -> str:
    message = finding.message
    if finding.waived is not None:
        message = messages.WAIVED_MESSAGE(message=message, reason=finding.waived)
    return visible(f"{finding.location}: {finding.severity.label} {finding.code} {message}")


def _attributes(**values: str) -> str:
    return "".join(
        f' {key}="{_escaped(_escaped(value, _ATTRIBUTE), _ATTRIBUTE_SPACE)}"'
        for key, value in values.items()
    )


def _escaped(text: str, table: dict[str, str]) -> str:
    for character, entity in table.items():
        if character in text:
            text = text.replace(character, entity)
    return text
