"""Cells that carry their unit or a bound (importers.carried and importers.settled): what a
cell says, the exact conversion into the column's unit, and the property that a figure written
in any unit of its measure imports to the same number."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planchk.importers import Options, import_files, texts
from planchk.importers.carried import read_cell
from planchk.importers.conversion import convert as _convert
from planchk.loader import load_file
from planchk.messages import PlanchkError
from planchk.models import TargetsFile
from planchk.plan.units import BUILT_IN
from tests.small_plans import check_texts


@pytest.mark.parametrize(
    ("text", "number", "unit", "bound"),
    [
        ("120万元", "120", "万元", None),
        ("3.5亿元", "3.5", "亿元", None),
        ("1,200元", "1200", "元", None),
        ("120 万元", "120", "万元", None),
        ("１２０萬元", "120", "万元", None),
        ("2.5万亩", "2.5", "万亩", None),
        ("12个", "12", "个", None),
        ("≥95", "95", None, "at_least"),
        (">=95", "95", None, "at_least"),
        ("≧95", "95", None, "at_least"),
        ("＞＝95", "95", None, "at_least"),
        ("不低于96", "96", None, "at_least"),
        ("不少于1,000户", "1000", "户", "at_least"),
        ("95%以上", "95", None, "at_least"),
        ("≥95%", "95", None, "at_least"),
        ("≤5", "5", None, "at_most"),
        ("不超过60", "60", None, "at_most"),
        ("不高于3.5万吨", "3.5", "万吨", "at_most"),
        ("5以内", "5", None, "at_most"),
        ("控制在5%以内", "5", None, "at_most"),
        ("10万元以下", "10", "万元", "at_most"),
        ("控制在5", "5", None, "at_most"),  # as a goal's wording reads it (plan.comparators)
        ("达到95%", "95", None, "at_least"),
        ("超过100", "100", None, "at_least"),
        ("低于5‰", "5", "‰", "at_most"),
    ],
)
def test_a_cell_says_its_number_unit_and_bound(
    text: str, number: str, unit: str | None, bound: str | None
) -> None:
    said = read_cell(text)
    assert said is not None
    assert (said.number, said.unit, said.bound) == (Decimal(number), unit, bound)
    assert str(said.number) == number  # the printed digits, never a float's


@pytest.mark.parametrize(
    "text",
    ["120", "45%", "约50", "7左右", "已完成", "30公顷地", "≥5以下", "=5", "12件套", "2025年"],
)
def test_plain_numbers_words_and_unknown_units_are_not_carried(text: str) -> None:
    assert read_cell(text) is None


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("3.5亿元", "万元", "35000"),
        ("120.50万元", "亿元", "0.012050"),
        ("13000亩", "万亩", "1.3000"),
        ("2.5万亩", "亩", "25000"),
        ("1,234元", "万元", "0.1234"),
        ("0.3亿元", "亿元", "0.3"),
    ],
)
def test_conversion_is_exact_and_moves_the_printed_digits(
    text: str, target: str, value: str
) -> None:
    said = read_cell(text)
    assert said is not None
    converted = _convert(said, target)
    assert converted is not None
    assert str(converted) == value


def test_a_unit_of_another_measure_does_not_convert() -> None:
    said = read_cell("30万元")
    assert said is not None
    assert _convert(said, "亩") is None


def _imported(tmp_path: Path, unit: str, total: str, parts: list[str]) -> TargetsFile:
    rows = ["2025年分配表", f"单位：{unit}", "地区,任务", f"合计,{total}"]
    rows += [f"{name},{value}" for name, value in zip(["甲县", "乙县"], parts, strict=True)]
    return _import_text(tmp_path, "\n".join(rows) + "\n")


# Each measure of the unit table that converts by a factor, as (its units, one column unit).
_MEASURES = [
    [name for name, unit in BUILT_IN.items() if unit.dimension == dimension]
    for dimension in ("currency", "area-mu", "area-m2", "mass", "length", "energy")
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cents=st.integers(min_value=1, max_value=10**9),
    units=st.sampled_from(_MEASURES).flatmap(
        lambda names: st.tuples(st.sampled_from(names), st.sampled_from(names))
    ),
    split=st.integers(min_value=0, max_value=100),
)
def test_a_figure_in_any_unit_of_its_measure_imports_to_the_same_number(
    tmp_path: Path, cents: int, units: tuple[str, str], split: int
) -> None:
    """The total written in any unit of the column's measure (亿元 or 元 in a 万元 table, 亩
    in a 万亩 one) is the same figure in the column's unit, exactly; its parts, printed in
    the column's unit, still add up to it."""
    column, written_in = units
    value = Decimal(cents).scaleb(-2)  # in the column's unit
    written = value * BUILT_IN[column].factor / BUILT_IN[written_in].factor
    first = (value * split / 100).quantize(Decimal("0.01"))
    model = _imported(
        tmp_path, column, f"{written:f}{written_in}", [str(first), str(value - first)]
    )
    values = model.indicators["任务"].values
    assert values["合计"] == [value]
    parts = [values["甲县"][0], values["乙县"][0]]
    assert None not in parts
    assert sum(part for part in parts if part is not None) == value


