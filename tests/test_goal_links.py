"""A goal in a plan's text links to the one table its words name once the table's title loses
its furniture (years, the county's name, 建设/培育/任务/目标/分解/表) and the goal its verb:
新建高标准农田3.6万亩 to 高标准农田建设任务分解表, 高新技术企业超过120家 to
高新技术企业培育目标分解表. Two tables that fit so are a guess: neither is linked, as the log says.
"""

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

HEAD = ["乡镇", "2024年", "2025年", "2026年"]


def _grid(title: str, unit: str, total: list[str], a: list[str], b: list[str]) -> Any:
    return documents.Grid(
        title, f"单位：{unit}", [HEAD, ["全县", *total], ["甲镇", *a], ["乙镇", *b]]
    )


def _farmland(title: str, total: list[str] | None = None) -> Any:
    """Yearly amounts in 亩 whose years add up to 36000 (3.6万亩) unless `total` says else."""
    total = total or ["10000", "12000", "14000"]
    a = [str(int(v) * 4 // 10) for v in total]
    return _grid(
        title, "亩", total, a, [str(int(v) - int(p)) for v, p in zip(total, a, strict=True)]
    )


def _plan(tmp_path: Path, goals: list[str], *tables: Any) -> Path:
    blocks: list[documents.Block] = [
        documents.Para("某县高标准农田建设三年行动方案（2024—2026年）"),
        documents.Heading("主要目标", "一、"),
        *(documents.Para(line) for line in goals),
        documents.Para("附件"),
        *tables,
    ]
    return documents.write_docx(tmp_path / "plan.docx", blocks)


def _run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def _imported(tmp_path: Path, document: Path) -> tuple[TargetsFile, str]:
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    return targets, result.stderr


def _findings(document: Path) -> list[tuple[str, Any, Any]]:
    result = _run("validate", document, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.stdout)["findings"]
    return [(f["code"], f["args"].get("actual"), f["args"].get("target")) for f in found]


@pytest.mark.parametrize(
    "title",
    ["高标准农田建设任务分解表", "2024—2026年高标准农田建设任务表", "某县高标准农田建设任务分解表"],
)
def test_a_goal_links_to_the_title_that_names_it_among_its_furniture(
    tmp_path: Path, title: str
) -> None:
    line = "到2026年，新建高标准农田3.6万亩。"
    targets, _ = _imported(tmp_path, _plan(tmp_path, [line], _farmland(title)))
    (ind_id,) = targets.indicators
    goals = [(g.indicator, g.period, g.op, str(g.value), g.unit) for g in targets.goals.values()]
    assert goals == [(ind_id, [2024, 2026], "==", "36000", "亩")]
    met = tmp_path / "met"
    met.mkdir()
    assert _findings(_plan(met, [line], _farmland(title))) == []
    # and now checked: a table of 37000 misses it
    missed = tmp_path / "missed"
    missed.mkdir()
    document = _plan(missed, [line], _farmland(title, ["11000", "12000", "14000"]))
    assert _findings(document) == [("PC501", "37000", "36000")]


def test_a_bound_on_a_level_links_to_its_growth_table(tmp_path: Path) -> None:
    line = "到2026年，全县高新技术企业超过120家。"
    table = _grid("高新技术企业培育目标分解表", "家", ["100", "110", "120"],
                  ["40", "44", "48"], ["60", "66", "72"])  # fmt: skip
    targets, _ = _imported(tmp_path, _plan(tmp_path, [line], table))
    assert [(g.indicator, g.year, g.op) for g in targets.goals.values()] == [
        ("高新技术企业", 2026, ">")  # the title's 培育 and 目标表 are furniture
    ]
    assert _findings(_plan(tmp_path, [line], table)) == [("PC502", "120", "120")]


def test_two_tables_that_fit_the_goal_alike_link_neither(tmp_path: Path) -> None:
    line = "到2026年，新建高标准农田3.6万亩。"
    document = _plan(
        tmp_path, [line], _farmland("高标准农田发展情况表"), _farmland("2025年高标准农田发展情况表")
    )
    targets, log = _imported(tmp_path, document)
    assert len(targets.indicators) == 2
    assert [g.indicator for g in targets.goals.values()] == [None]
    assert f"`{line.rstrip('。')}` is linked to no table of the plan" in log
    assert _findings(document) == []


def test_a_goal_links_to_the_table_whose_name_it_says(tmp_path: Path) -> None:
    # 高标准农田建设任务分解表 names its indicator 高标准农田 (建设任务分解表: furniture), which the
    # goal says in full; 高标准农田发展情况表's is 高标准农田发展, which it does not
    line = "到2026年，新建高标准农田3.6万亩。"
    document = _plan(
        tmp_path, [line], _farmland("高标准农田发展情况表"), _farmland("高标准农田建设任务分解表")
    )
    targets, _ = _imported(tmp_path, document)
    names = {ind_id: indicator.name for ind_id, indicator in targets.indicators.items()}
    assert sorted(names.values()) == ["高标准农田", "高标准农田发展"]
    assert [names[str(g.indicator)] for g in targets.goals.values()] == ["高标准农田"]


def test_a_goal_stated_with_jianshe_is_read_and_checked(tmp_path: Path) -> None:
    # 建设 is a verb that adds, as 新建 is; 建设用地 stays what a cap on land is about
    line = "到2026年，建设高标准农田3.6万亩。"
    title = "高标准农田建设任务分解表"
    targets, _ = _imported(tmp_path, _plan(tmp_path, [line], _farmland(title)))
    goals = [(g.indicator, g.period, g.op, str(g.value)) for g in targets.goals.values()]
    assert goals == [("高标准农田", [2024, 2026], "==", "36000")]  # 建设任务分解表: furniture
    missed = tmp_path / "missed"
    missed.mkdir()
    document = _plan(missed, [line], _farmland(title, ["11000", "12000", "14000"]))
    assert _findings(document) == [("PC501", "37000", "36000")]
