"""A plan printed in traditional characters, and a plan whose note says its first 责任单位 leads,
each written for the test as a document, imported and validated (docs/import.md, "Goals in a
plan's text"; README, "Check a plan document").

- 某縣…三年計畫: its title, its goal (到2026年…達到60處) and its task's offices (責任單位：…) are
  read by the same words as a simplified plan's, and kept as printed (縣社會處, 全縣設置…).
- 注：排在第一位的为牵头单位: the first office of a task's list is its lead, not also one of its
  responsible offices (no PC604 on every task).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from planchk.plan.traditional import fold, printed_at
from tests import documents
from tests.test_plain_goals import _run

TITLE = "某縣長期照顧服務發展三年計畫（2024—2026年）"


def _plan(tmp_path: Path, goal: str, unit_line: str, note: str = "") -> Path:
    rows = [["鄉鎮", "2024年", "2025年", "2026年"], ["合計", "30", "45", "60"],
            ["東鄉", "10", "15", "20"], ["西鄉", "20", "30", "40"]]  # fmt: skip
    blocks: list[documents.Block] = [
        documents.Para(TITLE),
        documents.Heading("計畫目標", "一、"),
        documents.Para(goal),
        documents.Heading("工作項目", "二、"),
        documents.Para("（一）佈建服務據點。（責任單位：縣社會處、縣衛生局）"),
        *([documents.Para(note)] if note else []),
        documents.Para("附件"),
        documents.Grid("社區照顧關懷據點設置目標分解表", unit_line, rows),
    ]
    return documents.write_docx(tmp_path / "plan.docx", blocks)


def _written(tmp_path: Path, document: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    paths = [tmp_path / "out" / f"{name}.yaml" for name in ("targets", "tasks")]
    targets, tasks = (
        yaml.safe_load(p.read_text(encoding="utf-8")) if p.exists() else {} for p in paths
    )
    return targets, tasks


def _codes(document: Path) -> list[tuple[str, Any]]:
    result = _run("validate", document, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["args"].get("actual")) for f in json.loads(result.stdout)["findings"]]


GOAL = "到2026年，全縣設置社區照顧關懷據點達到60處。"


def test_a_traditional_plan_reads_its_title_goal_and_tasks_as_printed(tmp_path: Path) -> None:
    targets, tasks = _written(tmp_path, _plan(tmp_path, GOAL, "單位：處"))
    assert targets["plan"] == {"title": TITLE, "period": [2024, 2026]}
    [(goal_id, goal)] = targets["goals"].items()
    assert goal_id in (
        "全縣設置社區照顧關懷據點",
        goal.get("indicator"),
    )  # its words, or its table's
    assert goal["text"] == GOAL[:-1]  # as printed, its traditional characters kept
    assert (goal["year"], goal["op"], goal["value"]) == (2026, ">=", 60)
    [section] = tasks["sections"]
    [task] = section["tasks"]
    assert (task["title"], task["responsible"]) == ("佈建服務據點", ["縣社會處", "縣衛生局"])


@pytest.mark.parametrize(("figure", "found"), [("60", []), ("70", [("PC501", "60")])])
def test_a_traditional_goal_links_to_the_table_it_names(
    tmp_path: Path, figure: str, found: list[Any]
) -> None:
    # the table's unit line in simplified characters: the goal's 處 is that 处, one unit
    document = _plan(tmp_path, GOAL.replace("60", figure), "单位：处")
    targets, _ = _written(tmp_path, document)
    [goal] = targets["goals"].values()
    assert goal["indicator"] == "社區照顧關懷據點設置目標"  # its 設置, a verb, and 目標 folded
    assert _codes(document) == found


def test_the_note_that_the_first_office_leads_in_traditional_characters(tmp_path: Path) -> None:
    note = "注：排在第一位的為牽頭單位。"
    _, tasks = _written(tmp_path, _plan(tmp_path, GOAL, "单位：处", note))
    [task] = tasks["sections"][0]["tasks"]
    assert (task["lead"], task["responsible"]) == (["縣社會處"], ["縣衛生局"])


def test_a_lead_by_the_plans_note_is_no_lead_also_responsible(tmp_path: Path) -> None:
    blocks: list[documents.Block] = [
        documents.Para("某县农村人居环境整治提升行动方案"),
        documents.Heading("重点任务", "一、"),
        documents.Para("（一）推进农村厕所革命。（责任单位：县农业农村局、县卫健委、各乡镇人民政府）"),
        documents.Para("（二）提升村容村貌。（责任单位：县住建局、县自然资源局）"),
        documents.Para("注：排在第一位的为牵头单位。"),
    ]  # fmt: skip
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    _, tasks = _written(tmp_path, document)
    assert [(t["lead"], t["responsible"]) for t in tasks["sections"][0]["tasks"]] == [
        (["县农业农村局"], ["县卫健委", "各乡镇人民政府"]),
        (["县住建局"], ["县自然资源局"]),
    ]
    assert [code for code, _ in _codes(document)] == []  # was PC604 on each task


def test_fold_keeps_every_position() -> None:
    printed = "到2026年，全縣設置社區照顧關懷據點達到60處（責任單位：縣社會處）"
    folded = fold(printed)
    assert len(folded) == len(printed)
    assert "达到60处" in folded
    assert "责任单位：县社会处" in folded
    assert printed_at("县社会处", folded, printed) == "縣社會處"
    assert fold("高新技术企业") == "高新技术企业"  # nothing to fold: the text itself
