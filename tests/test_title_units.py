"""A title line that ends with its unit in brackets (importers/units.title_unit, read by
layout._title_and_unit and the indicator rows' unit line): the title keeps its words and its
year, the bracket is the unit; a bracket that names no unit stays the title's."""

from __future__ import annotations

import pytest

from planchk.importers.units import title_unit


@pytest.mark.parametrize(
    ("text", "title", "unit"),
    [
        (
            "2025年农村公路养护补助资金分配表（单位：万元）",
            "2025年农村公路养护补助资金分配表",
            "万元",
        ),
        ("任务分解表 (单位:个、公里)", "任务分解表", "个、公里"),
        (
            "Grants to districts, FY 2025 (US$ thousand)",
            "Grants to districts, FY 2025",
            "USD thousand",
        ),
        ("2024年资金分配表（第一批）", "2024年资金分配表（第一批）", None),
        ("中央资金（发展类）", "中央资金（发展类）", None),
        ("（单位：万元）", "（单位：万元）", None),  # a unit line alone is unit_line's, not this
        ("2025年资金分配表 单位：万元", "2025年资金分配表", "万元"),
        ("补助标准表 单位：元/户", "补助标准表", "元/户"),
        # a title that merely holds 单位： names no unit: the table still asks for it
        ("全县各单位：资金分配表", "全县各单位：资金分配表", None),
        ("乡镇单位：万元分配", "乡镇单位：万元分配", None),
        ("Allocation by unit: county", "Allocation by unit: county", None),
    ],
)
def test_a_title_and_its_unit(text: str, title: str, unit: str | None) -> None:
    assert title_unit(text) == (title, unit)
