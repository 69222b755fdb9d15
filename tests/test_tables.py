"""Tables as they are really printed: the corpus in tests/tables/.

Each table is a CSV written for this suite in one of the layouts that published allocation
tables use (blank and dash cells, 备注 columns, subtotal levels, 其中 rows, total columns,
identities, traditional characters, several units, ...), never a copy of a published table.
Beside it, NAME.yaml says what `planchk import` must infer from it with no option (the areas
tree, the indicators with their units, kinds and years, the relations, the notes) and what
`planchk validate` must then find: nothing at warning or error level for a consistent table,
exactly the planted finding for the others. Each table is also tried as an XLSX workbook made
from the CSV, numbers stored as numbers with the number format that prints them as the CSV
does, indentation as the cell's indent, plus the XLSX-only features its YAML asks for (merged
header cells, stored binary floats, bold labels).

A case that does not pass yet says so in its YAML (`xfail: {import: why}`); it is run with
xfail(strict=True), so that it is noticed the moment it passes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Alignment, Font

from planchk.cli import app
from planchk.importers import ImportResult, Options, PlainTable, import_files, import_tables
from planchk.importers.csvgrid import typed_indent
from planchk.loader import load_file
from planchk.messages import PlanchkError
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner
from tests.corpus import TABLES, as_excel, expectations

runner = CliRunner()


def _cases(test: str) -> list[Any]:
    """Each table in both forms; `xfail: {import: why, validate-xlsx: why}` marks what fails."""
    params = []
    for case in sorted(TABLES.glob("*.csv")):
        failing = expectations(case).get("xfail", {})
        for form in ("csv", "xlsx"):
            reason = failing.get(f"{test}-{form}") or failing.get(test)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case, form, marks=marks, id=f"{case.stem}-{form}"))
    return params


def test_the_corpus_is_large_enough() -> None:
    assert len(list(TABLES.glob("*.csv"))) >= 25
    for case in TABLES.glob("*.csv"):
        assert case.with_suffix(".yaml").exists(), case


# --- the XLSX form of a table -------------------------------------------------------------


def _xlsx(case: Path, tmp_path: Path) -> Path:
    extra = expectations(case).get("xlsx", {})
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    with case.open(encoding="utf-8", newline="") as handle:
        for row, record in enumerate(csv.reader(handle), 1):
            for column, text in enumerate(record, 1):
                stripped = text.lstrip("\u3000 ")
                indent = typed_indent(text)  # as a CSV counts it: one stray space is none
                if not stripped:
                    continue
                value, number_format = as_excel(stripped)
                cell = sheet.cell(row, column, value)
                if number_format:
                    cell.number_format = number_format
                if indent:
                    cell.alignment = Alignment(indent=indent)
    for name, value in extra.get("values", {}).items():
        sheet[name].value = value
        sheet[name].number_format = "General"
    for name in extra.get("bold", []):
        sheet[name].font = Font(bold=True)
    for cells in extra.get("merge", []):
        first = cells.split(":")[0]
        for row in sheet[cells]:
            for cell in row:
                if cell.coordinate != first:
                    cell.value = None
        sheet.merge_cells(cells)
    path = tmp_path / f"{case.stem}.xlsx"
    book.save(path)
    return path


def _input(case: Path, form: str, tmp_path: Path) -> Path:
    return case if form == "csv" else _xlsx(case, tmp_path)


# --- import -----------------------------------------------------------------------------------


def _import(source: Path, tmp_path: Path) -> tuple[Any, Path, str]:
    out = tmp_path / "targets.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile), out.read_text("utf-8")
    return model, out, result.output


def _by_name(model: TargetsFile) -> dict[str, Any]:
    return {indicator.name: indicator for indicator in model.indicators.values()}


def _same(got: Decimal | None, wanted: object) -> bool:
    if wanted is None or got is None:
        return got is wanted
    return got == Decimal(str(wanted))


def _check_indicators(model: TargetsFile, wanted: dict[str, Any]) -> None:
    found = _by_name(model)
    assert sorted(found) == sorted(str(name) for name in wanted)
    for name, facts in wanted.items():
        indicator = found[str(name)]
        for key in ("unit", "kind", "years", "trend", "sum", "tolerance"):
            if key in facts:
                assert getattr(indicator, key) == facts[key], (name, key)
        if "period_total" in facts:  # as printed: 30.0 stays 30.0
            got_totals = {area: str(v) for area, v in indicator.period_total.items()}
            assert got_totals == {a: str(v) for a, v in facts["period_total"].items()}, name
        for area, row in facts.get("values", {}).items():
            got = indicator.values[area]
            assert len(got) == len(row), (name, area, got)
            assert all(_same(g, w) for g, w in zip(got, row, strict=True)), (name, area, got)


def _check_notes(model: TargetsFile, wanted: dict[str, str]) -> None:
    notes: dict[str, str] = {}
    for indicator in model.indicators.values():
        for area, text in getattr(indicator, "notes", {}).items():
            notes[area] = notes.get(area, "") + " " + text
    for area, text in wanted.items():
        assert text in notes.get(area, ""), (area, notes)


def _check_of_which(model: TargetsFile, wanted: dict[str, list[str]]) -> None:
    found = {
        whole: [part.split("其中：")[-1] for part in parts]
        for whole, parts in getattr(model, "of_which", {}).items()
    }
    assert found == wanted


@pytest.mark.parametrize(("case", "form"), _cases("import"))
def test_import_infers_what_the_table_prints(case: Path, form: str, tmp_path: Path) -> None:
    expected = expectations(case)
    source = _input(case, form, tmp_path)
    if "refuses" in expected:
        result = runner.invoke(app, ["import", str(source)])
        assert result.exit_code == 2, result.output
        for word in expected["refuses"]:
            assert word in result.output
        return
    wanted = expected["import"]
    model, _, log = _import(source, tmp_path)
    assert dict(model.areas) == wanted["areas"]
    _check_indicators(model, wanted["indicators"])
    if "relations" in wanted:
        assert sorted(model.relations) == sorted(wanted["relations"])
    _check_notes(model, wanted.get("notes", {}))
    _check_of_which(model, wanted.get("of_which", {}))
    for code, name in wanted.get("aliases", {}).items():  # a code printed beside a name
        assert model.aliases.get(str(code)) == name, (code, model.aliases)
    if "goals" in wanted:  # a 绩效目标表's rows: id -> text, year, op, value, unit
        goals = {k: [g.text, g.year, g.op, str(g.value), g.unit] for k, g in model.goals.items()}
        assert goals == {k: [t, y, o, str(v), u] for k, (t, y, o, v, u) in wanted["goals"].items()}
    for word in wanted.get("log", []):
        assert word in log
    for word in wanted.get("log_absent", []):  # a line the log must no longer say
        assert word not in log


# --- validate -------------------------------------------------------------------------------


def _findings(path: Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["validate", str(path), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return found


@pytest.mark.parametrize(("case", "form"), _cases("validate"))
def test_validate_finds_exactly_what_was_planted(case: Path, form: str, tmp_path: Path) -> None:
    expected = expectations(case)
    if "validate" not in expected:
        pytest.skip("a table that import asks about")
    _, out, _ = _import(_input(case, form, tmp_path), tmp_path)
    wanted = expected["validate"]
    findings = _findings(out)
    loud = sorted(f["code"] for f in findings if f["severity"] in ("error", "warning"))
    assert loud == sorted(wanted["findings"]), json.dumps(findings, ensure_ascii=False)
    quiet = {f["code"] for f in findings if f["severity"] == "info"}
    assert set(wanted.get("info", [])) <= quiet, quiet
    for code, area in wanted.get("areas", {}).items():
        assert [f["args"]["area"] for f in findings if f["code"] == code] == [area]
    for code, year in wanted.get("years", {}).items():  # found in that year and no other
        assert [f["args"]["year"] for f in findings if f["code"] == code] == [year]
    if "suggestion" in wanted:
        hint = wanted["suggestion"]
        finding = next(f for f in findings if f["code"] == hint["code"])
        said = json.dumps(finding["suggestions"], ensure_ascii=False)
        assert hint["area"] in said, said
        assert hint["value"] in said, said


# --- the same tables from another reader --------------------------------------------------


def _plain(case: Path) -> PlainTable:
    """The table as a reader of documents hands it over: the lines above it apart, the
    indentation as flags rather than spaces."""
    with case.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    # the lines above the table: one text each, in the first cell (a year printed once over
    # the columns is the header's upper row, in a document as in a CSV)
    above = 0
    while len([text for text in records[above] if text]) == 1 and records[above][0]:
        above += 1
    rows = [[text.lstrip("\u3000 ") for text in record] for record in records[above:]]
    indent = {
        (r, c): 1
        for r, record in enumerate(records[above:])
        for c, text in enumerate(record)
        if typed_indent(text)
    }
    lines = [next(text for text in record if text) for record in records[:above]]
    return PlainTable(case.name, rows, lines, indent=indent)


def _outcome(run: Callable[[], ImportResult], source: str) -> str:
    """What an import wrote, or why it refused, with the source's name left out."""
    try:
        said = run().text.split("\n", 1)[1]  # after the line that names the source
    except PlanchkError as error:
        said = f"refused: {error}"
    return said.replace(source, "SOURCE")


