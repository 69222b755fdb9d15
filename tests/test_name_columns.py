"""Areas over their members in two name columns (importers/name_columns.py): 县区 | 乡镇 | 资金.
Corpus cases 224-226 hold the repeated, blank and merged forms with their 小计 rows; these are
the other forms and the tables that must stay as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from planchk.importers import Options, import_files
from planchk.messages import PlanchkError


def _imported(tmp_path: Path, header: str, lines: list[str]) -> dict[str, Any]:
    source = tmp_path / "t.csv"
    source.write_text("\n".join(["2025年资金表", "单位：万元", header, *lines]) + "\n", "utf-8")
    loaded: dict[str, Any] = yaml.safe_load(import_files([source], Options()).text)
    return loaded


def test_a_countys_own_row_over_its_towns_left_blank_below(tmp_path: Path) -> None:
    lines = ["合计,,900", "甲县,,500", ",城关镇,300", ",河口镇,200", "乙县,,400", ",青石镇,400"]
    plan = _imported(tmp_path, "县区,乡镇,资金", lines)
    assert plan["areas"] == {
        "合计": ["甲县", "乙县"],
        "甲县": ["城关镇", "河口镇"],
        "乙县": ["青石镇"],
    }
    assert plan["indicators"]["资金"]["values"]["甲县"] == [500]


def test_a_subtotal_printed_above_its_towns_with_the_county_repeated(tmp_path: Path) -> None:
    lines = ["合计,,900", "甲县,小计,500", "甲县,城关镇,300", "甲县,河口镇,200", "乙县,小计,400",
             "乙县,城关镇,150", "乙县,青石镇,250"]  # fmt: skip
    plan = _imported(tmp_path, "县区,乡镇,资金", lines)
    assert plan["areas"] == {
        "合计": ["甲县", "乙县"],
        "甲县": ["城关镇", "河口镇"],
        "乙县": ["乙县·城关镇", "青石镇"],
    }


def test_towns_of_a_county_with_no_numbers_of_its_own_are_named_with_it(tmp_path: Path) -> None:
    lines = ["合计,,760", "甲县,城关镇,300", ",河口镇,200", "乙县,城关镇,260"]
    plan = _imported(tmp_path, "县区,乡镇,资金", lines)
    assert plan["areas"] == {"合计": ["甲县·城关镇", "甲县·河口镇", "乙县·城关镇"]}


def test_a_second_column_that_repeats_no_area_stays_a_column_of_notes(tmp_path: Path) -> None:
    lines = ["合计,,700", "甲县,县卫健委,300", "乙县,县民政局,400"]
    plan = _imported(tmp_path, "县区,牵头单位,资金", lines)
    assert plan["areas"] == {"合计": ["甲县", "乙县"]}
    notes = plan["indicators"]["资金"]["notes"]
    assert notes == {"甲县": "牵头单位：县卫健委", "乙县": "牵头单位：县民政局"}


def test_a_remarks_column_beside_the_names_is_never_a_member_column(tmp_path: Path) -> None:
    lines = ["合计,,700", "甲县,含结转,300", "甲县,,400"]
    plan = _imported(tmp_path, "县区,备注,资金", lines)
    assert plan["areas"] == {"合计": ["甲县", "合计·甲县"]}  # as before: a name printed twice
    assert plan["indicators"]["资金"]["notes"] == {"甲县": "含结转"}


def test_an_indicator_over_its_areas_is_no_group_of_areas(tmp_path: Path) -> None:
    lines = ["新建农田,合计,100", "新建农田,甲县,60", "新建农田,乙县,40"]
    with pytest.raises(PlanchkError, match="has a row already"):  # as before this reading
        _imported(tmp_path, "指标,地区,2024年", lines)
