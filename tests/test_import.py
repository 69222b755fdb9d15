"""planchk import: breakdown tables from CSV and XLSX, laid out as people keep them.

The seed plan's three tables, rendered as CSV (UTF-8, UTF-8 with BOM, GBK) and as an XLSX
workbook, import into data/targets.yaml and validate to the same findings as data/; the XLSX
report of data/ imports back without losing a digit. Each layout feature has its own case.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planchk.cli import app
from planchk.formatters.report.xlsx import number_format
from planchk.importers.units import unit_line
from planchk.importers.writer import scalar
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner
from tests.paths import DATA

runner = CliRunner()


def _seed() -> TargetsFile:
    model = load_file(DATA / "targets.yaml", "t").model
    assert isinstance(model, TargetsFile)
    return model


def _seed_csv(ind_id: str) -> str:
    """A seed table as it would be typed into a spreadsheet and saved as CSV."""
    table = _seed().indicators[ind_id]
    lines = [f"{table.table},,,", f"单位：{table.unit},,,"]
    lines.append("县  区," + ",".join(f"{year}年" for year in table.years))
    lines += [f"{area}," + ",".join(str(v) for v in row) for area, row in table.values.items()]
    return "\r\n".join(lines) + "\r\n"


def _seed_xlsx(path: Path) -> Path:
    """The seed tables as a workbook: merged title cells, numbers with their printed digits."""
    book = openpyxl.Workbook()
    assert book.active is not None
    book.remove(book.active)
    for ind_id, table in _seed().indicators.items():
        sheet = book.create_sheet(ind_id)
        sheet.append([table.table])
        sheet.merge_cells("A1:D1")
        sheet.append([None, None, None, f"单位：{table.unit}"])
        sheet.append(["县区", *(f"{year}年" for year in table.years)])
        for area, row in table.values.items():
            sheet.append([area, *(float(v) if v is not None else None for v in row)])
            for column, value in enumerate(row, start=2):
                assert value is not None
                sheet.cell(sheet.max_row, column).number_format = number_format(value)
    book.save(path)
    return path


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _imported(*args: str | Path) -> dict[str, Any]:
    return _imported_and_said(*args)[0]


def _imported_and_said(*args: str | Path) -> tuple[dict[str, Any], str]:
    """The targets document an import writes, and what it said on stderr."""
    result = _run("import", *args)
    assert result.exit_code == 0, result.output
    document = yaml.safe_load(result.stdout)
    assert isinstance(document, dict)
    return document, result.stderr


def _findings(plan: Path) -> list[tuple[str, str, str]]:
    result = _run("validate", plan, "-f", "json")
    return sorted(
        (f["code"], f["path"], json.dumps(f["args"], sort_keys=True))
        for f in json.loads(result.stdout)["findings"]
    )


def _merged_plan(tmp_path: Path, *sources: Path, extra: Sequence[str] = ()) -> Path:
    plan = tmp_path / "merged"
    plan.mkdir()
    shutil.copy(DATA / "tasks.yaml", plan / "tasks.yaml")
    out = plan / "targets.yaml"
    result = _run("import", *sources, *extra, "--into", DATA / "targets.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    return plan


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_seed_tables_as_csv_validate_to_the_same_findings(tmp_path: Path, encoding: str) -> None:
    sources = []
    for ind_id in _seed().indicators:
        path = tmp_path / f"{ind_id}.csv"
        path.write_bytes(_seed_csv(ind_id).encode(encoding))
        sources.append(path)
    plan = _merged_plan(tmp_path, *sources)
    assert _findings(plan) == _findings(DATA)
    merged = load_file(plan / "targets.yaml", "t").model
    assert isinstance(merged, TargetsFile)
    assert merged.indicators == _seed().indicators  # every value with its printed digits


def test_gbk_is_detected_and_said(tmp_path: Path) -> None:
    path = tmp_path / "patents.csv"
    path.write_bytes(_seed_csv("patent_applications").encode("gbk"))
    result = _run("import", path)
    assert result.exit_code == 0
    assert f"{path}: read as gb18030" in result.stderr


def test_a_wrong_encoding_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "patents.csv"
    path.write_bytes(_seed_csv("patent_applications").encode("gbk"))
    result = _run("import", path, "--encoding", "utf-8")
    assert result.exit_code == 2
    assert "is not valid utf-8; check --encoding" in result.stderr
    assert result.stdout == ""


def test_seed_tables_as_xlsx_validate_to_the_same_findings(tmp_path: Path) -> None:
    plan = _merged_plan(tmp_path, _seed_xlsx(tmp_path / "seed.xlsx"))
    assert _findings(plan) == _findings(DATA)
    merged = load_file(plan / "targets.yaml", "t").model
    assert isinstance(merged, TargetsFile)
    turnover = merged.indicators["contract_turnover"].values
    assert [str(v) for v in turnover["青云谱区"]] == ["6.0", "7.0", "8.3"]  # not 6, 7, 8.3
    assert [str(v) for v in turnover["洪都街办"]] == ["0.05", "0.098", "0.119"]


def test_the_xlsx_report_imports_back_without_loss(tmp_path: Path) -> None:
    report = tmp_path / "report.xlsx"
    assert _run("report", DATA, "-f", "xlsx", "-o", report).exit_code == 0
    names = ["高新技术企业数量", "技术合同成交额", "发明专利申请量"]
    sheets = [arg for name in names for arg in ("--sheet", name)]
    document = _imported(report, *sheets)
    seed = _seed()
    by_table = {i["table"]: i for i in document["indicators"].values()}
    for indicator in seed.indicators.values():
        assert indicator.table is not None
        imported = by_table[indicator.table]
        assert imported["unit"] == indicator.unit
        assert imported["years"] == indicator.years
        assert {a: [_decimal(v) for v in row] for a, row in imported["values"].items()} == {
            a: list(row) for a, row in indicator.values.items()
        }


def _decimal(value: object) -> Decimal | None:
    """A value as the YAML file prints it (safe_load gives floats: compare their text)."""
    return None if value is None else Decimal(str(value))


def _csv(tmp_path: Path, text: str, name: str = "table.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bottom_total_row_with_layout_spaces(tmp_path: Path) -> None:
    source = _csv(tmp_path, "某市造林任务分解表\n(单位：万亩)\n地  区,2021,2022\n"
                            "东 湖 区,1.5,2.0\n西湖区,2.5,3.0\n合  计,4.0,5.0\n")  # fmt: skip
    document, said = _imported_and_said(source)
    assert document["areas"] == {"合计": ["东湖区", "西湖区"]}
    [indicator] = document["indicators"].values()
    assert indicator["unit"] == "万亩"
    assert indicator["name"] == "某市造林"
    assert list(indicator["values"]) == ["合计", "东湖区", "西湖区"]  # the total first
    assert "total row: 合计 (row 6), named as a total" in said


@pytest.mark.parametrize(
    ("headers", "years"),
    [
        ("2021年,2022年,2023年", [2021, 2022, 2023]),
        ("2021,2022,2023", [2021, 2022, 2023]),
        ("到2023年,到2024年,到2025年", [2023, 2024, 2025]),
        ("2019-20,2020-21,2021-22", [2019, 2020, 2021]),
    ],
)
def test_year_headers(tmp_path: Path, headers: str, years: list[int]) -> None:
    source = _csv(tmp_path, f"分解表\n单位：个\n区域,{headers}\n全区,3,5,7\n甲,1,2,3\n乙,2,3,4\n")
    [indicator] = _imported(source)["indicators"].values()
    assert indicator["years"] == years


@pytest.mark.parametrize(
    ("line", "unit"),
    [("单位：万元", "万元"), ("单位:万亩", "万亩"), ("（单位：个）", "个"),
     ("(Unit: USD million)", "USD million"), ("计量单位：吨", "吨"),
     ("(US dollars)", "US dollars"), ("(in dollars)", "dollars"), ("(yuan)", "yuan")],
)  # fmt: skip
def test_unit_lines(tmp_path: Path, line: str, unit: str) -> None:
    source = _csv(tmp_path, f"表\n{line}\n区域,2021年\n合计,3\n甲,1\n乙,2\n")
    [indicator] = _imported(source)["indicators"].values()
    assert indicator["unit"] == unit


def test_two_row_header_with_an_of_which_column_that_is_not_summed(tmp_path: Path) -> None:
    # 其中：新建 is part of the 目标 column before it; summing it in would make 全区 wrong
    source = _csv(tmp_path, "项目建设任务表\n单位：个\n"
                            "地区,2021年,,2022年,\n,目标,其中：新建,目标,其中：新建\n"
                            "全区,10,4,12,5\n甲街道,6,3,7,3\n乙街道,4,1,5,2\n")  # fmt: skip
    result = _run("import", source)
    assert result.exit_code == 0, result.output
    document = yaml.safe_load(result.stdout)
    assert set(document["indicators"]) == {"项目建设", "新建"}
    assert document["indicators"]["项目建设"]["values"]["全区"] == [10, 12]
    assert document["indicators"]["新建"]["values"]["甲街道"] == [3, 3]
    assert document["relations"] == ["新建 <= 项目建设"]
    assert "part of the column 2021年 / 目标 (其中), not an addend" in result.stderr
    checked = tmp_path / "checked.yaml"
    checked.write_text(result.stdout, encoding="utf-8")
    assert _run("validate", checked).exit_code == 0  # sums and relation hold


def test_merged_header_cells_in_xlsx(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目建设任务表"])
    sheet.append(["单位：个"])
    sheet.append(["地区", "2021年", None, "2022年", None])
    sheet.append([None, "目标", "其中：新建", "目标", "其中：新建"])
    sheet.merge_cells("B3:C3")
    sheet.merge_cells("D3:E3")
    sheet.merge_cells("A3:A4")
    for row in (["全区", 10, 4, 12, 5], ["甲街道", 6, 3, 7, 3], ["乙街道", 4, 1, 5, 2]):
        sheet.append(row)
    book.save(tmp_path / "merged.xlsx")
    document = _imported(tmp_path / "merged.xlsx")
    assert document["indicators"]["项目建设"]["years"] == [2021, 2022]
    assert document["relations"] == ["新建 <= 项目建设"]


def test_a_percentage_column_is_a_ratio_and_text_cells_are_blanks(tmp_path: Path) -> None:
    source = _csv(tmp_path, "2023年改造任务表\n单位：户\n地区,户数,完成率(%)\n"
                            "全区,30,80%\n甲,10,已完成\n乙,20,—\n")  # fmt: skip
    document, said = _imported_and_said(source)
    households, rate = document["indicators"]["户数"], document["indicators"]["完成率"]
    assert (households["years"], households["unit"], households["kind"]) == ([2023], "户", "flow")
    assert (rate["unit"], rate["kind"]) == ("%", "ratio")
    assert "sum" not in rate  # never summed
    assert rate["values"] == {"全区": [80], "甲": [None], "乙": [None]}
    assert "column 完成率(%): 1 cell holds text (已完成)" in said  # once per column
    assert rate["notes"] == {"甲": "完成率(%)：已完成"}


def test_category_columns_with_their_own_units_and_a_sum_column(tmp_path: Path) -> None:
    header = "地区,户数(户),资金合计(万元),新建(万元),改建(万元)"
    rows = "全县,30,90,60,30\n甲镇,10,30,20,10\n乙镇,20,60,40,20\n"
    source = _csv(tmp_path, f"农村危房改造资金分配表\n{header}\n{rows}")
    document = _imported(source, "--year", "2022")
    units = {i["name"]: i["unit"] for i in document["indicators"].values()}
    assert units == {"户数": "户", "资金合计": "万元", "新建": "万元", "改建": "万元"}
    assert all(i["years"] == [2022] for i in document["indicators"].values())
    assert document["relations"] == ["资金合计 = 新建 + 改建"]  # not 户数: another unit


def test_a_category_table_with_no_year_has_one_labelled_period(tmp_path: Path) -> None:
    source = _csv(tmp_path, "资金分配表\n单位：万元\n地区,新建,改建\n全县,3,3\n甲,1,1\n乙,2,2\n")
    document, said = _imported_and_said(source)
    assert [i["years"] for i in document["indicators"].values()] == [["本期"], ["本期"]]
    assert "period" not in document["plan"]
    assert "give the year with --year" in said
    document = _imported(source, "--year", "2024")
    assert [i["years"] for i in document["indicators"].values()] == [[2024], [2024]]
    assert document["plan"]["period"] == [2024, 2024]


def test_parts_that_do_not_add_up_keep_their_values_for_validate(tmp_path: Path) -> None:
    source = _csv(tmp_path, "分解表\n单位：家\n区域,2021年,2022年\n合计,10,20\n甲,4,12\n乙,6,9\n")
    target = tmp_path / "out.yaml"
    assert _run("import", source, "-o", target).exit_code == 0
    result = _run("validate", target, "-f", "json")
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "PC101"]
    assert (finding["args"]["parts"], finding["args"]["total"]) == ("21", "20")


def test_no_named_total_and_no_sum_asks_for_the_total_row(tmp_path: Path) -> None:
    text = "分解表\n单位：家\n区域,2021年\n青云谱区,10\n甲,4\n乙,7\n"
    result = _run("import", _csv(tmp_path, text))
    assert result.exit_code == 2
    assert "name the total with --total-row" in result.stderr
    document = _imported(_csv(tmp_path, text), "--total-row", "青云谱区")
    assert document["areas"] == {"青云谱区": ["甲", "乙"]}


def test_trailing_notes_and_a_serial_column(tmp_path: Path) -> None:
    source = _csv(tmp_path, "任务表\n单位：个\n序号,地区,2021年\n,合计,3\n1,甲,1\n2,乙,2\n"
                            "注：数据为预计数。,,\n填表人：张三,,\n")  # fmt: skip
    result = _run("import", source)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(result.stdout)["areas"] == {"合计": ["甲", "乙"]}
    assert "row 7 after the table is a note, not imported: 注：数据为预计数。" in result.stderr
    assert "row 8 is a sign-off or date line, not an area: 填表人：张三" in result.stderr
    assert "header: row 3;" in result.stderr


def test_xlsx_number_formats_and_cached_formula_values(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["成交额表"])
    sheet.append(["单位：亿元"])
    sheet.append(["区域", "2021年"])
    sheet.append(["合计", 6.0])
    sheet.append(["甲", 5.902])
    sheet.append(["乙", 0.098])
    sheet["B4"].number_format = "0.0"
    sheet["B5"].number_format = "0.000"
    path = tmp_path / "formats.xlsx"
    book.save(path)
    _with_cached_formula(path, "B4", "=B5+B6", "6")
    result = _run("import", path)
    assert result.exit_code == 0, result.output
    values = yaml.safe_load(result.stdout)["indicators"]["成交额"]["values"]
    assert {a: str(v[0]) for a, v in values.items()} == {
        "合计": "6.0",
        "甲": "5.902",
        "乙": "0.098",
    }
    assert "1 cell holds a formula; its value as last saved by Excel or WPS was read" in (
        result.stderr
    )


def _with_cached_formula(path: Path, cell: str, formula: str, cached: str | None) -> None:
    """Turn a cell into a formula, with the value Excel would have saved beside it (or none),
    by editing the sheet's XML, since openpyxl writes formulas without values."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    start = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", start) + len("</c>")
    attributes = sheet[start : sheet.index(">", start)].replace(' t="n"', "")
    value = f"<v>{cached}</v>" if cached is not None else ""
    sheet = sheet[:start] + f"{attributes}><f>{formula[1:]}</f>{value}</c>" + sheet[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_formula_without_a_saved_value_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["表"], ["单位：个"], ["区域", "2021年"], ["合计", 3], ["甲", 1], ["乙", 2]):
        sheet.append(row)
    path = tmp_path / "unsaved.xlsx"
    book.save(path)
    _with_cached_formula(path, "B4", "=B5+B6", None)
    result = _run("import", path)
    assert result.exit_code == 2
    assert "cell B4: the formula =B5+B6 has no value saved with it" in result.stderr


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12..5", "cell B5: cannot read `12..5` as a number"),
        ("1.2.3", "cell B5: cannot read `1.2.3` as a number"),
        ("5%", "cell B5: `5%` is a percentage in a column of amounts"),
    ],
)
def test_a_cell_that_is_no_number_is_an_error_at_its_cell(
    tmp_path: Path, cell: str, expected: str
) -> None:
    source = _csv(tmp_path, f"表\n单位：个\n区域,2021年\n合计,3\n甲,{cell}\n乙,2\n")
    result = _run("import", source)
    assert result.exit_code == 2
    assert f"{source}, {expected}" in result.stderr
    assert result.stdout == ""


