"""What paper adds around a budget or allocation table (planchk.importers.pages and codes):
sign-off and date lines, the header again on a later page, 续表 lines, numbered footnotes,
and the subject codes that give a budget table its levels. The corpus (tests/tables, cases
45-51) has a table of each layout; these pin the details one at a time."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import imported_and_validated


def test_a_header_again_and_a_sign_off_line_are_no_areas(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "2024年资金分配表\n单位：万元\n县区,资金\n合计,300\n甲县,100\n乙县,100\n县区,资金\n"
        "丙县,100\n填表人：张三,审核人：李四\n",
    )
    assert dict(done.targets.areas) == {"合计": ["甲县", "乙县", "丙县"]}
    [indicator] = done.targets.indicators.values()
    assert indicator.notes == {}  # 资金 and 审核人：李四 are no rows' notes
    assert "row 7 is printed by the page" in done.log
    assert "row 9 is a sign-off or date line, not an area: 填表人：张三 审核人：李四" in done.log
    assert done.findings == []


def test_subtotals_by_code_are_not_added_again_into_the_total(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "2025年一般公共预算支出表\n单位：万元\n科目编码,科目名称,2024年执行数,2025年预算数,"
        "比上年增长%\n,合计,1200,1320,10.0\n201,一般公共服务支出,500,550,10.0\n20101,人大事务,"
        "200,220,10.0\n20103,政府办公厅(室)及相关机构事务,300,330,10.0\n205,教育支出,700,770,"
        "10.0\n20502,普通教育,700,770,10.0\n",
    )
    assert done.targets.areas["合计"] == ["一般公共服务支出", "教育支出"]
    assert done.targets.areas["教育支出"] == ["普通教育"]  # a 类 with a single 款
    assert done.targets.aliases["20103"] == "政府办公厅(室)及相关机构事务"
    assert done.findings == []  # was two PC101: each 类 added again into 合计
    assert "column 2024年执行数: the figures of 2024 in a table of 2025" in done.log


def test_a_category_that_misses_its_codes_is_the_finding(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "表\n单位：万元\n科目编码,科目名称,预算数\n,合计,1000\n201,一般公共服务支出,600\n"
        "20101,人大事务,250\n20103,政府办公厅事务,340\n205,教育支出,400\n20502,普通教育,400\n",
    )
    assert [(f["code"], f["args"]["area"]) for f in done.findings] == [
        ("PC101", "一般公共服务支出")
    ]


def test_continued_lines_page_numbers_and_footnotes_are_skipped(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "2024年资金分配表\n单位：万元\n县区,资金\n合计,400\n甲县,100\n乙县,100\n- 1 -\n续表\n"
        "县区,资金\n丙县,200\n1. 本表资金已于2024年3月下达，请按规定使用。\n"
        "2. 丙县含上年结转资金。\n2024年3月1日\n",
    )
    assert dict(done.targets.areas) == {"合计": ["甲县", "乙县", "丙县"]}
    assert "rows 7, 8, 9 are printed by the page" in done.log
    assert "rows 11, 12 after the table are notes" in done.log
    assert "row 13 is a sign-off or date line, not an area: 2024年3月1日" in done.log
    assert done.findings == []


def test_a_unit_on_the_sign_off_line_is_kept(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "2024年资金分配表\n填报单位：甲县财政局,单位：元\n县区,资金\n合计,3\n甲县,1\n乙县,2\n",
    )
    assert [indicator.unit for indicator in done.targets.indicators.values()] == ["元"]
    assert "row 2 is a sign-off or date line, not an area: 填报单位：甲县财政局\n" in done.log


def test_codes_that_do_not_nest_are_aliases_and_leave_the_levels_to_the_names(
    tmp_path: Path,
) -> None:
    done = imported_and_validated(
        tmp_path,
        "2024年资金分配表\n单位：万元\n区划代码,地区,资金\n,合计,300\n360102,东湖区,100\n"
        "360103,西湖区,200\n",
    )
    assert dict(done.targets.areas) == {"合计": ["东湖区", "西湖区"]}
    assert dict(done.targets.aliases) == {"360102": "东湖区", "360103": "西湖区"}
    assert "they do not nest" in done.log
    assert done.findings == []


def test_a_memo_item_ends_the_table_and_a_town_named_fu_does_not(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "2024年资金分配表\n单位：万元\n乡镇,资金\n合计,300\n附城镇,100\n备忘录村,200\n"
        "附：县级统筹,50\nMemo: reserve,20\n",
    )
    assert dict(done.targets.areas) == {"合计": ["附城镇", "备忘录村"]}  # names, not memo items
    assert "rows 7, 8 after the table are notes, not imported: 附：县级统筹" in done.log
    assert done.findings == []
