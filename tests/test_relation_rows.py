"""Relations that name another row (`占比 = 资金 / 资金[合计] * 100`): where their findings point,
which corrections they offer, and how a relation over named rows alone is checked."""

from __future__ import annotations

from pathlib import Path

from planchk.cli import app
from planchk.engine import check_paths
from planchk.findings import Finding
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner
from tests.small_plans import check_texts

SHARES = """\
plan: {{title: 测试方案, period: [2024, 2024]}}
areas:
  合计: [甲县, 乙县, 丙县]
indicators:
  funds:
    name: 资金
    unit: 万元
    kind: flow
    years: [2024]
    values: {{合计: [{total}], 甲县: [500], 乙县: [300], 丙县: [200]}}
  total:
    name: 总额
    unit: 万元
    kind: flow
    sum: none
    years: [2024]
    values: {{合计: [1000]}}
  share:
    name: 占比
    unit: "%"
    kind: ratio
    years: [2024]
    values: {{合计: [100.0], 甲县: [50.0], 乙县: [30.0], 丙县: [{share}]}}
relations:
  - {relation}
"""
FUNDS_LINE, SHARE_LINE = 10, 23


def _findings(tmp_path: Path, code: str, **given: str) -> list[Finding]:
    fields = {"total": "1000", "share": "20.0", "relation": "占比 = 资金 / 资金[合计] * 100"}
    report = check_texts(tmp_path, SHARES.format(**(fields | given)))
    return [f for f in report.findings if f.code == code]


def test_a_share_of_the_total_row_holds_on_every_row_and_the_total_row_is_100(
    tmp_path: Path,
) -> None:
    assert _findings(tmp_path, "PC106") == []
    assert _findings(tmp_path, "PC101") == []  # a share column is never summed


def test_the_finding_points_at_the_row_and_relates_the_total_row_s_cell(tmp_path: Path) -> None:
    [finding] = _findings(tmp_path, "PC106", share="25.0")
    assert (finding.args["area"], finding.location.line) == ("丙县", SHARE_LINE)
    related = [(place.line, place.column) for place in finding.related]
    # 资金 of 丙县 (column 53) and 资金 of 合计 (column 19), both on the funds line
    assert related == [(FUNDS_LINE, 53), (FUNDS_LINE, 19)]


def test_a_wrong_total_row_fails_every_other_row(tmp_path: Path) -> None:
    findings = _findings(tmp_path, "PC106", total="1200")
    # the total row is 100% of itself whatever it holds
    assert [f.args["area"] for f in findings] == ["甲县", "乙县", "丙县"]


def test_the_correction_offered_is_the_row_s_own_cell(tmp_path: Path) -> None:
    [finding] = _findings(tmp_path, "PC106", share="25.0")
    said = [(s.path, s.old, s.new) for s in finding.suggestions]
    assert said == [("indicators.share.values.丙县.2024", "25.0", "20.0")]
    # an indicator read only in a named row is no cell of the row checked: never offered
    relation = "占比 = 资金 / 总额[合计] * 100"
    [finding] = _findings(tmp_path, "PC106", share="25.0", relation=relation)
    assert all(".total." not in s.path for s in finding.suggestions)


def test_a_relation_over_named_rows_alone_is_checked_once_a_year(tmp_path: Path) -> None:
    relation = "资金[甲县] + 资金[乙县] + 资金[丙县] <= 资金[合计]"
    assert _findings(tmp_path, "PC106", relation=relation) == []
    [finding] = _findings(tmp_path, "PC106", relation=relation, total="900")
    assert finding.args["area"] == "甲县"  # the first row it names
    assert (finding.args["left"], finding.args["right"]) == (1000, 900)


def test_a_total_row_of_zero_is_a_division_by_zero_in_every_row(tmp_path: Path) -> None:
    found = _findings(tmp_path, "PC110", total="0")
    assert sorted(str(f.args["area"]) for f in found) == sorted(["合计", "甲县", "乙县", "丙县"])


def test_an_imported_header_with_brackets_makes_an_id_a_relation_can_name(
    tmp_path: Path,
) -> None:
    """资金[中央] as an id would read as 资金 in the row 中央: the id takes `_` instead."""
    source = tmp_path / "t.csv"
    source.write_text(
        "2024年表\n单位：万元\n县区,合计,资金[中央],资金[省级]\n全市,10,6,4\n甲县,5,3,2\n乙县,5,3,2\n",
        encoding="utf-8",
    )
    out = tmp_path / "targets.yaml"
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    assert model.relations == ["合计 = 资金_中央 + 资金_省级"]
    assert model.indicators["资金_中央"].name == "资金[中央]"  # the name stays as printed
    assert [f.code for f in check_paths([out]).findings] == []
