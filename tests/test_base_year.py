"""A base year's done figures beside the target years of the title's period (importers.
base_year): one series where the title's period covers it and it comes first, else a column
of its own as before."""

from __future__ import annotations

from planchk.importers.base_year import base_years
from planchk.importers.shapes import Column

DONE = Column(1, "2023年实际", "value", 2023, "实际")
TARGETS = (Column(2, "2024年目标", "value", 2024), Column(3, "2025年目标", "value", 2025))


def _years(title: str, *columns: Column) -> list[tuple[int | None, str | None]]:
    read, _ = base_years(columns, title)
    return [(c.year, c.name) for c in read]


def test_the_base_year_joins_the_targets_of_the_titles_period() -> None:
    read, said = base_years((DONE, *TARGETS), "2023-2025年高标准农田建设任务表")
    assert [(c.year, c.name) for c in read] == [(2023, None), (2024, None), (2025, None)]
    assert len(said) == 1
    assert "2023年实际" in said[0]


def test_a_title_of_one_year_keeps_it_a_column_of_its_own() -> None:
    assert _years("2024年度任务表", DONE, *TARGETS)[0] == (2023, "实际")


def test_the_year_before_the_period_is_its_base() -> None:
    """十四五 (2021-2025年) tables print 2020年实际 as the base of their targets."""
    targets = (Column(2, "2021年", "value", 2021), Column(3, "2022年", "value", 2022))
    base = Column(1, "2020年实际", "value", 2020, "实际")
    assert _years("“十四五”期间（2021-2025年）任务表", base, *targets)[0] == (2020, None)


def test_a_period_that_does_not_reach_it_keeps_it() -> None:
    assert _years("2025—2027年任务表", DONE, *TARGETS)[0] == (2023, "实际")


def test_a_category_that_is_no_done_figure_keeps_it() -> None:
    other = Column(1, "2023年中央资金", "value", 2023, "中央资金")
    assert _years("2023-2025年任务表", other, *TARGETS)[0] == (2023, "中央资金")


def test_a_done_year_after_the_targets_is_no_base() -> None:
    late = Column(4, "2026年实际", "value", 2026, "实际")
    assert _years("2023-2026年任务表", *TARGETS, late)[-1] == (2026, "实际")


def test_a_done_column_in_another_unit_keeps_it() -> None:
    priced = Column(1, "2023年实际（万元）", "value", 2023, "实际", "万元")
    assert _years("2023-2025年任务表", priced, *TARGETS)[0] == (2023, "实际")
