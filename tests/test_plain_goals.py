"""Goals a plan states with no comparator: a figure after a verb (新建高标准农田3.6万亩,
其中2024年1.0万亩, 全年完成造林5000亩), read from the document as exact goals of the year or the
period the sentence names, and checked against the table they name without a false alarm.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.importers.documents import Paragraph
from planchk.importers.plandoc.goals import statements
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests import documents
from tests.cli_runner import CliRunner
from tests.small_plans import check_texts, codes

TITLE = "某县高标准农田建设三年行动方案（2024—2026年）"
FORMATS = {"docx": documents.write_docx, "html": documents.write_html, "txt": documents.write_text}


def _farmland(unit: str, total: list[str], title: str = "（一）新建高标准农田任务分解表") -> Any:
    """A breakdown table of 2024-2026 whose parts add up to `total` (甲镇 holds 40%)."""

    def share(value: str, part: str) -> str:
        return str((Decimal(value) * Decimal(part)).quantize(Decimal(value)))

    parts = [[share(v, "0.4"), share(v, "0.6")] for v in total]
    rows = [["县区", "2024年", "2025年", "2026年"], ["全县", *total],
            ["甲镇", *(p[0] for p in parts)], ["乙镇", *(p[1] for p in parts)]]  # fmt: skip
    return documents.Grid(title, f"单位：{unit}", rows)


def _run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def _plan(tmp_path: Path, goals: list[str], *tables: Any, fmt: str = "docx") -> Path:
    blocks: list[documents.Block] = [
        documents.Para(TITLE),
        documents.Heading("主要目标", "一、"),
        *(documents.Para(line) for line in goals),
        documents.Para("附件"),
        *tables,
    ]
    return FORMATS[fmt](tmp_path / f"plan.{fmt}", blocks)


def _imported(tmp_path: Path, document: Path) -> TargetsFile:
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    return targets


def _goals(targets: TargetsFile) -> list[tuple[Any, ...]]:
    return [
        (g.indicator, g.year, g.period, g.op, str(g.value), g.unit) for g in targets.goals.values()
    ]


def _findings(document: Path) -> list[tuple[str, dict[str, Any]]]:
    result = _run("validate", document, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["args"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_goals_that_agree_with_their_table(tmp_path: Path, fmt: str) -> None:
    line = "到2026年，全县新建高标准农田3.6万亩，其中2024年1.0万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]), fmt=fmt)
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [
        (ind_id, None, [2024, 2026], "==", "36000", "亩"),  # in the table's unit, no PC404
        (ind_id, 2024, None, "==", "10000", "亩"),
    ]
    said = "到2026年，全县新建高标准农田3.6万亩"
    assert [g.text for g in targets.goals.values()] == [said, f"{said}，其中2024年1.0万亩"]
    assert _findings(document) == []


def test_a_period_goal_and_a_year_goal_the_table_misses(tmp_path: Path) -> None:
    line = "到2026年，全县新建高标准农田3.6万亩，其中2024年1.0万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["11000", "12000", "14000"]))
    found = [(c, a["actual"], a["target"], a["year"]) for c, a in _findings(document)]
    assert found == [
        ("PC501", "37000", "36000", "2024–2026"),  # the years' sum
        ("PC501", "11000", "10000", 2024),
    ]


def test_a_period_goal_within_the_rounding_of_its_printed_figure(tmp_path: Path) -> None:
    # 3.6万亩 is anything from 35500 to 36499 亩: a table of 36400 meets it, one of 36600 not
    line = "到2026年，全县新建高标准农田3.6万亩。"
    near = _plan(tmp_path, [line], _farmland("亩", ["10400", "12000", "14000"]))
    assert _findings(near) == []
    (tmp_path / "far").mkdir()
    far = _plan(tmp_path / "far", [line], _farmland("亩", ["10600", "12000", "14000"]))
    assert [c for c, _ in _findings(far)] == ["PC501"]


def test_a_range_of_years_is_the_period_not_its_last_year(tmp_path: Path) -> None:
    lines = ["2024—2026年，全县新建高标准农田3.6万亩。", "2024年至2026年，全县完成造林5000亩。"]
    table = _farmland("亩", ["10000", "12000", "14000"])
    targets = _imported(tmp_path, _plan(tmp_path, lines, table))
    (ind_id,) = targets.indicators
    assert _goals(targets) == [
        (ind_id, None, [2024, 2026], "==", "36000", "亩"),
        (None, None, [2024, 2026], "==", "5000", "亩"),  # names no table: kept, unchecked
    ]


def test_a_figure_in_another_unit_is_converted_or_not_matched(tmp_path: Path) -> None:
    lines = [
        "到2026年，全县新建高标准农田36000亩。",  # the table is in 万亩: 3.6
        "到2026年，新建高标准农田项目投资3.6亿元。",  # names the table, but money is no area
    ]
    document = _plan(tmp_path, lines, _farmland("万亩", ["1.0", "1.2", "1.4"]))
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [
        (ind_id, None, [2024, 2026], "==", "3.6", "万亩"),
        (None, None, [2024, 2026], "==", "3.6", "亿元"),
    ]
    assert _findings(document) == []


def test_what_is_not_read_as_a_plain_goal() -> None:
    said = {
        "改造提升农村公路120公里。": [],  # no year or period in the sentence
        "到2026年，农村自来水普及率95%。": [],  # no verb, and a % after a verb is a share
        "到2026年，完成投资的30%。": [],
        "2021年，全县新建高标准农田2万亩。": [],  # before the plan: its background
        "到2028年，新建高标准农田5万亩。": [],  # after the plan
        "到2026年，建成3个示范区。": [],  # the figure is not the clause's end
        "到2026年，累计建成高标准农田10万亩。": [(2026, 2024, "10")],  # a running total by 2026
        "到2026年，已累计建成高标准农田10万亩。": [],  # what was done already: the background
        "2020年以来累计建成高标准农田10万亩。": [],
        "累计建成高标准农田10万亩。": [(2026, 2024, "10")],  # by the plan's last year
        "“十四五”期间，累计建成高标准农田10万亩。": [],  # 2021-2025: not the plan's years
        "到2026年，每年新建高标准农田1.2万亩。": [],  # a yearly amount, not the period's
        "到2026年，新建高标准农田约3.6万亩。": [],  # a rough figure
        "到2026年，新建3.6万亩左右。": [],
        "到2026年，完成3.6万亩的改造任务。": [],  # the figure qualifies something else
        "到2026年，新建节约型灌区3个。": [(2026, 2024, "3")],  # 节约 is a name, not 约
        "2024年新建1.0万亩、2025年新建1.2万亩。": [(2024, None, "1.0"), (2025, None, "1.2")],
        "到2026年，力争新增研发平台达到8个。": [(2026, None, "8")],  # a comparator: as before
    }
    for text, expected in said.items():
        paragraph = Paragraph(text=text, number=1)
        read = [(s.year, s.first, str(s.value)) for s in statements(paragraph, 2026, (2024, 2026))]
        assert read == expected, text


def test_a_plan_of_one_year_reads_its_whole_year(tmp_path: Path) -> None:
    blocks: list[documents.Block] = [
        documents.Para("某县2024年造林绿化工作方案"),
        documents.Heading("工作目标", "一、"),
        documents.Para("全年完成造林5000亩。"),
        documents.Para("附件"),
        documents.Grid("（一）造林任务分解表", "单位：亩",
                       [["县区", "2024年"], ["全县", "5000"], ["甲镇", "2000"], ["乙镇", "3000"]]),
    ]  # fmt: skip
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [(ind_id, 2024, None, "==", "5000", "亩")]
    assert _findings(document) == []


_GOAL = """
plan: {{title: 测试方案, period: [2021, 2022]}}
areas: {{全区: [甲, 乙]}}
indicators:
  x:
    {{name: 测试, unit: 件, kind: flow, years: [2021, 2022],
     values: {{全区: [2, 4], 甲: [1, 2], 乙: [1, 2]}}}}
