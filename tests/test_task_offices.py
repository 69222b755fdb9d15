"""Office names as plans write them: a short name in the text and the full one in the annex
(县人社局 / 县人力资源和社会保障局), 各乡镇人民政府 as the towns, a list that ends with 等, and
tasks that name only their 责任单位 (issue 14, plans as written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planchk.plan.names import short_forms, shortens
from tests import documents
from tests.helpers import imported_and_validated


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("县人社局", "县人力资源和社会保障局"),
        ("县人社局", "县人力资源社会保障局"),
        ("县发改局", "县发展和改革局"),
        ("区发改委", "区发展和改革委员会"),
        ("县市场监管局", "县市场监督管理局"),
        ("县政府办", "县人民政府办公室"),
        ("人行县支行", "中国人民银行庚县支行"),  # 人行庚县支行, the county's name left out
        ("县教育局", "县教育体育局"),  # its characters in order, first and last kept
    ],
)
def test_a_short_name_of_a_department(short: str, full: str) -> None:
    assert shortens(short, full)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("县委", "县委宣传部"),  # another office: the kind at the end differs
        ("县委办", "县委编办"),  # too short to be matched by its characters alone
        ("县卫健局", "县卫生健康委员会"),  # 卫健委, not 卫健局
        ("县人社局", "县财政局"),
        ("县财政局", "县财政局"),  # the same name is no short name of itself
        ("县发改局", "区发展和改革局"),  # another level
    ],
)
def test_not_a_short_name(short: str, full: str) -> None:
    assert not shortens(short, full)


def test_short_forms_replace_each_word_by_each_of_its_forms() -> None:
    assert short_forms("县人力资源和社会保障局") == {
        "县人力资源和社会保障局",
        "县人社局",
        "县人力社保局",
    }


def _plan(tmp_path: Path, text: list[str], annex: list[list[str]]) -> Path:
    """A plan document: a goal, its table, tasks in the text and the annex's task table."""
    blocks: list[documents.Block] = [
        documents.Para("庚县2024年促进就业工作方案"),
        documents.Heading("主要目标", "一、"),
        documents.Para("到2024年，全县新增城镇就业达到3000人。"),
        documents.Heading("重点任务", "二、"),
        *(documents.Para(paragraph) for paragraph in text),
        documents.Para("附件"),
        documents.Grid("重点任务分工表", None, [["序号", "重点任务", *annex[0]], *annex[1:]]),
        documents.Grid(
            "新增城镇就业分解表",
            "单位：人",
            [["乡镇", "2024年"], ["全县", "3000"], ["城关镇", "1800"], ["河口镇", "1200"]],
        ),
    ]
    return documents.write_html(tmp_path / "plan.html", blocks)


def _codes(findings: list[dict[str, Any]], prefix: str = "PC6") -> list[tuple[str, Any]]:
    return [(f["code"], f["args"].get("office")) for f in findings if f["code"].startswith(prefix)]


def test_short_names_in_the_text_are_the_annex_offices(tmp_path: Path) -> None:
    document = _plan(
        tmp_path,
        [
            "1.扩大就业容量。（责任单位：县人社局、县发改局、县市场监管局）",
            "2.强化创业扶持。（责任单位：县人社局、县财政局、人行县支行）",
            "3.做好重点群体就业。（责任单位：县人社局、各乡镇）",
        ],
        [
            ["牵头单位", "责任单位"],
            ["1", "扩大就业容量", "县人力资源和社会保障局", "县发展和改革局、县市场监督管理局"],
            ["2", "强化创业扶持", "县人力资源和社会保障局", "县财政局、中国人民银行庚县支行"],
            ["3", "做好重点群体就业", "县人力资源和社会保障局", "各乡镇人民政府"],
        ],
    )
    done = imported_and_validated(tmp_path, document)
    assert {name: office.aliases for name, office in done.tasks.offices.items()} == {
        "县人力资源和社会保障局": ["县人社局"],
        "县发展和改革局": ["县发改局"],
        "县市场监督管理局": ["县市场监管局"],
        "县财政局": [],
        "中国人民银行庚县支行": ["人行县支行"],
    }
    # said once each in the log, naming both spellings
    assert done.log.count("县人社局 is taken as a short name of 县人力资源和社会保障局") == 1
    assert done.log.count("人行县支行 is taken as a short name of 中国人民银行庚县支行") == 1
    # 各乡镇人民政府 is the towns, as 各乡镇 is: not an open set of departments
    assert done.tasks.groups["各乡镇人民政府"].areas_under == "全县"
    assert not done.tasks.groups["各乡镇人民政府"].open
    # no PC601/PC602, and no PC608 for the two names of the towns
    assert _codes(done.findings) == []


