"""A 绩效目标表 (一级指标 | 二级指标 | 三级指标 | 指标值) imported as the goals it lists: each row
whose 指标值 is a figure with a unit, checked against the plan's breakdown table that names it,
and nothing found where no table does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests import documents
from tests.cli_runner import CliRunner
from tests.paths import ROOT

CASE = ROOT / "tests" / "tables" / "110_performance_target_table.csv"
HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]


def _run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def _json(*args: str | Path) -> list[dict[str, Any]]:
    result = _run("validate", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


def _plan(tmp_path: Path, total: str) -> Path:
    blocks: list[documents.Block] = [
        documents.Para("某县2025年高标准农田建设项目实施方案"),
        documents.Heading("建设目标", "一、"),
        documents.Para("2025年，全县新建高标准农田3.6万亩。"),
        documents.Para("附件"),
        documents.Grid("（一）新建高标准农田面积分解表", "单位：亩",
                       [["县区", "2025年"], ["全县", total], ["甲镇", "16000"],
                        ["乙镇", str(int(total) - 16000)]]),
        documents.Grid("2025年农田建设项目绩效目标表", None, [
            HEADER,
            ["产出指标", "数量指标", "新建高标准农田面积", "≥3.6万亩"],
            ["", "", "新建机耕路", "12公里"],
            ["", "质量指标", "工程验收合格率", "≥95%"],
            ["", "时效指标", "项目完工时间", "2025年12月底前"],
        ]),
    ]  # fmt: skip
    return documents.write_docx(tmp_path / "plan.docx", blocks)


def test_a_performance_table_in_a_plan_is_checked_against_its_breakdown(tmp_path: Path) -> None:
    document = _plan(tmp_path, "36000")
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert "附件 表2 第1行 第1列: a performance-target table (绩效目标表): 3 targets" in said
    assert "附件 表2 第5行 第4列: `项目完工时间` is set as `2025年12月底前`" in result.stderr
    assert "第3段: `2025年，全县新建高标准农田3.6万亩` states goal" in result.stderr  # read once
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (ind_id,) = targets.indicators
    goals = [(g.indicator, g.year, g.op, str(g.value), g.unit) for g in targets.goals.values()]
    assert goals == [
        (ind_id, 2025, ">=", "36000", "亩"),  # in its table's unit: no goal-unit-differs
        (None, 2025, "==", "12", "公里"),  # names no table
        (None, 2025, ">=", "95", "%"),
    ]
    assert _json(document) == []


def test_a_breakdown_short_of_a_listed_target_is_found_at_its_cell(tmp_path: Path) -> None:
    found = _json(_plan(tmp_path, "35000"))
    assert [(f["code"], f["place"], f["args"]["actual"]) for f in found] == [
        ("PC501", "附件 表2 第2行 第4列", "35000")
    ]


def test_the_corpus_table_alone_imports_as_goals_and_validates_clean(tmp_path: Path) -> None:
    out = tmp_path / "targets.yaml"
    assert _run("import", CASE, "-o", out).exit_code == 0
    assert _json(out) == []  # not even PC504: each row's wording (合格率：≥95%) is read
    targets = load_file(out, "t").model
    assert isinstance(targets, TargetsFile)
    assert targets.plan.title == "2025年农田建设项目绩效目标表"


def test_a_year_column_and_a_unit_column(tmp_path: Path) -> None:
    source = tmp_path / "targets.csv"
    source.write_text(
        "项目绩效目标表\n年度,一级指标,二级指标,三级指标,指标值,计量单位\n"
        "2024,产出指标,数量指标,改造提升农村公路,120,公里\n"
        ",,质量指标,验收合格率,≥95,%\n"
        "2025,产出指标,数量指标,改造提升农村公路,≤80,公里\n"
        ",效益指标,社会效益,受益人口,明显增加,人\n",
        encoding="utf-8",
    )
    out = tmp_path / "targets.yaml"
    result = _run("import", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "`受益人口` is set as `明显增加`" in result.stderr
    targets = load_file(out, "t").model
    assert isinstance(targets, TargetsFile)
    goals = [(g.text, g.year, g.op, str(g.value), g.unit) for g in targets.goals.values()]
    assert goals == [
        ("改造提升农村公路：120公里", 2024, "==", "120", "公里"),
        ("验收合格率：≥95%", 2024, ">=", "95", "%"),  # the 年度 merged down
        ("改造提升农村公路：≤80公里", 2025, "<=", "80", "公里"),
    ]
    assert _json(out) == []


@pytest.mark.parametrize("year", [None, "2026"])
def test_a_table_that_names_no_year_asks_for_it(tmp_path: Path, year: str | None) -> None:
    source = tmp_path / "targets.csv"
    source.write_text(",".join(HEADER) + "\n产出指标,数量指标,新建机耕路,12公里\n", "utf-8")
    result = _run("import", source, *(["--year", year] if year else []))
    if year is None:
        assert result.exit_code == 2, result.output
        assert "cell D2: the performance-target table names no year" in result.stderr
        assert "--year" in result.stderr
        assert "Traceback" not in result.output
    else:
        assert result.exit_code == 0, result.output
        assert "year: 2026" in result.stdout
