"""Import of the layouts that tests/tables/ does not pin in detail: the ids import writes, the
rows its log points at, indicator rows over years, tables with no year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.helpers import imported, imported_and_validated

runner = CliRunner()


def _loud(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(f["code"], f["path"]) for f in findings if f["severity"] in ("error", "warning")]


def test_ids_that_start_with_digits_are_kept_and_digits_alone_are_renamed(tmp_path: Path) -> None:
    done = imported_and_validated(
        tmp_path,
        "2024年人口统计\n单位：人\n地区,2023年完成数,2024年目标,比上年增减\n"
        "全镇,100,120,20\n甲村,60,70,10\n乙村,40,50,10\n",
        name="目标.csv",
        out=tmp_path / "targets.yaml",
    )
    assert sorted(done.document["indicators"]) == ["2023年完成数", "2024年目标", "比上年增减"]
    assert done.document["relations"] == ["比上年增减 = 2024年目标 - 2023年完成数"]
    assert _loud(done.findings) == []
    numbered = imported(  # no title: the file's name names the indicator
        tmp_path,
        "单位：个\n地区,2023年,2024年\n全镇,5,6\n甲村,2,3\n乙村,3,3\n",
        name="2024.csv",
        stdout=True,
    )
    assert list(numbered.document["indicators"]) == ["indicator_2024"]
    assert numbered.document["indicators"]["indicator_2024"]["name"] == "2024"
    assert "indicator_2024" in numbered.log


def test_the_log_of_indicator_rows_points_at_each_indicators_row(tmp_path: Path) -> None:
    out = tmp_path / "targets.yaml"
    said = imported(
        tmp_path,
        "2024年民生实事目标分解表\n指标,单位,全市,甲区,乙区\n"
        "新增城镇就业,万人,1.2,0.7,0.5\n改造老旧小区,个,35,20,待定\n",
        name="实事.csv",
        out=out,
    ).log
    comments = [line[2:] for line in out.read_text("utf-8").splitlines() if line.startswith("#")]
    for log in (said.splitlines(), comments):  # what the table prints, in the log and the file
        assert "  unit: 个, in the column `单位` of row 4" in log
        header = "  header: row 2; the indicators are the rows of the column `指标`"
        assert f"{header} (units in `单位`), the areas are the columns 全市、甲区、乙区" in log
        assert "  row 3: the indicator 新增城镇就业" in log
        assert "  row 4: the indicator 改造老旧小区" in log
        assert log.count("  total: the column 全市, named as a total") == 1  # said once
        assert "  2 area columns under the total: 甲区、乙区" in log
        assert (
            "  row 4: 1 cell holds text (待定), kept as its area's note and read as a blank" in log
        )
        assert not [line for line in log if "地区" in line or "(row 2)" in line]


def test_the_log_of_indicator_rows_over_years_names_no_area_column(tmp_path: Path) -> None:
    said = imported(
        tmp_path,
        "主要指标\n序号,指标名称,计量单位,2021年,2022年\n1,高新技术企业数,家,96,112\n",
        name="指标.csv",
        stdout=True,
    ).log
    log = said.splitlines()
    assert "  unit: 家, in the column `计量单位` of row 3" in log
    header = "  header: row 2; the indicators are the rows of the column `指标名称`"
    assert f"{header} (units in `计量单位`)" in log
    assert "  row 3: the indicator 高新技术企业数" in log
    assert not [line for line in log if "地区" in line or "one row:" in line]


def test_an_error_in_an_indicator_row_names_the_printed_cell(tmp_path: Path) -> None:
    source = tmp_path / "实事.csv"
    source.write_text(
        "2024年民生实事目标分解表\n指标,单位,全市,甲区,乙区\n"
        "新增城镇就业,万人,1.2,0.7,0.5\n改造老旧小区,个,35,20,1..5\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(source)])
    assert result.exit_code == 2, result.output
    assert "cell E4" in result.output  # 乙区's column, the row of 改造老旧小区


def test_a_table_of_indicator_rows_over_years_needs_no_option(tmp_path: Path) -> None:
    out = tmp_path / "targets.yaml"
    done = imported_and_validated(
        tmp_path,
        "青云谱区科技创新三年行动主要指标\n指标,单位,2021年,2022年,2023年\n"
        "高新技术企业数,家,96,112,130\n技术合同成交额,亿元,6.8,7.5,8.3\n",
        name="指标.csv",
        out=out,
    )
    assert done.document["areas"] == {"青云谱区": []}
    assert done.document["indicators"]["技术合同成交额"]["values"] == {"青云谱区": [6.8, 7.5, 8.3]}
    assert "青云谱区 (named by the title)" in done.log
    assert "青云谱区 (named by the title)" in out.read_text("utf-8")  # and in a comment
    assert _loud(done.findings) == []


PLAN = """\
plan: {{title: 测试方案}}
areas:
  合计: [甲镇, 乙镇]
