"""Indicator rows with the areas as columns and the unit on the unit line (importers/
area_columns.py, read by unit_rows): what the corpus (cases 111-117) does not show, the
options a user gives after the one question, where an error points, and the tables that only
look like one."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner
from tests.corpus import TABLES

runner = CliRunner()
UNCLEAR = TABLES / "116_indicator_rows_areas_units_unclear.csv"


def _import(tmp_path: Path, source: Path, *options: str) -> TargetsFile:
    out = tmp_path / "t.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return model


def _write(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "t.csv"
    source.write_text(text, encoding="utf-8")
    return source


def test_the_units_the_question_asks_for_are_taken_row_by_row(tmp_path: Path) -> None:
    units = ("--unit", "新建村卫生室=个", "--unit", "新建文化广场=个")
    model = _import(tmp_path, UNCLEAR, *units)
    found = {i.name: i.unit for i in model.indicators.values()}
    assert found == {"新建村卫生室": "个", "改造农村公路里程": "公里", "新建文化广场": "个"}


def test_one_unit_for_every_row_settles_the_question(tmp_path: Path) -> None:
    model = _import(tmp_path, UNCLEAR, "--unit", "个")  # every row: as the option says
    assert {i.unit for i in model.indicators.values()} == {"个"}


def test_a_row_whose_areas_miss_their_total_is_the_one_error(tmp_path: Path) -> None:
    source = _write(tmp_path, "表\n单位：个\n项目,甲县,乙县,全市\n新建站点,3,4,8\n新建广场,2,4,6\n")
    model = _import(tmp_path, source)
    values = {i.name: i.values["全市"] for i in model.indicators.values()}
    assert values == {"新建站点": [Decimal(8)], "新建广场": [Decimal(6)]}
    result = runner.invoke(app, ["validate", str(tmp_path / "t.yaml"), "-f", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    errors = [(f["code"], f["args"]["area"]) for f in findings if f["severity"] == "error"]
    assert errors == [("PC101", "全市")]
    assert "新建站点" in next(f["message"] for f in findings if f["code"] == "PC101")


def test_a_total_found_by_its_numbers_among_place_columns(tmp_path: Path) -> None:
    source = _write(
        tmp_path, "表\n单位：处\n项目,城关镇,河口镇,青山乡,全部\n供水,3,4,1,8\n污水,2,2,2,6\n"
    )
    model = _import(tmp_path, source, "--year", "2024")
    assert dict(model.areas) == {"全部": ["城关镇", "河口镇", "青山乡"]}


def test_categories_of_money_beside_a_total_column_are_no_areas(tmp_path: Path) -> None:
    """合计 | 中央资金 | 省级资金 over projects: not areas (they name no place); the table is
    read as a list of projects with no total row (importers.entries), never asked for one."""
    source = _write(
        tmp_path, "表\n单位：万元\n项目,合计,中央资金,省级资金\n道路,100,60,40\n桥梁,50,30,20\n"
    )
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["areas"] == {"道路": [], "桥梁": []}
    assert "--total-row" not in result.stderr
    assert "the indicators are the rows" not in result.stderr


def test_an_area_table_with_a_total_row_stays_one(tmp_path: Path) -> None:
    """Rows named 合计 say that the rows are areas, whatever the columns are named."""
    source = _write(
        tmp_path, "2024年表\n单位：万元\n名称,全市,甲县,乙县\n合计,10,4,6\n东镇,6,2,4\n西镇,4,2,2\n"
    )
    model = _import(tmp_path, source)
    assert dict(model.areas) == {"合计": ["东镇", "西镇"]}


def test_a_table_that_prints_no_unit_asks_once_naming_every_row(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "Targets, 2024\nItem,Total,North County,South County\nClinics,5,2,3\nSchools,4,1,3\n",
    )
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 2
    assert "Clinics、Schools" in result.stderr
    assert "--unit UNIT" in result.stderr
    model = _import(tmp_path, source, "--unit", "number")
    assert {i.name: i.unit for i in model.indicators.values()} == {
        "Clinics": "number",
        "Schools": "number",
    }
    assert [i.years for i in model.indicators.values()] == [[2024], [2024]]  # the title's


def test_areas_over_categories_give_each_row_an_indicator_per_category(tmp_path: Path) -> None:
    """全省 | 甲市 | 乙市 each over 中央 | 省级: each row is an indicator per category, every
    figure read (this layout had been read with the 省级 figures left out, then refused)."""
    source = _write(
        tmp_path,
        "2024年资金分配表\n单位：万元\n资金名称,全省,,甲市,,乙市,\n,中央,省级,中央,省级,中央,省级\n"
        "产业发展,1200,800,700,500,500,300\n基础设施,900,600,500,350,400,250\n",
    )
    model = _import(tmp_path, source)
    assert dict(model.areas) == {"全省": ["甲市", "乙市"]}
    found = {i.name: dict(i.values) for i in model.indicators.values()}
    assert sorted(found) == [
        "产业发展（中央）",
        "产业发展（省级）",
        "基础设施（中央）",
        "基础设施（省级）",
    ]
    assert found["产业发展（省级）"] == {"全省": [800], "甲市": [500], "乙市": [300]}
    assert found["基础设施（中央）"] == {"全省": [900], "甲市": [500], "乙市": [400]}


def test_a_column_of_a_measure_beside_the_areas_is_no_area(tmp_path: Path) -> None:
    """全市 | 甲县 | 乙县 | 增长%: the growth column is no area (it would have been an area of
    the total, 全市): the indicator's own rate, its total's note (layoutfix: was refused with
    --total-row advice that led nowhere)."""
    source = _write(
        tmp_path,
        "表\n单位：个\n项目,全市,甲县,乙县,增长%\n新建站点,7,3,4,12.5\n新建广场,6,2,4,20\n",
    )
    model = _import(tmp_path, source)
    assert dict(model.areas) == {"全市": ["甲县", "乙县"]}
    notes = {i.name: i.notes for i in model.indicators.values()}
    assert notes == {"新建站点": {"全市": "增长%：12.5"}, "新建广场": {"全市": "增长%：20"}}
