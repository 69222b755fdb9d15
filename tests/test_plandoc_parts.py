"""A 其中 part a plan's text states after its whole (`到2026年，全县累计建成高标准农田3.6万亩，其中
高效节水灌溉1.2万亩`), imported from a plan document written for the test and validated: it is
linked to the 其中 row of its whole's table (area `全县其中：高效节水灌溉`), or to the 其中 column
its words name, and checked as its whole is read (docs/import.md, "Goals in a plan's text").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import documents
from tests.test_plain_goals import _findings, _imported, _plan

RUNNING = "到2026年，全县累计建成高标准农田3.6万亩，其中{part}{figure}万亩。"


def _built(part_row: str = "其中：高效节水灌溉") -> documents.Grid:
    """Running totals of 2024-2026 (a stock, by the title's 累计) with a 其中 row under 全县."""
    rows = [["乡镇", "2024年", "2025年", "2026年"], ["全县", "1.0", "2.2", "3.6"],
            [part_row, "0.3", "0.7", "1.2"], ["甲镇", "0.6", "1.2", "2.0"],
            ["乙镇", "0.4", "1.0", "1.6"]]  # fmt: skip
    return documents.Grid("累计建成高标准农田面积任务分解表", "单位：万亩", rows)


def _linked(tmp_path: Path, line: str, table: documents.Grid) -> list[tuple[object, ...]]:
    targets = _imported(tmp_path, _plan(tmp_path, [line], table))
    return [(g.indicator, g.area, g.year, str(g.value)) for g in targets.goals.values()]


def test_a_part_after_a_running_total_is_its_tables_of_which_row(tmp_path: Path) -> None:
    line = RUNNING.format(part="高效节水灌溉", figure="1.2")
    assert _linked(tmp_path, line, _built()) == [
        ("高标准农田面积", None, 2026, "3.6"),
        ("高标准农田面积", "全县其中：高效节水灌溉", 2026, "1.2"),  # was: not linked
    ]
    assert _findings(_plan(tmp_path, [line], _built())) == []


def test_a_part_the_table_misses_is_found(tmp_path: Path) -> None:
    document = _plan(tmp_path, [RUNNING.format(part="高效节水灌溉", figure="1.5")], _built())
    found = [(c, a["area"], a["actual"], a["target"]) for c, a in _findings(document)]
    assert found == [("PC501", "全县其中：高效节水灌溉", "1.2", "1.5")]


@pytest.mark.parametrize("part", ["节水灌溉", "高标准农田示范区"])
def test_a_part_no_row_names_stays_unlinked(tmp_path: Path, part: str) -> None:
    linked = _linked(tmp_path, RUNNING.format(part=part, figure="1.2"), _built())
    assert linked[1][:2] == (None, None)


def test_a_part_its_words_name_a_column_of(tmp_path: Path) -> None:
    rows = [["乡镇", "高标准农田", "其中：高效节水灌溉"], ["全县", "3.6", "1.2"],
            ["甲镇", "2.0", "0.7"], ["乙镇", "1.6", "0.5"]]  # fmt: skip
    table = documents.Grid("2026年高标准农田建设任务分解表", "单位：万亩", rows)
    line = "2026年，全县新建高标准农田3.6万亩，其中高效节水灌溉1.2万亩。"
    assert _linked(tmp_path, line, table) == [
        ("高标准农田", None, 2026, "3.6"),
        ("高效节水灌溉", None, 2026, "1.2"),
    ]


def test_a_part_with_its_own_comparator(tmp_path: Path) -> None:
    rows = [["乡镇", "2025年", "2026年", "2027年"], ["全区", "155", "178", "205"],
            ["其中：高新技术企业", "60", "70", "82"], ["城南街道", "70", "80", "95"],
            ["城北街道", "85", "98", "110"]]  # fmt: skip
    table = documents.Grid("规模以上工业企业数量目标分解表", "单位：家", rows)
    line = "到2027年，全区规模以上工业企业超过200家，其中高新技术企业不少于{figure}家。"
    blocks: list[documents.Block] = [
        documents.Para("南湖区促进民营经济高质量发展行动计划（2025—2027年）"),
        documents.Heading("发展目标", "一、"),
        documents.Para(line.format(figure="80")),
        documents.Para("附件"),
        table,
    ]
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    targets = _imported(tmp_path, document)
    linked = [(g.indicator, g.area, g.year, g.op) for g in targets.goals.values()]
    assert linked == [
        ("规模以上工业企业数量", None, 2027, ">"),
        ("规模以上工业企业数量", "全区其中：高新技术企业", 2027, ">="),
    ]
    assert _findings(document) == []
    blocks[2] = documents.Para(line.format(figure="90"))
    (tmp_path / "over").mkdir()
    over = documents.write_docx(tmp_path / "over" / "plan.docx", blocks)
    assert [(c, a["actual"]) for c, a in _findings(over)] == [("PC501", "82")]