indicators:
  收益:
    name: 电站收益
    unit: 万元
    kind: stock
    years: {years}
    values:
      合计: [{total}]
      甲镇: [{first}]
      乙镇: [50]
  分配:
    name: 分配到村
    unit: 万元
    kind: flow
    years: [本期]
    values:
      合计: [90]
      甲镇: [40]
      乙镇: [50]
relations: [分配 <= 收益]
"""


def _codes(tmp_path: Path, **values: object) -> list[tuple[str, str]]:
    plan = tmp_path / "targets.yaml"
    plan.write_text(PLAN.format(**values), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "-f", "json"])
    return [(f["code"], f["path"]) for f in json.loads(result.stdout)["findings"]]


def test_a_period_label_is_checked_as_a_year_is(tmp_path: Path) -> None:
    assert _codes(tmp_path, years="[本期]", total="100", first="50") == []
    # the sums and the relations of the one period are checked
    assert _codes(tmp_path, years="[本期]", total="103", first="50") == [
        ("PC101", "indicators.收益.values.合计.本期")
    ]
    assert sorted(_codes(tmp_path, years="[本期]", total="80", first="30")) == [
        ("PC106", "relations.0.合计.本期"),
        ("PC106", "relations.0.甲镇.本期"),
    ]


def test_a_period_label_stands_alone(tmp_path: Path) -> None:
    [(code, path)] = _codes(tmp_path, years="[2023, 本期]", total="100, 100", first="50, 50")
    assert path.startswith("indicators.收益")
    assert code.startswith("PC0")  # a schema finding, not a rule on wrong data


SUBTOTALS = """2024年农村道路养护补助资金分配表
单位：万元
地区,补助资金
合计,{total}
东湖县,{county}
城关镇,33.33
河口镇,33.33
白沙镇,33.33
西山县,200.00
青石镇,120.50
柳林镇,79.50
"""


def test_a_subtotal_beyond_rounding_is_no_subtotal(tmp_path: Path) -> None:
    table = SUBTOTALS.format(total="300.00", county="100.00")
    document = imported(tmp_path, table, name="养护.csv", stdout=True).document
    assert document["areas"]["东湖县"] == ["城关镇", "河口镇", "白沙镇"]
    # 0.51 off: not the rounding of four figures printed to 0.01 (±0.02); nothing nests
    # under it, and validate says the parts do not add up
    table = SUBTOTALS.format(total="300.50", county="100.50")
    done = imported_and_validated(tmp_path, table, name="养护.csv", out=tmp_path / "targets.yaml")
    assert "东湖县" not in done.document["areas"]
    assert [code for code, _ in _loud(done.findings)] == ["PC101"]


def test_a_period_label_diffs_and_reports(tmp_path: Path) -> None:
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(PLAN.format(years="[本期]", total="100", first="50"), encoding="utf-8")
    after.write_text(PLAN.format(years="[本期]", total="101", first="51"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(before), str(after), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    changes = json.loads(result.stdout)["changes"]
    cells = {(c["args"]["area"], c["args"]["year"], c["args"].get("total")) for c in changes}
    assert cells == {("合计", "本期", "yes"), ("甲镇", "本期", None)}
    report = runner.invoke(app, ["report", str(after), "-f", "markdown"])
    assert report.exit_code in (0, 1), report.output
    assert "| 本期 |" in report.stdout


def test_an_exact_subtotal_comes_before_one_within_rounding(tmp_path: Path) -> None:
    # 南镇 4 is within rounding of 西镇 2 + 东镇 1, but 1县 7 is exactly all three
    document = imported(
        tmp_path,
        "2024年任务\n单位：万元\n地区,任务\n合计,7\n1县,7\n南镇,4\n西镇,2\n东镇,1\n",
        name="层级.csv",
        stdout=True,
    ).document
    assert document["areas"] == {"合计": ["1县"], "1县": ["南镇", "西镇", "东镇"]}


def _towns(count: int, first: int = 1) -> str:
    """A county of `count` towns of 1 each under its subtotal, after a total row."""
    towns = "".join(f"{n}.镇{n},1\n" for n in range(first, first + count))
    return f"2024年任务\n单位：万元\n地区,任务\n合计,{count}\n（一）县,{count}\n{towns}"


def test_a_long_subtotal_is_listed_by_its_first_ten_rows_and_a_count(tmp_path: Path) -> None:
    out = tmp_path / "targets.yaml"
    done = imported(tmp_path, _towns(15), name="长表.csv", out=out)
    document, log, source = done.document, done.log, done.source
    # the file keeps every row; the log names ten and counts the five it leaves out
    assert document["areas"]["县"] == [f"镇{n}" for n in range(1, 16)]
    line = next(line for line in log.splitlines() if "subtotal 县" in line)
    assert "the sum of its 15 rows 镇1、镇2" in line
    assert "镇10 and 5 more, checked" in line
    assert "镇11" not in line
    assert "镇11" not in "".join(c for c in out.read_text("utf-8").splitlines() if "#" in c)
    zh = runner.invoke(app, ["--lang", "zh", "import", str(source)])
    assert "镇10等，另有 5 个" in zh.stderr


def _counties(count: int) -> str:
    """`count` counties under a total, each the subtotal of its two towns (1 and 2)."""
    rows = "".join(f"（{n}）县{n},3\n1.甲{n},1\n2.乙{n},2\n" for n in range(1, count + 1))
    return f"2024年任务\n单位：万元\n地区,任务\n合计,{3 * count}\n{rows}"


def _subtotal_lines(text: str) -> list[str]:
    return [line.strip("# ") for line in text.splitlines() if "subtotal 县" in line]


def test_the_log_says_ten_subtotals_and_counts_the_rest_the_file_keeps_all(
    tmp_path: Path,
) -> None:
    out = tmp_path / "targets.yaml"
    done = imported(tmp_path, _counties(14), name="县.csv", out=out)
    document, log, source = done.document, done.log, done.source
    assert len(document["areas"]["合计"]) == 14  # every county is still read and checked
    logged = _subtotal_lines(log)
    assert [line.split(" (row ")[0] for line in logged] == [f"subtotal 县{n}" for n in range(1, 11)]
    more = [line for line in log.splitlines() if "more subtotals" in line]
    assert [line.split(",")[0] for line in more] == ["  and 4 more subtotals"]
    # the lines come in the order of the table: the count right after the tenth
    lines = log.splitlines()
    assert lines.index(more[0]) == lines.index(next(x for x in lines if "县10 (" in x)) + 1
    written = _subtotal_lines(out.read_text("utf-8"))
    assert [line.split(" (row ")[0] for line in written] == [
        f"subtotal 县{n}" for n in range(1, 15)
    ]
    assert "more subtotals" not in out.read_text("utf-8")
    zh = runner.invoke(app, ["--lang", "zh", "import", str(source)])
    assert "  另有 4 个小计" in zh.stderr
    assert zh.stderr.count("小计 县") == 10


def test_eleven_subtotals_are_all_in_the_log(tmp_path: Path) -> None:
    # "and 1 more subtotal" would take the place of the one line it hides
    log = imported(tmp_path, _counties(11), name="县.csv", stdout=True).log
    assert len(_subtotal_lines(log)) == 11
    assert "more subtotal" not in log


def test_a_subtotal_of_eleven_rows_names_them_all(tmp_path: Path) -> None:
    # "and 1 more" would hide a name behind as many words as the name itself
    log = imported(tmp_path, _towns(11), name="十一.csv", stdout=True).log
    line = next(line for line in log.splitlines() if "subtotal 县" in line)
    assert "镇10、镇11, checked" in line
    assert "more" not in line