def _import_text(tmp_path: Path, text: str, *units: str) -> TargetsFile:
    source = tmp_path / "table.csv"
    source.write_text(text, encoding="utf-8")
    return _import_path(tmp_path, source, *units)[0]


def _import_book(tmp_path: Path, book: openpyxl.Workbook) -> tuple[TargetsFile, list[str]]:
    """The workbook's import, and its log."""
    path = tmp_path / "formats.xlsx"
    book.save(path)
    return _import_path(tmp_path, path)


def _import_path(tmp_path: Path, source: Path, *units: str) -> tuple[TargetsFile, list[str]]:
    result = import_files([source], Options(units=units))
    out = tmp_path / "out.yaml"
    out.write_text(result.text, encoding="utf-8")
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return model, list(result.notes)


def test_a_table_of_indicator_rows_reads_units_and_bounds_in_its_area_columns(
    tmp_path: Path,
) -> None:
    model = _import_text(
        tmp_path,
        "2025年主要目标分解表\n指标,单位,全市,甲县,乙县\n新增就业,人,≥5000,不少于3000,2000以上\n"
        "覆盖率,%,≥95%,≥95%,96%以上\n投资,万元,1.2亿元,7000万元,5000\n",
    )
    jobs, rate, money = (model.indicators[name] for name in ("新增就业", "覆盖率", "投资"))
    assert (jobs.sum, jobs.values["全市"], jobs.notes["甲县"]) == (
        "at_least",
        [Decimal(5000)],
        "新增就业：不少于3000",
    )
    assert (rate.kind, rate.values["乙县"]) == ("ratio", [Decimal(96)])
    assert (money.sum, money.values["全市"], money.values["乙县"]) == (
        "exact",
        [Decimal(12000)],
        [Decimal(5000)],
    )


def test_unit_option_settles_bare_numbers_beside_carried_units(tmp_path: Path) -> None:
    text = "2025年面积表\n地区,面积\n合计,300亩\n甲县,30\n乙县,270亩\n"
    with pytest.raises(PlanchkError) as asked:
        _import_text(tmp_path, text)
    assert asked.value.template is texts.UNIT_PARTLY_CARRIED
    assert "B4" in str(asked.value)
    assert "--unit 面积=UNIT" in str(asked.value)
    model = _import_text(tmp_path, text, "面积=万亩")
    area = model.indicators["面积"]
    assert area.unit == "万亩"
    assert area.values["合计"] == [Decimal("0.0300")]
    assert area.values["甲县"] == [Decimal(30)]  # what --unit says a bare figure is in


def test_a_column_named_on_the_unit_line_converts_and_a_bound_total_sets_at_most(
    tmp_path: Path,
) -> None:
    model = _import_text(
        tmp_path,
        "2025年排放控制表\n单位：吨\n地区,排放总量\n全市,不超过1.5万吨\n甲县,≤8000\n乙县,6000吨\n",
    )
    emissions = model.indicators["排放总量"]
    assert emissions.sum == "at_most"
    assert [emissions.values[a][0] for a in ("全市", "甲县", "乙县")] == [
        Decimal(15000),
        Decimal(8000),
        Decimal(6000),
    ]