def test_a_short_name_two_offices_fit_is_neither(tmp_path: Path) -> None:
    document = _plan(
        tmp_path,
        ["1.发展农业。（责任单位：县农业局）"],
        [
            ["牵头单位", "责任单位"],
            ["1", "发展农业", "县农业农村局", "县农业机械局"],
        ],
    )
    done = imported_and_validated(tmp_path, document)
    assert "县农业局" in done.tasks.offices  # not guessed between the two
    assert not any(office.aliases for office in done.tasks.offices.values())
    assert "县农业局 could be a short name of 县农业农村局、县农业机械局" in done.log
    assert sorted(_codes(done.findings)) == [
        ("PC601", "县农业局"),
        ("PC602", "县农业农村局"),
        ("PC602", "县农业机械局"),
    ]


def test_two_names_one_list_prints_side_by_side_are_two_offices(tmp_path: Path) -> None:
    document = _plan(
        tmp_path,
        ["1.发展教育。（责任单位：县教育局、县教育体育局）"],
        [["牵头单位", "责任单位"], ["1", "发展教育", "县教育局", "县教育体育局"]],
    )
    done = imported_and_validated(tmp_path, document)
    assert sorted(done.tasks.offices) == ["县教育体育局", "县教育局"]
    assert not any(office.aliases for office in done.tasks.offices.values())
    assert _codes(done.findings) == []


@pytest.mark.parametrize("etc", ["等", "等单位", "等部门"])
def test_a_text_list_that_ends_with_etc_is_open(tmp_path: Path, etc: str) -> None:
    document = _plan(
        tmp_path,
        [f"1.扩大就业容量。（责任单位：县发改局、县财政局{etc}）"],
        [["牵头单位", "责任单位"], ["1", "扩大就业容量", "县发改局", "县财政局、县统计局"]],
    )
    done = imported_and_validated(tmp_path, document)
    assert done.tasks.sections[0].tasks[0].text_offices == ["县发改局", "县财政局", "等"]
    assert "等" not in done.tasks.offices
    assert _codes(done.findings, "PC") == []  # 县统计局 may be among 等; 等 is no unknown office


def test_without_etc_the_office_left_out_is_found(tmp_path: Path) -> None:
    document = _plan(
        tmp_path,
        ["1.扩大就业容量。（责任单位：县发改局、县财政局）"],
        [["牵头单位", "责任单位"], ["1", "扩大就业容量", "县发改局", "县财政局、县统计局"]],
    )
    done = imported_and_validated(tmp_path, document)
    assert _codes(done.findings) == [("PC602", "县统计局")]


def test_text_tasks_that_name_only_responsible_offices_have_a_lead(tmp_path: Path) -> None:
    """One task names its 牵头单位, the next only its 责任单位: the first of those answers for
    it (was an error PC603 on a plan as plans are written)."""
    blocks: list[documents.Block] = [
        documents.Heading("重点任务", "二、"),
        documents.Para("（一）培育科技型企业。实施倍增计划。（牵头单位：区科技局；配合单位：区财政局）"),
        documents.Para("（二）促进成果转化。建设服务平台。（责任单位：区科技局、区市场监管局）"),
    ]  # fmt: skip
    document = documents.write_html(tmp_path / "plan.html", blocks)
    done = imported_and_validated(tmp_path, document)
    second = done.tasks.sections[0].tasks[1]
    assert (second.lead, "lead" in second.model_fields_set) == ([], False)  # none printed
    assert _codes(done.findings, "PC603") == []


def test_a_lead_cell_left_blank_in_a_table_of_leads_is_an_error(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "序号,重点任务,牵头单位,责任单位\n1,培育科技型企业,区科技局,区财政局\n"
        "2,促进成果转化,,区市场监管局\n",
        name="tasks.csv",
        out=tmp_path / "out",
    )
    blank = [("lead" in t.model_fields_set, t.lead) for t in done.tasks.sections[0].tasks]
    assert blank == [(True, ["区科技局"]), (True, [])]  # the blank cell is written `lead: []`
    assert [(f["code"], f["args"]["task"]) for f in done.findings] == [("PC603", 2)]
    assert done.validated == 1


def test_a_table_of_responsible_offices_only_needs_no_lead(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "序号,重点任务,责任单位\n1,培育科技型企业,区科技局\n2,促进成果转化,区市场监管局\n",
        name="tasks.csv",
        out=tmp_path / "out",
    )
    assert not any("lead" in task.model_fields_set for task in done.tasks.sections[0].tasks)
    assert done.findings == []
    assert done.validated == 0
