"""A header's bracket: a unit (资金（万元）) or words that qualify the name (资金（发展类）)."""

from __future__ import annotations

import pytest

from planchk.importers.columns import is_unit_like
from planchk.importers.shapes import Column
from planchk.importers.units import another_measure


@pytest.mark.parametrize(
    "text",
    ["万元", "万元/亩", "个", "%", "万人", "辆/万人", "亿千瓦时", "USD m", "in thousands",
     "万吨标准煤", "标准箱"],  # the last two: measures planchk does not list stay units
)  # fmt: skip
def test_a_unit_in_brackets(text: str) -> None:
    assert is_unit_like(text)


@pytest.mark.parametrize("text", ["发展类", "省级", "切块部分", "含结转", "新建", "市本级", "中央"])
def test_words_that_qualify_the_name(text: str) -> None:
    assert not is_unit_like(text)


@pytest.mark.parametrize(
    ("header", "unit", "guess"),
    [
        ("补助资金（万元） / 户数", "万元", True),  # a count under an amount
        ("补助资金（万元） / 受益人数", "万元", True),
        ("资金（万元） / 覆盖率", "万元", True),  # a rate under an amount
        ("建设任务（个） / 投资额", "个", True),  # an amount under a count
        ("补助资金（万元） / 中央", "万元", False),  # a share of the amount: its unit
        ("补助资金（万元） / 2024年", "万元", False),  # a year of it
        ("补助资金（万元） / 资金数", "万元", False),  # says amount first
        ("改造户数（户） / 2024年", "户", False),
        ("补助户数（户）", "户", False),  # its own header prints it
        ("2024年 / 户数（户）", "户", False),
    ],
)
def test_a_unit_from_the_header_above_for_another_measure_is_a_guess(
    header: str, unit: str, guess: bool
) -> None:
    column = Column(1, header, "value", unit=unit)
    assert another_measure(column) is guess
