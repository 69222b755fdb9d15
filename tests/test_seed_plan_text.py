"""data/ holds the published plan as printed: every number, name and office list.

The published text lives beside the project (../shared/seed/); where it is absent the
tests skip and say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.loader import load_file
from planchk.models import TargetsFile, TasksFile
from tests import seed_text
from tests.paths import DATA

pytestmark = pytest.mark.skipif(
    not seed_text.SEED.is_file(), reason=f"the seed plan is not at {seed_text.SEED}"
)

TABLES = {
    "high_tech_enterprises": "（一）高新技术企业数量指导性任务分解表",
    "contract_turnover": "（二）技术合同成交额指标指导性任务分解表",
    "patent_applications": "（三）发明专利申请量指导性任务分解表",
}


def _targets() -> TargetsFile:
    model = load_file(DATA / "targets.yaml", "targets.yaml").model
    assert isinstance(model, TargetsFile)
    return model


def _tasks() -> TasksFile:
    model = load_file(DATA / "tasks.yaml", "tasks.yaml").model
    assert isinstance(model, TasksFile)
    return model


@pytest.fixture(scope="module")
def seed() -> str:
    return Path(seed_text.SEED).read_text(encoding="utf-8")


@pytest.mark.parametrize(("indicator", "title"), TABLES.items())
def test_breakdown_tables_as_printed(seed: str, indicator: str, title: str) -> None:
    unit, printed = seed_text.breakdown_table(seed, title)
    header, *body = printed
    encoded = _targets().indicators[indicator]
    assert encoded.table == title
    assert encoded.unit == unit
    assert [f"{year}年" for year in encoded.years] == header[1:]
    # str(Decimal) gives back the printed digits: 6.0 stays "6.0", 0.098 stays "0.098".
    as_typed = [[area, *(str(v) for v in row)] for area, row in encoded.values.items()]
    assert as_typed == body


def test_annex_task_table_as_printed(seed: str) -> None:
    printed = seed_text.annex_tasks(seed)
    encoded = [task for section in _tasks().sections for task in section.tasks]
    assert len(encoded) == len(printed) == 13
    for task, row in zip(encoded, printed, strict=True):
        number, title, lead, responsible, cooperating = row
        assert (task.number, task.title) == (int(number), title)
        assert task.lead == seed_text.office_names(lead)
        assert task.responsible == seed_text.office_names(responsible)
        assert task.cooperating == seed_text.office_names(cooperating)


def test_main_text_office_lists_as_printed(seed: str) -> None:
    printed = seed_text.text_office_lists(seed)
    encoded = [task.text_offices for section in _tasks().sections for task in section.tasks]
    assert encoded == printed


def test_sections_as_printed(seed: str) -> None:
    for section in _tasks().sections:
        assert f"（{section.number}）{section.title}" in seed


def test_goal_wording_as_printed(seed: str) -> None:
    goals_text = seed[seed.index("二、主要目标") : seed.index("三、重点任务")]
    for goal in _targets().goals.values():
        assert goal.text in goals_text, goal.text


def test_plan_metadata_as_printed(seed: str) -> None:
    plan = _targets().plan
    assert plan.document_number is not None
    assert plan.issuer is not None
    assert plan.document_number in seed
    assert plan.issuer in seed
    assert plan.title.replace("（2021-2023年）", "") in seed.replace("\n", "")
    assert "2021年6月9日" in seed
    assert plan.issued is not None
    assert (plan.issued.year, plan.issued.month, plan.issued.day) == (2021, 6, 9)
