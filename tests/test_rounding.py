"""舍位平衡: a column that misses its total by rounding gets the parts to round the other way."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planchk.plan.numbers import rounding_allowance
from tests.small_plans import check_texts

PLAN = """\
plan: {{title: 测试方案, period: [2024, 2024]}}
areas:
  合计: [甲县, 乙县, 丙县, 丁县]
indicators:
  x:
    name: 补助资金
    unit: 万元
    kind: flow
    years: [2024]
    values:
      合计: [{total}]
      甲县: [10.05]
      乙县: [40.20]
      丙县: [30.10]
      丁县: [19.63]
"""


def _suggested(tmp_path: Path, total: str) -> list[tuple[str, str, str]]:
    report = check_texts(tmp_path, PLAN.format(total=total))
    [finding] = [f for f in report.findings if f.code == "PC102"]
    return [(str(s.args["area"]), s.old, s.new) for s in finding.suggestions]


def test_the_largest_parts_move_by_one_unit_of_their_last_digit(tmp_path: Path) -> None:
    # the parts add up to 99.98: two cents short, so the two largest parts round up
    assert _suggested(tmp_path / "a", "100.00") == [
        ("乙县", "40.20", "40.21"),
        ("丙县", "30.10", "30.11"),
    ]
    # one cent over: the largest part rounds down
    assert _suggested(tmp_path / "b", "99.97") == [("乙县", "40.20", "40.19")]


# --- how far rounding may honestly take a sum -------------------------------------------------


def _many(parts: int, part: str, total: str) -> str:
    names = [f"村{i}" for i in range(parts)]
    rows = "\n".join(f"      {name}: [{part}]" for name in names)
    return (
        "plan: {title: 测试方案, period: [2024, 2024]}\n"
        f"areas:\n  合计: [{', '.join(names)}]\n"
        "indicators:\n  x:\n    name: 补助资金\n    unit: 万元\n    kind: flow\n"
        f"    years: [2024]\n    values:\n      合计: [{total}]\n{rows}\n"
    )


def test_a_large_table_off_by_seven_is_an_error(tmp_path: Path) -> None:
    # 4,000 parts printed to 0.01: half a cent each adds up to ±20, but independent roundings
    # miss by more than √(3·Σh²) = 0.55 less than once in a thousand tables
    report = check_texts(tmp_path, _many(4000, "1.00", "4007.00"))
    [finding] = [f for f in report.findings if f.code in ("PC101", "PC102")]
    assert (finding.code, finding.args["imbalance"], finding.args["tolerance"]) == (
        "PC101",
        Decimal("-7.00"),
        Decimal("0.55"),
    )


def test_a_large_table_off_by_rounding_is_rounding(tmp_path: Path) -> None:
    report = check_texts(tmp_path, _many(4000, "1.00", "3999.50"))
    assert [(f.code, f.args["imbalance"]) for f in report.findings] == [("PC102", Decimal("0.50"))]


@pytest.mark.parametrize(
    ("values", "allowance"),
    [
        (["100.00", "33.33", "33.33", "33.33"], "0.020"),  # few parts: the worst case
        (["48.5", "16.2", "18.7", "13.5"], "0.20"),
        (["5", "3"], "1.0"),
        (["4000.00"] + ["1.00"] * 4000, "0.55"),  # many: √(3·4001·0.005²), rounded up
        (["4000"] + ["1"] * 4000, "55"),  # 4,000 whole 万元 miss by 18 on average
        (["7.5", "2.25", "5.125"], "0.0555"),  # mixed digits: still the worst case
    ],
)
def test_the_allowance_is_the_worst_case_or_three_sigma(values: list[str], allowance: str) -> None:
    found = rounding_allowance(Decimal(v) for v in values)
    assert (found, str(found)) == (Decimal(allowance), allowance)
