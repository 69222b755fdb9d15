"""A purchase list 品目 | 计量单位 | 数量 | 单价 | 金额 (importers.figure_columns): each row's
数量 counts in its own unit, so it is never summed, yet 金额 = 数量 × 单价 is checked; --unit
names the unit of the 数量 column."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import imported, imported_and_validated

LIST = """2025年政府采购预算明细表
序号,品目,计量单位,数量,单价（元）,金额（元）
,合计,,,,{total}
1,办公桌,张,20,850.00,17000.00
2,文件柜,组,12,1200.00,{cabinets}
3,计算机,台,8,5600.00,44800.00
"""


def test_mixed_units_are_read_in_the_unit_column_never_summed_and_checked(
    tmp_path: Path,
) -> None:
    done = imported_and_validated(tmp_path, LIST.format(total="76200.00", cabinets="14400.00"))
    quantity = done.document["indicators"]["数量"]
    assert (quantity["unit"], quantity["sum"]) == ("计量单位", "none")
    assert [str(v) for v in quantity["values"]["文件柜"]] == ["12"]
    assert "计量单位：组" in quantity["notes"]["文件柜"]
    assert done.document["relations"] == ["金额 = 数量 * 单价"]
    assert done.findings == []  # 合计 prints no 数量: no PC302, as 单价's blank is none


def test_an_amount_that_is_not_the_quantity_times_the_price_is_found(tmp_path: Path) -> None:
    table = LIST.format(total="76800.00", cabinets="15000.00")  # 12 × 1200.00 is 14400.00
    done = imported_and_validated(tmp_path, table, expect=1)
    found = [(f["code"], f["args"]["area"]) for f in done.findings]
    assert found == [("PC106", "文件柜")]


def test_unit_names_the_quantity_columns_unit(tmp_path: Path) -> None:
    """--unit 数量=件 makes the 数量 column an indicator in 件 (it could not since it was read
    as the rows' notes), still never summed and checked as a factor of 金额."""
    done = imported(
        tmp_path, LIST.format(total="76200.00", cabinets="14400.00"), "--unit", "数量=件"
    )
    quantity = done.document["indicators"]["数量"]
    assert (quantity["unit"], quantity["sum"]) == ("件", "none")
    assert done.document["relations"] == ["金额 = 数量 * 单价"]
    assert "read in 件" in done.log


def test_one_unit_in_every_row_is_the_columns_unit(tmp_path: Path) -> None:
    table = (
        "2025年采购表\n品目,计量单位,数量,单价（元）,金额（元）\n"
        "合计,,,,60000\n计算机,台,8,5000,40000\n打印机,台,5,4000,20000\n"
    )
    done = imported_and_validated(tmp_path, table, expect=0)
    assert done.document["indicators"]["数量"]["unit"] == "台"
    assert done.document["relations"] == ["金额 = 数量 * 单价"]
