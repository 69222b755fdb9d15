"""A relation finding shows its two sides as a person would print them (planchk.plan.shown):
a sum with its figures' digits, a product or quotient to one decimal past the printed side,
and never two different sides that read the same."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from planchk.cli import app
from planchk.plan.relations import evaluate, parse
from planchk.plan.shown import shown_sides
from tests.cli_runner import CliRunner
from tests.small_plans import write_plan

D = Decimal


def _shown(text: str, **values: str) -> tuple[str, str]:
    relation = parse(text, {name: name for name in values})

    def lookup(name: str, row: str) -> tuple[Decimal, Decimal]:
        return D(values[name]), D(0)

    left, right = evaluate(relation.left, lookup), evaluate(relation.right, lookup)
    assert left is not None
    assert right is not None
    shown = shown_sides(relation, left[0], right[0], lookup)
    return str(shown[0]), str(shown[1])


@pytest.mark.parametrize(
    ("text", "values", "shown"),
    [
        # Decimal's 7.000: the sum is known to its least precise figure's hundredths
        ("t = a + b", {"t": "7.1", "a": "2.500", "b": "4.50"}, ("7.1", "7.00")),
        # and is shown with at least the printed side's digits
        ("t = a + b", {"t": "7.10", "a": "3.5", "b": "3.5"}, ("7.10", "7.00")),
        ("t = a - b", {"t": "1", "a": "1.5", "b": "0.05"}, ("1", "1.45")),  # no digit lost
        # a quotient: one decimal past the printed rate, not a hundred digits
        ("g = c / l * 100", {"g": "6.7", "c": "200", "l": "3000"}, ("6.7", "6.67")),
        ("s = p / w * 100", {"s": "25.0", "p": "200", "w": "1000"}, ("25.0", "20.0")),
        ("s = p / w * 100", {"s": "33", "p": "100", "w": "301"}, ("33", "33.2")),
        # a product of whole counts is whole
        ("r = h * 2", {"r": "7", "h": "3"}, ("7", "6")),
        # rounding would show 0.5 against 0.5: digits are added until the sides differ
        ("a = b / c", {"a": "0.5", "b": "50004", "c": "100000"}, ("0.5", "0.50004")),
        # both sides computed: each to its own figures' digits
        ("a + b = c * d", {"a": "1.5", "b": "2.25", "c": "1.3", "d": "3"}, ("3.75", "3.9")),
    ],
)
def test_each_side_is_shown_with_the_digits_its_figures_carry(
    text: str, values: dict[str, str], shown: tuple[str, str]
) -> None:
    assert _shown(text, **values) == shown


GROWTH = """\
plan: {title: 测试方案, period: [2022, 2022]}
areas:
  全区: [甲街道]
indicators:
  last: {name: 上年, unit: 人, kind: flow, years: [2022], values: {全区: [3000], 甲街道: [3000]}}
  change: {name: 增减, unit: 人, kind: change, years: [2022], values: {全区: [200], 甲街道: [200]}}
  growth: {name: 增长, unit: "%", kind: ratio, years: [2022], values: {全区: [6.9], 甲街道: [6.9]}}
relations:
  - growth = change / last * 100
"""


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_the_outputs_carry_the_shown_sides(fmt: str, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "plan", GROWTH)
    result = CliRunner().invoke(app, ["validate", str(plan), "-f", fmt])
    assert result.exit_code == 1, result.output
    if fmt == "json":
        [finding, _] = json.loads(result.stdout)["findings"]
        args = finding["args"]
        assert (str(args["left"]), str(args["right"]), str(args["difference"])) == (
            "6.9", "6.67", "0.23",
        )  # fmt: skip
    assert "6.67" in result.stdout
    assert "6.6666" not in result.stdout