goals:
  g: {{text: 到2022年，新建测试6件, indicator: x, {when}op: "==", value: 6, unit: 件}}
"""


@pytest.mark.parametrize("when", ["", "year: 2022, period: [2021, 2022], "])
def test_a_goal_names_its_year_or_its_period(tmp_path: Path, when: str) -> None:
    report = check_texts(tmp_path, _GOAL.format(when=when))
    (finding,) = report.findings
    assert (finding.code, finding.location.line, finding.location.column) == ("PC024", 9, 6)
    assert "`year` or its `period`" in finding.message


def test_a_period_goal_in_the_report_shows_the_years_sum(tmp_path: Path) -> None:
    check_texts(tmp_path, _GOAL.format(when="period: [2021, 2022], "))
    result = _run("report", tmp_path, "-f", "markdown")
    row = next(line for line in result.stdout.splitlines() if "新建测试6件" in line)
    assert row.endswith("| 2021–2022 | == 6 件 | 6 件 |"), row  # planned: 2 + 4
    assert codes(check_texts(tmp_path, _GOAL.format(when="period: [2021, 2022], "))) == []


def test_a_period_goal_that_is_the_last_year_of_a_table_of_unsure_kind(tmp_path: Path) -> None:
    # 1.0, 2.2, 3.6: running totals, or yearly amounts adding up to 6.8? No word of the table
    # says (its kind is a guess), nor does 到2026年 alone: the goal is 2026's, which the table
    # meets, and the log says both readings and what settles it (it was left unlinked).
    line = "到2026年，全县新建高标准农田3.6万亩。"
    unsure = _plan(tmp_path, [line], _farmland("万亩", ["1.0", "2.2", "3.6"]))
    result = _run("import", unsure, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = "table 高标准农田's figure in 2026 (3.6 万亩), and its years 2024–2026 add up to 6.8"
    assert said in result.stderr
    assert _goals(_imported(tmp_path, unsure)) == [("高标准农田", 2026, None, "==", "3.6", "万亩")]
    found = [(c, a["actual"], a["other"]) for c, a in _findings(unsure)]
    assert found == [("PC508", "3.6", "6.8")]  # the reading taken, an info finding
    # the year's own figure misses it too: the period's reading stays, and its error
    (tmp_path / "miss").mkdir()
    miss = _plan(tmp_path / "miss", [line], _farmland("万亩", ["1.0", "2.2", "3.0"]))
    assert [(c, a["actual"]) for c, a in _findings(miss)] == [("PC501", "6.2")]
    # a table whose title says 新增 is a flow by its words: the goal is its years' sum, missed
    (tmp_path / "new").mkdir()
    said = _farmland("万亩", ["1.0", "2.2", "3.6"], title="（一）新增高标准农田任务分解表")
    flow = _plan(tmp_path / "new", ["到2026年，全县新增高标准农田3.6万亩。"], said)
    assert [(c, a["actual"]) for c, a in _findings(flow)] == [("PC501", "6.8")]


def test_what_is_added_and_what_there_is_are_not_mixed(tmp_path: Path) -> None:
    # 新增50家 is what the years add; the table of 高新技术企业数量 holds how many there are; and
    # 建成10万亩 may be all there are by 2026, which a table of yearly amounts cannot check
    lines = [
        "到2026年，全县新增高新技术企业50家，高新技术企业达到200家。",
        "到2026年，全县建成高标准农田10万亩，其中2025年1.2万亩、2026年1.4万亩。",
    ]
    enterprises = documents.Grid(
        "（二）高新技术企业数量分解表", "单位：家",
        [["县区", "2024年", "2025年", "2026年"], ["全县", "150", "180", "200"],
         ["甲镇", "60", "70", "80"], ["乙镇", "90", "110", "120"]],
    )  # fmt: skip
    document = _plan(tmp_path, lines, _farmland("亩", ["10000", "12000", "14000"]), enterprises)
    targets = _imported(tmp_path, document)
    linked = {g.text: g.indicator for g in targets.goals.values()}
    assert linked == {
        "到2026年，全县新增高新技术企业50家": None,  # an increment, not the stock's level
        "高新技术企业达到200家": "高新技术企业数量",  # the comparator: linked, met
        "到2026年，全县建成高标准农田10万亩": None,  # a level, not the flow's years
        "到2026年，全县建成高标准农田10万亩，其中2025年1.2万亩": None,
        "到2026年，全县建成高标准农田10万亩，其中2025年1.2万亩、2026年1.4万亩": None,  # as printed
    }
    assert _findings(document) == []


def test_diff_says_a_goal_of_a_year_became_a_goal_of_the_period(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old = check_texts(tmp_path / "old", _GOAL.format(when="year: 2022, "))
    new = check_texts(tmp_path / "new", _GOAL.format(when="period: [2021, 2022], "))
    assert (codes(old), codes(new)) == (["PC501"], [])  # 2022 alone is 4, the period's 6
    result = _run("diff", tmp_path / "old" / "targets.yaml", tmp_path / "new" / "targets.yaml",
                  "-f", "json")  # fmt: skip
    changes = [(c["path"], c["args"]["old"], c["args"]["new"])
               for c in json.loads(result.stdout)["changes"]]  # fmt: skip
    assert changes == [
        ("goals.g.year", "2022", "(none)"),
        ("goals.g.period", "(none)", "[2021, 2022]"),
    ]
