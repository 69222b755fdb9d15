"""JUnit XML for CI systems that read test reports: one testcase per rule per file.

A testcase fails when the file has findings of that rule at or above --fail-on; it errors
when the file could not be checked at all. Findings below the level, and waived ones, are
listed in the testcase's system-out, so nothing is hidden.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from planchk import messages
from planchk.catalog import CodeInfo, all_codes, get
from planchk.escape import visible
from planchk.findings import Finding
from planchk.formatters import RenderOptions
from planchk.report import Report


def render(report: Report, options: RenderOptions) -> str:
    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        by_file[finding.location.file][finding.code].append(finding)
    rules = [info for info in all_codes() if info.check is not None]
    suites = ET.Element("testsuites", name="planchk")
    for file in sorted(set(report.files) | set(by_file)):
        found = by_file.get(file, {})
        codes = [*rules, *(get(c) for c in sorted(found) if get(c).check is None)]
        suite = ET.SubElement(suites, "testsuite", name=visible(file))
        for info in codes:
            _testcase(suite, file, info, found.get(info.code, []), options)
        _count(suite)
    _count(suites)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def _testcase(
    suite: ET.Element, file: str, info: CodeInfo, findings: list[Finding], options: RenderOptions
) -> None:
    # XML 1.0 cannot hold a control character at all: every text from a plan is escaped.
    case = ET.SubElement(
        suite, "testcase", classname=visible(file), name=f"{info.code} {info.slug}"
    )
    failing = [f for f in findings if f.waived is None and f.severity >= options.fail_on]
    if any(f.fatal for f in failing):
        element = ET.SubElement(case, "error", message=visible(failing[0].message), type=info.code)
        element.text = "\n".join(_line(f) for f in failing)
    elif failing:
        element = ET.SubElement(
            case, "failure", message=visible(failing[0].message), type=info.code
        )
        element.text = "\n".join(_line(f) for f in failing)
    others = [f for f in findings if f not in failing]
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in others)


def _line(finding: Finding) -> str:
    message = finding.message
    if finding.waived is not None:
        message = messages.WAIVED_MESSAGE(message=message, reason=finding.waived)
    return visible(f"{finding.location}: {finding.severity.label} {finding.code} {message}")


def _count(element: ET.Element) -> None:
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    element.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
