"""Big outputs are written as they are made (issue 17): formatters.streamed gives the bytes of
json.dumps piece by piece, each validate format streams, and write_atomic writes the pieces into
its temporary file (a failure half-way leaves the old file, or none)."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.atomic import write_atomic
from planchk.cli import app
from planchk.findings import Finding, Location, Severity, Suggestion
from planchk.formatters import FORMATS, RenderOptions, get, get_pieces
from planchk.formatters.json import encoded_finding, finding_json
from planchk.formatters.sarif import encoded_result, result_json
from planchk.formatters.streamed import Streamed, document, encoded
from planchk.report import Report
from tests.cli_runner import CliRunner
from tests.small_plans import MINIMAL_TARGETS, write_plan


class Code(enum.IntEnum):
    ONE = 1


SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats() | st.just(Code.ONE)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text() | st.integers(), inner, max_size=4)
    ),
    max_leaves=30,
)


def _streamed(value: Any, draw: st.DrawFn, inside: bool = False) -> Any:
    """`value` with some of its arrays made Streamed generators: any array outside a streamed
    one, and arrays directly in a streamed one (its other items are plain data)."""
    if isinstance(value, list):
        streams = draw(st.booleans())
        if inside and not streams:
            return value
        if streams:
            return Streamed(
                iter([_streamed(i, draw, True) if isinstance(i, list) else i for i in value])
            )
        return [_streamed(item, draw) for item in value]
    if isinstance(value, dict) and not inside:
        return {key: _streamed(item, draw) for key, item in value.items()}
    return value


@st.composite
def documents(draw: st.DrawFn) -> tuple[Any, Any]:
    value = draw(VALUES)
    return value, _streamed(value, draw)


@settings(max_examples=300)
@given(documents())
def test_a_streamed_document_is_byte_for_byte_json_dumps(pair: tuple[Any, Any]) -> None:
    value, streamed = pair
    expected = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert "".join(document(streamed)) == expected


def test_empty_and_nested_streams_match_json_dumps() -> None:
    value = {"a": [], "b": {"c": [[], [1, {"d": []}]]}, "e": {}, "f": [[{}], []]}
    streamed = {
        "a": Streamed(iter([])),
        "b": {"c": Streamed(iter([Streamed(iter([])), [1, {"d": []}]]))},
        "e": {},
        "f": [Streamed([{}]), Streamed(())],
    }
    assert "".join(document(streamed)) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _report(count: int) -> Report:
    findings = [
        Finding(
            code="PC202", slug="flow-falls", severity=Severity.WARNING, message=f"m{n}\n\x1b",
            location=Location("p/targets.yaml", n, 3), path=f"indicators.x.values.区{n}.2022",
        )
        for n in range(1, count + 1)
    ]  # fmt: skip
    return Report.build(findings, ["p/targets.yaml"])


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_written_in_pieces_is_its_rendered_text(name: str) -> None:
    report, options = _report(50), RenderOptions(fail_on=Severity.WARNING)
    assert "".join(get_pieces(name)(report, options)) == get(name)(report, options)


@pytest.mark.parametrize("name", ["json", "sarif", "text", "github", "junit"])
def test_findings_are_encoded_only_as_they_are_written(name: str) -> None:
    """The first pieces come before the last finding is encoded: no format holds the whole."""
    report = _report(1000)
    pieces = iter(get_pieces(name)(report, RenderOptions()))
    written = ""
    while "m10\\n" not in written and "m10\n" not in written and "m10%0A" not in written:
        written += next(pieces)
    assert "m999" not in written
    assert "m1000" not in written
    rest = "".join(pieces)
    assert "m1000" in rest


def _failing(lines: int) -> Iterator[str]:
    for n in range(lines):
        yield f"line {n}\n"
    raise RuntimeError("the formatter failed half-way")


def test_a_stream_that_fails_half_way_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_atomic(out, _failing(1000))
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left
    write_atomic(out, (f"{n}\n" for n in range(3)))
    assert out.read_text(encoding="utf-8") == "0\n1\n2\n"


def test_validate_writes_the_same_report_to_a_file_and_to_stdout(
    tmp_path: Path, runner: CliRunner
) -> None:
    plan = write_plan(tmp_path / "plan", MINIMAL_TARGETS.replace("[10, 20]", "[11, 21]"))
    for name in ("json", "sarif", "github", "text", "junit"):
        out = tmp_path / f"out.{name}"
        to_file = runner.invoke(app, ["validate", str(plan), "-f", name, "-o", str(out)])
        to_stdout = runner.invoke(app, ["validate", str(plan), "-f", name])
        assert to_file.exit_code == to_stdout.exit_code == 1, to_file.output
        assert out.read_text(encoding="utf-8") == to_stdout.stdout
        assert "PC101" in to_stdout.stdout


# --- JUnit: written as it is made, the bytes ElementTree gave when it built the whole ---------


def _junit_as_built(report: Report, options: RenderOptions) -> str:
    """The JUnit formatter as it was before it streamed (an element tree, indented, written
    whole): the reference the streamed one must equal byte for byte."""
    import xml.etree.ElementTree as ET
    from collections import defaultdict

    from planchk import messages
    from planchk.catalog import all_codes
    from planchk.catalog import get as code
    from planchk.escape import visible

    def line(f: Finding) -> str:
        message = f.message
        if f.waived is not None:
            message = messages.WAIVED_MESSAGE(message=message, reason=f.waived)
        return visible(f"{f.location}: {f.severity.label} {f.code} {message}")

    def count(element: ET.Element) -> None:
        cases = list(element.iter("testcase"))
        element.set("tests", str(len(cases)))
        element.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        element.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))

    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in report.findings:
        by_file[finding.location.file][finding.code].append(finding)
    rules = [info for info in all_codes() if info.check is not None]
    suites = ET.Element("testsuites", name="planchk")
    for file in sorted(set(report.files) | set(by_file)):
        found = by_file.get(file, {})
        suite = ET.SubElement(suites, "testsuite", name=visible(file))
        for info in [*rules, *(code(c) for c in sorted(found) if code(c).check is None)]:
            findings = found.get(info.code, [])
            case = ET.SubElement(
                suite, "testcase", classname=visible(file), name=f"{info.code} {info.slug}"
            )
            failing = [f for f in findings if f.waived is None and f.severity >= options.fail_on]
            if failing:
                tag = "error" if any(f.fatal for f in failing) else "failure"
                message = visible(failing[0].message)
                element = ET.SubElement(case, tag, message=message, type=info.code)
                element.text = "\n".join(line(f) for f in failing)
            others = [f for f in findings if f not in failing]
            if others:
                ET.SubElement(case, "system-out").text = "\n".join(line(f) for f in others)
        count(suite)
    count(suites)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


# Texts that XML must escape, and controls that planchk's `visible` must: in names and messages.
HOSTILE_TEXT = st.text(alphabet=st.sampled_from("甲a&<>\"'\r\n\t\x1b\u202e\ufffe ]"), max_size=6)
CODES = st.sampled_from(["PC101", "PC202", "PC001", "PC022", "PC903", "PC015"])


@st.composite
def junit_reports(draw: st.DrawFn) -> Report:
    files = draw(st.lists(HOSTILE_TEXT.map(lambda t: f"p{t}/targets.yaml"), max_size=3))
    findings = []
    for _ in range(draw(st.integers(0, 12))):
        code = draw(CODES)
        findings.append(
            Finding(
                code=code, slug=f"slug-{code}", severity=draw(st.sampled_from(list(Severity))),
                message=draw(HOSTILE_TEXT), path="x",
                location=Location(draw(st.sampled_from([*files, "q&<>/t.yaml"])), 1, 1),
                waived=draw(st.none() | HOSTILE_TEXT), fatal=draw(st.booleans()),
            )
        )  # fmt: skip
    return Report.build(findings, files)


@settings(max_examples=200, deadline=None)
@given(junit_reports(), st.sampled_from(list(Severity)))
def test_junit_written_as_it_is_made_is_what_the_element_tree_gave(
    report: Report, fail_on: Severity
) -> None:
    options = RenderOptions(fail_on=fail_on)
    expected = _junit_as_built(report, options)
    assert "".join(get_pieces("junit")(report, options)) == expected


def test_junit_of_no_file_at_all_is_the_element_tree_empty_document() -> None:
    report, options = Report.build([], []), RenderOptions()
    assert get("junit")(report, options) == _junit_as_built(report, options)
    assert get("junit")(report, options).endswith('errors="0" />\n')


def test_diff_json_written_as_it_is_made_is_json_dumps_of_its_document(
    tmp_path: Path, runner: CliRunner
) -> None:
    """`diff -f json` streams its changes and findings: the bytes are json.dumps's for the
    same document, to stdout and to a file."""
    old = write_plan(tmp_path / "old", MINIMAL_TARGETS)
    changed = MINIMAL_TARGETS.replace("[6, 8]", "[7, 9]\n      丙: [1, 1]")
    new = write_plan(tmp_path / "new", changed)
    out = tmp_path / "d.json"
    to_stdout = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    to_file = runner.invoke(app, ["diff", str(old), str(new), "-f", "json", "-o", str(out)])
    assert to_stdout.exit_code == to_file.exit_code == 0, to_stdout.output
    document = json.loads(to_stdout.stdout)
    assert len(document["changes"]) >= 3  # two cells, an area added
    assert {"PC101", "PC030"} <= {f["code"] for f in document["findings"]["introduced"]}
    assert to_stdout.stdout == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert out.read_text(encoding="utf-8") == to_stdout.stdout


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_text_report_is_written_as_it_is_made(
    fmt: str, tmp_path: Path, runner: CliRunner
) -> None:
    """`report -f html|markdown` gives its page in pieces (a table row at a time): the first
    piece comes before the last row is written, and the pieces are the rendered page."""
    from planchk.config import Config
    from planchk.engine import check_discovery
    from planchk.formatters import get_report, get_report_pieces
    from planchk.formatters.report.view import build_view
    from planchk.loader.discover import discover

    rows = "".join(f"      区{n}: [1, 1]\n" for n in range(200))
    areas = "  全区: [" + ", ".join(f"区{n}" for n in range(200)) + "]\n"
    plan = write_plan(
        tmp_path / "p",
        "plan: {title: 测试, period: [2021, 2022]}\nareas:\n" + areas + "indicators:\n  x:\n"
        "    name: 指标\n    unit: 件\n    kind: flow\n    years: [2021, 2022]\n    values:\n"
        "      全区: [200, 200]\n" + rows,
    )
    found = discover([plan], 10**8)
    view = build_view(found, check_discovery(found, Config()))
    written = get_report_pieces(fmt)(view)
    assert not isinstance(written, bytes)
    pieces = iter(written)
    first = next(pieces)
    assert "区199" not in first
    rest = "".join(pieces)
    assert "区199" in rest
    assert first + rest == get_report(fmt)(view)
    out = tmp_path / f"r.{fmt}"
    to_file = runner.invoke(app, ["report", str(plan), "-f", fmt, "-o", str(out)])
    to_stdout = runner.invoke(app, ["report", str(plan), "-f", fmt])
    assert to_file.exit_code == to_stdout.exit_code == 0, to_file.output
    assert out.read_text(encoding="utf-8") == to_stdout.stdout == first + rest


# --- JSON findings encoded from the Finding, with the bytes of their dicts ------------------

TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=6)
LOCATIONS = st.builds(Location, TEXTS, st.integers(0, 10**6), st.integers(0, 999), TEXTS)
ARGS = st.one_of(
    TEXTS, st.integers(-(10**20), 10**20), st.none(), st.booleans(),
    st.decimals(allow_nan=True, allow_infinity=True), st.lists(TEXTS, max_size=3).map(tuple),
)  # fmt: skip
SUGGESTION_ARGS = st.fixed_dictionaries({"area": TEXTS, "year": ARGS, "total": ARGS})
SUGGESTIONS = st.builds(
    Suggestion, TEXTS, LOCATIONS, TEXTS, TEXTS, st.sampled_from(["swap", "digit", "unit"]),
    st.floats(0, 1), SUGGESTION_ARGS, st.integers(0, 2),
)  # fmt: skip
FINDINGS = st.builds(
    Finding, TEXTS, TEXTS, st.sampled_from(Severity), TEXTS, LOCATIONS, TEXTS,
    st.dictionaries(TEXTS, ARGS, max_size=8), st.lists(LOCATIONS, max_size=2).map(tuple),
    st.none() | TEXTS, st.booleans(), st.lists(SUGGESTIONS, max_size=2).map(tuple),
)  # fmt: skip


@settings(max_examples=300)
@given(FINDINGS, st.sampled_from(["\n", "\n    ", "\n  "]))
def test_a_json_finding_is_encoded_as_its_dict_would_be(finding: Finding, newline: str) -> None:
    """formatters.json.encoded_finding writes a finding straight from it (600,000 of them spent
    most of their time in the general encoder): the bytes of encoding its dict."""
    expected = encoded(finding_json(finding), newline)
    assert encoded_finding(finding, newline) == expected
    if newline == "\n":  # what json.dumps gives for it, to make sure of the reference too
        assert expected == json.dumps(finding_json(finding), ensure_ascii=False, indent=2)


PLAIN_FINDINGS = st.builds(
    Finding, TEXTS, TEXTS, st.sampled_from(Severity), TEXTS,
    st.builds(Location, TEXTS, st.integers(1, 10**6), st.integers(0, 999)), TEXTS,
    st.dictionaries(TEXTS, ARGS, max_size=8),
)  # fmt: skip


@settings(max_examples=300)
@given(PLAIN_FINDINGS | FINDINGS, st.integers(0, 300), st.sampled_from(["\n", "\n      "]))
def test_a_sarif_result_is_encoded_as_its_dict_would_be(
    finding: Finding, rule_index: int, newline: str
) -> None:
    """formatters.sarif.encoded_result writes a plain finding's result straight from it: the
    bytes of encoding its dict (and json.dumps's), files inside and outside the folder."""
    expected = encoded(result_json(finding, rule_index), newline)
    assert encoded_result(finding, rule_index, newline) == expected
    if newline == "\n":
        result = result_json(finding, rule_index)
        assert expected == json.dumps(result, ensure_ascii=False, indent=2)
