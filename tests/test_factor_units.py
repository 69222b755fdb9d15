"""A 因素法 table under 单位：万元 (importers.units): weights, factors and scores are in no money
unit; a count or an area with no unit of its own is asked for, and the option answers it."""

from __future__ import annotations

from pathlib import Path

import yaml

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()
TABLE = (
    "2025年分配表\n单位：万元\n县区,人口,面积,权数,分值,分配资金\n"
    "合计,120,3600,1.00,100,1000\n甲县,50,1200,0.40,40,400\n乙县,70,2400,0.60,60,600\n"
)


def test_the_options_the_question_names_answer_it(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text(TABLE, encoding="utf-8")
    asked = runner.invoke(app, ["import", str(source)])
    assert asked.exit_code == 2
    assert "--unit 人口=UNIT --unit 面积=UNIT" in asked.stderr
    result = runner.invoke(app, ["import", str(source), "--unit", "人口=万人", "--unit", "面积=亩"])
    assert result.exit_code == 0, result.output
    units = {k: v["unit"] for k, v in yaml.safe_load(result.stdout)["indicators"].items()}
    assert units == {"人口": "万人", "面积": "亩", "权数": "无", "分值": "分", "分配资金": "万元"}


def test_one_unit_for_every_column_answers_it_too(tmp_path: Path) -> None:
    """`--unit 万元` names every column's unit: the user's word, not asked again."""
    source = tmp_path / "t.csv"
    source.write_text(TABLE, encoding="utf-8")
    result = runner.invoke(app, ["import", str(source), "--unit", "万元"])
    assert result.exit_code == 0, result.output
    units = {k: v["unit"] for k, v in yaml.safe_load(result.stdout)["indicators"].items()}
    assert units["人口"] == "万元"


def test_counts_under_a_unit_line_of_counts_take_it(tmp_path: Path) -> None:
    """户数 under 单位：户 measures what the line says: nothing is asked."""
    source = tmp_path / "t.csv"
    source.write_text("表\n单位：户\n县区,改厕户数\n合计,30\n甲县,10\n乙县,20\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["indicators"]["改厕户数"]["unit"] == "户"
