"""Goals that name one table whose kind no word decided (a flow, marked `check`), imported from a
plan document written for the test and validated: the goal's own words decide how the table
checks it, so that the one table it names is linked (docs/import.md, "Goals in a plan's text").

- `到2026年，全县累计建成…达到150个` beside a table whose last year is 150 and whose years add up
  to more: the goal's 累计 says the table prints running totals, a stock, as 累计 in its title
  would; linked, checked against 2026's level.
- `到2026年，全区新建…55个` beside 35 | 45 | 55: 到2026年 alone does not say the years' sum; the
  year's own figure meets it, so it is checked as 2026's, and the log says both readings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import documents
from tests.test_plain_goals import _farmland, _findings, _goals, _imported, _plan, _run


def _stations(values: list[str]) -> documents.Grid:
    """Service stations by town over 2024-2026: two towns, 甲镇 holding 40%."""
    first = [str(int(v) * 2 // 5) for v in values]
    rest = [str(int(v) - int(f)) for v, f in zip(values, first, strict=True)]
    rows = [["乡镇", "2024年", "2025年", "2026年"], ["全县", *values], ["甲镇", *first],
            ["乙镇", *rest]]  # fmt: skip
    return documents.Grid("柳河县村级电商服务站建设任务分解表", "单位：个", rows)


RUNNING = "到2026年，全县累计建成村级电商服务站达到150个。"
NEW = "到2026年，全县新建村级电商服务站55个。"


def test_a_running_total_decides_its_tables_kind(tmp_path: Path) -> None:
    document = _plan(tmp_path, [RUNNING], _stations(["50", "100", "150"]))
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [(ind_id, 2026, None, ">=", "150", "个")]  # was: not linked
    assert targets.indicators[ind_id].kind == "stock"
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert "kind: stock" in written
    assert "累计 in the goal `到2026年" in written
    assert _findings(document) == []


def test_a_running_total_leaves_a_kind_its_title_decides(tmp_path: Path) -> None:
    table = _stations(["50", "100", "150"])
    table.title = "新增村级电商服务站任务分解表"  # 新增: a flow, by the title's word
    targets = _imported(tmp_path, _plan(tmp_path, [RUNNING], table))
    assert [i.kind for i in targets.indicators.values()] == ["flow"]


def test_an_exact_figure_by_a_year_is_that_years_where_only_it_meets_it(tmp_path: Path) -> None:
    document = _plan(tmp_path, [NEW], _stations(["35", "45", "55"]))
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = "figure in 2026 (55 个), and its years 2024–2026 add up to 135 个"
    assert said in result.stderr
    assert "checked as 2026's" in result.stderr
    targets = _imported(tmp_path, document)
    (ind_id,) = targets.indicators
    assert _goals(targets) == [(ind_id, 2026, None, "==", "55", "个")]  # was: not linked
    found = [(c, a["actual"], a["other"], a["other_years"]) for c, a in _findings(document)]
    assert found == [("PC508", "55", "135", "2024–2026")]  # the reading taken, in every output


@pytest.mark.parametrize(
    ("values", "found"),
    [
        (["15", "20", "20"], []),  # the years add up to 55: the period's, as before
        (["35", "45", "50"], [("PC501", "130", "2024–2026")]),  # neither reading meets it
    ],
)
def test_an_exact_figure_by_a_year_keeps_the_periods_reading_otherwise(
    tmp_path: Path, values: list[str], found: list[tuple[str, str, str]]
) -> None:
    document = _plan(tmp_path, [NEW], _stations(values))
    (goal,) = _goals(_imported(tmp_path, document))
    assert goal[1:3] == (None, [2024, 2026])
    assert [(c, a["actual"], a["year"]) for c, a in _findings(document)] == found


def test_a_part_of_its_own_year_leaves_no_second_reading(tmp_path: Path) -> None:
    # 其中2025年1.2万亩 is dated by its own year, whatever 到2026年 before it says: no PC508
    line = "到2026年，全县新建高标准农田3.6万亩，其中2024年1.0万亩、2025年1.2万亩、2026年1.4万亩。"
    document = _plan(tmp_path, [line], _farmland("亩", ["10000", "12000", "14000"]))
    assert _findings(document) == []


def test_other_work_on_what_there_is_is_not_the_built_tables(tmp_path: Path) -> None:
    # 改造提升 (upgrading) is not 建设: the goal names no table of the plan, and is no
    # restatement of the 新建 goal linked to it (was PC507: 不少于1.5万亩 against == 36000)
    line = "到2026年，全县新建高标准农田3.6万亩；改造提升高标准农田不少于1.5万亩。"
    table = _farmland("亩", ["10000", "12000", "14000"], title="甲县高标准农田建设任务分解表")
    targets = _imported(tmp_path, _plan(tmp_path, [line], table))
    assert [g.indicator for g in targets.goals.values()] == ["甲县高标准农田", None]
    assert _findings(_plan(tmp_path, [line], table)) == []
