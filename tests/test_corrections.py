"""Which cell is wrong: planted errors in the seed plan, and the corrections planchk suggests.

Each case copies data/ (whose sums all hold), plants one typing slip of a known kind, and
checks that the planted cell is the first suggestion, with the value that was printed before
the slip. Where no single edit explains an imbalance (two cells wrong at once), planchk must
say so rather than invent one.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from planchk.cli import app
from planchk.engine import check_paths
from planchk.findings import Finding
from planchk.rules.suggest.slips import classify, printed
from tests.cli_runner import CliRunner
from tests.paths import DATA
from tests.small_plans import check_texts


def _planted(tmp_path: Path, *edits: tuple[str, str]) -> list[Finding]:
    """Check a copy of data/ with each `old` row text replaced by `new`; the sum findings."""
    plan = tmp_path / "data"
    shutil.copytree(DATA, plan)
    targets = plan / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old  # a planted edit must hit exactly one row
        text = text.replace(old, new)
    targets.write_text(text, encoding="utf-8")
    return [f for f in check_paths([plan]).findings if f.code == "PC101"]


def _first(finding: Finding) -> tuple[str, str, str, str, int]:
    top = finding.suggestions[0]
    return top.kind, str(top.args["area"]), top.old, top.new, int(str(top.args["year"]))


@pytest.mark.parametrize(
    ("row", "planted", "expected"),
    [
        # the issue's own example: 3.86 typed as 3.68
        ("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]", ("swap", "徐家坊街办", "3.68", "3.86", 2022)),
        ("[10, 60, 68]", "[10, 80, 68]", ("digit", "京山街办", "80", "60", 2022)),
        ("[20, 120, 125]", "[20, 12, 125]", ("dropped", "集聚区", "12", "120", 2022)),
        ("[10, 120, 125]", "[10, 1120, 125]", ("doubled", "徐家坊街办", "1120", "120", 2022)),
        ("[26, 28, 33]", "[26, 278, 33]", ("extra", "集聚区", "278", "28", 2022)),
        ("[1.5, 1.74, 2.17]", "[1.5, 17.4, 2.17]", ("shift", "三家店街办", "17.4", "1.74", 2022)),
        # 980 万元 typed into the 亿元 table where 0.098 亿元 was meant
        ("[0.05, 0.098, 0.119]", "[0.05, 980, 0.119]", ("unit", "洪都街办", "980", "0.098", 2022)),
        # the total itself mistyped
        ("[513, 565, 609]", "[513, 556, 609]", ("swap", "青云谱区", "556", "565", 2022)),
        (
            "[5, 7, 9]\n      集聚区:     [26",
            "[5, -7, 9]\n      集聚区:     [26",
            ("sign", "青云谱镇", "-7", "7", 2022),
        ),
    ],
)
def test_a_single_slip_ranks_the_planted_cell_first(
    tmp_path: Path, row: str, planted: str, expected: tuple[str, str, str, str, int]
) -> None:
    [finding] = _planted(tmp_path, (row, planted))
    assert _first(finding) == expected
    top = finding.suggestions[0]
    assert top.path == f"{finding.path.rsplit('.', 2)[0]}.{expected[1]}.{expected[4]}"
    assert top.location.line > 0  # points at the planted cell
    assert top.location.column > 0


def test_a_unit_slip_in_the_total_is_named_as_such(tmp_path: Path) -> None:
    [finding] = _planted(tmp_path, ("[6.0, 7.0, 8.3]", "[6.0, 70000, 8.3]"))
    assert _first(finding) == ("unit", "青云谱区", "70000", "7", 2022)


def test_a_value_typed_into_the_wrong_year_fixes_both_columns(tmp_path: Path) -> None:
    found = _planted(tmp_path, ("[19, 21, 24]", "[19, 24, 21]"))
    assert [f.args["year"] for f in found] == [2022, 2023]
    assert [_first(f) for f in found] == [
        ("column", "三家店街办", "24", "21", 2022),
        ("column", "三家店街办", "21", "24", 2023),
    ]
    # a single-digit edit of the same cell is the same correction: it is not offered twice
    cells = [(s.path, s.new) for f in found for s in f.suggestions]
    assert len(cells) == len(set(cells))


@pytest.mark.parametrize(
    "edits",
    [
        # two rows wrong in one column: no single cell explains the imbalance
        (("[10, 60, 68]", "[10, 80, 68]"), ("[20, 120, 125]", "[20, 12, 125]")),
        (("[10, 60, 68]", "[10, 80, 68]"), ("[20, 120, 125]", "[20, 121, 125]")),
        # an imbalance that no slip of one digit, sign, unit or decimal point produces
        (("[13, 75, 85]", "[13, 75, 47]"),),
    ],
)
def test_no_suggestion_where_no_single_edit_explains_it(
    tmp_path: Path, edits: tuple[tuple[str, str], ...]
) -> None:
    [finding] = _planted(tmp_path, *edits)
    assert finding.suggestions == ()


SMALL = """\
plan: {{title: 测试方案, period: [2021, 2022]}}
areas:
  全区: [甲街道, 乙街道]
