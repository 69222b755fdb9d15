"""Goals in a 重点任务清单: a row whose 任务内容 carries a figure (新建村卫生室30个) is a goal of
the task's year (the list's title) or of the plan's years up to its 完成时限, checked against the
breakdown table that names it, placed at its cell."""

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

TASKS = [
    ["序号", "任务内容", "牵头单位", "责任单位", "完成时限"],
    ["1", "新建村卫生室30个，改造提升乡镇卫生院5所", "县卫健委", "各镇", "2025年底前"],
    ["2", "推进数字乡村建设", "县农业农村局", "各镇", "长期"],
    ["3", "每年新建农村公路20公里", "县交通运输局", "各镇", "2025年底前"],
]


def _run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def _plan(tmp_path: Path, title: str, list_title: str, clinics: list[str]) -> Path:
    years = [str(y) + "年" for y in range(2024, 2024 + len(clinics))]
    part = [str(int(v) // 2) for v in clinics]
    rest = [str(int(v) - int(p)) for v, p in zip(clinics, part, strict=True)]
    blocks: list[documents.Block] = [
        documents.Para(title),
        documents.Heading("重点任务", "一、"),
        documents.Para("各镇要抓好落实。"),
        documents.Para("附件"),
        documents.Grid(list_title, None, TASKS),
        documents.Grid("新建村卫生室任务分解表", "单位：个",
                       [["镇", *years], ["全县", *clinics], ["甲镇", *part], ["乙镇", *rest]]),
    ]  # fmt: skip
    return documents.write_docx(tmp_path / "plan.docx", blocks)


def _checked(tmp_path: Path, document: Path) -> tuple[list[tuple[Any, ...]], list[Any]]:
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    goals = [
        (g.text, g.indicator, g.year, g.period, str(g.value), g.unit)
        for g in targets.goals.values()
    ]
    said = _run("validate", document, "-f", "json")
    found = [
        (f["code"], f["place"], f["args"].get("actual"))
        for f in json.loads(said.stdout)["findings"]
        if f["code"].startswith("PC5")
    ]
    return goals, found


@pytest.mark.parametrize(("clinics", "found"), [
    (["12", "18"], []),
    (["12", "20"], [("PC501", "附件 表1 第2行 第2列", "32")]),
])  # fmt: skip
def test_a_task_row_with_a_figure_is_a_goal_up_to_its_deadline(
    tmp_path: Path, clinics: list[str], found: list[Any]
) -> None:
    document = _plan(tmp_path, "某县乡村振兴行动方案（2024—2025年）", "重点任务清单", clinics)
    goals, checked = _checked(tmp_path, document)
    assert goals == [
        ("新建村卫生室30个", "村卫生室", None, [2024, 2025], "30", "个"),
        ("改造提升乡镇卫生院5所", None, None, [2024, 2025], "5", "所"),
    ]  # 每年新建 is a yearly amount: no goal of the period; 长期 names no year
    assert checked == found


def test_the_list_of_one_year_sets_its_rows_year(tmp_path: Path) -> None:
    document = _plan(tmp_path, "某县乡村振兴行动方案（2024—2026年）", "2025年重点任务清单",
                     ["10", "30", "40"])  # fmt: skip
    goals, checked = _checked(tmp_path, document)
    assert goals[0] == ("新建村卫生室30个", "村卫生室", 2025, None, "30", "个")
    assert checked == []
