"""Cells of the wrong type (loader.cells): the first of a file are listed, the rest counted in
one PC903 (issue 17: 150,000 rows `["10", 1]` gave 150,000 fatal findings, 7.3 s and 347 MB,
every one on stderr; they pass the cap, so the loader keeps to it)."""

from __future__ import annotations

from pathlib import Path

from planchk.config import DEFAULT_MAX_FINDINGS_PER_RULE, Config
from planchk.engine import check_paths
from planchk.findings import Severity
from planchk.loader import load_file
from planchk.loader.cells import MAX_FINDINGS
from tests.small_plans import write_plan

ROWS = 8


def _plan(tmp_path: Path) -> Path:
    names = [f"区{n}" for n in range(ROWS)]
    text = (
        "plan: {title: 测试, period: [2024, 2025]}\n"
        f"areas:\n  全区: [{', '.join(names)}]\n"
        "indicators:\n  x:\n    name: 测试\n    unit: 件\n    kind: flow\n"
        "    years: [2024, 2025]\n    values:\n"
        f"      全区: [{ROWS}, {ROWS}]\n"
        + "".join(f'      {n}: ["1", 1]\n' for n in names)  # 区0 on line 12
    )
    return write_plan(tmp_path, text) / "targets.yaml"


def test_the_loader_lists_as_many_as_the_cap_keeps_by_default() -> None:
    assert MAX_FINDINGS == DEFAULT_MAX_FINDINGS_PER_RULE


def test_the_first_cells_are_listed_and_the_rest_counted(tmp_path: Path) -> None:
    loaded = load_file(_plan(tmp_path), "t.yaml", max_findings=3)
    assert not loaded.usable
    listed = [(f.code, f.location.line, f.location.column, f.path) for f in loaded.problems]
    assert listed == [
        ("PC022", 12, 12, "indicators.x.values.区0.0"),
        ("PC022", 13, 12, "indicators.x.values.区1.0"),
        ("PC022", 14, 12, "indicators.x.values.区2.0"),
        ("PC903", 15, 12, "indicators.x.values.区3.0"),  # where the first left out is
    ]
    summary = loaded.problems[-1]
    assert summary.args == {"rule": "PC022 schema-wrong-type", "count": ROWS - 3, "limit": 3}
    assert (summary.severity, summary.fatal) == (Severity.ERROR, True)


def test_no_limit_lists_every_cell(tmp_path: Path) -> None:
    loaded = load_file(_plan(tmp_path), "t.yaml", max_findings=0)
    assert [f.code for f in loaded.problems] == ["PC022"] * ROWS
    assert load_file(_plan(tmp_path), "t.yaml", max_findings=ROWS).problems == loaded.problems


def test_a_check_lists_as_many_as_its_configuration_says(tmp_path: Path) -> None:
    report = check_paths([_plan(tmp_path)], Config(max_findings_per_rule=5))
    assert [f.code for f in report.findings] == ["PC022"] * 5 + ["PC903"]
    assert report.findings[-1].args["count"] == ROWS - 5
    assert report.unusable
