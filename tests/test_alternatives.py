"""A finding's suggested corrections are alternatives: each alone resolves it, all at once do not.

broken_county's 2024 column of 高新技术企业数量 adds up to 41 against a printed total of 40. Three
single-cell corrections each balance it (河口镇 11 → 10, 工业园区 16 → 15, 全县 40 → 41); applying
all three leaves it off again. Every format shows the most likely one as such and the others
as "or"; a report marks a cell with a proposed value only for the most likely one.
"""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import ROOT

runner = CliRunner()
BROKEN = ROOT / "tests" / "plans" / "broken_county"
COLUMN = "indicators.enterprises.values.{area}.2024"
PARTS = ("城关镇", "河口镇", "工业园区")


def _validate(plan: Path, fmt: str, *extra: str) -> str:
    result = runner.invoke(app, ["validate", str(plan), "-f", fmt, *extra])
    assert result.exit_code == 1, result.output
    return result.stdout


def _report(tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", str(BROKEN), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _finding_2024() -> dict[str, Any]:
    document = json.loads(_validate(BROKEN, "json"))
    [found] = [
        f for f in document["findings"] if f["code"] == "PC101" and f["args"]["year"] == 2024
    ]
    assert isinstance(found, dict)
    return found


def _balances(values: dict[str, Decimal]) -> bool:
    return sum(values[area] for area in PARTS) == values["全县"]


def test_each_alternative_alone_balances_the_column_and_all_together_do_not() -> None:
    found = _finding_2024()
    printed = {"全县": Decimal(40), "城关镇": Decimal(14), "河口镇": Decimal(11)}
    printed["工业园区"] = Decimal(16)
    assert not _balances(printed)
    suggestions = found["suggestions"]
    assert [s["alternative"] for s in suggestions] == [0, 1, 2]
    changed = dict(printed)
    for suggestion in suggestions:
        area = suggestion["args"]["area"]
        assert Decimal(suggestion["old"]) == printed[area]
        assert _balances({**printed, area: Decimal(suggestion["new"])}), suggestion
        changed[area] = Decimal(suggestion["new"])
    assert not _balances(changed)  # the three applied at once break the column again
    assert {s["args"]["area"] for s in suggestions} == {"全县", "河口镇", "工业园区"}


def test_text_marks_the_most_likely_and_lists_the_others_as_or() -> None:
    found = _finding_2024()
    text = _validate(BROKEN, "text", "--fix-suggestions")
    lines = text.splitlines()
    start = next(
        i for i, line in enumerate(lines) if f":{found['line']}:{found['column']}:" in line
    )
    shown = [line.strip() for line in lines[start + 1 : start + 4]]
    first, *others = found["suggestions"]
    assert shown[0] == f"suggestion (most likely): {first['message']}"
    assert shown[1:] == [f"or: {s['message']}" for s in others]


def test_a_lone_correction_is_a_plain_suggestion() -> None:
    text = _validate(BROKEN, "text", "--fix-suggestions")
    assert "      suggestion: 河口镇 2023: 9.5 → 9.0" in text
    assert text.count("(most likely)") == 1  # only the 2024 column has several


def _inside(page: str, area: str) -> str:
    path = re.escape(COLUMN.format(area=area))
    found = re.search(rf'data-path="{path}"[^>]*>(.*?)</td>', page)
    assert found is not None
    return found.group(1)


def _title(page: str, area: str) -> str:
    path = re.escape(COLUMN.format(area=area))
    found = re.search(rf'data-path="{path}"[^>]*title="([^"]*)"', page)
    return "" if found is None else found.group(1)


def test_html_proposes_a_value_only_in_the_most_likely_cell(tmp_path: Path) -> None:
    page = _report(tmp_path, "html").read_text(encoding="utf-8")
    assert '<span class="fix">suggested: 10</span>' in _inside(page, "河口镇")
    assert 'class="fix"' not in _inside(page, "工业园区")
    assert 'class="fix"' not in _inside(page, "全县")
    # The finding's own cell lists every alternative with it.
    title = _title(page, "全县")
    assert "suggestion (most likely): 河口镇 2024: 11 → 10" in title
    assert "or: 工业园区 2024: 16 → 15" in title
    assert "or: 全县 2024: 40 → 41" in title
    assert _title(page, "工业园区") == ""


def test_markdown_proposes_a_value_only_in_the_most_likely_cell(tmp_path: Path) -> None:
    text = _report(tmp_path, "markdown").read_text(encoding="utf-8")
    assert "| **全县** | **30** | **36** ❌ PC101 (Σ 36.5) | **40** ❌ PC101 (Σ 41) |" in text
    assert "| \u3000河口镇 | 8 | 9.5 ❌ PC402 → 9.0 | 11 → 10 |" in text
    assert "| \u3000工业园区 | 10 | 12 | 16 |" in text
    assert text.count("  - suggestion (most likely): 河口镇 2024: 11 → 10") == 2  # table, list
    assert text.count("  - or: ") == 4


def _comment(sheet: Any, row: int, column: int) -> str | None:
    comment = sheet.cell(row, column).comment
    return None if comment is None else str(comment.text)


def test_xlsx_comments_show_the_alternatives_with_the_finding(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_report(tmp_path, "xlsx"))
    sheet = book["高新技术企业数量"]
    rows = {str(sheet.cell(row, 1).value).strip(): row for row in range(4, 8)}
    total = _comment(sheet, rows["全县"], 4) or ""
    assert "PC101" in total
    assert total.count("\nor: ") == 2
    assert "suggestion (most likely): 河口镇 2024: 11 → 10" in total
    assert "suggestion (most likely): 河口镇 2024" in (_comment(sheet, rows["河口镇"], 4) or "")
    assert _comment(sheet, rows["工业园区"], 4) is None
    findings = book["Findings"]
    header = [cell.value for cell in findings[1]]
    column = header.index("Suggested corrections") + 1
    listed = [str(findings.cell(row, column).value) for row in range(2, findings.max_row + 1)]
    [lines] = [value.split("\n") for value in listed if "(most likely)" in value]
    assert [line.split(":")[0] for line in lines] == ["suggestion (most likely)", "or", "or"]


def test_sarif_writes_one_fix_per_alternative() -> None:
    document = json.loads(_validate(BROKEN, "sarif"))
    [result] = [
        r
        for r in document["runs"][0]["results"]
        if r["ruleId"] == "PC101" and r["properties"]["path"].endswith(".2024")
    ]
    fixes = result["fixes"]
    assert len(fixes) == 3
    for fix in fixes:
        [change] = fix["artifactChanges"]
        assert len(change["replacements"]) == 1  # one cell each: a whole alternative
    inserted = [
        f["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for f in fixes
    ]
    assert inserted == ["10", "15", "41"]


@pytest.fixture
def rounding_plan(tmp_path: Path) -> Path:
    """The turnover's 2022 column misses its total by two cents: two parts rounded together."""
    plan = tmp_path / "plan"
    shutil.copytree(BROKEN, plan)
    (plan / "expected.yaml").unlink()
    targets = plan / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("工业园区: [0.33,", "工业园区: [0.32,"), encoding="utf-8")
    return plan


def test_changes_made_together_are_one_alternative(rounding_plan: Path) -> None:
    document = json.loads(_validate(rounding_plan, "json"))
    [found] = [f for f in document["findings"] if f["code"] == "PC102"]
    assert [s["alternative"] for s in found["suggestions"]] == [0, 0]
    assert sum(Decimal(s["new"]) - Decimal(s["old"]) for s in found["suggestions"]) == Decimal(
        "0.02"
    )
    sarif = json.loads(_validate(rounding_plan, "sarif"))
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PC102"]
    [fix] = result["fixes"]  # both parts in one fix: either alone does not balance
    [change] = fix["artifactChanges"]
    assert len(change["replacements"]) == 2
    text = _validate(rounding_plan, "text", "--fix-suggestions")
    assert re.search(r"\n +suggestion: .*0\.33 → 0\.34.*\n +and: .*0\.33 → 0\.34", text)
