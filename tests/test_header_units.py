"""A header's bracket: a unit (资金（万元）) or words that qualify the name (资金（发展类）)."""

from __future__ import annotations

import pytest

from planchk.importers.columns import is_unit_like


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
