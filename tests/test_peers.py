"""A row that adds up the rows under it is no subtotal where it is printed as their peer (issue
14): the same kind of area (甲镇 over 乙镇, 丙镇), nothing in its form ranking it above them.
The whole table's case is tests/tables/300_town_that_adds_up_two_towns_is_no_subtotal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from planchk.importers.peers import is_peer
from planchk.importers.shapes import Row


def _row(name: str, value: int, **form: Any) -> Row:
    return Row(name, 1, {1: Decimal(value)}, **form)


TOWNS = [_row("乙镇", 10), _row("丙镇", 20)]


@pytest.mark.parametrize(
    ("row", "parts", "peer"),
    [
        (_row("甲镇", 30), TOWNS, True),
        (_row("东湖街道", 30), [_row("西湖街道", 10), _row("南湖街道", 20)], True),
        (_row("甲县", 30), TOWNS, False),  # a county over its towns: a subtotal
        (_row("甲镇", 30, bold=True), TOWNS, False),  # its form ranks it above them
        (_row("甲镇", 30, indent=0, marker="一、"), TOWNS, False),
        (_row("乡镇", 30), TOWNS, False),  # the name of a group of towns
        (_row("市辖区", 30), [_row("东湖区", 10), _row("西湖区", 20)], False),
        (_row("全区", 30), [_row("东湖区", 10), _row("西湖区", 20)], False),
        (_row("甲镇", 30), [_row("乙镇", 10), _row("丙村", 20)], False),  # not all of its kind
        (_row("开发园", 30), [_row("乙镇", 10), _row("丙镇", 20)], False),  # no kind named
        # 区 and 县 group their own kind: 中心城区 over two districts is their subtotal
        (_row("中心城区", 30), [_row("渝中区", 10), _row("江北区", 20)], False),
        (_row("经济开发区", 30), [_row("甲园区", 10), _row("乙园区", 20)], False),
        (_row("山区县", 30), [_row("甲县", 10), _row("乙县", 20)], False),
        (_row("中心镇", 30), TOWNS, False),  # a named group of towns
        (_row("其他乡镇", 30), TOWNS, False),
    ],
)
def test_a_row_is_a_peer_only_where_nothing_ranks_it_above_its_kind(
    row: Row, parts: list[Row], peer: bool
) -> None:
    assert is_peer(row, parts) is peer
