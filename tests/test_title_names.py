"""The indicator a table's title names, read with the words goals link by
(importers.title_words): the years, the sub-areas (各区), a running total (累计) and the task's
verb at either end are furniture; what is counted keeps every word of its own."""

from __future__ import annotations

import pytest

from planchk.importers.layout import indicator_name
from planchk.importers.title_words import bare_forms, title_subject


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("2024—2026年各区累计建成口袋公园", "口袋公园"),
        ("2025-2027年各县（区）城市社区嵌入式服务设施建设", "城市社区嵌入式服务设施"),
        ("各街道社区养老服务站建设任务表", "社区养老服务站"),
        ("高新技术企业培育目标分解表", "高新技术企业"),
        ("2025年各乡镇新增建设用地", "新增建设用地"),
        ("新建村卫生室", "村卫生室"),
        ("（三）发明专利申请量指导性任务分解表", "发明专利申请量"),
    ],
)
def test_a_title_names_what_it_counts(title: str, name: str) -> None:
    assert indicator_name(title) == name


@pytest.mark.parametrize(
    "title",
    [
        "产业发展资金",  # a verb inside the name is the name's
        "建成区绿地率",  # 建成区 is a place, not 建成
        "高标准农田发展",  # 发展 names another thing than 建设
        "城区绿地",  # a county's name is kept: 城区 may be what is counted
        "项目建设",  # 项目 alone counts nothing
    ],
)
def test_what_is_counted_keeps_its_words(title: str) -> None:
    assert indicator_name(title) == title


def test_the_name_is_a_form_goals_link_by() -> None:
    # one reading for both: the name a title gives is among the forms a goal's words match
    for title in ("2024—2026年高标准农田建设", "各县（区）高新技术企业培育", "新建村卫生室"):
        assert title_subject(title) in bare_forms(title)


def test_a_title_of_furniture_alone_keeps_its_words() -> None:
    assert title_subject("2025年建设") == "2025年建设"
