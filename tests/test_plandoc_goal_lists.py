"""Goals as plans write them in lists and spans, each imported from a plan document written for the
test and validated: `完成人工造林8000亩、森林抚育1.2万亩` is two goals sharing one verb and year,
each in its own unit (docs/import.md, "Goals in a plan's text"); `“十四五”期间` is the period
2021–2025 (十五五 2026–2030), as `2021—2025年` is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import documents
from tests.test_plain_goals import FORMATS, _findings, _goals, _imported


def _forest(unit: str, planted: list[str], tended: list[str]) -> documents.Grid:
    """A one-year table of two columns whose two towns add up to the county."""
    rows = [["乡镇", "人工造林", "森林抚育"], ["全县", planted[0], tended[0]],
            ["甲镇", planted[1], tended[1]], ["乙镇", planted[2], tended[2]]]  # fmt: skip
    return documents.Grid("2025年国土绿化任务分解表", f"单位：{unit}", rows)


def _plan(tmp_path: Path, title: str, lines: list[str], table: Any, fmt: str = "docx") -> Path:
    blocks: list[documents.Block] = [
        documents.Para(title),
        documents.Heading("目标任务", "一、"),
        *(documents.Para(line) for line in lines),
        documents.Para("附件"),
        table,
    ]
    return FORMATS[fmt](tmp_path / f"plan.{fmt}", blocks)


def _one_year(tmp_path: Path, line: str, table: Any, fmt: str = "docx") -> Path:
    return _plan(tmp_path, "青峰县2025年国土绿化行动方案", [line], table, fmt)


MU = _forest("亩", ["8000", "3000", "5000"], ["12000", "7000", "5000"])
WANMU = _forest("万亩", ["0.80", "0.30", "0.50"], ["1.20", "0.70", "0.50"])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize(
    "line",
    [
        "2025年，全县完成人工造林8000亩、森林抚育1.2万亩。",
        "2025年，全县完成人工造林8000亩，森林抚育1.2万亩。",
        "2025年，全县完成人工造林8000亩；森林抚育1.2万亩。",
        "2025年，全县完成人工造林8000亩和森林抚育1.2万亩。",
    ],
)
def test_every_goal_of_a_list_shares_the_verb_and_the_year(
    tmp_path: Path, line: str, fmt: str
) -> None:
    document = _one_year(tmp_path, line, MU, fmt)
    goals = _goals(_imported(tmp_path, document))
    # each in the table's unit: 1.2万亩 is 12000 亩 beside a table in 亩
    assert [g[1:] for g in goals] == [
        (2025, None, "==", "8000", "亩"),
        (2025, None, "==", "12000", "亩"),
    ]
    assert [g[0] for g in goals] == ["人工造林", "森林抚育"]
    assert _findings(document) == []


def test_a_listed_goal_keeps_its_printed_figure_beside_a_table_of_its_unit(
    tmp_path: Path,
) -> None:
    document = _one_year(tmp_path, "2025年，全县完成人工造林8000亩、森林抚育1.2万亩。", WANMU)
    targets = _imported(tmp_path, document)
    assert [g[1:] for g in _goals(targets)] == [
        (2025, None, "==", "0.8", "万亩"),
        (2025, None, "==", "1.2", "万亩"),  # as printed: the table is in 万亩
    ]
    texts = [g.text for g in targets.goals.values()]
    assert texts == [
        "2025年，全县完成人工造林8000亩",
        "2025年，全县完成人工造林8000亩、森林抚育1.2万亩",  # the verb it shares, as printed
    ]
    assert _findings(document) == []


def test_the_second_goal_of_a_list_is_checked(tmp_path: Path) -> None:
    document = _one_year(tmp_path, "2025年，全县完成人工造林8000亩、森林抚育1.3万亩。", MU)
    found = [(c, a["goal"], a["actual"], a["target"]) for c, a in _findings(document)]
    assert found == [("PC501", "森林抚育", "12000", "13000")]


@pytest.mark.parametrize(
    "line",
    [
        "2025年，全县完成人工造林8000亩，投资2000万元。",  # money: not an area's list
        "2025年，全县完成人工造林8000亩，带动就业300人。",  # a count: not either
        "2025年，全县森林覆盖率达到60%，森林抚育1.2万亩。",  # after a comparator: no verb
    ],
)
def test_a_figure_that_does_not_go_on_the_list_is_no_goal(tmp_path: Path, line: str) -> None:
    document = _one_year(tmp_path, line, MU)
    subjects = [g.text for g in _imported(tmp_path, document).goals.values()]
    assert not any("投资" in s or "就业" in s or "森林抚育" in s for s in subjects)


def test_two_counts_listed_after_one_verb(tmp_path: Path) -> None:
    rows = [["乡镇", "村卫生室（个）", "文化广场（处）"], ["全县", "30", "12"],
            ["甲镇", "20", "5"], ["乙镇", "10", "7"]]  # fmt: skip
    table = documents.Grid("2025年公共服务设施建设任务分解表", None, rows)
    document = _one_year(tmp_path, "2025年，全县新建村卫生室30个、文化广场12处。", table)
    goals = _goals(_imported(tmp_path, document))
    assert [(g[0], g[4], g[5]) for g in goals] == [
        ("村卫生室", "30", "个"),
        ("文化广场", "12", "处"),
    ]
    assert _findings(document) == []


# --- “十四五”期间: a plan's five years ---------------------------------------------------------


def _five_years(values: list[str]) -> documents.Grid:
    halves = [str(int(v) // 2) for v in values]
    rest = [str(int(v) - int(h)) for v, h in zip(values, halves, strict=True)]
    years = [f"{y}年" for y in range(2021, 2026)]
    rows = [["县区", *years], ["全市", *values], ["甲县", *halves], ["乙县", *rest]]
    return documents.Grid("新增高新技术企业任务分解表", "单位：家", rows)


@pytest.mark.parametrize(
    ("line", "op"),
    [
        ("“十四五”期间，全市新增高新技术企业超过100家。", ">"),
        ("十四五时期，全市新增高新技术企业不少于100家。", ">="),
    ],
)
def test_the_five_years_of_a_plan_are_its_period(tmp_path: Path, line: str, op: str) -> None:
    title = "某市“十四五”科技创新规划（2021—2025年）"
    document = _plan(tmp_path, title, [line], _five_years(["20", "20", "20", "20", "30"]))
    (goal,) = _goals(_imported(tmp_path, document))
    assert goal == ("新增高新技术企业", None, [2021, 2025], op, "100", "家")
    assert _findings(document) == []  # 110 over the five years: not 2025's 30
    (tmp_path / "short").mkdir()
    short = _plan(tmp_path / "short", title, [line], _five_years(["10", "20", "20", "20", "20"]))
    assert [(c, a["actual"], a["year"]) for c, a in _findings(short)] == [
        ("PC501", "90", "2021–2025")
    ]
