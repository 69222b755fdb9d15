"""What kind an imported indicator or office is, from the words the document prints: the file
says which words decided it, and marks `check` only where none did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile, TasksFile
from tests import documents
from tests.cli_runner import CliRunner

runner = CliRunner()
FORMATS = {"docx": documents.write_docx, "html": documents.write_html, "txt": documents.write_text}
ROWS = [["县区", "2022年", "2023年"], ["全区", "30", "40"], ["甲街道", "10", "15"],
        ["乙街道", "20", "25"]]  # fmt: skip
# title, unit -> the kind, and the word of the title that decides it (None: nothing does)
TABLES = {
    ("（一）高新技术企业累计数分解表", "单位：家"): ("stock", "累计"),
    ("（二）新增研发平台数量分解表", "单位：个"): ("flow", "新增"),  # 新增 before 数量
    ("（三）规上工业增加值增速分解表", "单位：%"): ("ratio", "%"),
    ("（四）发明专利拥有量分解表", "单位：件"): ("stock", "拥有量"),
    ("（五）技术合同成交额分解表", "单位：亿元"): ("flow", "额"),
    ("（六）科普活动分解表", "单位：场"): ("flow", None),
}
# office -> its kind, and what the comment shows (None: `check`)
OFFICES = {
    "区科工局": ("department", "…局"),
    "区委组织部": ("party", "区委…"),
    "区大数据中心": ("department", "…中心"),
    "区国投集团": ("enterprise", "…集团"),
    "丙镇": ("area", "…镇"),  # a 镇 the tables do not list
    "区税务局": ("agency", "税务局"),
    "全区人民法院": ("agency", None),  # named with the whole area's name: often vertical
    "区科协": ("department", None),  # nothing in the name decides it
}


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _blocks() -> list[documents.Block]:
    blocks: list[documents.Block] = [documents.Para("附件")]
    task_rows = [["序号", "主要任务", "牵头单位", "责任单位", "配合单位"]]
    names = list(OFFICES)
    task_rows.append(["1", "培育科技企业", names[0], "、".join(names[1:4]), "各有关企业"])
    task_rows.append(["2", "加强知识产权保护", names[4], "、".join(names[5:]), "区直各有关单位"])
    blocks.append(documents.Grid("主要工作任务分解表", None, task_rows))
    blocks += [documents.Grid(title, unit, ROWS) for title, unit in TABLES]
    return blocks


def _comment(text: str, key: str) -> str:
    line = next(line for line in text.splitlines() if line.lstrip().startswith(key))
    return line.partition("#")[2]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_indicator_kinds_say_what_decided_them(tmp_path: Path, suffix: str) -> None:
    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", _blocks())
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    kinds = {ind.table: ind.kind for ind in targets.indicators.values()}
    assert kinds == {title: kind for (title, _), (kind, _) in TABLES.items()}
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    said = [line.partition("#")[2] for line in written.splitlines() if "  kind: " in line]
    for comment, (_, word) in zip(said, TABLES.values(), strict=True):
        if word is None:
            assert "check" in comment, comment
        else:
            assert "check" not in comment, comment
            said_by = "its unit %" if word == "%" else f"the title's {word}"
            assert comment.endswith(f", by {said_by}"), comment


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_office_kinds_say_what_decided_them(tmp_path: Path, suffix: str) -> None:
    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", _blocks())
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    tasks = load_file(tmp_path / "out" / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    assert {name: office.kind for name, office in tasks.offices.items()} == {
        name: kind for name, (kind, _) in OFFICES.items()
    }
    written = (tmp_path / "out" / "tasks.yaml").read_text(encoding="utf-8")
    for name, (_, shown) in OFFICES.items():
        comment = _comment(written, f"{name}:")
        assert ("check" in comment) == (shown is None), (name, comment)
        assert shown is None or comment.strip() == shown, (name, comment)
    assert set(tasks.groups) == {"各有关企业", "区直各有关单位"}
    assert "check" in _comment(written, "各有关企业:")  # 各… taken as a group: a guess
    assert "#" not in written.split("区直各有关单位:", 1)[1].split("\n", 1)[0]  # a known form