@pytest.mark.parametrize("case", sorted(TABLES.glob("*.csv")), ids=lambda p: p.stem)
def test_a_plain_grid_imports_as_the_csv_does(case: Path) -> None:
    options = Options(title="t")
    from_csv = _outcome(lambda: import_files([case], options), str(case))
    from_plain = _outcome(lambda: import_tables([_plain(case)], options), case.name)
    assert from_plain == from_csv


# --- properties: the order of the rows does not matter -------------------------------------

TOWNS = [f"{name}镇" for name in "东西南北中上下前后左右新老"]


Line = tuple[str, Decimal, str]  # a row's name, value and note (备注, "" for none)
OF_WHICH = "其中：中央资金"


@st.composite
def printed_tables(draw: st.DrawFn) -> tuple[str, bool, list[Line]]:
    """A printed table: its header (a year or a period's label), whether it has a 备注
    column, its total, and either towns alone or counties (subtotal rows, found by their
    numbers) each over its towns; an 其中 row may follow the total or a county. Each town
    holds a power of two times one factor (printed with 0 to 2 decimals), so that no row is
    the sum of rows other than its own parts by coincidence: such a table would be ambiguous,
    and may import either way."""
    places = draw(st.integers(0, 2))
    factor = Decimal(draw(st.integers(1, 999))).scaleb(-places)
    groups = draw(st.integers(0, 3))
    noted = draw(st.booleans())
    notes = st.sampled_from(["", "", "新建", "含2个教学点"]) if noted else st.just("")
    towns = iter(enumerate(TOWNS))
    rows: list[Line] = []
    for county in range(max(groups, 1)):
        parts = [
            (name, factor * 2**i, draw(notes))
            for i, name in (next(towns) for _ in range(draw(st.integers(2, 3))))
        ]
        if groups:
            rows.append((f"{county + 1}县", sum((v for _, v, _ in parts), Decimal(0)), draw(notes)))
            if draw(st.booleans()):  # at most the county: its first town's value
                rows.append((f"{county + 1}县{OF_WHICH}", parts[0][1], draw(notes)))
        rows += parts
    tops = [v for name, v, _ in rows if not groups or name.endswith("县")]
    total: list[Line] = [("合计", sum(tops, Decimal(0)), draw(notes))]
    if draw(st.booleans()):
        total.append((f"合计{OF_WHICH}", tops[0], draw(notes)))
    header = draw(st.sampled_from(["2024年", "本期", "全年"]))
    return header, noted, [*total, *rows]


