"""A table in a Word document or a web page imports as the same table kept as CSV does.

Each layout is written three ways by the test: a .docx (python-docx, its merges as Word stores
them: gridSpan across, vMerge down), an HTML page (colspan, rowspan) and the CSV a spreadsheet
exports (a merge's text in its first cell, the cells it covers blank). All three are imported
with no option and must give the same indicators, values, units, years and areas: the one
table reader decides the same way on each. A document's table that the reader cannot read is
never left out silently: it stops the import with the question a CSV of it is asked, or, where
it is no breakdown table at all, is said as a warning.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

runner = CliRunner()

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


@dataclass
class Layout:
    above: list[str]  # the lines printed above the table (title, 单位 line)
    rows: list[list[str]]  # every cell's text; a merge's text in its first cell
    merges: list[Merge] = field(default_factory=list)


LAYOUTS = {
    # the indicators down the side with a 单位 column, the areas across (hunt d4)
    "areas_across": Layout(
        ["乙县2025年重点工作目标分解表"],
        [
            ["指标", "单位", "全县", "东山镇", "西河镇", "南岭乡"],
            ["新增城镇就业", "人", "2600", "1200", "800", "600"],
            ["新增市场主体", "户", "1900", "900", "600", "400"],
            ["新开工项目", "个", "45", "20", "15", "10"],
        ],
    ),
    # a two-row header: 县区 and 合计 merged down, 年度任务 merged across its years (hunt d8b)
    "merged_header": Layout(
        ["危旧房改造任务分解表", "单位：户"],
        [
            ["县区", "合计", "年度任务", "", ""],
            ["", "", "2024年", "2025年", "2026年"],
            ["全市", "420", "120", "140", "160"],
            ["北湖区", "180", "50", "60", "70"],
            ["南塘区", "140", "40", "47", "53"],
            ["西坝区", "100", "30", "33", "37"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4)],
    ),
    # the title and the 单位 line inside the table, each merged across its width (hunt d8)
    "title_inside": Layout(
        [],
        [
            ["污水管网新建任务分解表", "", "", ""],
            ["单位：公里", "", "", ""],
            ["县区", "2024年", "2025年", "2026年"],
            ["全市", "36", "42", "50"],
            ["河东区", "20", "22", "27"],
            ["河西区", "16", "20", "23"],
        ],
        [(0, 0, 0, 3), (1, 0, 1, 3)],
    ),
    # units in the header cells, the category headers over two rows, 其中 beside its whole
    "units_in_headers": Layout(
        ["2025年农村公路养护补助资金分配表"],
        [
            ["县（市、区）", "养护里程（公里）", "补助资金（万元）", ""],
            ["", "", "小计", "其中：省级"],
            ["合计", "1250", "860.50", "600"],
            ["青山县", "700", "480.25", "350"],
            ["石桥县", "550", "380.25", "250"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)],
    ),
    # cells of two paragraphs (a header with its unit on a line of its own, a long name)
    "lines_in_cells": Layout(
        ["2025年高标准农田建设任务表"],
        [
            ["县（市、\n区）", "新建面积\n（亩）", "补助资金\n（万元）"],
            ["全市", "5200", "780"],
            ["临河县", "3000", "450"],
            ["望江县", "2200", "330"],
        ],
    ),
    # two name columns, the county merged down over its towns, its 小计 first
    "county_merged_down": Layout(
        ["乡镇造林任务分解表", "单位：亩"],
        [
            ["县区", "乡镇", "造林任务"],
            ["合计", "", "900"],
            ["东县", "小计", "500"],
            ["", "甲镇", "300"],
            ["", "乙镇", "200"],
            ["西县", "小计", "400"],
            ["", "丙镇", "150"],
            ["", "丁镇", "250"],
        ],
        [(1, 0, 1, 1), (2, 0, 4, 0), (5, 0, 7, 0)],
    ),
    # a 序号 column, the unit beside the title in the table's first row, the total last
    "unit_beside_title": Layout(
        [],
        [
            ["社区养老服务设施建设任务表", "", "单位：个"],
            ["序号", "街道", "2025年"],
            ["1", "城南街道", "6"],
            ["2", "城北街道", "4"],
            ["", "合计", "10"],
        ],
        [(0, 0, 0, 1)],
    ),
    # an 其中 row under its whole, and a subtotal level by serial markers
    "of_which_rows": Layout(
        ["2025年学校维修改造资金分配表", "单位：万元"],
        [
            ["项目单位", "分配金额"],
            ["总计", "900"],
            ["一、市直学校", "300"],
            ["其中：特殊教育学校", "80"],
            ["二、县区", "600"],
            ["（一）东林县", "350"],
            ["（二）西林县", "250"],
        ],
    ),
}


def _csv(layout: Layout) -> str:
    width = max(len(row) for row in layout.rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in layout.above:
        writer.writerow([line, *[""] * (width - 1)])
    writer.writerows(layout.rows)
    return out.getvalue()


def _docx(path: Path, layout: Layout, before: tuple[str, ...] = ()) -> Path:
    import docx

    document = docx.Document()
    for paragraph in before:  # the plan's text before its annex
        document.add_paragraph(paragraph)
    document.add_paragraph("附件")
    for line in layout.above:
        document.add_paragraph(line)
    width = max(len(row) for row in layout.rows)
    table = document.add_table(rows=len(layout.rows), cols=width)
    for r, row in enumerate(layout.rows):
        for c, text in enumerate(row):
            first, *more = text.split("\n")  # each line a paragraph of the cell, as Word has it
            table.cell(r, c).text = first
            for line in more:
                table.cell(r, c).add_paragraph(line)
    for top, left, bottom, right in layout.merges:
        text = layout.rows[top][left]
        merged = table.cell(top, left).merge(table.cell(bottom, right))
        merged.text = text  # a merge joins the cells' paragraphs: the anchor's text alone
    document.save(str(path))
    return path


def _html(path: Path, layout: Layout) -> Path:
    covered = {
        (r, c)
        for top, left, bottom, right in layout.merges
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
        if (r, c) != (top, left)
    }
    spans = {(t, lf): (b - t + 1, rt - lf + 1) for t, lf, b, rt in layout.merges}
    body = ["<p>附件</p>", *(f"<p>{html.escape(line)}</p>" for line in layout.above)]
    body.append("<table border='1'>")
    for r, row in enumerate(layout.rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            down, across = spans.get((r, c), (1, 1))
            shown = "<br>".join(html.escape(line) for line in text.split("\n"))
            cells.append(f"<td rowspan='{down}' colspan='{across}'>{shown}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    body.append("</table>")
    page = f"<html><head><meta charset='utf-8'></head><body>{''.join(body)}</body></html>"
    path.write_text(page, encoding="utf-8")
    return path


def _imported(path: Path, *options: str) -> TargetsFile:
    output = path.parent / f"{path.name}.out"
    output = output.with_suffix(".yaml") if path.suffix == ".csv" else output
    result = runner.invoke(app, ["import", str(path), "-o", str(output), *options])
    assert result.exit_code == 0, result.output
    targets = load_file(output if path.suffix == ".csv" else output / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    return targets


def _read(targets: TargetsFile) -> dict[str, Any]:
    """What the tables hold, by the indicators' printed names: the ids and titles aside."""
    return {
        "areas": targets.areas,
        "of_which": targets.of_which,
        "indicators": {
            ind.name: (
                ind.unit,
                ind.kind,
                [str(y) for y in ind.years],
                {
                    area: [None if v is None else str(v) for v in row]
                    for area, row in ind.values.items()
                },
                {area: str(v) for area, v in ind.period_total.items()},
            )
            for ind in targets.indicators.values()
        },
        "relations": len(targets.relations),
    }


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("write", [_docx, _html], ids=["docx", "html"])
def test_a_document_table_imports_as_its_csv_twin(tmp_path: Path, name: str, write: Any) -> None:
    layout = LAYOUTS[name]
    twin = tmp_path / "table.csv"
    twin.write_text(_csv(layout), encoding="utf-8")
    from_csv = _read(_imported(twin))
    assert from_csv["indicators"], from_csv  # the CSV twin reads: the comparison means something
    suffix = ".docx" if write is _docx else ".html"
    from_document = _read(_imported(write(tmp_path / f"plan{suffix}", layout)))
    assert from_document == from_csv


