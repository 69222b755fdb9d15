"""A table of one year printing last year beside it with its change and growth (importers.
periods, identities, kinds): the change and the growth are relations, last year is a column
of its own, and this year's figures keep the table's name, which a plan's goal links to."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.cli import app
from tests import documents
from tests.cli_runner import CliRunner
from tests.helpers import imported, imported_and_validated

ROWS = [
    ["县区", "2025年", "2024年", "比上年增减", "增长%"],
    ["全县", "1015", "1000", "15", "1.5"],
    ["甲镇", "520", "500", "20", "4.0"],
    ["乙镇", "495", "500", "-5", "-1.0"],
]
TITLE = "2025年农业保险保费补贴资金分配表"


def _csv(rows: list[list[str]]) -> str:
    return f"{TITLE}\n单位：万元、%\n" + "".join(",".join(row) + "\n" for row in rows)


def test_the_change_and_the_growth_are_relations_and_a_printed_fall_no_warning(
    tmp_path: Path,
) -> None:
    done = imported_and_validated(tmp_path, _csv(ROWS), expect=0)
    assert done.document["relations"] == [
        "比上年增减 = 农业保险保费补贴资金 - 2024年",
        "增长 = 比上年增减 / 2024年 * 100",
    ]
    indicators = done.document["indicators"]
    assert indicators["2024年"]["years"] == [2025]  # last year's figures, of this year's table
    assert str(indicators["农业保险保费补贴资金"]["values"]["乙镇"][0]) == "495"
    assert done.findings == []  # 乙镇 500 -> 495 is printed (-5, -1.0%): no PC202


def test_a_change_that_misses_is_one_finding_at_its_row(tmp_path: Path) -> None:
    rows = [row.copy() for row in ROWS]
    rows[2][3] = "25"  # 甲镇: 520 - 500 printed 25 (its growth 4.0 is right)
    done = imported_and_validated(tmp_path, _csv(rows), expect=1)
    assert "holds on 2 of 3 rows" in done.log
    found = sorted((f["code"], f["args"].get("area")) for f in done.findings)
    # the wrong 25 breaks both relations at 甲镇 (the growth is written over the change) and
    # the change column's own sum at 全县
    assert found == [("PC101", "全县"), ("PC106", "甲镇"), ("PC106", "甲镇")]


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("Grants by district, FY2025 and change from FY2024", 2025),
        ("Grants by district, FY2025 (% change over FY2024)", 2025),
        ("2025年各县区补助资金及比2024年增减情况表", 2025),
    ],
)
def test_the_year_a_title_compares_with_is_not_the_tables(
    tmp_path: Path, title: str, year: int
) -> None:
    table = f'"{title}"\n(USD thousand)\nDistrict,Grant\nTotal,30\nA,10\nB,20\n'
    done = imported(tmp_path, table)
    (indicator,) = done.document["indicators"].values()
    assert indicator["years"] == [year]
    assert indicator["kind"] == "flow"  # the title's change is no change column


def test_a_goal_links_to_this_years_figures_by_the_tables_name(tmp_path: Path) -> None:
    blocks: list[documents.Block] = [
        documents.Para("某县2025年农业保险工作方案"),
        documents.Heading("主要目标", "一、"),
        documents.Para("2025年，全县农业保险保费补贴资金达到1015万元。"),
        documents.Para("附件"),
        documents.Grid(TITLE, "单位：万元、%", ROWS),
    ]
    plan = documents.write_docx(tmp_path / "plan.docx", blocks)
    result = CliRunner().invoke(app, ["import", str(plan), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "linked to no table" not in result.output
    targets = (tmp_path / "out" / "targets.yaml").read_text("utf-8")
    assert "indicator: 农业保险保费补贴资金" in targets
    checked = CliRunner().invoke(app, ["validate", str(tmp_path / "out")])
    assert checked.exit_code == 0, checked.output
