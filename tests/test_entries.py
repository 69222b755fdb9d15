"""A list of projects with no total row (importers.entries): each row an entry of its own, and
where the list has levels or names a project twice, the refusal it had before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()
HEAD = "2024年项目资金安排表\n单位：万元\n项目名称,合计,中央资金,省级资金\n"


def _import(tmp_path: Path, body: str) -> Any:
    source = tmp_path / "projects.csv"
    source.write_text(HEAD + body, encoding="utf-8")
    return runner.invoke(app, ["import", str(source)])


def test_an_of_which_row_of_a_project_is_its_part_not_an_entry(tmp_path: Path) -> None:
    result = _import(tmp_path, "道路硬化,120,80,40\n其中：村内道路,50,30,20\n桥梁改造,60,40,20\n")
    assert result.exit_code == 0, result.output
    document = yaml.safe_load(result.stdout)
    assert document["areas"] == {"道路硬化": [], "桥梁改造": []}
    assert document["of_which"] == {"道路硬化": ["道路硬化其中：村内道路"]}
    assert document["indicators"]["合计"]["values"]["道路硬化其中：村内道路"] == [50]


def test_the_entries_validate_with_no_several_tops_warning(tmp_path: Path) -> None:
    result = _import(tmp_path, "道路硬化,120,80,40\n桥梁改造,60,40,20\n安防工程,35,20,15\n")
    out = tmp_path / "targets.yaml"
    out.write_text(result.stdout, encoding="utf-8")
    checked = runner.invoke(app, ["validate", str(out), "-f", "json"])
    assert checked.exit_code == 0, checked.output
    assert [f["code"] for f in json.loads(checked.stdout)["findings"]] == []


def test_a_project_printed_twice_is_refused_at_its_row(tmp_path: Path) -> None:
    result = _import(tmp_path, "道路硬化,120,80,40\n桥梁改造,60,40,20\n道路硬化,35,20,15\n")
    assert result.exit_code == 2
    assert "projects.csv, cell A6: the area `道路硬化` has a row already (at A4)" in result.stderr


def test_a_list_with_subtotals_and_no_grand_total_is_refused_naming_no_option(
    tmp_path: Path,
) -> None:
    """Groups whose 小计 add up into nothing: the total is the row the table leaves out, and
    --total-row cannot name it."""
    body = "一、道路工程,,,\n道路硬化,120,80,40\n桥梁改造,60,40,20\n小计,180,120,60\n"
    body += "二、安防工程,,,\n护栏,35,20,15\n标志,25,20,5\n小计,60,40,20\n"
    result = _import(tmp_path, body)
    assert result.exit_code == 2
    assert "are grouped (道路工程 (row 4)、小计 (row 7)、安防工程 (row 8)、小计 (row 11))" in (
        result.stderr
    )
    assert "--" not in result.stderr


def test_a_table_of_areas_with_no_total_row_still_names_the_option(tmp_path: Path) -> None:
    source = tmp_path / "areas.csv"
    source.write_text("分配表\n单位：万元\n县区,合计,中央资金,省级资金\n甲县,120,80,40\n"
                      "乙县,60,40,20\n丙县,35,20,15\n", encoding="utf-8")  # fmt: skip
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 2
    assert "--total-row" in result.stderr