def test_the_areas_across_table_is_every_indicator_with_its_own_unit(tmp_path: Path) -> None:
    """The hunt's d4b: read as areas down, it asked for the unit of 全县 and was left out."""
    targets = _imported(_docx(tmp_path / "plan.docx", LAYOUTS["areas_across"]))
    units = {ind.name: ind.unit for ind in targets.indicators.values()}
    assert units == {"新增城镇就业": "人", "新增市场主体": "户", "新开工项目": "个"}
    assert targets.areas == {"全县": ["东山镇", "西河镇", "南岭乡"]}
    (jobs,) = [i for i in targets.indicators.values() if i.name == "新增城镇就业"]
    assert {a: [str(v) for v in row] for a, row in jobs.values.items()} == {
        "全县": ["2600"], "东山镇": ["1200"], "西河镇": ["800"], "南岭乡": ["600"],
    }  # fmt: skip


def test_a_wrong_cell_of_an_areas_across_table_is_placed_where_it_is_printed(
    tmp_path: Path,
) -> None:
    """A value of a table whose rows are indicators is the cell of its indicator's row and its
    area's column: 西河镇's 新增市场主体 is 第3行 第5列 of the printed table."""
    layout = LAYOUTS["areas_across"]
    rows = [list(row) for row in layout.rows]
    rows[2][4] = "700"  # 900 + 700 + 400 != 1900
    document = _docx(tmp_path / "plan.docx", Layout(layout.above, rows))
    result = runner.invoke(app, ["validate", str(document), "-f", "json"])
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)["findings"]
    places = {f["place"] for f in found if f["code"] == "PC101"}
    assert places == {"附件 表1 第3行 第3列"}, found  # the total 全县's cell


