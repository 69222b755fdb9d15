"""A title and its unit line printed in one cell (hunt in/h38 and its siblings): the unit is
read from every form a person types, and the title keeps its own words; an office line
(填报单位：) or a bracket of words is never taken for a unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.cli import app
from planchk.importers.units import title_unit
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

TITLE = "2025年各县补助资金分配表"


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        (f"{TITLE}（单位：万元）", "万元"),
        (f"{TITLE} （单位：万元）", "万元"),
        (f"{TITLE}(单位:万元)", "万元"),
        (f"{TITLE}【单位：万元】", "万元"),
        (f"{TITLE} 单位：万元", "万元"),
        (f"{TITLE}\u3000\u3000单位：万元", "万元"),
        (f"{TITLE}单位：万元", "万元"),
        (f"{TITLE} 单位:万元", "万元"),
        (f"{TITLE} 金额单位：万元", "万元"),
        (f"{TITLE} 计量单位：个", "个"),
        (f"{TITLE} 单位：户、万元", "户、万元"),
        (f"{TITLE} 單位：萬元", "万元"),
    ],
)
def test_the_unit_after_the_title_is_read(cell: str, unit: str) -> None:
    assert title_unit(cell) == (TITLE, unit)


def test_an_english_unit_after_the_title() -> None:
    said = title_unit("Grants to districts, FY 2025 Unit: USD million")
    assert said == ("Grants to districts, FY 2025", "USD million")


@pytest.mark.parametrize(
    "cell",
    [
        f"{TITLE} 填报单位：甲县财政局",  # an office, not a unit
        f"{TITLE}（第一批）",  # a bracket of words
        "全市（单位）绩效目标表",
        TITLE,
    ],
)
def test_no_unit_where_the_cell_names_none(cell: str) -> None:
    assert title_unit(cell) == (cell, None)


def test_a_csv_with_the_title_and_unit_in_one_cell_imports(tmp_path: Path) -> None:
    source = tmp_path / "table.csv"
    source.write_text(f"{TITLE} 单位：万元\n县区,补助资金\n合计,300\n甲县,120\n乙县,180\n", "utf-8")
    out = tmp_path / "targets.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    [indicator] = model.indicators.values()
    assert (indicator.name, indicator.unit, indicator.years) == ("补助资金", "万元", [2025])
    assert model.plan.title == TITLE