def test_a_bound_percentage_among_amounts_is_refused_as_printed(tmp_path: Path) -> None:
    with pytest.raises(PlanchkError) as refused:
        _import_text(
            tmp_path, "2025年资金表\n单位：万元\n地区,资金\n合计,300\n甲县,≥95%\n乙县,200\n"
        )
    assert refused.value.template is texts.PERCENT_IN_VALUES
    assert refused.value.values["text"] == "≥95%"  # as the cell prints it, not the 95% read
    assert "cell B5" in str(refused.value)


def test_a_long_figure_converts_with_every_digit() -> None:
    said = read_cell("1234567890123456789012345678901234.5亿元")  # past Decimal's 28 digits
    assert said is not None
    assert _convert(said, "万元") == Decimal("12345678901234567890123456789012345000")
    assert str(_convert(said, "元")) == "123456789012345678901234567890123450000000"


def test_a_unit_in_an_xlsx_number_format_is_the_cells_unit(tmp_path: Path) -> None:
    """A cell storing 3.5 with the format 0.0"亿元" shows 3.5亿元 in Excel: it is 35000 in a
    万元 table, not 3.5 (the format's text was dropped, and the total read 10,000 times small)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["2025年资金表"],
        ["单位：万元"],
        ["地区", "资金"],
        ["合计", 3.5],
        ["甲县", 1.5],
        ["乙县", 20000],
    ):
        sheet.append(row)
    sheet["B4"].number_format = '0.0"亿元"'
    sheet["B5"].number_format = '0.0"亿元"'
    sheet["B6"].number_format = "#,##0\\万\\元_ "
    model, notes = _import_book(tmp_path, book)
    values = model.indicators["资金"].values
    assert (values["合计"], values["甲县"], values["乙县"]) == (
        [Decimal(35000)],
        [Decimal(15000)],
        [Decimal(20000)],
    )
    assert any("3 cells carried their unit" in note for note in notes)


_FIGURE = st.builds(
    lambda before, number, unit, after: f"{before}{number}{unit}{after}",
    st.sampled_from(["", "", "≥", "不低于", "≤", "不超过", "控制在", ">", "=", "约"]),
    st.sampled_from(
        ["0", "3.5", "120", "1,200", "１２", "0.0001", "99999999999999999999999999999"]
    ),
    st.sampled_from(["", "", "万元", "亿元", "元", "亩", "万亩", "%", "个", "人", "件套", " 万元"]),
    st.sampled_from(["", "", "以上", "以内", "以下", "及以上"]),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    unit_line=st.sampled_from(["", "单位：万元", "单位：亩", "单位：%", "单位：个、万元"]),
    cells=st.lists(st.lists(_FIGURE, min_size=2, max_size=2), min_size=2, max_size=4),
)
def test_any_mix_of_units_and_bounds_imports_or_is_refused_with_a_message(
    tmp_path: Path, unit_line: str, cells: list[list[str]]
) -> None:
    """Whatever units and bounds the cells print, import writes a file that loads, or stops
    with planchk's message (exit 2): never a traceback."""
    rows = ["2025年分配表", *([unit_line] if unit_line else []), "地区,资金,面积"]
    names = ["合计", "甲县", "乙县", "丙县"]
    rows += [
        ",".join([name, *(f'"{c}"' for c in row)]) for name, row in zip(names, cells, strict=False)
    ]
    try:
        _import_text(tmp_path, "\n".join(rows) + "\n")
        event("imported")
    except PlanchkError:  # a refusal is planchk's message, exit 2
        event("refused")


def test_under_a_percent_unit_line_bounds_with_and_without_the_sign_are_one_ratio(
    tmp_path: Path,
) -> None:
    model = _import_text(
        tmp_path, "2025年目标表\n单位：%\n地区,覆盖率\n全市,≥95\n甲县,≥95%\n乙县,不低于96\n"
    )
    rate = model.indicators["覆盖率"]
    assert (rate.unit, rate.kind) == ("%", "ratio")
    assert [rate.values[a][0] for a in ("全市", "甲县", "乙县")] == [95, 95, 96]
    assert rate.notes["甲县"] == "覆盖率：≥95%"


