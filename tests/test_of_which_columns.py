"""其中 columns (importers.own_columns): each at most its whole, several of one whole at most
it together; a part that prints a negative figure keeps each part's own relation."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import imported, imported_and_validated

TOGETHER = """单位：万元
县区,资金,其中：中央,其中：省级
合计,1000,600,300
甲区,600,{central},250
乙区,400,{central_b},50
"""


def _codes(findings: list[dict[str, object]]) -> list[tuple[object, object]]:
    return sorted((f["code"], f["args"]["area"]) for f in findings)  # type: ignore[index]


def test_parts_together_above_their_whole_is_one_finding_at_that_row(tmp_path: Path) -> None:
    table = "2025年补助资金表\n" + TOGETHER.format(central=400, central_b=200)
    done = imported_and_validated(tmp_path, table, expect=1)
    assert done.document["relations"] == ["中央 + 省级 <= 资金"]
    assert (
        "relation 中央 + 省级 <= 资金: the headers name it, and it holds on 2 of 3 rows" in done.log
    )
    assert _codes(done.findings) == [("PC106", "甲区")]


def test_parts_within_their_whole_are_clean(tmp_path: Path) -> None:
    table = "2025年补助资金表\n" + TOGETHER.format(central=300, central_b=300)
    done = imported_and_validated(tmp_path, table, expect=0)
    assert done.document["relations"] == ["中央 + 省级 <= 资金"]
    assert done.findings == []


def test_a_negative_part_keeps_each_part_alone(tmp_path: Path) -> None:
    """其中：调减 -20 is no amount to add to the others: each part is checked alone."""
    table = (
        "2025年调整资金表\n单位：万元\n县区,资金,其中：追加,其中：调减\n"
        "合计,100,130,-30\n甲区,60,80,-20\n乙区,40,50,-10\n"
    )
    done = imported(tmp_path, table)
    assert done.document["relations"] == ["追加 <= 资金", "调减 <= 资金"]


def test_parts_of_two_wholes_are_checked_each_against_its_own(tmp_path: Path) -> None:
    table = (
        "2025年补助资金表\n单位：万元\n县区,资金,其中：中央,其中：省级,项目数,其中：新建,其中：续建\n"
        "合计,1000,600,300,20,12,8\n甲区,600,400,150,12,7,5\n乙区,400,200,150,8,5,3\n"
    )
    done = imported(tmp_path, table, "--unit", "项目数=个")
    assert sorted(done.document["relations"]) == ["中央 + 省级 <= 资金", "新建 + 续建 <= 项目数"]


def test_parts_under_each_year_are_counted_over_the_years(tmp_path: Path) -> None:
    """合计 | 其中：中央 | 其中：省级 under 2024年 and 2025年: one relation of the years, the
    log counting each row in each year; the year that misses is the one finding."""
    table = (
        "2024-2025年补助资金表\n单位：万元\n县区,2024年,,,2025年,,\n"
        ",合计,其中：中央,其中：省级,合计,其中：中央,其中：省级\n"
        "全市,100,60,40,120,70,40\n甲县,60,40,25,70,40,25\n乙县,40,20,15,50,30,15\n"
    )
    done = imported_and_validated(tmp_path, table, expect=1)
    assert done.document["relations"] == ["中央 + 省级 <= 合计"]
    assert (
        "relation 中央 + 省级 <= 合计: the headers name it, and it holds on 5 of 6 rows" in done.log
    )
    found = [(f["code"], f["args"]["area"], f["args"]["year"]) for f in done.findings]
    assert found == [("PC106", "甲县", 2024)]