indicators:
  x:
    name: 测试指标
    unit: {unit}
    kind: {kind}
    years: [2021, 2022]
    values: {{全区: [{total}], 甲街道: [{first}], 乙街道: [{second}]}}
"""


def _offered(tmp_path: Path, **fields: str) -> list[tuple[str, str, str]]:
    report = check_texts(tmp_path, SMALL.format(**fields))
    [finding] = [f for f in report.findings if f.code == "PC101"]
    return [(str(s.args["area"]), s.old, s.new) for s in finding.suggestions]


@pytest.mark.parametrize(("kind", "offered"), [("stock", False), ("flow", True)])
def test_a_correction_that_makes_a_stock_fall_is_not_offered(
    tmp_path: Path, kind: str, offered: bool
) -> None:
    # 乙街道's 22 was typed as 27: the 2022 column is 5 too high. 甲街道 19 → 14 would balance
    # it with one digit too, but a stock (a count of enterprises) cannot fall from 18 to 14.
    found = _offered(
        tmp_path, unit="家", kind=kind, total="38, 41", first="18, 19", second="20, 27"
    )
    assert found[0] == ("乙街道", "27", "22")
    assert (("甲街道", "19", "14") in found) is offered


@pytest.mark.parametrize(("unit", "offered"), [("件", False), ("万元", True)])
def test_counts_are_only_corrected_to_whole_numbers(
    tmp_path: Path, unit: str, offered: bool
) -> None:
    # 85 for 8.5 (a shifted decimal point) balances the column, but 8.5 件 is not a count.
    found = _offered(
        tmp_path, unit=unit, kind="flow", total="10, 10", first="85, 5", second="1.5, 5"
    )
    assert (("甲街道", "85", "8.5") in found) is offered


def test_the_seed_sums_hold_so_nothing_is_suggested() -> None:
    findings = check_paths([DATA]).findings
    assert not [f for f in findings if f.suggestions]


def test_fix_suggestions_prints_them_and_json_carries_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _planted(tmp_path, ("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"))
    monkeypatch.chdir(tmp_path)
    text = runner.invoke(app, ["validate", "data", "--fix-suggestions"], env={"NO_COLOR": "1"})
    line = (
        "      suggestion: 徐家坊街办 2022: 3.68 → 3.86, two adjacent digits swapped; "
        "this restores the 2022 total of 青云谱区\n"
    )
    assert line in text.stdout
    plain = runner.invoke(app, ["validate", "data"], env={"NO_COLOR": "1"})
    assert "suggestion:" not in plain.stdout  # printed only when asked for
    document = json.loads(runner.invoke(app, ["validate", "data", "-f", "json"]).stdout)
    [finding] = [f for f in document["findings"] if f["code"] == "PC101"]
    [suggestion] = finding["suggestions"]
    assert {k: suggestion[k] for k in ("path", "old", "new", "kind", "file", "line")} == {
        "path": "indicators.contract_turnover.values.徐家坊街办.2022",
        "old": "3.68",
        "new": "3.86",
        "kind": "swap",
        "file": "data/targets.yaml",
        "line": 53,
    }


def test_fix_suggestions_says_when_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _planted(tmp_path, ("[10, 60, 68]", "[10, 80, 68]"), ("[20, 120, 125]", "[20, 12, 125]"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "data", "--fix-suggestions"], env={"NO_COLOR": "1"})
    assert "no single typing slip in one cell explains this imbalance" in result.stdout


def test_fix_suggestions_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _planted(tmp_path, ("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["--lang", "zh", "validate", "data", "--fix-suggestions"], env={"NO_COLOR": "1"}
    )
    assert "修改建议：徐家坊街办 2022年：3.68 → 3.86，相邻两位数字颠倒" in result.stdout


RELATED = """\
plan: {{title: 测试方案, period: [2021, 2022]}}
areas:
  全区: [甲街道, 乙街道]