def test_a_table_that_needs_its_unit_stops_the_import_with_the_question(tmp_path: Path) -> None:
    """No unit anywhere: the CSV twin asks for it with exit 2, and so does the document (its
    goal was imported and the table left out, only the log saying so, and the plan passed);
    given, the table is read."""
    layout = Layout(
        ["旧村改造任务表"],
        [["县区", "2024年", "2025年"], ["全县", "30", "40"], ["甲镇", "10", "15"],
         ["乙镇", "20", "25"]],
    )  # fmt: skip
    twin = tmp_path / "table.csv"
    twin.write_text(_csv(layout), encoding="utf-8")
    asked = runner.invoke(app, ["import", str(twin), "-o", str(tmp_path / "t.yaml")])
    assert asked.exit_code == 2
    assert "--unit" in asked.stderr
    goal = ("一、主要目标", "2025年，全县新增改造旧村不少于40个。")
    document = _docx(tmp_path / "plan.docx", layout, goal)
    for command in (["import", str(document), "-o", str(tmp_path / "out")],
                    ["validate", str(document)]):  # fmt: skip
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert f"{document}: 附件 表1: no unit for" in result.stderr
        assert "--unit" in result.stderr
        assert "Passed" not in result.output
        assert "Traceback" not in result.output
    given = _imported(document, "--unit", "个")
    (indicator,) = given.indicators.values()
    assert (indicator.unit, indicator.years) == ("个", [2024, 2025])
    assert [str(v) for v in indicator.values["乙镇"]] == ["20", "25"]


def test_a_table_of_categories_with_no_year_reads_as_its_csv_twin(tmp_path: Path) -> None:
    """No year printed (hunt d8b asked --year): the period is labelled 本期, as for the CSV."""
    layout = Layout(
        ["河道清淤任务分解表", "单位：公里"],
        [["县区", "主河道", "支流"], ["合计", "60", "35"], ["甲县", "40", "20"],
         ["乙县", "20", "15"]],
    )  # fmt: skip
    document = _imported(_docx(tmp_path / "plan.docx", layout))
    twin = tmp_path / "table.csv"
    twin.write_text(_csv(layout), encoding="utf-8")
    assert _read(document) == _read(_imported(twin))
    assert [i.years for i in document.indicators.values()] == [["本期"], ["本期"]]


