"""An 其中 list continued on the rows after it (importers/parts.py), decided by the form and
the numbers together: a continuation printed under the part's name is a part of the list
whether or not the list completes its whole; an 其中 list that completes its whole and is
followed by the rows of its last part is the whole's split into levels. Corpus cases 220-223
hold the tables; these are the edges: an XLSX typed with leading spaces, towns under their
county, and where the numbers forbid a continuation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import yaml

from planchk.importers import Options, import_files

_HEAD = ["投资计划表", "单位：亿元", "区县,计划投资"]


def _csv(tmp_path: Path, lines: list[str]) -> dict[str, Any]:
    source = tmp_path / "t.csv"
    source.write_text("\n".join([*_HEAD, *lines]) + "\n", encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(import_files([source], Options()).text)
    return loaded


def test_an_xlsx_continuation_typed_with_full_width_spaces_is_indented(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows: list[list[Any]] = [
        ["投资计划表"], ["单位：亿元"], ["区县", "计划投资"], ["全市", 36.5], ["东湖区", 20],
        ["其中：老旧小区改造", 8.5], ["\u3000\u3000\u3000城中村改造", 6], ["西湖区", 16.5],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    source = tmp_path / "t.xlsx"
    book.save(source)
    plan = yaml.safe_load(import_files([source], Options()).text)
    assert plan["areas"] == {"全市": ["东湖区", "西湖区"]}
    assert plan["of_which"] == {"东湖区": ["东湖区其中：老旧小区改造", "东湖区其中：城中村改造"]}


def test_indented_towns_that_exceed_their_county_with_the_of_which_part_stay_towns(
    tmp_path: Path,
) -> None:
    # 10 + 15 + 10 = 35 > 30: no 其中 list; the towns (25) miss their county, validate says
    plan = _csv(
        tmp_path, ["合计,30", "东湖县,30", "其中：中央资金,10", "　河口镇,15", "　城关镇,10"]
    )
    assert plan["areas"] == {"合计": ["东湖县"], "东湖县": ["河口镇", "城关镇"]}
    assert plan["of_which"] == {"东湖县": ["东湖县其中：中央资金"]}


def test_a_continuation_is_all_the_indented_rows_or_none(tmp_path: Path) -> None:
    # with the first town alone the list would stay within 30 (10 + 12), with both not
    lines = ["合计,30", "东湖县,30", "其中：中央资金,10", "　河口镇,12", "　城关镇,12"]
    assert _csv(tmp_path, lines)["areas"] == {"合计": ["东湖县"], "东湖县": ["河口镇", "城关镇"]}


def test_a_row_at_the_wholes_level_is_no_continuation(tmp_path: Path) -> None:
    plan = _csv(tmp_path, ["全市,36.5", "东湖区,20.0", "其中：老旧小区改造,8.5", "西湖区,16.5"])
    assert plan["areas"] == {"全市": ["东湖区", "西湖区"]}
    assert plan["of_which"] == {"东湖区": ["东湖区其中：老旧小区改造"]}


def test_a_completed_list_with_nothing_after_its_last_part_stays_an_of_which_list(
    tmp_path: Path,
) -> None:
    # 600 + 2400 = 3000, and no rows add up to 县区: 其中 parts, as printed (a 三公 list)
    plan = _csv(tmp_path, ["合计,3000", "其中：市本级,600", "县区,2400"])
    assert plan["of_which"] == {"合计": ["合计其中：市本级", "合计其中：县区"]}


def test_a_split_into_levels_nests_under_a_county_too(tmp_path: Path) -> None:
    lines = [
        "合计,1500", "东湖县,1000", "其中：县本级,200", "乡镇,800", "城关镇,500", "河口镇,300",
        "西湖县,500",
    ]  # fmt: skip
    plan = _csv(tmp_path, lines)
    assert plan["areas"] == {
        "合计": ["东湖县", "西湖县"],
        "东湖县": ["县本级", "乡镇"],
        "乡镇": ["城关镇", "河口镇"],
    }
    assert "of_which" not in plan


def test_one_stray_space_before_a_name_in_an_xlsx_is_no_indent(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows: list[list[Any]] = [
        ["资金表"], ["单位：万元"], ["县区", "补助资金"], ["合计", 1200], ["东湖区", 500],
        [" 西湖区 ", 400], ["南湖区", 300],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    source = tmp_path / "t.xlsx"
    book.save(source)
    plan = yaml.safe_load(import_files([source], Options()).text)
    assert plan["areas"] == {"合计": ["东湖区", "西湖区", "南湖区"]}