indicators:
  total:
    name: 项目合计
    unit: 个
    kind: flow
    years: [2021, 2022]
    values: {{全区: [126, 150], 甲街道: [{total}, 80], 乙街道: [52, 70]}}
  new:
    name: 新建
    unit: 个
    kind: flow
    years: [2021, 2022]
    values: {{全区: [81, 95], 甲街道: [47, 50], 乙街道: [34, 45]}}
  renovated:
    name: 改建
    unit: 个
    kind: flow
    years: [2021, 2022]
    values: {{全区: [45, 55], 甲街道: [27, 30], 乙街道: [18, 25]}}
relations:
  - 项目合计 = 新建 + 改建
"""


def test_a_relation_that_fails_by_a_slip_gets_a_suggestion(tmp_path: Path) -> None:
    # 甲街道's 项目合计 should be 47 + 27 = 74; 47 was typed (one digit wrong), so the
    # column of 全区 fails too and both findings point at the same cell.
    report = check_texts(tmp_path, RELATED.format(total=47))
    relation = next(f for f in report.findings if f.code == "PC106")
    assert (relation.args["area"], relation.args["left"], relation.args["right"]) == (
        "甲街道",
        47,
        74,
    )
    top = relation.suggestions[0]
    assert (top.args["area"], top.old, top.new) == ("甲街道", "47", "74")
    column = next(f for f in report.findings if f.code == "PC101")
    assert (column.suggestions[0].path, column.suggestions[0].new) == (top.path, "74")


def test_a_relation_that_holds_has_no_finding(tmp_path: Path) -> None:
    report = check_texts(tmp_path, RELATED.format(total=74))
    assert not [f for f in report.findings if f.code.startswith("PC1")]


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        ("3.68", "3.86", "swap"),
        ("3.66", "3.68", "digit"),
        ("120", "1200", "dropped"),
        ("1220", "120", "doubled"),
        ("1270", "120", "extra"),
        ("0.5", "5.0", "shift"),
        ("0.5", "0.005", "shift"),
        ("83000", "8.3", "unit"),
        ("-7", "7", "sign"),
    ],
)
def test_slips_are_classified(old: str, new: str, kind: str) -> None:
    slip = classify(Decimal(old), Decimal(new))
    assert slip is not None
    assert slip.kind == kind


@pytest.mark.parametrize(
    ("old", "new"),
    [("3.68", "3.68"), ("3.68", "4.79"), ("120", "201"), ("3.68", "3.5"), ("5", "-50"),
     ("12", "21.5")],
)  # fmt: skip
def test_what_is_not_one_slip(old: str, new: str) -> None:
    assert classify(Decimal(old), Decimal(new)) is None


def test_corrections_are_printed_with_the_digits_of_the_cell() -> None:
    assert printed(Decimal("3.86"), Decimal("3.68")) == "3.86"
    assert printed(Decimal("7"), Decimal("7.0")) == "7.0"
    assert printed(Decimal("0.098"), Decimal("980")) == "0.098"
    assert printed(Decimal("120"), Decimal("1120")) == "120"


def test_suggestions_are_worked_out_only_where_they_are_shown(tmp_path: Path) -> None:
    _planted(tmp_path, ("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"))
    [shown] = [f for f in check_paths([tmp_path / "data"]).findings if f.code == "PC101"]
    [skipped] = [
        f for f in check_paths([tmp_path / "data"], suggest=False).findings if f.code == "PC101"
    ]
    assert shown.suggestions
    assert skipped.suggestions == ()
    assert (skipped.code, skipped.path, skipped.message) == (shown.code, shown.path, shown.message)


def test_diff_leaves_suggestions_to_validate(tmp_path: Path, runner: CliRunner) -> None:
    shutil.copytree(DATA, tmp_path / "old")
    _planted(tmp_path, ("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"))
    result = runner.invoke(
        app, ["diff", str(tmp_path / "old"), str(tmp_path / "data"), "-f", "json"]
    )
    [introduced] = json.loads(result.stdout)["findings"]["introduced"]
    assert introduced["code"] == "PC101"
    assert introduced["suggestions"] == []
