"""A goal stated in another unit than its table (1.4万亩 over a table in 亩): the report shows
the table's figure in the table's unit, beside the goal in its own."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()
PLAN = """\
plan: {title: T, period: [2024, 2026]}
areas: {全县: [甲镇, 乙镇]}
indicators:
  farm:
    name: 新建高标准农田
    unit: 亩
    kind: flow
    years: [2024, 2025, 2026]
    values:
      全县: [10000, 12000, 14000]
      甲镇: [4000, 4800, 5600]
      乙镇: [6000, 7200, 8400]
goals:
  y:
    text: 2026年新建高标准农田1.4万亩
    indicator: farm
    year: 2026
    op: '>='
    value: 1.4
    unit: 万亩
"""


def _report(tmp_path: Path, fmt: str) -> Path:
    plan = tmp_path / "targets.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", str(plan), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_planned_figure_is_in_the_tables_unit(tmp_path: Path, fmt: str) -> None:
    text = _report(tmp_path, fmt).read_text(encoding="utf-8")
    assert "14000 亩" in text
    assert "14000 万亩" not in text
    assert "1.4 万亩" in text  # the goal keeps its own


def test_the_workbooks_goal_sheet_too(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_report(tmp_path, "xlsx"))
    rows = [tuple(c.value for c in row) for row in book["Goals"].iter_rows()]
    (goal,) = [row for row in rows if row[0] == "2026年新建高标准农田1.4万亩"]
    assert goal[2:4] == (">= 1.4 万亩", "14000 亩")
