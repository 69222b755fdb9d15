"""舍位平衡: a column that misses its total by rounding gets the parts to round the other way."""

from __future__ import annotations

from pathlib import Path

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