@pytest.mark.parametrize(
    ("number_format", "shown"),
    [
        ('0!.0000"万元"', ["30.0000", "12.3456", "17.6544"]),  # Excel: 12.3456万元
        ('0\\.0000"万元"', ["30.0000", "12.3456", "17.6544"]),
        ('#,##0.0,,"百万元"', ["0.3", "0.1", "0.2"]),  # 300000 shown as 0.3百万元
    ],
)
def test_a_number_format_that_moves_the_point_imports_what_excel_shows(
    tmp_path: Path, number_format: str, shown: list[str]
) -> None:
    """A format that prints a dot among the digits (0!.0000) or scales by a thousand per
    trailing comma (#,##0.0,,) shows 123456 as 12.3456万元: that is the figure, never
    123456 万元 (10,000 times too large, and the sums still add up)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["2024年资金表"], ["地区", "2024年"], ["合计", 300000], ["甲县", 123456]):
        sheet.append(row)
    sheet.append(["乙县", 176544])
    for cell in ("B3", "B4", "B5"):
        sheet[cell].number_format = number_format
    model, _ = _import_book(tmp_path, book)
    (money,) = model.indicators.values()
    assert money.unit == number_format.rsplit('"', 2)[1]
    assert [money.values[a][0] for a in ("合计", "甲县", "乙县")] == [Decimal(s) for s in shown]


def test_a_coarse_figure_allows_only_its_own_years_sums(tmp_path: Path) -> None:
    """3.5亿元 under 2024年 is known to ±500; 2025's figures are printed exactly, so the
    tolerance is written for 2024 alone (and for the one sum 甲 is in, 合计's) and 2025 keeps
    the allowance of its printed digits."""
    model = _import_text(
        tmp_path,
        "表1 资金安排表\n单位：万元\n地区,2024年,2025年\n合计,50000,60000\n甲,3.5亿元,30000\n"
        "乙,15000,29700\n",
    )
    assert model.indicators["资金"].tolerance == {"合计": {2024: Decimal(501)}}
    one = _import_text(
        tmp_path, "2024年资金表\n单位：万元\n地区,资金\n合计,50000\n甲,3.5亿元\n乙,15000\n"
    )
    assert one.indicators["资金"].tolerance == {"合计": {2024: Decimal(501)}}


def test_a_coarse_subtotal_loosens_its_own_sum_and_its_parents_only(tmp_path: Path) -> None:
    """甲县 printed as 2.0亿元 is a part of 合计 and the whole of its towns: both sums take its
    allowance; 乙县's towns, printed to the 万元 in the same year, keep their own digits', so
    their miss of 300 万元 is an error where the year-wide tolerance called it rounding."""
    text = (
        "资金安排表\n单位：万元\n地区,2024年\n合计,35000\n一、甲县,2.0亿元\n（一）甲一镇,12000\n"
        "（二）甲二镇,7700\n二、乙县,15000\n（一）乙一镇,9000\n（二）乙二镇,6300\n"
    )
    model = _import_text(tmp_path, text)
    (money,) = model.indicators.values()
    assert money.values["甲县"] == [Decimal(20000)]  # 一、甲县 is its name, not a 序号 alone
    assert money.tolerance == {"甲县": {2024: Decimal(503)}, "合计": {2024: Decimal(503)}}
    report = check_texts(tmp_path, (tmp_path / "out.yaml").read_text(encoding="utf-8"))
    found = [(f.code, f.args["area"]) for f in report.findings if f.code in ("PC101", "PC102")]
    assert sorted(found) == [("PC101", "乙县"), ("PC102", "甲县")]


def test_a_tolerance_by_year_allows_that_years_sums_only(tmp_path: Path) -> None:
    """`tolerance: {2024: 501}`: 2024's miss of 400 is rounding (PC102), 2025's of 300 an error
    (PC101), as its figures' printed digits (the default) allow less."""
    targets = (
        "plan: {title: 测试方案, period: [2024, 2025]}\nareas:\n  合计: [甲, 乙]\n"
        "indicators:\n  x:\n    name: 资金\n    unit: 万元\n    kind: flow\n"
        "    tolerance: {2024: 501}\n    years: [2024, 2025]\n    values:\n"
        "      合计: [50000, 60000]\n      甲: [35000, 30000]\n      乙: [14600, 29700]\n"
    )
    report = check_texts(tmp_path, targets)
    found = [(f.code, f.args["year"]) for f in report.findings if f.code in ("PC101", "PC102")]
    assert sorted(found) == [("PC101", 2025), ("PC102", 2024)]


def test_a_second_header_row_repeating_the_first_cell_is_no_area(tmp_path: Path) -> None:
    """Under 单位：万元 the brackets 5万元以下 | 5万元以上 convert: read as figures, the row
    became an area named 地区. It is the header's second row."""
    model = _import_text(
        tmp_path,
        "2025年补助资金表\n单位：万元\n地区,补助资金,补助资金\n地区,5万元以下,5万元以上\n"
        "合计,300,200\n甲,100,80\n乙,200,120\n",
    )
    assert "地区" not in {name for row in model.indicators.values() for name in row.values}
    assert sorted(model.indicators) == ["补助资金（5万元以上）", "补助资金（5万元以下）"]


def test_under_a_percent_unit_line_a_bracketed_negative_percentage_is_one(
    tmp_path: Path,
) -> None:
    """(5.0%) is -5.0%, a percentage as 96 and 97 are under 单位：%, not one among amounts."""
    model = _import_text(
        tmp_path, "2025年目标表\n单位：%\n地区,覆盖\n全市,96\n甲县,(5.0%)\n乙县,97\n"
    )
    cover = model.indicators["覆盖"]
    assert (cover.kind, cover.values["甲县"]) == ("ratio", [Decimal("-5.0")])


def test_a_coarse_figure_beside_one_of_36_decimals_writes_a_readable_tolerance(
    tmp_path: Path,
) -> None:
    """The allowance needs 40 digits (past Decimal's 28): no traceback, and a tolerance a
    file reads, rounded up (a hair more allowance, never less)."""
    model = _import_text(
        tmp_path,
        "2025年资金表\n单位：万元\n地区,资金\n合计,1.2亿元\n"
        "甲县,0.123456789012345678901234567890123456\n乙县,100\n",
    )
    assert model.indicators["资金"].tolerance == {"合计": {2025: Decimal("500.500000000001")}}


def test_a_column_of_standards_is_words_not_a_ratio(tmp_path: Path) -> None:
    model = _import_text(
        tmp_path,
        "2025年补助表\n单位：万元\n地区,补助标准,补助资金\n合计,,300\n甲县,5万元以上,100\n"
        "乙县,3万元以上,200\n",
    )
    assert sorted(model.indicators) == ["补助资金"]
    assert model.indicators["补助资金"].notes["甲县"] == "补助标准：5万元以上"


def test_diff_shows_a_tolerance_by_year_as_the_file_writes_it(tmp_path: Path) -> None:
    from planchk.cli import app
    from tests.cli_runner import CliRunner

    targets = (
        "plan: {title: t, period: [2024, 2025]}\nareas:\n  合计: [甲, 乙]\nindicators:\n"
        "  x:\n    name: 资金\n    unit: 万元\n    kind: flow\n    tolerance: 501\n"
        "    years: [2024, 2025]\n    values:\n      合计: [50000, 60000]\n"
        "      甲: [35000, 30000]\n      乙: [15000, 30000]\n"
    )
    (tmp_path / "a.yaml").write_text(targets, encoding="utf-8")
    for written in ("{2024: 501}", "{合计: {2024: 501}}"):
        changed = targets.replace("tolerance: 501", f"tolerance: {written}")
        (tmp_path / "b.yaml").write_text(changed, encoding="utf-8")
        result = CliRunner().invoke(
            app, ["diff", "--format", "json", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
        )
        changes = json.loads(result.stdout)["changes"]
        [change] = [c for c in changes if c["kind"] == "indicator-changed"]
        assert (change["args"]["old"], change["args"]["new"]) == ("501", written)


def test_a_title_that_names_standards_leaves_the_figures_read(tmp_path: Path) -> None:
    """Only a column's own header makes its bounds words: a title merged over the columns
    (2025年补助标准表) says nothing of them."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["2025年补助标准表", None, None], ["单位：万元"], ["地区", "补助资金", "面积"]):
        sheet.append(row)
    sheet.append(["合计", "≥300万元", 30])
    sheet.append(["甲县", 100, 10])
    sheet.append(["乙县", 200, 20])
    for column in ("B", "C"):
        sheet[f"{column}1"] = "2025年补助标准表"  # as a reader of merged cells may give them
    path = tmp_path / "title.xlsx"
    book.save(path)
    result = import_files([path], Options(units=("面积=亩",)))
    out = tmp_path / "out.yaml"
    out.write_text(result.text, encoding="utf-8")
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    money = model.indicators["补助资金"]
    assert (money.values["合计"], money.sum) == ([Decimal(300)], "at_least")


def test_a_tolerance_by_area_allows_that_areas_sum_only(tmp_path: Path) -> None:
    """`tolerance: {合计: {2024: 501}}` (合计 named by its alias 全县, mixed with a year's
    form): 合计's miss of 300 in 2024 is rounding; 甲's of 400 in the same year an error, as
    its figures' printed digits allow less; 2025 takes the year's 1000, every sum of it."""
    targets = (
        "plan: {title: 测试方案, period: [2024, 2025]}\nareas:\n  合计: [甲, 乙]\n  甲: [子, 丑]\n"
        "aliases: {全县: 合计}\nindicators:\n  x:\n    name: 资金\n    unit: 万元\n"
        "    kind: flow\n    tolerance: {2025: 1000, 全县: {2024: 501}}\n"
        "    years: [2024, 2025]\n    values:\n      合计: [35000, 60000]\n"
        "      甲: [20000, 30000]\n      乙: [15300, 30000]\n      子: [12000, 18000]\n"
        "      丑: [7600, 11500]\n"
    )
    report = check_texts(tmp_path, targets)
    found = sorted(
        (f.code, f.args["area"], f.args["year"], f.args["tolerance"])
        for f in report.findings
        if f.code in ("PC101", "PC102")
    )
    assert found == [
        ("PC101", "甲", 2024, Decimal("1.5")),
        ("PC102", "合计", 2024, Decimal(501)),
        ("PC102", "甲", 2025, Decimal(1000)),
    ]


def test_a_count_under_a_money_header_takes_the_unit_given(tmp_path: Path) -> None:
    """The question's own answer: --unit 补助资金（户数）=户 for the count that 补助资金（万元）
    above it does not measure; the shares under it keep 万元."""
    text = (
        "2025年补助表\n地区,补助资金（万元）,补助资金（万元）\n地区,中央,户数\n合计,100,10\n"
        "甲县,60,6\n乙县,40,4\n"
    )
    with pytest.raises(PlanchkError) as asked:
        _import_text(tmp_path, text)
    assert asked.value.template is texts.UNIT_OF_ANOTHER_MEASURE
    assert asked.value.values["options"] == "--unit 补助资金（户数）=UNIT"
    model = _import_text(tmp_path, text, "补助资金（户数）=户")
    units = {i.name: i.unit for i in model.indicators.values()}
    assert units == {"补助资金（中央）": "万元", "补助资金（户数）": "户"}


def test_years_whose_headers_print_different_units_are_asked_about_as_such(
    tmp_path: Path,
) -> None:
    """2024年（万元） beside 2025年（户）: one indicator, two units printed; the question names
    both headers (it said the headers carried no unit)."""
    text = "补助表\n地区,2024年（万元）,2025年（户）\n合计,100,10\n甲县,60,6\n乙县,40,4\n"
    with pytest.raises(PlanchkError) as asked:
        _import_text(tmp_path, text)
    assert asked.value.template is texts.UNIT_HEADERS_DIFFER
    assert asked.value.values["headers"] == "2024年（万元）、2025年（户）"