def test_a_table_that_is_no_breakdown_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """A schedule with dates in it is no breakdown table: the plan's breakdown table is read,
    the schedule is said to be left out as a warning, on import and on validate."""
    import docx

    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph("路灯改造任务分解表")
    document.add_paragraph("单位：盏")
    rows = [["县区", "2024年", "2025年"], ["全县", "300", "320"], ["甲镇", "120", "130"],
            ["乙镇", "180", "190"]]  # fmt: skip
    _add_table(document, rows)
    document.add_paragraph("附件2")
    document.add_paragraph("工作进度安排")
    _add_table(document, [["阶段", "时间", "工作内容"], ["动员部署", "2024年3月", "印发方案"],
                          ["组织实施", "2024年4月至12月", "逐镇推进"]])  # fmt: skip
    path = tmp_path / "plan.docx"
    document.save(str(path))
    imported = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "out")])
    assert imported.exit_code == 0, imported.output
    warning = f"warning: {path}: 附件 表2 is left out"
    assert warning in imported.stderr
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert [i.name for i in targets.indicators.values()] == ["路灯改造"]
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(f"# {warning}") for line in written)  # and for its reviewer
    checked = runner.invoke(app, ["validate", str(path)])
    assert warning in checked.stderr  # said on a check of the document too, not only with -v


