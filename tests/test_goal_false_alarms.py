"""A review's false alarms from goals read out of a plan's text (and a 绩效目标表), each pinned on
its repro: a 其中YYYY年 part or a 比2020年 base year does not set the next goal's year, 每年 X is
X in each year, 年均 X and 比2020年增加X are not read, 新增 X is not compared with a stock's
level, and a listed target is written in its table's unit. Where the plan is consistent there is
no finding; where its table misses the goal read, the check still says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planchk.importers.documents import Paragraph
from planchk.importers.plandoc.goals import statements
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests import documents
from tests.test_plain_goals import _farmland, _findings, _goals, _imported, _plan, _run

REBUILT = "（二）改造提升高标准农田任务分解表"
WATER = "（二）高效节水灌溉任务分解表"


def _stock(tmp_path: Path, line: str) -> Path:
    rows = [["县区", "2024年", "2025年", "2026年"], ["全县", "120", "135", "150"],
            ["甲镇", "48", "54", "60"], ["乙镇", "72", "81", "90"]]  # fmt: skip
    table = documents.Grid("（一）高新技术企业数量任务分解表", "单位：家", rows)
    return _plan(tmp_path, [line], table)


def test_a_part_of_one_year_does_not_date_the_next_goal(tmp_path: Path) -> None:
    line = "到2026年，全县新建高标准农田3.6万亩，其中2024年1.0万亩，改造提升高标准农田2万亩。"
    new = _farmland("亩", ["10000", "12000", "14000"])
    document = _plan(tmp_path, [line], new, _farmland("亩", ["5000", "6000", "9000"], REBUILT))
    targets = _imported(tmp_path, document)
    assert [g[1:] for g in _goals(targets)] == [
        (None, [2024, 2026], "==", "36000", "亩"),
        (2024, None, "==", "10000", "亩"),
        (None, [2024, 2026], "==", "20000", "亩"),  # the period's, as 到2026年 says: not 2024's
    ]
    assert _findings(document) == []
    (tmp_path / "short").mkdir()
    short = _farmland("亩", ["3000", "4000", "5000"], REBUILT)  # 2万亩 is ± 5000
    missed = _findings(_plan(tmp_path / "short", [line], new, short))
    assert [(c, a["actual"], a["year"]) for c, a in missed] == [("PC501", "12000", "2024–2026")]


def test_a_part_of_one_year_does_not_date_the_goal_after_a_semicolon() -> None:
    line = ("到2026年，全县新建高标准农田3.6万亩，其中2024年1.0万亩、2025年1.2万亩；"
            "改造提升高标准农田不少于1.5万亩。全年完成造林500亩。")  # fmt: skip
    found = [
        (s.subject, s.year, s.first) for s in statements(Paragraph(line, 3), 2026, (2024, 2026))
    ]
    assert found == [
        ("全县新建高标准农田", 2026, 2024),
        ("全县新建高标准农田", 2024, None),
        ("全县新建高标准农田", 2025, None),
        ("改造提升高标准农田", 2026, 2024),
    ]  # fmt: skip  (was 2024, None)
    after_stop = (
        "到2026年，新建高标准农田3.6万亩，其中2024年1.0万亩。改造提升高标准农田不少于1.5万亩。"
    )
    assert [s.year for s in statements(Paragraph(after_stop, 3), 2026, (2024, 2026))] == [
        2026,
        2024,
        None,
    ]  # after 。 a sentence names its own year: none here (was 2024)


def test_a_base_year_is_never_a_goals_year() -> None:
    line = "到2023年，全区高新技术企业超过130家，比2020年增加40家，技术合同成交额突破8.3亿元。"
    found = [(s.subject, s.year, s.first) for s in statements(Paragraph(line, 3), 2023)]
    assert found == [("全区高新技术企业", 2023, None), ("比", 2023, None),
                     ("技术合同成交额", 2023, None)]  # fmt: skip
    compared = "与2020年相比，2025年新建高标准农田1.0万亩。"
    assert [s.year for s in statements(Paragraph(compared, 3), 2026, (2024, 2026))] == [2025]


def test_a_change_since_a_base_year_is_said_and_not_imported(tmp_path: Path) -> None:
    line = "到2023年，全区高新技术企业超过130家，比2020年增加40家，技术合同成交额突破8.3亿元。"
    rows = [["地区", "2021年", "2022年", "2023年"], ["全区", "99", "111", "131"]]
    money = [["地区", "2021年", "2022年", "2023年"], ["全区", "6.0", "7.0", "8.4"]]
    blocks: list[documents.Block] = [
        documents.Para("某区科技创新三年行动方案（2021-2023年）"),
        documents.Heading("主要目标", "一、"),
        documents.Para(line),
        documents.Para("附件"),
        documents.Grid("（一）高新技术企业数量指导性任务分解表", "单位：家", rows),
        documents.Grid("（二）技术合同成交额指标指导性任务分解表", "单位：亿元", money),
    ]
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "`比2020年增加40家` states a change since a base year (比2020年)" in result.stderr
    targets = _imported(tmp_path, document)
    assert [(g[1], g[3], g[4]) for g in _goals(targets)] == [(2023, ">", "130"), (2023, ">", "8.3")]
    assert _findings(document) == []  # was PC505 (技术合同成交额 for 2020) and PC504 (goal 比)


def _water(tmp_path: Path, line: str, values: list[str], unit: str = "亩") -> Path:
    new = _farmland("亩", ["10000", "12000", "14000"])
    return _plan(tmp_path, [line], new, _farmland(unit, values, WATER))


def test_each_year_is_each_years_figure(tmp_path: Path) -> None:
    line = "2024—2026年，每年新建高效节水灌溉不少于0.5万亩。"
    document = _water(tmp_path, line, ["0.5", "0.5", "0.5"], "万亩")
    assert [g[1:] for g in _goals(_imported(tmp_path, document))] == [
        (year, None, ">=", "0.5", "万亩") for year in (2024, 2025, 2026)
    ]
    assert _findings(document) == []
    (tmp_path / "short").mkdir()
    missed = _findings(_water(tmp_path / "short", line, ["0.5", "0.6", "0.4"], "万亩"))
    assert [(c, a["actual"], a["year"]) for c, a in missed] == [("PC501", "0.4", 2026)]
    (tmp_path / "most").mkdir()  # 每年 X at most: was X against the period's sum (1.5)
    most = "2024—2026年，每年新建高效节水灌溉不超过0.5万亩。"
    assert _findings(_water(tmp_path / "most", most, ["0.5", "0.5", "0.5"], "万亩")) == []


@pytest.mark.parametrize(
    "line",
    [
        "2024—2026年，每年新建高效节水灌溉0.5万亩。",
        "到2026年，全县新建高标准农田3.6万亩，其中2024年1.0万亩，每年新建高效节水灌溉0.5万亩。",
        "到2026年，全县新建高标准农田3.6万亩，年均新建高效节水灌溉0.5万亩。",
    ],
)
def test_a_plain_figure_each_year_or_on_average_is_not_read(tmp_path: Path, line: str) -> None:
    document = _water(tmp_path, line, ["5000", "5000", "5000"])
    assert "高效节水灌溉" not in [g[0] for g in _goals(_imported(tmp_path, document))]
    assert _findings(document) == []  # was PC501: 5000 against the period's 15000


def test_a_yearly_mean_is_said_and_not_imported(tmp_path: Path) -> None:
    line = "到2026年，年均新建高效节水灌溉不少于0.5万亩。"
    document = _water(tmp_path, line, ["5000", "5000", "5000"])
    result = _run("import", document, "-o", tmp_path / "out")
    assert "`到2026年，年均新建高效节水灌溉不少于0.5万亩` states a yearly average" in result.stderr
    assert _goals(_imported(tmp_path, document)) == []


def test_a_running_total_is_read_beside_each_years_figure(tmp_path: Path) -> None:
    line = "到2026年，全县累计新建高标准农田3.6万亩，每年新建不少于1.0万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]))
    years = [(g[1], g[2], g[3], g[4]) for g in _goals(_imported(tmp_path, document))]
    assert years == [
        (None, [2024, 2026], "==", "36000"),  # was said in the log and not read
        *((year, None, ">=", "1.0") for year in (2024, 2025, 2026)),
    ]
    assert _findings(document) == []


def _land(tmp_path: Path, line: str) -> Path:
    rows = [["乡镇", "2024年", "2025年", "2026年"], ["全县", "400", "450", "500"],
            ["甲镇", "200", "200", "250"], ["乙镇", "200", "250", "250"]]  # fmt: skip
    return _plan(tmp_path, [line], documents.Grid("各乡镇新增建设用地任务分解表", "单位：亩", rows))


def test_a_goal_of_the_whole_area_links_to_its_table_by_sub_area(tmp_path: Path) -> None:
    document = _land(tmp_path, "到2026年，全县新增建设用地控制在1500亩以内。")
    goals = _goals(_imported(tmp_path, document))  # was 全县建设用地, linked to nothing
    assert goals == [("新增建设用地", None, [2024, 2026], "<=", "1500", "亩")]  # 各乡镇: furniture
    assert _findings(document) == []  # 500 亩 at most: tests/test_goal_readings.py


def test_a_goal_that_links_to_no_table_is_said_once(tmp_path: Path) -> None:
    line = "2024—2026年，每年新建不少于1.0万亩，全县新增建设用地控制在1500亩以内。"
    result = _run("import", _land(tmp_path, line), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("is linked to no table of the plan") == 1
    assert "第3段: `2024—2026年，每年新建不少于1.0万亩` is linked to no table" in result.stderr


def test_an_increase_is_not_compared_with_a_stocks_level(tmp_path: Path) -> None:
    document = _stock(tmp_path, "到2026年，新增高新技术企业30家。")
    result = _run("import", document, "-o", tmp_path / "out")
    assert "gives levels (a stock), whose last year is no increase; not linked" in result.stderr
    assert [g[0] for g in _goals(_imported(tmp_path, document))] == [None]
    assert _findings(document) == []  # was PC501: == 30 家 against 150
    (tmp_path / "level").mkdir()
    level = _stock(tmp_path / "level", "到2026年，高新技术企业达到160家。")  # a level: checked
    assert [(c, a["actual"]) for c, a in _findings(level)] == [("PC501", "150")]


def test_parts_of_a_goal_keep_their_printed_words(tmp_path: Path) -> None:
    line = "三年新建高标准农田3.6万亩，其中2025年1.2万亩、2026年1.4万亩。"
    targets = _imported(
        tmp_path, _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]))
    )
    assert [g.text for g in targets.goals.values()] == [
        "三年新建高标准农田3.6万亩",
        "三年新建高标准农田3.6万亩，其中2025年1.2万亩",
        "三年新建高标准农田3.6万亩，其中2025年1.2万亩、2026年1.4万亩",
    ]


def _performance(tmp_path: Path, total: str) -> list[Any]:
    (tmp_path / "perf.csv").write_text(
        "2025年农田建设项目绩效目标表\n一级指标,二级指标,三级指标,指标值\n"
        "产出指标,数量指标,新建高标准农田面积,≥3.6万亩\n,,高效节水灌溉面积,1.2万亩\n"
        ",,改造提升高标准农田,不低于2万亩\n",
        encoding="utf-8",
    )
    (tmp_path / "brk.csv").write_text(
        "2025年高标准农田建设任务分解表\n单位：亩\n县区,新建高标准农田,高效节水灌溉,改造提升高标准农田\n"
        f"全市,{total},12000,20000\n甲县,16000,5000,9000\n乙县,{int(total) - 16000},7000,11000\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = _run("import", tmp_path / "perf.csv", tmp_path / "brk.csv", "-o", out)
    assert result.exit_code == 0, result.output
    return _findings(out)


def test_listed_targets_are_written_in_their_tables_unit(tmp_path: Path) -> None:
    assert _performance(tmp_path, "36000") == []  # was 3 PC404: 万亩 against 亩
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert [g[1:] for g in _goals(targets)] == [
        (2025, None, ">=", "36000", "亩"),
        (2025, None, "==", "12000", "亩"),
        (2025, None, ">=", "20000", "亩"),
    ]
    (tmp_path / "short").mkdir()
    missed = _performance(tmp_path / "short", "35000")
    assert [(c, a["actual"], a["target"]) for c, a in missed] == [("PC501", "35000", "36000")]
