"""Goals a plan states with a comparator, read as the plan means them: an adding verb with a
bound (到2026年，新建高标准农田不少于3.6万亩) is the amount of the plan's years up to 2026, a
level word (新增研发平台达到8个) keeps its year; a figure in a larger unit than its table's
(万亩 beside 亩, 3万个 beside 个) is written in the table's unit, exactly, or not linked.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from planchk.importers.build import Imported, ImportedIndicator
from planchk.importers.documents import Paragraph
from planchk.importers.plandoc.goal_years import WholeYear
from planchk.importers.plandoc.goals import statements
from planchk.importers.plandoc.goalset import GoalSet
from planchk.loader import load_file
from planchk.models import TargetsFile
from planchk.plan.goal_text import in_table_unit
from planchk.plan.units import Unit, UnitTable
from tests import documents
from tests.test_plain_goals import TITLE, _farmland, _findings, _goals, _imported, _plan, _run


def _read(text: str, period: tuple[int, int] | None = (2024, 2026)) -> list[tuple[object, ...]]:
    found = statements(Paragraph(text=text, number=1), 2026, period)
    return [(s.year, s.first, s.op, str(s.value), s.unit) for s in found]


def test_an_adding_verb_with_a_bound_is_the_periods_amount(tmp_path: Path) -> None:
    line = "到2026年，全县新建高标准农田不少于3.6万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]))
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    # the period's sum, in the table's unit (no PC404); the text keeps 3.6万亩 as printed
    assert _goals(targets) == [(ind_id, None, [2024, 2026], ">=", "36000", "亩")]
    assert [g.text for g in targets.goals.values()] == ["到2026年，全县新建高标准农田不少于3.6万亩"]
    assert _findings(document) == []  # 36000 = 10000 + 12000 + 14000 (2026 alone was PC501)


def test_a_period_amount_the_table_misses_is_still_found(tmp_path: Path) -> None:
    line = "到2026年，全县新建高标准农田不少于3.6万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["9000", "12000", "14000"]))
    found = [(c, a["actual"], a["target"], a["year"]) for c, a in _findings(document)]
    assert found == [("PC501", "35000", "36000", "2024–2026")]


def test_which_comparator_goals_are_a_periods_amount() -> None:
    said = {
        "到2026年，全县新建高标准农田不少于3.6万亩。": [(2026, 2024, ">=", "3.6", "万亩")],
        "到2026年，完成造林5000亩以上。": [(2026, 2024, ">=", "5000", "亩")],
        "到2026年，新增建设用地控制在500亩以内。": [(2026, 2024, "<=", "500", "亩")],
        "到“十四五”末，新建高标准农田不少于3万亩。": [(2025, 2024, ">=", "3", "万亩")],
        "2024—2026年，新建高标准农田不少于3.6万亩。": [(2026, 2024, ">=", "3.6", "万亩")],
        # a level word carries the figure: how many there are by then (the seed's 2023 goal)
        "到2026年，力争新增研发平台达到8个。": [(2026, None, ">=", "8", "个")],
        # … unless it is a running total: a stock's level in 2026, or what a flow's years add
        # up to by then, as tests/test_goal_readings.py checks on each kind of table
        "到2026年，累计建成高标准农田达到52万亩。": [(2026, 2024, ">=", "52", "万亩")],
        "到2026年，新建高标准农田提高到3.6万亩。": [(2026, None, ">=", "3.6", "万亩")],
        # no adding verb, no 到 (the year itself), a year past the plan's, its first year
        "到2026年，力争高新技术企业超过130家。": [(2026, None, ">", "130", "家")],
        "2026年，新建高标准农田不少于1.4万亩。": [(2026, None, ">=", "1.4", "万亩")],
        "到2028年，新建高标准农田不少于5万亩。": [(2028, None, ">=", "5", "万亩")],
        "到2024年，新建高标准农田不少于1万亩。": [(2024, None, ">=", "1", "万亩")],
        # a rate of growth is no amount; a 其中 part keeps its own year
        "到2026年，新建高标准农田面积增长10%。": [(2026, None, ">=", "10", "%")],
        "到2026年，新建高标准农田不少于3.6万亩，其中2024年不少于1万亩。": [
            (2026, 2024, ">=", "3.6", "万亩"),
            (2024, None, ">=", "1", "万亩"),
        ],
    }
    for text, expected in said.items():
        assert _read(text) == expected, text
    # a plan that names no period: no period to read it over
    assert _read("到2026年，新建高标准农田不少于3.6万亩。", None) == [
        (2026, None, ">=", "3.6", "万亩")
    ]


def test_an_adding_goal_over_a_stock_is_its_last_year(tmp_path: Path) -> None:
    enterprises = documents.Grid(
        "（一）高新技术企业数量任务分解表", "单位：家",
        [["县区", "2024年", "2025年", "2026年"], ["全县", "120", "135", "150"],
         ["甲镇", "50", "55", "60"], ["乙镇", "70", "80", "90"]],
    )  # fmt: skip
    met = _plan(tmp_path, ["到2026年，全县培育高新技术企业不少于150家。"], enterprises)
    targets = _imported(tmp_path, met)
    assert _goals(targets) == [("高新技术企业数量", None, [2024, 2026], ">=", "150", "家")]
    assert _findings(met) == []  # 150 in 2026, not 120 + 135 + 150
    (tmp_path / "more").mkdir()
    missed = _plan(tmp_path / "more", ["到2026年，全县培育高新技术企业不少于160家。"], enterprises)
    assert [(c, a["actual"]) for c, a in _findings(missed)] == [("PC501", "150")]


def test_a_comparator_goal_in_another_unit_is_written_in_the_tables(tmp_path: Path) -> None:
    lines = ["到2026年，全县新建高标准农田不少于36000亩。"]
    document = _plan(tmp_path, lines, _farmland("万亩", ["1.0", "1.2", "1.4"]))
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [(ind_id, None, [2024, 2026], ">=", "3.6", "万亩")]
    assert _findings(document) == []  # no PC404, no PC503: the wording reads 36000亩 = 3.6万亩


def test_a_unit_no_exact_factor_converts_is_not_linked() -> None:
    # a plan may declare units whose factor leaves a repeating decimal (1 亩 is 1/15 公顷)
    units = UnitTable(
        {"公顷": Unit("公顷", "area", Decimal(15)), "亩": Unit("亩", "area", Decimal(1))}
    )
    assert in_table_unit(Decimal(2), "公顷", "亩", units) == Decimal(30)
    assert in_table_unit(Decimal(1), "亩", "公顷", units) is None  # 0.0666…: never rounded
    assert in_table_unit(Decimal(30), "亩", "公顷", units) == Decimal(2)
    table = ImportedIndicator(
        "造林", "造林", "造林任务分解表", "公顷", "flow", [2024, 2025, 2026],
        {"全县": [Decimal(1), Decimal(1), Decimal(1)]}, "plan.docx",
    )  # fmt: skip
    notes: list[str] = []
    found = GoalSet(Imported(indicators={"造林": table}), "plan.docx", notes, {}, units=units)
    paragraph = Paragraph(text="到2026年，全县造林不少于50亩。", number=3)
    (statement,) = statements(paragraph, 2026, (2024, 2026))
    found.add(statement, 2026)
    (entry,) = found.found.values()
    assert "indicator" not in entry
    assert (entry["value"], entry["unit"]) == (Decimal(50), "亩")
    (note,) = notes
    assert "is in 亩 and table 造林 in 公顷, and no exact factor" in note
    assert "第3段" in note


def test_wan_before_a_count_is_a_magnitude_where_the_table_counts(tmp_path: Path) -> None:
    lines = ["到2026年，全县新建充电桩3万个，改造农村户厕不少于1.2万户。"]
    chargers = _farmland("个", ["8000", "10000", "12000"], title="（一）新建充电桩任务分解表")
    toilets = _farmland("户", ["4000", "4000", "4000"], title="（二）改造农村户厕任务分解表")
    document = _plan(tmp_path, lines, chargers, toilets)
    targets = _imported(tmp_path, document)
    assert _goals(targets) == [
        ("充电桩", None, [2024, 2026], "==", "30000", "个"),
        ("改造农村户厕", None, [2024, 2026], ">=", "12000", "户"),
    ]
    assert [g.text for g in targets.goals.values()] == [
        "到2026年，全县新建充电桩3万个",
        "改造农村户厕不少于1.2万户",
    ]
    assert _findings(document) == []
    (tmp_path / "short").mkdir()  # 11000 户 in all: short of 1.2万户
    short = _farmland("户", ["3000", "4000", "4000"], title="（二）改造农村户厕任务分解表")
    missed = _plan(tmp_path / "short", lines, chargers, short)
    assert [(c, a["actual"], a["target"]) for c, a in _findings(missed)] == [
        ("PC501", "11000", "12000")
    ]


def test_wan_before_a_count_stays_as_printed_where_the_table_is_in_wan(tmp_path: Path) -> None:
    lines = ["到2026年，全县新建充电桩3万个，新增城镇就业不少于2.5万人。"]
    chargers = _farmland("万个", ["0.8", "1.0", "1.2"], title="（一）新建充电桩任务分解表")
    jobs = _farmland("万人", ["0.5", "1.0", "0.9"], title="（二）新增城镇就业任务分解表")
    document = _plan(tmp_path, lines, chargers, jobs)
    targets = _imported(tmp_path, document)
    assert _goals(targets) == [
        ("充电桩", None, [2024, 2026], "==", "3", "万个"),
        ("新增城镇就业", None, [2024, 2026], ">=", "2.5", "万人"),
    ]
    assert sorted(targets.units) == ["万个", "万人"]  # declared: no unit-unknown (PC401)
    # 0.5 + 1.0 + 0.9 = 2.4万人 misses 2.5万人: found, in the table's unit
    assert [(c, a["actual"], a["unit"]) for c, a in _findings(document)] == [
        ("PC501", "2.4", "万人")
    ]


def test_the_whole_year_of_a_plan_of_several_years_is_only_a_year_said() -> None:
    def read(text: str, titled: int | None = None) -> tuple[list[tuple[object, ...]], list[str]]:
        whole = WholeYear(titled)
        found = statements(Paragraph(text=text, number=1), 2026, (2024, 2026), whole=whole)
        return [(s.year, s.first, s.op, str(s.value)) for s in found], whole.unread

    said = {
        "全年完成造林5000亩。": ([], ["全年完成造林5000亩"]),  # which year: nobody says
        "全年完成造林不少于5000亩。": ([], ["全年完成造林不少于5000亩"]),  # not the last year
        "全年完成造林5000亩，新建高标准农田不少于1万亩。": (
            [], ["全年完成造林5000亩", "新建高标准农田不少于1万亩"],
        ),
        "全年完成造林5000亩，2025年新建高标准农田1.2万亩。": (
            [(2025, None, "==", "1.2")], ["全年完成造林5000亩"],
        ),
        "2024—2026年，年内完成造林5000亩。": ([], ["年内完成造林5000亩"]),  # a period's 年内
        "三年新建高标准农田不少于3.6万亩，全年完成造林不少于5000亩。": (
            [(2026, 2024, ">=", "3.6")], ["全年完成造林不少于5000亩"],
        ),  # 三年 is a period too (was 2026's)
        "全县全年完成造林5000亩。": ([], ["全县全年完成造林5000亩"]),  # 全年 after 全县
        "力争年内完成造林不少于5000亩。": ([], ["力争年内完成造林不少于5000亩"]),
        "三年内新建高标准农田不少于3.6万亩。": ([(2026, 2024, ">=", "3.6")], []),  # a span
        "2024年，全年完成造林5000亩。": ([(2024, None, "==", "5000")], []),
        "2025年全年完成造林不少于5000亩。": ([(2025, None, ">=", "5000")], []),
    }  # fmt: skip
    for text, expected in said.items():
        assert read(text) == expected, text
    # in a plan of one year, 全年 is that year, wherever the clause says it
    one = statements(Paragraph(text="全县全年完成造林5000亩。", number=1), 2024, (2024, 2024))
    assert [(s.year, s.first, str(s.value)) for s in one] == [(2024, None, "5000")]
    # the section's heading names the year (二、2024年重点工作); the sentence's own comes first
    assert read("全年完成造林5000亩。", 2024) == ([(2024, None, "==", "5000")], [])
    assert read("2025年，全年完成造林5000亩。", 2024) == ([(2025, None, "==", "5000")], [])


def _forest(*blocks: documents.Block) -> list[documents.Block]:
    table = documents.Grid(
        "（一）造林任务分解表", "单位：亩",
        [["县区", "2024年", "2025年", "2026年"], ["全县", "5000", "5500", "4000"],
         ["甲镇", "2000", "2500", "1500"], ["乙镇", "3000", "3000", "2500"]],
    )  # fmt: skip
    return [documents.Para(TITLE), *blocks, documents.Para("附件"), table]


def test_the_whole_year_under_a_heading_that_names_it(tmp_path: Path) -> None:
    blocks = _forest(
        documents.Heading("2024年重点工作", "二、"), documents.Para("全年完成造林5000亩。")
    )
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    targets = _imported(tmp_path, document)
    assert _goals(targets) == [("造林", 2024, None, "==", "5000", "亩")]
    assert _findings(document) == []


def test_the_whole_year_nobody_dates_is_said_and_not_read(tmp_path: Path) -> None:
    # read as the plan's last year, 4000 in 2026 missed 5000: a false PC501 before
    blocks = _forest(
        documents.Heading("主要目标", "一、"), documents.Para("全年完成造林不少于5000亩。")
    )
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "第3段: `全年完成造林不少于5000亩` is of one year (全年, 年内) of a plan of several" in (
        result.stderr
    )
    assert "goals:" not in (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert _findings(document) == []


def test_a_plain_figure_and_its_floor_are_one_goal_in_either_order(tmp_path: Path) -> None:
    plain, floor = (
        "到2026年，全县新建高标准农田3.6万亩。",
        "到2026年，全县新建高标准农田不少于3.6万亩。",
    )
    table = _farmland("亩", ["10000", "12000", "14000"])
    for name, lines in {"plain_first": [plain, floor], "floor_first": [floor, plain]}.items():
        (tmp_path / name).mkdir()
        document = _plan(tmp_path / name, lines, table)
        result = _run("import", document, "-o", tmp_path / name / "out")
        assert result.exit_code == 0, result.output
        assert "第4段: `到2026年，全县新建高标准农田" in result.stderr
        assert "states goal `高标准农田` again; read once" in result.stderr
        assert len(_imported(tmp_path / name, document).goals) == 1
        assert _findings(document) == [], name  # was PC507 with the plain figure first


def test_a_listed_target_in_wan_beside_a_table_of_its_count(tmp_path: Path) -> None:
    # a 绩效目标表 imported with its breakdown (CSV): ≥3万个 is 30000 个, linked and checked
    (tmp_path / "table.csv").write_text(
        "新建充电桩任务分解表\n单位：个\n县区,2025年\n全县,30000\n甲镇,12000\n乙镇,18000\n", "utf-8"
    )
    (tmp_path / "listed.csv").write_text(
        "2025年充电设施项目绩效目标表\n一级指标,二级指标,三级指标,指标值\n"
        "产出指标,数量指标,新建充电桩,≥3万个\n",
        "utf-8",
    )
    out = tmp_path / "targets.yaml"
    result = _run("import", tmp_path / "table.csv", tmp_path / "listed.csv", "-o", out)
    assert result.exit_code == 0, result.output
    targets = load_file(out, "t").model
    assert isinstance(targets, TargetsFile)
    assert _goals(targets) == [("充电桩", 2025, None, ">=", "30000", "个")]
    assert _findings(out) == []
