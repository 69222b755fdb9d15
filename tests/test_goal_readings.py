"""Goals whose text leaves two readings, each imported from a plan document written for the test
and validated: a running total (累计) is a stock's level by its year, or what a flow's years add
up to, checked within the rounding of its printed digits, and not linked where only years
before the plan's could make the table meet it; a cap on what the years add
(`到2026年，新增建设用地控制在500亩以内`) is the period's where the table meets that, else the
year's own, and never an error on a guess (docs/import.md, "Goals in a plan's text"). An
unlinked goal keeps its words as its id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import documents
from tests.test_plain_goals import _farmland, _findings, _goals, _imported, _plan, _run

FARMLAND = "（一）新建高标准农田任务分解表"
BUILT = "（一）累计建成高标准农田面积任务分解表"  # 累计: a stock


def _land(tmp_path: Path, line: str, values: list[str]) -> Path:
    """A 2024-2026 table of new construction land (新增: a flow) whose two towns add up."""
    halves = [int(v) // 2 for v in values]
    rest = [str(int(v) - h) for v, h in zip(values, halves, strict=True)]
    rows = [["乡镇", "2024年", "2025年", "2026年"], ["全县", *values],
            ["甲镇", *map(str, halves)], ["乙镇", *rest]]  # fmt: skip
    return _plan(tmp_path, [line], documents.Grid("各乡镇新增建设用地任务分解表", "单位：亩", rows))


def _checked(findings: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str, Any]]:
    return [(code, args["actual"], args["year"]) for code, args in findings]


# --- running totals (累计) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "found"),
    [
        (["10000", "12000", "14000"], []),  # the plan's years add up to 3.6万亩
        (["10000", "12000", "14400"], []),  # 36400: within 3.6万亩's printed digits (± 500)
        (["10000", "12000", "14600"], [("PC501", "36600", "2024–2026")]),  # more: either way
    ],
)
def test_a_running_total_is_what_a_flows_years_add_up_to(
    tmp_path: Path, values: list[str], found: list[Any]
) -> None:
    document = _plan(
        tmp_path, ["到2026年，全县累计新建高标准农田3.6万亩。"], _farmland("亩", values)
    )
    (goal,) = _goals(_imported(tmp_path, document))
    assert goal[1:] == (None, [2024, 2026], "==", "36000", "亩")
    assert goal[0] is not None
    assert _checked(_findings(document)) == found


@pytest.mark.parametrize(
    ("line", "op"),
    [("到2026年，全县累计新建高标准农田3.6万亩。", "=="),
     ("到2026年，全县累计新建高标准农田不少于3.6万亩。", ">=")],
)  # fmt: skip
def test_a_running_total_the_plans_years_fall_short_of_is_not_linked(
    tmp_path: Path, line: str, op: str
) -> None:
    document = _plan(tmp_path, [line], _farmland("亩", ["8000", "9000", "10000"]))
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = (
        f"`{line[:-1]}` states a running total (累计), and table 高标准农田's years "
        "2024–2026 add up to 27000 亩, which meets it only if it counts years before 2024 too"
    )
    assert result.stderr.count(said) == 1
    assert "is linked to no table" not in result.stderr  # said once, with the reason
    assert _goals(_imported(tmp_path, document)) == [(None, None, [2024, 2026], op, "3.6", "万亩")]
    assert _findings(document) == []  # may count what was built before 2024: no guess


def test_a_running_total_of_no_year_is_the_periods_end(tmp_path: Path) -> None:
    rows = [["县区", "2024年", "2025年", "2026年"], ["全县", "15000", "16000", "18000"],
            ["甲镇", "5000", "6000", "8000"], ["乙镇", "10000", "10000", "10000"]]  # fmt: skip
    forest = documents.Grid("（一）造林任务分解表", "单位：亩", rows)
    document = _plan(tmp_path, ["累计完成造林5万亩。"], forest)
    assert _goals(_imported(tmp_path, document)) == [
        ("造林", None, [2024, 2026], "==", "50000", "亩")
    ]
    assert _findings(document) == []  # 49000 is 5万亩 to its printed digits (± 5000)


@pytest.mark.parametrize(
    ("last", "found"),
    [("100000", []), ("104000", []), ("94000", [("PC501", "94000", 2026)])],
)
@pytest.mark.parametrize(
    ("line", "op"),
    [("到2026年，累计建成高标准农田10万亩。", "=="),
     ("到2026年，累计建成高标准农田达到10万亩。", ">=")],
)  # fmt: skip
def test_a_running_total_is_a_stocks_level_by_its_year(
    tmp_path: Path, last: str, found: list[Any], line: str, op: str
) -> None:
    rows = [["县区", "2024年", "2025年", "2026年"], ["全县", "60000", "80000", last],
            ["甲镇", "30000", "40000", "50000"],
            ["乙镇", "30000", "40000", str(int(last) - 50000)]]  # fmt: skip
    document = _plan(tmp_path, [line], documents.Grid(BUILT, "单位：亩", rows))
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert targets.indicators[ind_id].kind == "stock"
    assert _goals(targets) == [(ind_id, 2026, None, op, "100000", "亩")]
    assert _checked(_findings(document)) == found  # 10万亩 is ± 5000 亩


def test_what_was_done_already_is_background(tmp_path: Path) -> None:
    line = "截至目前，已累计建成高标准农田8万亩，到2026年，新建高标准农田3.6万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]))
    result = _run("import", document, "-o", tmp_path / "out")
    assert "`截至目前，已累计建成高标准农田8万亩` states what was done already" in result.stderr
    goals = _goals(_imported(tmp_path, document))
    assert [g[1:] for g in goals] == [(None, [2024, 2026], "==", "36000", "亩")]


# --- caps on what the years add: 控制在…以内 ---------------------------------------------------


def test_a_cap_the_periods_sum_exceeds_is_the_years_own(tmp_path: Path) -> None:
    line = "到2026年，全县新增建设用地控制在500亩以内。"
    document = _land(tmp_path, line, ["400", "450", "500"])
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = (
        f"`{line[:-1]}` does not say whether it bounds 2026's amount (年度, 每年) or that of "
        "2024–2026 together (累计, 规划期内); table 新增建设用地 gives 500 亩 in 2026 and "
        "1350 亩 over 2024–2026: checked as 2026's"
    )
    assert result.stderr.count(said) == 1
    assert _goals(_imported(tmp_path, document)) == [
        ("新增建设用地", 2026, None, "<=", "500", "亩")
    ]
    # was PC501: 1350 against 500, on a guess; the reading taken is an info finding (PC508)
    found = [(c, a["actual"], a["other"], a["other_years"]) for c, a in _findings(document)]
    assert found == [("PC508", "500", "1350", "2024–2026")]
    (tmp_path / "over").mkdir()
    over = _land(tmp_path / "over", line, ["400", "450", "600"])
    assert _checked(_findings(over)) == [("PC501", "600", 2026)]  # over it either way


def test_a_cap_the_periods_sum_meets_stays_the_periods(tmp_path: Path) -> None:
    line = "到2026年，全县新增建设用地控制在1500亩以内。"
    document = _land(tmp_path, line, ["400", "450", "500"])
    result = _run("import", document, "-o", tmp_path / "out")
    assert "does not say whether it bounds" not in result.stderr
    assert _goals(_imported(tmp_path, document)) == [
        ("新增建设用地", None, [2024, 2026], "<=", "1500", "亩")
    ]
    (tmp_path / "over").mkdir()
    over = _land(tmp_path / "over", line, ["400", "450", "700"])  # 1550: 700 alone is within
    assert _checked(_findings(over)) == [("PC508", "700", 2026)]  # the reading taken, said
    assert _goals(_imported(tmp_path / "over", over))[0][1:3] == (2026, None)


@pytest.mark.parametrize(
    "line",
    [
        "2024—2026年，全县新增建设用地控制在500亩以内。",
        "规划期内，全县新增建设用地控制在500亩以内。",
        "三年内，全县新增建设用地控制在500亩以内。",
        "到2026年，全县累计新增建设用地控制在500亩以内。",
        "到2026年，全县新增建设用地总量控制在500亩以内。",
    ],
)
def test_a_cap_the_text_says_is_the_periods_is_checked_so(tmp_path: Path, line: str) -> None:
    document = _land(tmp_path, line, ["400", "450", "500"])
    assert _goals(_imported(tmp_path, document)) == [
        ("新增建设用地", None, [2024, 2026], "<=", "500", "亩")
    ]
    assert _checked(_findings(document)) == [("PC501", "1350", "2024–2026")]


def test_a_cap_beside_caps_of_each_year_is_the_periods(tmp_path: Path) -> None:
    line = "到2026年，全县新增建设用地控制在500亩以内，每年新增建设用地不超过200亩。"
    document = _land(tmp_path, line, ["150", "180", "200"])
    assert [g[1:4] for g in _goals(_imported(tmp_path, document))] == [
        (None, [2024, 2026], "<="),  # the text tells it from the yearly caps after it
        *((year, None, "<=") for year in (2024, 2025, 2026)),
    ]
    assert _checked(_findings(document)) == [("PC501", "530", "2024–2026")]  # was PC507


def test_a_running_total_a_level_word_carries_is_weighed_too(tmp_path: Path) -> None:
    rows = [["县区", "2024年", "2025年", "2026年"], ["全县", "10000", "10000", "10000"],
            ["甲镇", "4000", "4000", "4000"], ["乙镇", "6000", "6000", "6000"]]  # fmt: skip
    forest = documents.Grid("（一）造林面积任务分解表", "单位：亩", rows)
    document = _plan(tmp_path, ["到2026年，全县累计完成造林面积达到3万亩。"], forest)
    assert _goals(_imported(tmp_path, document)) == [
        ("造林面积", None, [2024, 2026], ">=", "30000", "亩")
    ]
    assert _findings(document) == []  # was PC501: 2026's 10000 against 3万亩


def test_a_yearly_cap_bounds_each_year(tmp_path: Path) -> None:
    line = "到2026年，全县年度新增建设用地控制在500亩以内。"
    document = _land(tmp_path, line, ["400", "450", "500"])
    assert [g[1:4] for g in _goals(_imported(tmp_path, document))] == [
        (year, None, "<=") for year in (2024, 2025, 2026)
    ]
    assert _findings(document) == []
    (tmp_path / "over").mkdir()
    over = _land(tmp_path / "over", line, ["400", "550", "500"])
    assert _checked(_findings(over)) == [("PC501", "550", 2025)]


# --- ids ---------------------------------------------------------------------------------------


def test_an_unlinked_goal_keeps_its_words_as_its_id(tmp_path: Path) -> None:
    lines = ["到2026年，力争新增研发平台达到8个，独角兽、瞪羚企业累计超过4家。"]
    document = _plan(tmp_path, lines, _farmland("亩", ["10000", "12000", "14000"]))
    targets = _imported(tmp_path, document)
    assert list(targets.goals) == ["新增研发平台", "独角兽、瞪羚企业累计"]  # was 研发平台, …企业
    assert [g.indicator for g in targets.goals.values()] == [None, None]


# --- clauses that lean on the goal before them ------------------------------------------------


def test_a_part_with_its_verb_is_a_part_of_the_goal_before_it(tmp_path: Path) -> None:
    line = "到2026年，全县累计新建高标准农田3.6万亩，其中2024年新建1.0万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]))
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [
        (ind_id, None, [2024, 2026], "==", "36000", "亩"),
        (ind_id, 2024, None, "==", "10000", "亩"),  # was unlinked, as 其中新建
    ]
    (tmp_path / "short").mkdir()
    short = _plan(tmp_path / "short", [line], _farmland("亩", ["9000", "13000", "14000"]))
    assert _checked(_findings(short)) == [("PC501", "9000", 2024)]  # 1.0万亩 is ± 500


def test_a_bound_that_names_only_its_year_sets_the_goal_before_it(tmp_path: Path) -> None:
    line = "到2025年，全县新增建设用地控制在900亩以内，到2026年控制在1300亩以内。"
    document = _land(tmp_path, line, ["400", "450", "500"])
    assert _goals(_imported(tmp_path, document)) == [
        ("新增建设用地", None, [2024, 2025], "<=", "900", "亩"),
        ("新增建设用地", 2026, None, "<=", "1300", "亩"),  # 1350 over 2024-2026: 2026's
    ]  # the second was a goal `goal`, linked to nothing
    assert _checked(_findings(document)) == [("PC508", "500", 2026)]  # 2026's, taken: said
    (tmp_path / "over").mkdir()
    over = _land(tmp_path / "over", line, ["400", "950", "500"])  # 2025 alone is over 900
    assert _checked(_findings(over)) == [("PC501", "950", 2025), ("PC508", "500", 2026)]
