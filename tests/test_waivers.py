"""Waivers: accepted findings still show, marked, and do not fail the run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from planchk.cli import app
from planchk.engine import check_paths
from tests.cli_runner import CliRunner  # CliRunner: a type for the runner fixture
from tests.paths import DATA

WAIVERS = """
waivers:
  - rule: trend-flow-decrease
    where: indicators.patent_applications.values.*.2022
    reason: 2021年集中申报后回落，区科工局确认
"""


def _copy(directory: Path) -> Path:
    return Path(shutil.copytree(DATA, directory / "data"))


def _seed_with(plan: Path, extra: str) -> Path:
    with (plan / "targets.yaml").open("a", encoding="utf-8") as handle:
        handle.write(extra)
    return plan


def test_waived_findings_show_with_their_reason(seed_copy: Path) -> None:
    report = check_paths([_seed_with(seed_copy, WAIVERS)])
    drops = [f for f in report.findings if f.slug == "trend-flow-decrease"]
    assert len(drops) == 2
    assert all(f.waived == "2021年集中申报后回落，区科工局确认" for f in drops)
    assert report.counts()["waived"] == 2
    assert report.counts()["warning"] == 3  # the two goal boundaries and the text/annex gap


def test_waived_findings_do_not_fail_the_run(seed_copy: Path, runner: CliRunner) -> None:
    plan = _seed_with(seed_copy, WAIVERS)
    result = runner.invoke(app, ["validate", str(plan), "--fail-on", "warning", "-f", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert {f["waived"] for f in findings if f["code"] == "PC202"} == {
        "2021年集中申报后回落，区科工局确认"
    }
    assert result.exit_code == 1  # still failing on the three warnings nobody waived
    text = runner.invoke(app, ["validate", str(plan)]).stdout
    assert "(waived: 2021年集中申报后回落，区科工局确认)" in text


def test_a_waiver_by_code_for_a_single_cell(seed_copy: Path) -> None:
    extra = WAIVERS.replace("trend-flow-decrease", "PC202").replace("*", "洪都街办")
    report = check_paths([_seed_with(seed_copy, extra)])
    waived = [f.args["area"] for f in report.findings if f.waived]
    assert waived == ["洪都街办"]


def test_a_waiver_without_reason_is_a_schema_error(seed_copy: Path) -> None:
    extra = "waivers:\n  - {rule: PC202, reason: '  '}\n"
    plan = _seed_with(seed_copy, extra)
    report = check_paths([plan / "targets.yaml"])
    [finding] = report.findings
    assert (finding.code, finding.path) == ("PC024", "waivers.0.reason")
    assert report.unusable


def test_the_first_matching_waiver_in_the_order_written_wins(tmp_path: Path) -> None:
    """Exact paths are looked up and patterns tried (issue 17: waivers x findings was
    quadratic); which waiver marks a finding is still the first one written that matches."""
    cell = "indicators.patent_applications.values.洪都街办.2022"
    exact = f"  - {{rule: PC202, where: {cell}, reason: exact}}\n"
    pattern = "  - {rule: PC202, where: indicators.patent_applications.*, reason: pattern}\n"
    first_exact = check_paths([_seed_with(_copy(tmp_path / "a"), f"waivers:\n{exact}{pattern}")])
    marked = {f.path: f.waived or "" for f in first_exact.findings if f.code == "PC202"}
    assert marked[cell] == "exact"
    assert sorted(marked.values()) == ["exact", "pattern"]
    first_pattern = check_paths([_seed_with(_copy(tmp_path / "b"), f"waivers:\n{pattern}{exact}")])
    marked = {f.path: f.waived or "" for f in first_pattern.findings if f.code == "PC202"}
    assert sorted(marked.values()) == ["pattern", "pattern"]
    assert [f.path for f in first_pattern.findings if f.code == "PC901"] == ["waivers.1"]