def _add_table(document: Any, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def test_two_tables_whose_totals_are_named_differently_are_one_whole(tmp_path: Path) -> None:
    """表1's 合计 and 表2's 全市 over the same counties are one area, as for two CSV files."""
    first = Layout(
        ["公厕新建任务表", "单位：座"],
        [["县区", "2025年"], ["合计", "30"], ["甲县", "18"], ["乙县", "12"]],
    )
    second = Layout(["垃圾转运站新建任务表", "单位：座"],
                    [["县区", "2025年"], ["全市", "9"], ["甲县", "5"], ["乙县", "4"]])  # fmt: skip
    import docx

    document = docx.Document()
    document.add_paragraph("附件")
    for layout in (first, second):
        for line in layout.above:
            document.add_paragraph(line)
        _add_table(document, layout.rows)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    twins = []
    for number, layout in enumerate((first, second), 1):
        twins.append(tmp_path / f"t{number}.csv")
        twins[-1].write_text(_csv(layout), encoding="utf-8")
    result = runner.invoke(app, ["import", *map(str, twins), "-o", str(tmp_path / "t.yaml")])
    assert result.exit_code == 0, result.output
    from_csv = load_file(tmp_path / "t.yaml", "t").model
    assert isinstance(from_csv, TargetsFile)
    from_document = _imported(path)
    assert from_document.areas == from_csv.areas == {"合计": ["甲县", "乙县"]}
    assert _read(from_document) == _read(from_csv)


Blocks = list[str | list[list[str]]]  # paragraphs and tables (no merges), in order


def _blocks_docx(path: Path, blocks: Blocks) -> Path:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _add_table(document, block)
    document.save(str(path))
    return path


def _blocks_html(path: Path, blocks: Blocks) -> Path:
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
        else:
            rows = ("".join(f"<td>{html.escape(c)}</td>" for c in row) for row in block)
            body.append("<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>")
    path.write_text(f"<html><body>{''.join(body)}</body></html>", encoding="utf-8")
    return path


HEADER = ["县区", "2024年", "2025年"]
FIRST_PAGE = [HEADER, ["全市", "100", "120"], ["一区", "18", "22"], ["二区", "22", "26"]]
NEXT_PAGE = [["三区", "28", "34"], ["四区", "32", "38"]]


@pytest.mark.parametrize(
    "between",
    [["续表"], ["城市绿道建设任务表（续）", "单位：公里"], []],
    ids=["continued_line", "title_again", "header_again_only"],
)
@pytest.mark.parametrize("write", [_blocks_docx, _blocks_html], ids=["docx", "html"])
def test_a_table_carried_on_over_a_page_is_one_table(
    tmp_path: Path, between: list[str], write: Any
) -> None:
    """A long annex table split in two (by hand in Word, two <table>s on a page), the header
    printed again on the next page: one table, as its CSV (with the 续表 line) is; read as
    two, the second half took its first row for a total its rows did not add up to."""
    above = ["附件", "城市绿道建设任务表", "单位：公里"]
    blocks: Blocks = [*above, FIRST_PAGE, *between, [HEADER, *NEXT_PAGE]]
    document = write(tmp_path / f"plan{'.docx' if write is _blocks_docx else '.html'}", blocks)
    twin = tmp_path / "table.csv"
    lines = [*above[1:], *map(",".join, FIRST_PAGE), "续表", ",".join(HEADER)]
    twin.write_text("\n".join([*lines, *map(",".join, NEXT_PAGE)]) + "\n", encoding="utf-8")
    from_csv = _read(_imported(twin))
    assert from_csv["areas"] == {"全市": ["一区", "二区", "三区", "四区"]}
    assert _read(_imported(document)) == from_csv
    checked = runner.invoke(app, ["validate", str(document), "-f", "json"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["findings"] == []


def test_two_tables_with_a_title_between_stay_two(tmp_path: Path) -> None:
    """The same header under a new title is another table, never the first one's rest."""
    document = _blocks_docx(
        tmp_path / "plan.docx",
        ["附件", "绿道建设任务表", "单位：公里", FIRST_PAGE, "绿道养护任务表", "单位：公里",
         [HEADER, ["全市", "50", "60"], ["一区", "20", "24"], ["二区", "30", "36"]]],
    )  # fmt: skip
    targets = _imported(document)
    # 绿道建设: its 建设 is furniture, as in 绿道建设任务表
    assert sorted(i.name for i in targets.indicators.values()) == ["绿道", "绿道养护"]


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_a_row_that_ends_early_has_blanks_after_its_last_cell(tmp_path: Path, suffix: str) -> None:
    """乙镇 prints no 配套资金: its row ends early (Word: a cell deleted at its end, gridAfter;
    a page: one <td> fewer). Blank, as in the CSV, not a row cut short and left out."""
    rows = [["乡镇", "中央资金", "配套资金"], ["合计", "80", "30"], ["甲镇", "50", "30"],
            ["乙镇", "30"]]  # fmt: skip
    above = ["附件", "污水处理设施资金分配表", "单位：万元"]
    path = tmp_path / f"plan{suffix}"
    if suffix == ".html":
        _blocks_html(path, [*above, rows])
    else:
        import docx
        from docx.oxml import parse_xml

        document = docx.Document()
        for line in above:
            document.add_paragraph(line)
        _add_table(document, [*rows[:3], [*rows[3], ""]])
        last = document.tables[0].rows[3]._tr
        last.remove(last.tc_lst[-1])  # the row's last cell deleted: its grid column left empty
        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        last.get_or_add_trPr().append(parse_xml(f'<w:gridAfter {ns} w:val="1"/>'))
        document.save(str(path))
    twin = tmp_path / "table.csv"
    twin.write_text("\n".join([*above[1:], *map(",".join, rows)]) + "\n", "utf-8")
    from_csv = _read(_imported(twin))
    assert from_csv["indicators"]["配套资金"][3] == {"合计": ["30"], "甲镇": ["30"], "乙镇": [None]}
    assert _read(_imported(path)) == from_csv


def test_a_web_table_titled_by_its_caption(tmp_path: Path) -> None:
    """<caption> is where a page prints a table's title (and its unit line after a <br>): read
    as the lines above the table, as the CSV's first rows are (it was dropped: no title)."""
    rows = [["县区", "2024年", "2025年"], ["全县", "30", "36"], ["甲镇", "12", "15"],
            ["乙镇", "18", "21"]]  # fmt: skip
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><body><p>附件</p><table><caption>路灯改造任务表<br>单位：盏</caption>"
        f"{cells}</table></body></html>",
        encoding="utf-8",
    )
    twin = tmp_path / "table.csv"
    twin.write_text("\n".join(["路灯改造任务表", "单位：盏", *map(",".join, rows)]), "utf-8")
    from_page = _imported(page)
    assert _read(from_page) == _read(_imported(twin))
    (indicator,) = from_page.indicators.values()
    assert (indicator.name, indicator.unit, indicator.table) == ("路灯改造", "盏", "路灯改造任务表")


# The street-light table the unit-line and framed cases print, each checked against its CSV.
STREET_LIGHTS = [["县区", "2024年", "2025年"], ["全县", "30", "36"], ["甲镇", "12", "15"],
                 ["乙镇", "18", "21"]]  # fmt: skip


def _reads_as_street_lights(tmp_path: Path, path: Path) -> None:
    """`path` imports as the CSV twin (title line, unit line, STREET_LIGHTS) does, its one
    indicator in 盏 under the table's title."""
    twin = tmp_path / "table.csv"
    lines = ["路灯改造任务表", "单位：盏", *map(",".join, STREET_LIGHTS)]
    twin.write_text("\n".join(lines), "utf-8")
    from_document = _imported(path)
    assert _read(from_document) == _read(_imported(twin))
    (indicator,) = from_document.indicators.values()
    assert (indicator.unit, indicator.table) == ("盏", "路灯改造任务表")


@pytest.mark.parametrize(
    ("suffix", "line"),
    [(".docx", "路灯改造任务表\t\t单位：盏"), (".html", "路灯改造任务表\u3000\u3000单位：盏")],
)
def test_the_unit_set_right_on_the_title_line(tmp_path: Path, suffix: str, line: str) -> None:
    """Word sets the unit at the right margin of the title's line (tabs), a page with spaces:
    the title and the unit line it prints, as the CSV's two lines (it asked for the unit of
    `路灯改造任务表单位：盏`)."""
    path = tmp_path / f"plan{suffix}"
    (_blocks_docx if suffix == ".docx" else _blocks_html)(path, ["附件", line, STREET_LIGHTS])
    _reads_as_street_lights(tmp_path, path)


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_an_annex_framed_in_a_layout_table(tmp_path: Path, suffix: str) -> None:
    """The annex's title, unit line and table inside the one cell of a frame table (a page
    pasted into Word, a site's layout table): read as if the frame were not there. The Word
    table inside was left out, said only in a note."""
    path = tmp_path / f"plan{suffix}"
    if suffix == ".html":
        cells = ("".join(f"<td>{c}</td>" for c in row) for row in STREET_LIGHTS)
        inner = "".join(f"<tr>{row}</tr>" for row in cells)
        path.write_text(
            "<html><body><p>附件</p><table><tr><td><p>路灯改造任务表</p><p>单位：盏</p>"
            f"<table>{inner}</table></td></tr></table></body></html>",
            encoding="utf-8",
        )
    else:
        import docx

        document = docx.Document()
        document.add_paragraph("附件")
        frame = document.add_table(rows=1, cols=1).cell(0, 0)
        frame.text = "路灯改造任务表"
        frame.add_paragraph("单位：盏")
        inner_table = frame.add_table(rows=len(STREET_LIGHTS), cols=3)
        for r, row in enumerate(STREET_LIGHTS):
            for c, text in enumerate(row):
                inner_table.cell(r, c).text = text
        document.save(str(path))
    _reads_as_street_lights(tmp_path, path)


# --- what the CSV reader reads, read the same in a document (hunt s7 in2) ---------------------

_DISTRICTS = [["区域", "任务量"], ["合计", "30"], ["东区", "10"], ["西区", "20"]]


@pytest.mark.parametrize(
    "line",
    ["金额单位：万元", "單位：萬元", "(US$ thousand)", "Amounts in USD million", "[单位：千米]"],
)
@pytest.mark.parametrize("write", [_docx, _html], ids=["docx", "html"])
def test_a_unit_line_the_csv_reads_leaves_the_title_above_it(
    tmp_path: Path, line: str, write: Any
) -> None:
    """The document reader knew 单位：… alone (in2 D_h04, h10a, h10c, h16, k07): 金额单位：万元
    above the table was taken for its title, 2025年分区任务表 was lost, and the table's year with
    it (本期, where the CSV twin reads 2025). Every unit line the CSV reader reads is one here."""
    layout = Layout(["2025年分区任务表", line], _DISTRICTS)
    twin = tmp_path / "table.csv"
    twin.write_text(_csv(layout), encoding="utf-8")
    from_csv = _read(_imported(twin))
    suffix = ".docx" if write is _docx else ".html"
    document = _imported(write(tmp_path / f"plan{suffix}", layout))
    assert _read(document) == from_csv
    assert [i.years for i in document.indicators.values()] == [[2025]]


_CONTINUED = [["乡镇", "改造户数"], ["合计", "300"], ["甲镇", "180"], ["其中：东村", "60"],
              ["{indent}西村", "50"], ["乙镇", "120"], ["其中：南村", "70"]]  # fmt: skip


def _of_which_continued(indent: str) -> Layout:
    rows = [[cell.format(indent=indent) for cell in row] for row in _CONTINUED]
    return Layout(["2025年农村危房改造任务表", "单位：户"], rows)


@pytest.mark.parametrize(
    ("write", "indent"),
    [
        (_docx, "    "),
        (_docx, "\u3000\u3000"),
        (_html, "\xa0\xa0\xa0\xa0"),
        (_html, "\u3000\u3000"),
    ],
    ids=["docx-spaces", "docx-full-width", "html-nbsp", "html-full-width"],
)
def test_an_of_which_list_continued_by_an_indented_row(
    tmp_path: Path, write: Any, indent: str
) -> None:
    """in2 k18: 西村, indented under 其中：东村, is the list's next part, as in the CSV twin; the
    document's cell lost its leading spaces, and 西村 became a town beside 甲镇 (a false PC101:
    the towns then add up to 350, 合计 is 300). A page indents with &nbsp; where the CSV
    saved from it has spaces."""
    twin = tmp_path / "table.csv"
    twin.write_text(_csv(_of_which_continued(indent.replace("\xa0", " "))), encoding="utf-8")
    from_csv = _read(_imported(twin))
    assert from_csv["areas"] == {"合计": ["甲镇", "乙镇"]}
    assert from_csv["of_which"] == {"甲镇": ["甲镇其中：东村", "甲镇其中：西村"],
                                    "乙镇": ["乙镇其中：南村"]}  # fmt: skip
    layout = _of_which_continued(indent)
    suffix = ".docx" if write is _docx else ".html"
    path = write(tmp_path / f"plan{suffix}", layout)
    assert _read(_imported(path)) == from_csv
    checked = runner.invoke(app, ["validate", str(path), "-f", "json"])
    assert checked.exit_code == 0, checked.output


def test_an_of_which_list_continued_by_word_s_paragraph_indent(tmp_path: Path) -> None:
    """Word indents a cell's text by its paragraph (首行缩进 2 字符, w:ind firstLineChars)
    rather than by spaces: the same level as two full-width spaces typed."""
    from docx.shared import Pt

    path = _docx(tmp_path / "plan.docx", _of_which_continued(""))
    import docx

    document = docx.Document(str(path))
    document.tables[0].cell(4, 0).paragraphs[0].paragraph_format.first_line_indent = Pt(21)
    document.save(str(path))
    targets = _imported(path)
    assert targets.areas == {"合计": ["甲镇", "乙镇"]}
    assert targets.of_which["甲镇"] == ["甲镇其中：东村", "甲镇其中：西村"]


def test_a_page_s_source_layout_before_a_cell_s_text_is_no_indent(tmp_path: Path) -> None:
    """A page written with each cell's text on a line of its own (<td>↵    甲镇) indents the
    markup, not the table: only spaces a browser shows (&nbsp;, 　) or typed on the text's
    line are the cell's indent."""
    from planchk.importers.documents import read_document

    page = ("<html><body><table><tr><td>\n    合计\n</td><td>\n    300\n</td></tr>"
            "<tr><td>&nbsp;&nbsp;西村</td><td>  50</td></tr></table></body></html>")  # fmt: skip
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    (table,) = read_document(path, 10**6).tables
    assert [[c.indent for c in row] for row in table.rows] == [[0, 0], [2, 2]]
    assert [[c.text for c in row] for row in table.rows] == [["合计", "300"], ["西村", "50"]]


def test_a_total_merged_down_beside_a_category_s_years_is_their_period_total(
    tmp_path: Path,
) -> None:
    """Hunt s6 d8: 合计 merged down over the two header rows beside 年度任务 merged across its
    years is each row's sum over those years (the indicator's period_total, checked on every
    row), as 合计 under the category's header is; it was an indicator 合计 of 本期 of its own,
    in the document and its CSV twin alike."""
    layout = LAYOUTS["merged_header"]
    read = _read(_imported(_docx(tmp_path / "plan.docx", layout)))
    assert list(read["indicators"]) == ["危旧房改造"]  # named by what the title counts
    unit, _, years, values, totals = read["indicators"]["危旧房改造"]
    assert (unit, years, values["北湖区"]) == ("户", ["2024", "2025", "2026"], ["50", "60", "70"])
    assert totals == {"全市": "420", "北湖区": "180", "南塘区": "140", "西坝区": "100"}


# --- a table of no year in a plan of one year ------------------------------------------------

_GREENING = Layout(
    ["国土绿化任务分解表", "单位：万亩"],
    [["乡镇", "人工造林", "森林抚育"], ["全县", "0.80", "1.20"], ["甲镇", "0.30", "0.50"],
     ["乙镇", "0.50", "0.70"]],
)  # fmt: skip


def _years(targets: TargetsFile) -> dict[str, list[Any]]:
    return {i.name: list(i.years) for i in targets.indicators.values()}


@pytest.mark.parametrize("write", [_docx, _html], ids=["docx", "html"])
def test_a_table_of_no_year_is_the_year_the_plan_s_title_names(tmp_path: Path, write: Any) -> None:
    """青峰县2025年国土绿化行动方案: its annex table prints no year, and is 2025's (it was 本期, and
    no goal of 2025 was ever checked against it); the log and the file's comments say so."""
    suffix = ".docx" if write is _docx else ".html"
    layout = Layout(["青峰县2025年国土绿化行动方案", "附件", *_GREENING.above], _GREENING.rows)
    path = write(tmp_path / f"plan{suffix}", layout)
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert _years(targets) == {"人工造林": [2025], "森林抚育": [2025]}
    assert list(targets.plan.period or []) == [2025, 2025]
    said = "no year is printed: read as the plan's year 2025, which its title names"
    assert said in result.stderr
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert f"#   {said} (青峰县2025年国土绿化行动方案)" in written
    assert "本期" not in written


def _plan_of_tables(path: Path, title: str, first_title: str, *options: str) -> TargetsFile:
    import docx

    document = docx.Document()
    for line in (title, "附件1", first_title, "单位：万亩"):
        document.add_paragraph(line)
    _add_table(document, [["乡镇", "封山育林"], ["全县", "2.0"], ["甲镇", "1.2"], ["乙镇", "0.8"]])
    document.add_paragraph("附件2")
    for line in _GREENING.above:
        document.add_paragraph(line)
    _add_table(document, _GREENING.rows)
    document.save(str(path))
    return _imported(path, *options)


def test_a_table_of_no_year_is_the_one_year_the_plan_s_other_tables_print(tmp_path: Path) -> None:
    """The title names no year, 表1 is 2025年's: 表2, of no year, is 2025's too."""
    targets = _plan_of_tables(
        tmp_path / "plan.docx", "青峰县国土绿化行动方案", "2025年封山育林任务表"
    )
    assert _years(targets) == {"封山育林": [2025], "人工造林": [2025], "森林抚育": [2025]}


@pytest.mark.parametrize(
    ("title", "first_title", "options", "years"),
    [
        ("青峰县国土绿化三年行动方案（2024—2026年）", "封山育林任务表", (), ["本期"]),
        ("青峰县国土绿化行动方案", "封山育林任务表", (), ["本期"]),
        ("青峰县2025年国土绿化行动方案", "封山育林任务表", ("--year", "2024"), [2024]),
    ],
    ids=["a-period-s-title", "no-year-anywhere", "year-given"],
)
def test_a_table_of_no_year_stays_undated_where_the_plan_has_no_one_year(
    tmp_path: Path, title: str, first_title: str, options: tuple[str, ...], years: list[Any]
) -> None:
    """A plan of 2024—2026 has no one year for a table that prints none (本期, as before), nor
    a plan that prints no year anywhere; --year, given, is every such table's year."""
    targets = _plan_of_tables(tmp_path / "plan.docx", title, first_title, *options)
    assert set(map(tuple, _years(targets).values())) == {tuple(years)}
