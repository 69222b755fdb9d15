"""The verified facts about the seed plan (PRODUCT.md's table), pinned against data/."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from planchk.cli import app
from planchk.engine import check_paths
from planchk.findings import Severity
from planchk.loader import load_file
from planchk.models import TargetsFile, TasksFile
from planchk.plan.hierarchy import Hierarchy
from planchk.plan.offices import OfficeRegistry
from planchk.report import Report
from tests.cli_runner import CliRunner
from tests.paths import DATA

SUB_AREAS = ["三家店街办", "洪都街办", "徐家坊街办", "京山街办", "岱山街办", "青云谱镇", "集聚区"]


def _targets() -> TargetsFile:
    model = load_file(DATA / "targets.yaml", "t").model
    assert isinstance(model, TargetsFile)
    return model


def _column(indicator: str, year: int) -> tuple[Decimal, list[Decimal]]:
    table = _targets().indicators[indicator]
    index = table.years.index(year)
    total = table.values["青云谱区"][index]
    parts = [table.values[a][index] for a in SUB_AREAS]
    assert total is not None
    assert None not in parts
    return total, [p for p in parts if p is not None]


def test_every_table_sums_exactly(seed_report: Report) -> None:
    for indicator in ("high_tech_enterprises", "contract_turnover", "patent_applications"):
        for year in (2021, 2022, 2023):
            total, parts = _column(indicator, year)
            assert sum(parts, Decimal(0)) == total, (indicator, year)
    assert not [f for f in seed_report.findings if f.code.startswith("PC1")]


def test_2021_patent_column_sums_to_513() -> None:
    total, parts = _column("patent_applications", 2021)
    assert parts == [13, 300, 10, 10, 150, 10, 20]
    assert sum(parts) == total == 513


def test_float_trap_is_avoided(seed_report: Report) -> None:
    total, parts = _column("contract_turnover", 2023)
    as_floats = sum(float(p) for p in parts)
    assert as_floats != 8.3  # 8.299999999999999: what a float checker would compare
    assert sum(parts, Decimal(0)) == total == Decimal("8.3")
    assert all(isinstance(p, Decimal) for p in parts)


def test_year_over_year_drops(seed_report: Report) -> None:
    drops = [
        (f.args["area"], f.args["old"], f.args["new"], f.args["from_year"], f.args["to_year"])
        for f in seed_report.findings
        if f.slug == "trend-flow-decrease"
    ]
    assert drops == [("洪都街办", 300, 50, 2021, 2022), ("岱山街办", 150, 120, 2021, 2022)]
    assert not [f for f in seed_report.findings if f.code == "PC201"]
    for indicator in _targets().indicators.values():
        totals = indicator.values["青云谱区"]
        assert totals == sorted(totals, key=lambda v: v or 0)  # the district totals all grow


def test_share_swing_of_hongdu(seed_report: Report) -> None:
    shares = []
    for year in (2021, 2022):
        total, parts = _column("patent_applications", year)
        shares.append(round(parts[SUB_AREAS.index("洪都街办")] / total * 100))
    assert shares == [58, 9]
    swings = [f for f in seed_report.findings if f.slug == "share-swing"]
    assert [(f.args["area"], f.args["old_share"], f.args["new_share"]) for f in swings] == [
        ("洪都街办", 58, 9)
    ]
    assert swings[0].severity is Severity.INFO  # plausibility, not an error
    assert swings[0].path == "indicators.patent_applications.values.洪都街办.2022"


def test_no_suggested_corrections_because_the_sums_hold(seed_report: Report) -> None:
    assert not [f for f in seed_report.findings if f.suggestions]


def test_mixed_precision_of_the_contract_table(seed_report: Report) -> None:
    found = [f for f in seed_report.findings if f.slug == "mixed-precision"]
    assert [f.args["indicator"] for f in found] == ["contract_turnover"]
    assert found[0].args["decimals"] == "1, 2, 3"
    printed = {
        str(v) for row in _targets().indicators["contract_turnover"].values.values() for v in row
    }
    assert {"0.05", "0.098", "0.374", "6.0"} <= printed


def test_goal_strictness(seed_report: Report) -> None:
    boundary = [f.args["goal"] for f in seed_report.findings if f.slug == "goal-strict-boundary"]
    assert boundary == ["high_tech_enterprises", "contract_turnover"]
    assert not [f for f in seed_report.findings if f.slug == "goal-not-met"]
    goals = _targets().goals
    assert goals["patent_applications"].op == ">="
    assert goals["patent_applications"].value == 609
    assert _column("patent_applications", 2023)[0] == 609  # 达到609件 is met exactly


def test_text_versus_annex(seed_report: Report) -> None:
    text_only = [
        (f.args["task"], f.args["office"]) for f in seed_report.findings if f.code == "PC601"
    ]
    assert text_only == [(1, "区文广新旅局")]
    assert not [f for f in seed_report.findings if f.code == "PC602"]


def _registry() -> OfficeRegistry:
    targets = _targets()
    tasks = load_file(DATA / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    return OfficeRegistry(tasks, Hierarchy.build(targets.areas, targets.aliases))


def test_aliases_resolve() -> None:
    registry = _registry()
    assert registry.office("洪都街道") == "洪都街办"
    assert registry.office("新经济产业集聚区") == "集聚区"


def test_groups() -> None:
    registry = _registry()
    offices, kinds = registry.members("各街办、镇、集聚区")
    assert offices == set(SUB_AREAS)
    assert not kinds
    offices, kinds = registry.members("区直各有关单位")
    assert not offices  # an open set: any relevant district unit
    assert "department" in kinds


def test_roles(seed_report: Report) -> None:
    doubled = [f.args["task"] for f in seed_report.findings if f.slug == "lead-also-responsible"]
    assert doubled == [5, 7, 8, 10]
    tasks = load_file(DATA / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    assert tasks.sections[-1].tasks[-1].cooperating == []  # task 13 has no 配合单位


def test_validate_reports_exactly_the_real_anomalies(seed_report: Report) -> None:
    assert sorted(f.slug for f in seed_report.findings) == sorted(
        ["mixed-precision"]
        + ["trend-flow-decrease"] * 2
        + ["share-swing"]
        + ["goal-strict-boundary"] * 2
        + ["text-office-not-in-annex"]
        + ["lead-also-responsible"] * 4
    )
    assert seed_report.exit_code(fail_on=Severity.ERROR) == 0


def test_one_changed_number_fails_with_the_imbalance(tmp_path: Path) -> None:
    plan = tmp_path / "data"
    shutil.copytree(DATA, plan)
    targets = plan / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    assert text.count("洪都街办:   [300, 50, 53]") == 1
    targets.write_text(text.replace("[300, 50, 53]", "[301, 50, 53]"), encoding="utf-8")

    result = CliRunner().invoke(app, ["validate", str(plan), "--format", "json"])
    assert result.exit_code == 1
    report = check_paths([plan])
    [mismatch] = [f for f in report.findings if f.slug == "sum-mismatch"]
    assert mismatch.args["indicator"] == "patent_applications"
    assert mismatch.args["year"] == 2021
    assert (mismatch.args["parts"], mismatch.args["total"]) == (514, 513)
    assert mismatch.args["imbalance"] == 1
    assert "imbalance +1" in mismatch.message
    lines = text.splitlines()
    total_line = next(n for n, line in enumerate(lines, 1) if "[513, 565, 609]" in line)
    changed_line = next(n for n, line in enumerate(lines, 1) if "[300, 50, 53]" in line)
    assert mismatch.location.line == total_line
    assert changed_line in {loc.line for loc in mismatch.related}
