"""A header that names a period of years (2024—2026年) is no year: beside its years' columns it
is their sum for each row, checked in import; a fiscal year (2019-20, 2019/2020) stays one year."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.importers.columns import year_of
from planchk.importers.year_ranges import year_range
from tests.helpers import imported


@pytest.mark.parametrize(
    ("header", "year", "period"),
    [
        ("2024—2026年", None, (2024, 2026, "")),
        ("2024-2026年合计", None, (2024, 2026, "合计")),
        ("2024至2026年目标", None, (2024, 2026, "目标")),
        ("2024～2025年", None, (2024, 2025, "")),
        ("2019-20", 2019, None),  # fiscal years
        ("2019-2020", 2019, None),
        ("FY2019/20", 2019, None),
        ("2024年", 2024, None),
        ("2026-2024年", 2026, None),  # backwards: no period
    ],
)
def test_a_period_of_years_is_no_year(
    header: str, year: int | None, period: tuple[int, int, str] | None
) -> None:
    assert year_of(header) == year
    assert year_range(header) == period


def test_a_period_total_under_a_category_names_each_row_it_misses(tmp_path: Path) -> None:
    done = imported(
        tmp_path,
        "任务分解表\n单位：万元\n地区,建设任务,,,\n,2024-2026年合计,2024年,2025年,2026年\n"
        "全县,60,20,20,20\n甲镇,31,10,10,10\n乙镇,30,10,10,10\n",
    )
    assert "holds on 2 of 3 rows" in done.log
    missed = [line.strip() for line in done.log.splitlines() if "the sum printed is" in line]
    assert missed == ["甲镇: the sum printed is 31, the years add up to 30"]
    written = (tmp_path / "t.yaml").read_text(encoding="utf-8")
    assert "—2026" not in written
    assert "2026年合计" not in written.split("indicators:")[1]
