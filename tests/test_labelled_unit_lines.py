"""Units labelled by what they measure (importers.units): 面积单位：万亩　金额单位：万元, one or
several on a line, with or without the layout spaces between them; an office's label
(填报单位：) is no unit."""

from __future__ import annotations

import pytest

from planchk.importers.units import unit_line


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("面积单位：万亩\u3000金额单位：万元", "万亩、万元"),
        ("面积单位：万亩金额单位：万元", "万亩、万元"),
        ("面积单位:亩 资金单位:万元", "亩、万元"),
        ("数量单位：个；金额单位：万元", "个、万元"),
        ("面积单位：亩", "亩"),
        ("（金额单位：万元）", "万元"),
        ("金额单位：万元、亿元", "万元、亿元"),
        ("填报单位：甲县财政局", None),
        ("面积单位：万亩 填报单位：甲县财政局", None),
    ],
)
def test_a_labelled_unit_line(line: str, unit: str | None) -> None:
    assert unit_line(line) == unit
