"""Several units on one unit line, given to the columns by what their headers measure
(importers.units.by_measure): a rate's header (补助标准, 单价) takes the unit per thing, an
amount's the plain one, and where nothing tells them apart nothing is guessed."""

from __future__ import annotations

import pytest

from planchk.importers.units import by_measure


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("改造户数", "户"),
        ("补助标准", "元/户"),
        ("补助金额", "元"),
        ("补助资金", "元"),
        ("人均补助", "元/户"),
        ("建设内容", None),
    ],
)
def test_a_rate_and_an_amount_under_one_line(header: str, unit: str | None) -> None:
    assert by_measure(header, ["户", "元/户", "元"]) == unit


def test_two_plain_amounts_are_not_guessed() -> None:
    assert by_measure("补助资金", ["元", "万元"]) is None