def test_words_in_a_number_cell_are_its_note_and_a_blank(tmp_path: Path) -> None:
    source = _csv(tmp_path, "表\n单位：个\n区域,2021年\n合计,3\n甲,约5\n乙,3\n丙,待定\n")
    document, said = _imported_and_said(source)
    values = document["indicators"]["表"]["values"]
    assert values["甲"] == [None]
    assert document["indicators"]["表"]["notes"] == {"甲": "2021年：约5", "丙": "2021年：待定"}
    assert said.count("2021年") >= 1


def test_a_ragged_row_with_a_value_under_no_header_is_refused(tmp_path: Path) -> None:
    source = _csv(tmp_path, "表\n单位：个\n区域,2021年\n合计,3\n甲,1,9\n乙,2\n")
    result = _run("import", source)
    assert result.exit_code == 2
    assert f"{source}, cell C5: a column of numbers with no header" in result.stderr


def test_a_short_ragged_row_has_blanks(tmp_path: Path) -> None:
    source = _csv(tmp_path, "表\n单位：个\n区域,2021年,2022年\n合计,3,4\n甲,1\n乙,2,2\n")
    document = _imported(source)
    [indicator] = document["indicators"].values()
    assert indicator["values"]["甲"] == [1, None]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not a zip", "not an XLSX file (an XLSX file is a zip archive)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "a password-protected workbook"),
    ],
)
def test_files_that_are_not_workbooks(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "table.xlsx"
    path.write_bytes(content)
    result = _run("import", path)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    result = _run("import", path)
    assert result.exit_code == 2
    assert "refused: its" in result.stderr


def test_an_unknown_sheet_and_an_unknown_format(tmp_path: Path) -> None:
    workbook = _seed_xlsx(tmp_path / "seed.xlsx")
    result = _run("import", workbook, "--sheet", "无此表")
    assert result.exit_code == 2
    assert "has no sheet `无此表`; its sheets are: high_tech_enterprises" in result.stderr
    other = tmp_path / "table.pdf"
    other.write_bytes(b"%PDF-1.4")
    unknown = _run("import", other)
    assert unknown.exit_code == 2
    assert ".docx" in unknown.stderr
    assert ".csv" in unknown.stderr


def test_the_output_file_is_written_only_on_success(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    bad = _csv(tmp_path, "表\n单位：个\n区域,2021年\n合计,3\n甲,1..2\n")
    assert _run("import", bad, "-o", out).exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep me\n"
    good = _csv(tmp_path, "表\n单位：个\n区域,2021年\n合计,3\n甲,1\n乙,2\n", "good.csv")
    result = _run("import", good, "-o", out)
    assert result.exit_code == 0
    assert "Wrote 1 indicator to" in result.stderr
    assert _run("validate", out).exit_code == 0


def test_import_speaks_chinese(tmp_path: Path) -> None:
    source = _csv(tmp_path, "分解表\n单位：家\n区域,2021年\n青云谱区,10\n甲,4\n乙,7\n")
    result = _run("--lang", "zh", "import", source)
    assert result.exit_code == 2
    assert "--total-row" in result.stderr
    assert "合计" in result.stderr
    assert "no row is named" not in result.stderr


# --- property: an exported table imports back unchanged -----------------------------------------

AREA_NAMES = ["东湖区", "西湖区", "青山湖区", "新建区", "红谷滩区", "湾里管理局", "经开区"]


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[int], dict[str, list[Decimal]]]:
    """A breakdown table: parts with values of 0 to 3 printed decimals, and their total."""
    first = draw(st.integers(2015, 2030))
    years = list(range(first, first + draw(st.integers(1, 4))))
    count = draw(st.integers(1, len(AREA_NAMES)))
    places = draw(st.integers(0, 3))
    unit = Decimal(1).scaleb(-places)
    digits = st.integers(0, 10**6).map(lambda n: Decimal(n) * unit)
    parts = {area: [draw(digits) for _ in years] for area in AREA_NAMES[:count]}
    total = [sum((row[i] for row in parts.values()), Decimal(0)) for i in range(len(years))]
    return years, {"合计": total, **parts}


def _table_csv(years: list[int], rows: dict[str, list[Decimal]]) -> str:
    lines = ["测试表", "单位：万元", "地区," + ",".join(f"{y}年" for y in years)]
    lines += [f"{area}," + ",".join(str(v) for v in row) for area, row in rows.items()]
    return "\n".join(lines) + "\n"


def _table_xlsx(path: Path, years: list[int], rows: dict[str, list[Decimal]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in (["测试表"], ["单位：万元"], ["地区", *(f"{y}年" for y in years)]):
        sheet.append(line)
    for area, row in rows.items():
        sheet.append([area, *(float(v) for v in row)])
        for column, value in enumerate(row, start=2):
            sheet.cell(sheet.max_row, column).number_format = number_format(value)
    book.save(path)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=tables())
@example(table=([2024], {"合计": [Decimal(1900)], "东湖区": [Decimal(1900)]}))
@example(table=([2015, 2016], {"合计": [Decimal(1900)] * 2, "东湖区": [Decimal(1900)] * 2}))
def test_an_exported_table_imports_back_unchanged(  # the examples: data rows that look like years
    tmp_path: Path, table: tuple[list[int], dict[str, list[Decimal]]]
) -> None:
    years, rows = table
    csv_path = tmp_path / "table.csv"
    csv_path.write_text(_table_csv(years, rows), encoding="utf-8")
    xlsx_path = tmp_path / "table.xlsx"
    _table_xlsx(xlsx_path, years, rows)
    for source in (csv_path, xlsx_path):
        result = _run("import", source)
        assert result.exit_code == 0, result.output
        model = _load_text(tmp_path, result.stdout)
        [indicator] = model.indicators.values()
        assert indicator.years == years
        assert {a: [str(v) for v in r] for a, r in indicator.values.items()} == {
            a: [str(v) for v in r] for a, r in rows.items()
        }  # the same digits, 0.50 as 0.50


def _load_text(tmp_path: Path, text: str) -> TargetsFile:
    path = tmp_path / "imported.yaml"
    path.write_text(text, encoding="utf-8")
    model = load_file(path, "imported.yaml").model
    assert isinstance(model, TargetsFile)
    return model


def test_into_without_output_updates_the_file_in_place(tmp_path: Path) -> None:
    shutil.copy(DATA / "targets.yaml", tmp_path / "targets.yaml")
    source = tmp_path / "patent_applications.csv"
    changed = _seed_csv("patent_applications").replace("300", "301", 1)
    source.write_text(changed, encoding="utf-8")
    result = _run("import", source, "--into", tmp_path / "targets.yaml", "--total-row", "青云谱区")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    updated = load_file(tmp_path / "targets.yaml", "t").model
    assert isinstance(updated, TargetsFile)
    values = updated.indicators["patent_applications"].values
    assert [str(v) for v in values["洪都街办"]] == ["301", "50", "53"]


def test_a_negative_zero_is_written_as_the_plan_grammar_writes_zero(tmp_path: Path) -> None:
    """-0, −0 (U+2212) and (0) are zero: written without a sign, their printed decimals kept."""
    source = tmp_path / "zeros.csv"
    source.write_text(
        "测试表\n单位：万元\n县区,2021年,2022年\n全区,-0.0,5\n甲街道,(0.0),2\n乙街道,−0,3\n",
        encoding="utf-8",
    )
    result = _run("import", source)
    assert result.exit_code == 0, result.output
    values = result.stdout.split("values:\n", 1)[1].splitlines()
    assert values == ["      全区: [0.0, 5]", "      甲街道: [0.0, 2]", "      乙街道: [0, 3]"]
    assert scalar(Decimal("-0")) == "0"
    assert scalar(Decimal("-0E-3")) == "0.000"
    assert scalar(Decimal("-1.50")) == "-1.50"


@pytest.mark.parametrize("line", ["(continued)", "(Note)", "(a)", "(see notes)"])
def test_a_bracketed_word_is_no_unit_line(line: str) -> None:
    assert unit_line(line) is None