def _printed(header: str, noted: bool, lines: list[Line]) -> list[list[str]]:
    """The table's cells as printed: an 其中 row is printed 其中：中央资金 under its whole."""
    cells = [["测试分配表"], ["单位：万元"], ["地区", header, *(["备注"] if noted else [])]]
    for name, value, note in lines:
        shown = OF_WHICH if OF_WHICH in name else name
        cells.append([shown, str(value), *([note] if noted else [])])
    return cells


def _shuffled(lines: list[Line], data: st.DataObject) -> list[Line]:
    """The same table with its groups and the towns in each shuffled, the total (with its
    其中 row) at the end; an 其中 row stays right under its whole."""
    head = [line for line in lines if line[0].startswith("合计")]
    rows = lines[len(head) :]
    groups: list[list[Line]] = []
    for line in rows:
        if line[0].endswith("县") or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    if not rows[0][0].endswith("县"):  # towns alone: every row may move
        return [*data.draw(st.permutations(rows)), *head]
    shuffled = []
    for group in data.draw(st.permutations(groups)):
        fixed = 2 if OF_WHICH in group[1][0] else 1
        shuffled += [*group[:fixed], *data.draw(st.permutations(group[fixed:]))]
    return [*shuffled, *head]


def _write_table(cells: list[list[str]], path: Path) -> None:
    if path.suffix == ".csv":
        path.write_text("\n".join(",".join(row) for row in cells) + "\n", encoding="utf-8")
        return
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in cells:
        sheet.append([as_excel(text)[0] if text else None for text in row])
        for column, text in enumerate(row, 1):
            number_format = as_excel(text)[1] if text else None
            if number_format:
                sheet.cell(sheet.max_row, column).number_format = number_format
    book.save(path)


