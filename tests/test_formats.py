"""Every output format, from one report with errors, warnings, info and waived findings.

Golden files under tests/golden/ hold the expected output; regenerate them after a deliberate
change with PLANCHK_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import jsonschema
import pytest

from planchk import __version__
from planchk.cli import app
from planchk.findings import Finding, Location, Severity
from planchk.formatters import RenderOptions, github, sarif
from planchk.report import Report
from tests.cli_runner import CliRunner
from tests.paths import SARIF_SCHEMA

GOLDEN = Path(__file__).parent / "golden"
PLAN = Path(__file__).parent / "plans" / "broken_county"
WAIVER = """
waivers:
  - rule: trend-decrease
    where: indicators.enterprises.values.城关镇.*
    reason: 城关镇两家企业2024年迁入工业园区
"""


@pytest.fixture
def plan_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLAN, tmp_path / "plan")
    (tmp_path / "plan" / "expected.yaml").unlink()
    with (tmp_path / "plan" / "targets.yaml").open("a", encoding="utf-8") as handle:
        handle.write(WAIVER)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "plan"


def run(fmt: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", "plan", "--format", fmt, *extra])
    text = result.stdout.replace(__version__, "VERSION")
    return result.exit_code, text.replace(Path.cwd().as_uri(), "file:///WORKING-DIRECTORY")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PLANCHK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if name.endswith(".xml"):
        # ElementTree writes the XML: its quoting and escaping may change with Python's release.
        text, expected = (ET.canonicalize(xml) for xml in (text, expected))
    assert text == expected, f"differs from {path}"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("text", "validate.txt"),
        ("json", "validate.json"),
        ("sarif", "validate.sarif"),
        ("github", "validate.github.txt"),
        ("junit", "validate.junit.xml"),
    ],
)
def test_golden_output(plan_dir: Path, fmt: str, name: str) -> None:
    code, text = run(fmt)
    assert code == 1
    check_golden(name, text)


def test_the_golden_report_has_every_kind_of_finding(plan_dir: Path) -> None:
    document = json.loads(run("json")[1])
    assert {f["severity"] for f in document["findings"]} == {"error", "warning", "info"}
    assert [f["code"] for f in document["findings"] if f["waived"]] == ["PC201"]


def test_sarif_is_valid_against_the_official_schema(plan_dir: Path) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA} (set PLANCHK_SARIF_SCHEMA)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(run("sarif")[1])
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("absolute", [False, True], ids=["relative", "absolute"])
def test_sarif_uris_are_rfc3986_relative_to_srcroot(
    plan_dir: Path, monkeypatch: pytest.MonkeyPatch, absolute: bool
) -> None:
    """A folder named `计划 a` makes a raw path fail the schema's uri-reference format."""
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA} (set PLANCHK_SARIF_SCHEMA)")
    odd = plan_dir.parent / "计划 a" / "东区#1"
    odd.parent.mkdir()
    plan_dir.rename(odd)
    target = odd if absolute else odd.relative_to(plan_dir.parent)
    result = CliRunner().invoke(app, ["validate", str(target), "-f", "sarif"])
    document = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    [sarif_run] = document["runs"]
    root = sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root == plan_dir.parent.as_uri() + "/"
    for found in sarif_run["results"]:
        artifact = found["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert not artifact["uri"].startswith(("/", "file:"))
        path = Path(url2pathname(urlsplit(urljoin(root, artifact["uri"])).path))
        assert path.is_file(), artifact
        assert path.parent == odd


def test_sarif_meets_what_github_code_scanning_needs(plan_dir: Path) -> None:
    [sarif_run] = json.loads(run("sarif")[1])["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    for result in sarif_run["results"]:
        assert result["message"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert region["startColumn"] >= 1
    waived = [r for r in sarif_run["results"] if "suppressions" in r]
    assert waived[0]["suppressions"] == [
        {"kind": "inSource", "justification": "城关镇两家企业2024年迁入工业园区"}
    ]


def test_sarif_fingerprints_do_not_depend_on_lines(plan_dir: Path) -> None:
    before = {r["ruleId"]: r["partialFingerprints"] for r in _results()}
    targets = plan_dir / "targets.yaml"
    targets.write_text(
        "# a new first line moves every line\n" + targets.read_text("utf-8"), "utf-8"
    )
    after = {r["ruleId"]: r["partialFingerprints"] for r in _results()}
    assert before == after


def _results() -> list[dict[str, object]]:
    results: list[dict[str, object]] = json.loads(run("sarif")[1])["runs"][0]["results"]
    return results


def test_github_escaping() -> None:
    finding = Finding(
        code="PC101",
        slug="sum-mismatch",
        severity=Severity.ERROR,
        message="合计 100%: a, b\nsecond line\r",
        location=Location("dir:a,b/目标.yaml", 3, 7),
        path="x",
    )
    line = github.annotation(finding)
    assert line == (
        "::error file=dir%3Aa%2Cb/目标.yaml,line=3,col=7,title=PC101 sum-mismatch"
        "::合计 100%25: a, b%0Asecond line%0D"
    )
    report = Report.build([finding], ["dir:a,b/目标.yaml"])
    text = github.render(report, RenderOptions())
    assert text.splitlines()[0] == "::group::dir:a,b/目标.yaml"
    assert text.splitlines()[2] == "::endgroup::"


def test_auto_format_is_github_under_github_actions(
    plan_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("auto")[1].startswith("::group::plan/targets.yaml")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert run("auto")[1].startswith("plan/targets.yaml")


def test_junit_counts_failures_per_rule_per_file(plan_dir: Path) -> None:
    root = ET.fromstring(run("junit")[1].encode("utf-8"))
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"plan/targets.yaml", "plan/tasks.yaml"}
    targets = suites["plan/targets.yaml"]
    failed = {c.get("name") for c in targets if c.find("failure") is not None}
    assert failed == {"PC101 sum-mismatch", "PC402 count-not-whole", "PC501 goal-not-met"}
    assert targets.get("failures") == "3"
    waived = next(c for c in targets if c.get("name") == "PC201 trend-decrease")
    assert waived.find("failure") is None
    out = waived.find("system-out")
    assert out is not None
    assert "waived" in (out.text or "")


def test_sarif_render_is_pure(plan_dir: Path) -> None:
    from planchk.engine import check_paths

    report = check_paths([plan_dir])
    first = sarif.render(report, RenderOptions())
    assert first == sarif.render(report, RenderOptions())


def test_output_file_is_written_whole(plan_dir: Path) -> None:
    code, text = run("sarif", "--output", "report.sarif")
    assert code == 1
    assert text == ""
    assert json.loads(Path("report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert not list(Path().glob(".report.sarif.*"))  # no temporary file left behind


def test_output_to_a_missing_directory_makes_it(plan_dir: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "plan", "-f", "json", "-o", "no/such/out.json"])
    assert result.exit_code == 1  # the plan's findings, written where -o says
    assert json.loads(Path("no/such/out.json").read_text("utf-8"))["findings"]
