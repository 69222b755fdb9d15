"""Every fatal finding of the loader that can come once a row is capped per code and file, as
cells of the wrong type are (loader.capped; issue 17: 600,000 rows that are numbers gave
600,000 PC022 from the schema, 1.5 GB; each row typed twice, 300,000 PC004).

The first `limit` of each code are listed in the order the loader finds them, then one PC903
(an error, fatal) at the first one left out counts the rest of that code."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.config import Config
from planchk.engine import check_paths
from planchk.findings import Finding, Severity
from planchk.loader import load_file
from tests.small_plans import write_plan

ROWS = 6
HEAD = "plan: {title: 测试, period: [2024, 2025]}\nareas:\n"
TABLE = "indicators:\n  x:\n    name: 测试\n    unit: 件\n    kind: flow\n"
TABLE += "    years: [2024, 2025]\n    values:\n"
NAMES = [f"区{n}" for n in range(ROWS)]
AREAS = f"  全区: [{', '.join(NAMES)}]\n"


def _rows(row: str) -> str:
    """The total's row on line 11, then each area's from line 12 on."""
    total = f"      全区: [{ROWS}, {ROWS}]\n"
    return HEAD + AREAS + TABLE + total + "".join(map(row.format, NAMES))


def _listed(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.location.line, f.location.column) for f in findings]


def _load(tmp_path: Path, text: str, limit: int) -> list[Finding]:
    loaded = load_file(write_plan(tmp_path, text) / "targets.yaml", "t.yaml", max_findings=limit)
    assert not loaded.usable
    return loaded.problems


CASES = {
    # a number where a row is due: pydantic's PC022, not a cell's
    "numbers": (_rows("      {}: 1\n"), "PC022 schema-wrong-type", [12, 13, 14, 15], 11),
    # each row typed twice: the second of each is PC004, on lines 13, 15, 17, ...
    "twice": (_rows("      {0}: [1, 1]\n      {0}: [1, 1]\n"), "PC004 duplicate-key",
              [13, 15, 17, 19], 7),
    # and again with an ideographic space after the name
    "lookalike": (_rows("      {0}: [1, 1]\n      {0}\u3000: [1, 1]\n"), "PC015 lookalike-key",
                  [13, 15, 17, 19], 7),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_the_first_of_a_code_are_listed_and_the_rest_counted(tmp_path: Path, case: str) -> None:
    text, rule, lines, column = CASES[case]
    found = _load(tmp_path, text, 3)
    code = rule.split()[0]
    assert _listed(found) == [(code, line, column) for line in lines[:3]] + [
        ("PC903", lines[3], column)  # where the first left out is
    ]
    summary = found[-1]
    assert summary.args == {"rule": rule, "count": ROWS - 3, "limit": 3}
    assert (summary.severity, summary.fatal) == (Severity.ERROR, True)


@pytest.mark.parametrize("case", CASES)
def test_no_limit_lists_every_one(tmp_path: Path, case: str) -> None:
    text, rule, _, _ = CASES[case]
    assert [f.code for f in _load(tmp_path, text, 0)] == [rule.split()[0]] * ROWS
    assert _load(tmp_path, text, ROWS) == _load(tmp_path, text, 0)


def test_the_schema_and_the_cells_share_one_cap_of_their_code(tmp_path: Path) -> None:
    """Rows that are numbers (the schema's PC022) and cells that are text (the cells' PC022)
    in one file: as many listed as the cap keeps of PC022, one PC903 counting the others."""
    text = _rows("      {}: 1\n") + "".join(f'      区{n}甲: ["1", 1]\n' for n in range(ROWS))
    text = text.replace(AREAS, f"  全区: [{', '.join([*NAMES, *(n + '甲' for n in NAMES)])}]\n")
    found = _load(tmp_path, text, 4)
    assert [f.code for f in found] == ["PC022"] * 4 + ["PC903"]
    assert found[-1].args["count"] == 2 * ROWS - 4


def test_codes_are_capped_apart(tmp_path: Path) -> None:
    """Each indicator with a field too many (PC021) and no unit (PC020): each code its own
    first findings and its own PC903."""
    indicator = "  x{0}:\n    name: 指标{0}\n    kind: flow\n    colour: 红\n    years: [2024]\n"
    indicator += "    values: {{全区: [2]}}\n"
    text = HEAD + "  全区: [甲]\nindicators:\n" + "".join(map(indicator.format, range(ROWS)))
    found = _load(tmp_path, text, 2)
    summaries = {f.args["rule"]: f.args["count"] for f in found if f.code == "PC903"}
    assert summaries == {"PC020 schema-missing-field": 4, "PC021 schema-unknown-field": 4}
    assert sorted(f.code for f in found if f.code != "PC903") == ["PC020"] * 2 + ["PC021"] * 2


def test_a_check_lists_as_many_as_its_configuration_says(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, _rows("      {0}: [1, 1]\n      {0}: [1, 1]\n"))
    report = check_paths([plan], Config(max_findings_per_rule=2))
    assert [f.code for f in report.findings] == ["PC004", "PC004", "PC903"]
    assert report.findings[-1].args["count"] == ROWS - 2
    assert report.unusable


def test_rows_that_are_not_lists_are_found_before_the_schema(tmp_path: Path) -> None:
    """The loader sets aside rows that are not lists (the schema made an error of each) and
    reports each as the schema did: its field, a list expected, what it is."""
    text = _rows("      {}: 1\n").replace("区1: 1", "区1: {a: 1}").replace("区2: 1", "区2: ~")
    found = _load(tmp_path, text + "    colour: 红\n", 0)
    assert [(f.code, f.path, dict(f.args)) for f in found if f.code == "PC022"][:3] == [
        ("PC022", "indicators.x.values.区0", {"field": "indicators.x.values.区0",
         "expected": "list", "found_kind": "number", "found": "1"}),
        ("PC022", "indicators.x.values.区1", {"field": "indicators.x.values.区1",
         "expected": "list", "found_kind": "mapping", "found": ""}),
        ("PC022", "indicators.x.values.区2", {"field": "indicators.x.values.区2",
         "expected": "list", "found_kind": "empty", "found": ""}),
    ]  # fmt: skip
    assert [f.code for f in found].count("PC021") == 1  # the schema still checks the rest
