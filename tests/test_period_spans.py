"""A table printed for a period of years as a whole (one column headed 2024—2026年目标任务) is
that period: `years: [2024-2026]`, its sums checked in it, a goal for the same period checked
against its figure, the years outside the plan period found; it was a category labelled 本期
(or, headed 2024—2026年 alone, a file planchk could not read back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner
from tests.small_plans import check_texts, codes

runner = CliRunner()
TABLES = Path(__file__).parent / "tables"

PLAN = """\
plan: {{title: 测试方案, period: [2024, 2026]}}
areas:
  全县: [甲镇, 乙镇]
indicators:
  x:
    name: 村卫生室建设
    unit: 个
    kind: {kind}
    years: [{years}]
    values:
      全县: [60]
      甲镇: [30]
      乙镇: [30]
goals:
  g:
    text: 新建村卫生室{value}个
    indicator: x
    period: [2024, 2026]
    op: "=="
    value: {value}
    unit: 个
"""


def _plan(years: str = "2024-2026", value: int = 60, kind: str = "flow") -> str:
    return PLAN.format(years=years, value=value, kind=kind)


@pytest.mark.parametrize("written", ["2024-2026", "2024—2026", "2024–2026", "2024 - 2026"])
def test_a_period_of_years_is_read_in_one_spelling(tmp_path: Path, written: str) -> None:
    report = check_texts(tmp_path, _plan(written))
    assert codes(report) == []
    model = load_file(tmp_path / "targets.yaml", "t").model
    assert isinstance(model, TargetsFile)
    assert model.indicators["x"].years == ["2024-2026"]
    assert model.indicators["x"].span == (2024, 2026)


@pytest.mark.parametrize("written", ["2026-2024", "2024-2024", "2024-26"])
def test_a_period_that_is_no_span_of_years_is_refused(tmp_path: Path, written: str) -> None:
    assert codes(check_texts(tmp_path, _plan(written))) == ["PC022"]  # a year typed as text


def test_a_goal_for_the_period_is_checked_against_its_figure(tmp_path: Path) -> None:
    assert codes(check_texts(tmp_path, _plan(value=60))) == []  # no PC505: the figure is there
    report = check_texts(tmp_path, _plan(value=70))
    [missed] = [f for f in report.findings if f.code == "PC501"]
    assert (str(missed.args["actual"]), str(missed.args["target"])) == ("60", "70")
    assert missed.args["year"] == "2024–2026"


@pytest.mark.parametrize("kind", ["flow", "stock"])
def test_a_goal_for_another_period_or_a_year_is_not_its_figure(tmp_path: Path, kind: str) -> None:
    goal = "    period: [2024, 2026]"
    text = _plan(value=60, kind=kind).replace(goal, "    period: [2024, 2025]")
    assert "PC505" in codes(check_texts(tmp_path, text))
    text = _plan(value=60, kind=kind).replace(goal, "    year: 2026")
    assert "PC505" in codes(check_texts(tmp_path, text))


def test_the_sums_are_checked_in_the_period(tmp_path: Path) -> None:
    report = check_texts(tmp_path, _plan().replace("乙镇: [30]", "乙镇: [31]"))
    [found] = [f for f in report.findings if f.code == "PC101"]
    assert (found.args["year"], str(found.args["imbalance"])) == ("2024-2026", "1")
    assert found.path == "indicators.x.values.全县.2024-2026"


def test_a_period_past_the_plan_period_lies_outside_it(tmp_path: Path) -> None:
    report = check_texts(tmp_path, _plan("2024-2027"))
    assert [f.args["year"] for f in report.findings if f.code == "PC304"] == ["2024-2027"]


def _import(tmp_path: Path, source: Path, *options: str) -> TargetsFile:
    out = tmp_path / "plan" / "targets.yaml"
    out.parent.mkdir(exist_ok=True)
    result = runner.invoke(app, ["import", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    model = load_file(out, "t").model
    assert isinstance(model, TargetsFile)
    return model


def test_year_does_not_date_a_period_s_figure_as_one_year(tmp_path: Path) -> None:
    model = _import(tmp_path, TABLES / "202_lone_period_goal_column.csv", "--year", "2024")
    assert [i.years for i in model.indicators.values()] == [["2024-2026"]]
    assert model.plan.period == [2024, 2026]


def test_the_xlsx_report_of_a_period_imports_back_to_it(tmp_path: Path) -> None:
    model = _import(tmp_path, TABLES / "203_lone_period_column_bare.csv")
    report = tmp_path / "report.xlsx"
    made = runner.invoke(app, ["report", str(tmp_path / "plan"), "-f", "xlsx", "-o", str(report)])
    assert made.exit_code in (0, 1), made.output
    (tmp_path / "back").mkdir()
    back = _import(tmp_path / "back", report)
    [(name, before)] = [(i.name, i) for i in model.indicators.values()]
    [after] = [i for i in back.indicators.values() if i.name == name]
    assert after.years == before.years == ["2024-2026"]
    assert {a: [str(v) for v in r] for a, r in after.values.items()} == {
        a: [str(v) for v in r] for a, r in before.values.items()
    }