def _read(cells: list[list[str]], tmp_path: Path, name: str) -> dict[str, Any]:
    path = tmp_path / name
    _write_table(cells, path)
    model = _import(path, tmp_path)[0]
    [indicator] = model.indicators.values()
    return {
        "areas": {parent: sorted(parts) for parent, parts in model.areas.items()},
        "of_which": {whole: sorted(parts) for whole, parts in model.of_which.items()},
        "values": dict(indicator.values),
        "years": indicator.years,
        "notes": dict(indicator.notes),
    }


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=printed_tables(), form=st.sampled_from(["csv", "xlsx"]), data=st.data())
def test_shuffled_rows_and_a_total_at_the_bottom_change_nothing(
    table: tuple[str, bool, list[Line]], form: str, data: st.DataObject, tmp_path: Path
) -> None:
    header, noted, lines = table
    first = _read(_printed(header, noted, lines), tmp_path, f"a.{form}")
    moved = _read(_printed(header, noted, _shuffled(lines, data)), tmp_path, f"b.{form}")
    assert moved == first
    subtotals = [name for name, _, _ in lines if name.endswith("县")]
    assert sorted(first["areas"]) == sorted(["合计", *subtotals])  # each subtotal: its parts
    wholes = [name.removesuffix(OF_WHICH) for name, _, _ in lines if OF_WHICH in name]
    assert sorted(first["of_which"]) == sorted(wholes)
    assert first["years"] == ([2024] if header == "2024年" else [header])
    assert first["notes"] == {name: note for name, _, note in lines if note}


def test_a_csv_with_no_table_is_not_told_to_choose_a_sheet(tmp_path: Path) -> None:
    csv_file = tmp_path / "notes.csv"
    csv_file.write_text("会议纪要\n各单位按时报送\n", encoding="utf-8")
    said = runner.invoke(app, ["import", str(csv_file)])
    assert said.exit_code == 2
    assert "no row names an area" in said.stderr
    assert "--sheet" not in said.stderr
    book = openpyxl.Workbook()
    assert book.active is not None
    book.active.append(["会议纪要"])
    book.save(tmp_path / "notes.xlsx")
    said = runner.invoke(app, ["import", str(tmp_path / "notes.xlsx")])
    assert said.exit_code == 2
    assert "--sheet" in said.stderr  # a workbook has sheets to choose from


def test_import_into_keeps_the_of_which_rows_and_declared_units(tmp_path: Path) -> None:
    base = tmp_path / "targets.yaml"
    base.write_text("plan: {title: 方案, period: [2024, 2024]}\n", encoding="utf-8")
    source = TABLES / "11_of_which_rows.csv"
    result = runner.invoke(app, ["import", str(source), "--into", str(base), "-o", str(base)])
    assert result.exit_code == 0, result.output
    model = load_file(base, str(base)).model
    assert isinstance(model, TargetsFile)
    assert model.of_which == {"合计": ["合计其中：中央资金"], "甲县": ["甲县其中：免费开放"]}
    assert _findings(base) == []


def test_a_table_that_does_not_add_up_stays_flat(tmp_path: Path) -> None:
    """甲 is the sum of 乙 and 丙 by chance, but taking it for their subtotal does not make the
    total add up either: the rows stay as printed, and validate reports the real miss."""
    source = tmp_path / "t.csv"
    source.write_text(
        "表\n单位：万元\n地区,2024年\n合计,100\n甲,30\n乙,20\n丙,10\n丁,45\n", "utf-8"
    )
    model, out, _ = _import(source, tmp_path)
    assert dict(model.areas) == {"合计": ["甲", "乙", "丙", "丁"]}
    assert [f["code"] for f in _findings(out) if f["severity"] == "error"] == ["PC101"]


def test_a_sum_over_the_years_that_misses_is_named_in_the_log(tmp_path: Path) -> None:
    text = (TABLES / "39_years_and_their_sum.csv").read_text("utf-8")
    source = tmp_path / "t.csv"
    source.write_text(text.replace("A区,400,500,600,1500", "A区,400,500,600,1499"), "utf-8")
    model, _, log = _import(source, tmp_path)
    assert "holds on 3 of 4 rows" in log
    assert "A区: the sum printed is 1499, the years add up to 1500" in log
    assert [indicator.years for indicator in model.indicators.values()] == [[2021, 2022, 2023]]


def test_one_table_s_title_is_the_plan_s_title(tmp_path: Path) -> None:
    model, _, _ = _import(TABLES / "38_attachment_line_above_the_title.csv", tmp_path)
    assert model.plan.title == "2024年城乡居民医保财政补助资金分配表"
    model, _, _ = _import(TABLES / "40_numbered_title_one_year_column.csv", tmp_path)
    assert model.plan.title == "2022年度城镇新增就业目标任务分解表"  # without its 表3
