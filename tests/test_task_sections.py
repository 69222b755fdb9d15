"""Which part of a plan's text holds its tasks: paragraphs that end with their offices are
tasks where they stand in the tasks' part; a heading that only names 任务 (一、目标任务) and
holds no office list does not push the real tasks (三、责任分工) out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TasksFile
from tests import documents
from tests.cli_runner import CliRunner

runner = CliRunner()


def _tasks(tmp_path: Path, blocks: list[documents.Block]) -> tuple[list[tuple[Any, ...]], str]:
    page = documents.write_html(tmp_path / "plan.html", blocks)
    result = runner.invoke(app, ["import", str(page), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    tasks = load_file(tmp_path / "out" / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    listed = [(t.title, t.lead, t.cooperating) for s in tasks.sections for t in s.tasks]
    return listed, result.stderr


def _plan(third: str) -> list[documents.Block]:
    return [
        documents.Heading("目标任务", "一、"),
        documents.Para("2025年全县新改建农村公路120公里。"),
        documents.Heading("工作要求", "二、"),
        documents.Para("各乡镇要高度重视。"),
        documents.Heading(third, "三、"),
        documents.Para(
            "（一）加强组织领导。成立专班。（牵头单位：县交通运输局；配合单位：县财政局）"
        ),
        documents.Para("（二）强化资金保障。足额拨付。（牵头单位：县财政局）"),
    ]


def test_offices_under_responsibilities_after_a_goals_and_tasks_heading(tmp_path: Path) -> None:
    listed, log = _tasks(tmp_path, _plan("责任分工"))
    assert listed == [
        ("加强组织领导", ["县交通运输局"], ["县财政局"]),
        ("强化资金保障", ["县财政局"], []),
    ]
    assert "outside the tasks' section" not in log


def test_a_tasks_heading_without_offices_sets_no_other_part_aside(tmp_path: Path) -> None:
    listed, _ = _tasks(tmp_path, _plan("保障措施"))
    assert [title for title, _, _ in listed] == ["加强组织领导", "强化资金保障"]


def test_offices_outside_a_tasks_part_that_holds_offices_are_set_aside(tmp_path: Path) -> None:
    blocks: list[documents.Block] = [
        documents.Heading("重点任务", "一、"),
        documents.Para("1.建设村卫生室。新建30个。（牵头单位：县卫健局）"),
        documents.Heading("保障措施", "二、"),
        documents.Para("（一）加强组织领导。成立专班。（牵头单位：县政府办）"),
    ]
    listed, log = _tasks(tmp_path, blocks)
    assert [title for title, _, _ in listed] == ["建设村卫生室"]
    assert "`加强组织领导` lists offices (责任单位) outside the tasks' section (保障措施)" in log
