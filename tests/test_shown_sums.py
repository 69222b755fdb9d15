"""A computed sum is printed with its addends' printed digits, not Decimal's.

Decimal addition keeps the finest addend's exponent: 2.500 + 4.50 is 7.000, which a report
printed as `Σ 7.000` under a printed 7.0. A sum of rounded figures is known to its least
precise addend's digits, and shown with at least the total's beside it; no digit is dropped.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planchk.cli import app
from planchk.plan.numbers import decimals, shown_sum
from tests.cli_runner import CliRunner
from tests.helpers import imported
from tests.small_plans import write_plan

runner = CliRunner()
D = Decimal

MIXED = """\
plan: {title: 测试方案, period: [2021, 2022]}
areas:
  全区: [甲街道, 乙街道]
indicators:
  x:
    name: 测试金额
    unit: 亿元
    kind: flow
    years: [2021, 2022]
    values:
      全区: [7.0, 7.1]
      甲街道: [2.500, 2.500]
      乙街道: [4.50, 4.50]
"""


@pytest.mark.parametrize(
    ("total", "addends", "shown"),
    [
        ("7.0", ["2.500", "4.50"], "7.00"),  # the least precise addend has two decimals
        ("7.0", ["7.0", "0.00"], "7.0"),
        ("7.00", ["3.5", "3.5"], "7.00"),  # never fewer digits than the total it is set against
        ("1.6", ["1.5", "0.05"], "1.55"),  # never a digit dropped: 1.6 would hide the miss
        ("40", ["14", "11", "16"], "41"),
        ("1.00", ["0.33", None], "0.33"),  # a blank sets no digits
        (None, ["0.050", "1.5"], "1.55"),
        ("8.3", ["2.17", "0.119", "4.4", "0.69", "0.407", "0.188", "0.326"], "8.3"),
    ],
)
def test_shown_sum(total: str | None, addends: list[str | None], shown: str) -> None:
    found = shown_sum(
        None if total is None else D(total), [None if a is None else D(a) for a in addends]
    )
    assert str(found) == shown


decimal_texts = st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False)


@given(st.lists(decimal_texts, min_size=1, max_size=6), decimal_texts)
def test_shown_sum_is_the_exact_sum(addends: list[Decimal], total: Decimal) -> None:
    """Only the exponent changes: the value is the exact sum, with no more digits than the
    finest of the addends and the total, and no fewer than the coarsest addend or the total."""
    found = shown_sum(total, addends)
    assert found == sum(addends, D(0))
    assert decimals(found) <= max(decimals(v) for v in [*addends, total])
    if found != 0:
        assert decimals(found) >= max(min(decimals(v) for v in addends), decimals(total))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plan", MIXED)


def test_the_finding_prints_the_sum_with_its_addends_digits(mixed: Path) -> None:
    result = runner.invoke(app, ["validate", str(mixed), "-f", "json"])
    [found] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "PC101"]
    assert found["args"]["year"] == 2022
    assert (found["args"]["parts"], found["args"]["imbalance"]) == ("7.00", "-0.10")


def _report(tmp_path: Path, plan: Path, fmt: str) -> Path:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", str(plan), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_reports_print_the_sum_with_its_addends_digits(tmp_path: Path, mixed: Path) -> None:
    page = _report(tmp_path, mixed, "html").read_text(encoding="utf-8")
    assert re.findall(r'<span class="sum[^"]*">Σ ([^<]*)</span>', page) == ["7.00", "7.00"]
    markdown = _report(tmp_path, mixed, "markdown").read_text(encoding="utf-8")
    assert "| **全区** | **7.0** | **7.1** ❌ PC101 (Σ 7.00) → 7.0 |" in markdown
    sheet = openpyxl.load_workbook(_report(tmp_path, mixed, "xlsx"))["测试金额"]
    comments = [sheet.cell(4, column).comment for column in (2, 3)]
    assert [c is not None and "7.00," in c.text + "," for c in comments] == [True, True]
    assert all(c is not None and "7.000" not in c.text for c in comments)


def test_an_import_says_a_sum_over_the_years_with_their_digits(tmp_path: Path) -> None:
    """A 合计 column over year columns that misses on a row is named with the years' sum
    as the table prints such a sum: 2.2, not 2.200."""
    done = imported(
        tmp_path,
        "某市目标\n单位：亿元\n地区,2021年,2022年,2023年,合计\n合计,1.0,1.20,1.500,3.7\n"
        "A区,0.4,0.50,0.600,1.5\nB区,0.6,0.70,0.900,2.3\n",
        out=tmp_path / "out.yaml",
    )
    assert "B区: the sum printed is 2.3, the years add up to 2.2\n" in done.log
