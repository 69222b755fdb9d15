"""Tables that only look like indicator rows, and the advice a refused one gets (the review
of importers/area_columns.py and unit_rows.py): what the corpus cases (170-175) do not show."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

runner = CliRunner()


def _import(tmp_path: Path, text: str, *options: str) -> TargetsFile:
    source, out = tmp_path / "t.csv", tmp_path / "t.yaml"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["import", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return model


def test_a_unit_column_of_offices_is_the_column_of_areas(tmp_path: Path) -> None:
    text = "民生实事任务分解表\n单位：个\n序号,单位,2024年,2025年\n,合计,30,40\n"
    text += "1,市教育局,10,15\n2,市卫健委,20,25\n"
    model = _import(tmp_path, text)
    assert dict(model.areas) == {"合计": ["市教育局", "市卫健委"]}
    (indicator,) = model.indicators.values()
    assert indicator.unit == "个"
    assert indicator.values["市卫健委"] == [Decimal(20), Decimal(25)]


def test_a_unit_column_of_units_stays_one(tmp_path: Path) -> None:
    text = "主要指标表\n指标,单位,2024年,2025年\n新建学校,所,3,4\n地区生产总值,亿元,10.5,11\n"
    model = _import(tmp_path, text)
    found = {i.name: (i.unit, i.years) for i in model.indicators.values()}
    assert found == {"新建学校": ("所", [2024, 2025]), "地区生产总值": ("亿元", [2024, 2025])}


def _refused(tmp_path: Path, text: str) -> str:
    source = tmp_path / "t.csv"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 2, result.output
    return result.output


def test_two_ends_named_as_the_total_are_named_both(tmp_path: Path) -> None:
    text = "表\n单位：个\n序号,地区,2019,2020\n4,合　计,253,261\n5,郊县,553,566\n,合計,1348,1412\n"
    output = _refused(tmp_path, text)
    assert "2 rows are named as the table's total (合计 (row 4)、合計 (row 6))" in output
    assert "no row is named as a total" not in output


def test_a_row_of_figures_is_no_header_of_areas(tmp_path: Path) -> None:
    # 3 | 全县 | 138 | 193 named its areas by a total and figures: read as the table's header
    text = "表\n单位：个\n序号,地区,2019,2020\n1,城区,795,846\n2,全县,138,193\n3,丙乡,20,30\n"
    text += ",合计,953,1069\n"
    model = _import(tmp_path, text)  # was: cell A6, a row of numbers with no area name
    (indicator,) = model.indicators.values()
    assert indicator.years == [2019, 2020]
    assert indicator.values["全县"] == [Decimal(138), Decimal(193)]
    assert indicator.values["合计"] == [Decimal(953), Decimal(1069)]
