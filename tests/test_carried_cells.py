"""Cells that carry their unit or a bound (importers.carried and importers.settled): what a
cell says, the exact conversion into the column's unit, and the property that a figure written
in any unit of its measure imports to the same number."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planchk.importers import Options, import_files
from planchk.importers.carried import read_cell
from planchk.importers.settled import _convert
from planchk.loader import load_file
from planchk.models import TargetsFile
from planchk.plan.units import BUILT_IN


@pytest.mark.parametrize(
    ("text", "number", "unit", "bound"),
    [
        ("120万元", "120", "万元", None),
        ("3.5亿元", "3.5", "亿元", None),
        ("1,200元", "1200", "元", None),
        ("120 万元", "120", "万元", None),
        ("１２０萬元", "120", "万元", None),
        ("2.5万亩", "2.5", "万亩", None),
        ("12个", "12", "个", None),
        ("≥95", "95", None, "at_least"),
        (">=95", "95", None, "at_least"),
        ("≧95", "95", None, "at_least"),
        ("＞＝95", "95", None, "at_least"),
        ("不低于96", "96", None, "at_least"),
        ("不少于1,000户", "1000", "户", "at_least"),
        ("95%以上", "95", None, "at_least"),
        ("≥95%", "95", None, "at_least"),
        ("≤5", "5", None, "at_most"),
        ("不超过60", "60", None, "at_most"),
        ("不高于3.5万吨", "3.5", "万吨", "at_most"),
        ("5以内", "5", None, "at_most"),
        ("控制在5%以内", "5", None, "at_most"),
        ("10万元以下", "10", "万元", "at_most"),
    ],
)
def test_a_cell_says_its_number_unit_and_bound(
    text: str, number: str, unit: str | None, bound: str | None
) -> None:
    said = read_cell(text)
    assert said is not None
    assert (said.number, said.unit, said.bound) == (Decimal(number), unit, bound)
    assert str(said.number) == number  # the printed digits, never a float's


@pytest.mark.parametrize(
    "text",
    ["120", "45%", "约50", "7左右", "已完成", "30公顷地", "≥5以下", "控制在5", "12件套", "2025年"],
)
def test_plain_numbers_words_and_unknown_units_are_not_carried(text: str) -> None:
    assert read_cell(text) is None


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("3.5亿元", "万元", "35000"),
        ("120.50万元", "亿元", "0.012050"),
        ("13000亩", "万亩", "1.3000"),
        ("2.5万亩", "亩", "25000"),
        ("1,234元", "万元", "0.1234"),
        ("0.3亿元", "亿元", "0.3"),
    ],
)
def test_conversion_is_exact_and_moves_the_printed_digits(
    text: str, target: str, value: str
) -> None:
    said = read_cell(text)
    assert said is not None
    converted = _convert(said, target)
    assert converted is not None
    assert str(converted) == value


def test_a_unit_of_another_measure_does_not_convert() -> None:
    said = read_cell("30万元")
    assert said is not None
    assert _convert(said, "亩") is None


def _imported(tmp_path: Path, total: str, parts: list[str]) -> TargetsFile:
    rows = ["2025年资金表", "单位：万元", "地区,资金", f"合计,{total}"]
    rows += [f"{name},{value}" for name, value in zip(["甲县", "乙县"], parts, strict=True)]
    source = tmp_path / "cells.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = import_files([source], Options())
    out = tmp_path / "out.yaml"
    out.write_text(result.text, encoding="utf-8")
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return model


_CURRENCY = [name for name, unit in BUILT_IN.items() if unit.dimension == "currency"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cents=st.integers(min_value=1, max_value=10**9),
    unit=st.sampled_from(_CURRENCY),
    split=st.integers(min_value=0, max_value=100),
)
def test_a_figure_in_any_unit_of_its_measure_imports_to_the_same_number(
    tmp_path: Path, cents: int, unit: str, split: int
) -> None:
    """The total written in 元, 千元, 万元, 百万元 or 亿元 is the same 万元 figure; its parts,
    in 万元, still add up to it exactly."""
    value = Decimal(cents).scaleb(-2)  # in 万元, to the cent of a 万元
    written = value * BUILT_IN["万元"].factor / BUILT_IN[unit].factor
    first = (value * split / 100).quantize(Decimal("0.01"))
    model = _imported(tmp_path, f"{written:f}{unit}", [str(first), str(value - first)])
    values = model.indicators["资金"].values
    assert values["合计"] == [value]
    parts = [values["甲县"][0], values["乙县"][0]]
    assert None not in parts
    assert sum(part for part in parts if part is not None) == value
