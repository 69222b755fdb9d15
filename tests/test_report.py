"""planchk report: the tables laid out as printed, each finding marked on the cell it is about.

The HTML report is opened in a real headless browser (Debian's chromium, driven by selenium
through chromedriver); .ci/run installs both, and in CI a missing browser fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planchk.cli import app
from planchk.engine import check_paths
from planchk.findings import Finding
from tests.cli_runner import CliRunner
from tests.paths import DATA, ROOT

runner = CliRunner()
BROKEN = ROOT / "tests" / "plans" / "broken_county"
CELL_PATH = re.compile(r"^indicators\.[^.]+\.values\.[^.]+\.\d{4}$")
SEVERITY_COLOURS = {  # the CSS background of a marked cell, as the browser computes it
    "error": "rgba(248, 208, 208, 1)",
    "warning": "rgba(251, 227, 176, 1)",
    "info": "rgba(216, 230, 251, 1)",
}


def _report(tmp_path: Path, plan: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, [*extra, "report", str(plan), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _cell_findings(plan: Path) -> list[Finding]:
    return [f for f in check_paths([plan]).findings if CELL_PATH.match(f.path)]


def test_html_marks_each_finding_on_its_cell_with_its_message(tmp_path: Path) -> None:
    page = _report(tmp_path, BROKEN, "html").read_text(encoding="utf-8")
    findings = _cell_findings(BROKEN)
    assert len(findings) >= 4
    for finding in findings:
        [cell] = re.findall(rf'<td class="num ([a-z]+)" data-path="{re.escape(finding.path)}"'
                            r' data-codes="([^"]*)" title="([^"]*)"', page)  # fmt: skip
        assert (
            cell[0]
            == max(
                (f for f in findings if f.path == finding.path), key=lambda f: f.severity
            ).severity.label
        )
        assert finding.code in cell[1].split()
        assert finding.code in cell[2]


def test_html_shows_totals_sums_and_suggestions_beside_the_cells(tmp_path: Path) -> None:
    page = _report(tmp_path, BROKEN, "html").read_text(encoding="utf-8")
    # 全县 2023 prints 36; its parts add up to 36.5
    assert '<span class="sum differs">Σ 36.5</span>' in _inside(page, "全县", 2023)
    # the correction 河口镇 2023: 9.5 → 9.0 sits at 河口镇's 2023 cell
    assert "suggested: 9.0" in _inside(page, "河口镇", 2023)


def _inside(page: str, area: str, year: int) -> str:
    """The HTML inside the table cell of `area` and `year` of the enterprises table."""
    path = re.escape(f"indicators.enterprises.values.{area}.{year}")
    found = re.search(rf'data-path="{path}"[^>]*>(.*?)</td>', page)
    assert found is not None
    return found.group(1)


def test_html_is_self_contained(tmp_path: Path) -> None:
    page = _report(tmp_path, DATA, "html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta name="viewport"' in page
    for external in ("http://", "https://", "<script", "<link", " src=", "@import", "url("):
        assert external not in page, external


def test_html_in_chinese(tmp_path: Path) -> None:
    page = _report(tmp_path, DATA, "html", "--lang", "zh").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page
    for heading in ("分解表", "目标", "任务", "单位：件", "区域"):
        assert heading in page, heading
    assert "占青云谱区的比重" in page  # the share-swing finding's message, in Chinese


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:  # pragma: no cover - the test extra installs selenium
        chromium = None
    if chromium is None or driver is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have chromium and chromedriver (.ci/run installs them)")
        pytest.skip("no chromium and chromedriver (apt install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # As root in a container, without the network: no sandbox, no background connections.
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(service=Service(driver), options=options)
    yield session
    session.quit()


def test_the_browser_shows_each_finding_where_it_is(tmp_path: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    page = _report(tmp_path, BROKEN, "html")
    browser.set_window_size(1200, 900)
    browser.get(page.as_uri())
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    for finding in _cell_findings(BROKEN):
        cell = browser.find_element(By.CSS_SELECTOR, f'td[data-path="{finding.path}"]')
        assert cell.is_displayed()
        assert finding.code in cell.get_attribute("title")
        table = cell.find_element(By.XPATH, "ancestor::table")
        assert table.get_attribute("data-indicator") == finding.path.split(".")[1]
        row = cell.find_element(By.XPATH, "ancestor::tr")
        assert row.get_attribute("data-area") == finding.path.split(".")[3]
        header = table.find_elements(By.CSS_SELECTOR, "thead th")
        column = browser.execute_script("return arguments[0].cellIndex", cell)
        assert header[column].text == finding.path.split(".")[4]  # under its year
        worst = max(
            (f for f in _cell_findings(BROKEN) if f.path == finding.path), key=lambda f: f.severity
        )
        background = cell.value_of_css_property("background-color")
        assert background == SEVERITY_COLOURS[worst.severity.label]


def test_the_page_reads_on_a_phone(tmp_path: Path, browser: Any) -> None:
    page = _report(tmp_path, DATA, "html")
    browser.set_window_size(390, 844)
    browser.get(page.as_uri())
    # wide tables scroll inside their own box; the page itself does not scroll sideways
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert browser.find_elements("css selector", "table.breakdown")


def _sheet_rows(path: Path, name: str) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(c.value for c in row) for row in book[name].iter_rows()]


def test_xlsx_lays_out_each_table_as_printed(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_report(tmp_path, DATA, "xlsx"))
    assert book.sheetnames[:3] == ["高新技术企业数量", "技术合同成交额", "发明专利申请量"]
    sheet = book["技术合同成交额"]
    assert sheet["A1"].value == "（二）技术合同成交额指标指导性任务分解表"
    assert sheet["A2"].value == "Unit: 亿元"
    assert [c.value for c in sheet[3]] == ["Area", 2021, 2022, 2023]
    assert sheet["A4"].value == "青云谱区"
    # 6.0 stays 6.0 and 0.098 stays 0.098: numbers with the printed digits as number format
    assert (sheet["B4"].value, sheet["B4"].number_format) == (6.0, "0.0")
    assert (sheet["C6"].value, sheet["C6"].number_format) == (0.098, "0.000")
    # a total's computed sum sits in its comment
    assert sheet["D4"].comment is not None
    assert "sum of the parts: 8.3" in sheet["D4"].comment.text  # as 4.4, the least precise part


def test_xlsx_marks_findings_with_fill_and_comment(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_report(tmp_path, BROKEN, "xlsx"))
    sheet = book["高新技术企业数量"]
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1)}
    years = {sheet.cell(3, c).value: c for c in range(2, sheet.max_column + 1)}
    for finding in _cell_findings(BROKEN):
        if finding.path.split(".")[1] != "enterprises":
            continue
        _, _, _, area, year = finding.path.split(".")
        cell = sheet.cell(rows[area], years[int(year)])
        assert cell.fill.fgColor.rgb.endswith({"error": "F8D0D0", "info": "D8E6FB"}[
            finding.severity.label])  # fmt: skip
        assert cell.comment is not None
        assert finding.message in cell.comment.text
    hekou = sheet.cell(rows["河口镇"], years[2023]).comment
    assert hekou is not None
    assert "河口镇 2023: 9.5 → 9.0, one digit mistyped" in hekou.text
    findings = _sheet_rows(_report(tmp_path, BROKEN, "xlsx"), "Findings")
    assert findings[0] == (
        "Where", "Severity", "Code", "Message", "Waived because", "Suggested corrections"
    )  # fmt: skip
    assert len(findings) - 1 == len(check_paths([BROKEN]).findings)


def test_markdown_report(tmp_path: Path) -> None:
    text = _report(tmp_path, BROKEN, "markdown").read_text(encoding="utf-8")
    assert "| **全县** | **30** | **36** ❌ PC101 (Σ 36.5) | **40** ❌ PC101 (Σ 41) |" in text
    assert "| \u3000河口镇 | 8 | 9.5 ❌ PC402 → 9.0 | 11 → 10 |" in text
    assert text.count("\n## ") == 4  # tables, goals, tasks, findings


def test_markdown_to_stdout_and_numbers_from_the_plan(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(DATA), "-f", "markdown"])
    assert result.exit_code == 0
    assert "| 　洪都街办 | 300 | 50 ⚠️ PC202 ℹ️ PC701 | 53 |" in result.stdout
    assert Decimal("8.3") == Decimal(re.findall(r"\*\*8\.3\*\*", result.stdout)[0][2:-2])


def test_xlsx_needs_an_output_file() -> None:
    result = runner.invoke(app, ["report", str(DATA), "-f", "xlsx"])
    assert result.exit_code == 2
    assert "the xlsx report is a binary file: name it with --output FILE" in result.stderr


def test_unusable_input_writes_no_report(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(DATA, plan)
    (plan / "targets.yaml").write_text("plan: [\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(plan), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert "PC003" in result.stderr or "PC004" in result.stderr


def test_a_hierarchy_deeper_than_excel_indents_is_shown_at_its_deepest(tmp_path: Path) -> None:
    """Issue 17: 300 levels, one area each. openpyxl refused an indent over 255 (a traceback),
    and Markdown's one character per level made 20,000 levels 1.3 GB; past 250 levels a row is
    shown at 250, every row still there."""
    levels = 300
    areas = "".join(f"  层{i}: [层{i + 1}]\n" for i in range(levels))
    rows = "".join(f"      层{i}: [1, 1]\n" for i in range(levels + 1))
    plan = tmp_path / "deep"
    plan.mkdir()
    (plan / "targets.yaml").write_text(
        "plan: {title: 测试, period: [2021, 2022]}\nareas:\n" + areas + "indicators:\n  x:\n"
        "    name: 指标\n    unit: 件\n    kind: flow\n    years: [2021, 2022]\n    values:\n"
        + rows,
        encoding="utf-8",
    )
    sheet = openpyxl.load_workbook(_report(tmp_path, plan, "xlsx")).worksheets[0]
    names = {sheet.cell(row, 1).value: sheet.cell(row, 1) for row in range(4, sheet.max_row + 1)}
    assert len(names) == levels + 1
    assert [names[f"层{i}"].alignment.indent for i in (0, 1, 250, 251, 300)] == [0, 1, 250] + [
        250
    ] * 2
    assert sheet.column_dimensions["A"].width == 255
    markdown = _report(tmp_path, plan, "markdown").read_text(encoding="utf-8")
    shown = {line.split(" | ")[0].removeprefix("| ").strip("*") for line in markdown.splitlines()}
    assert "\u3000" * 249 + "层249" in shown
    assert "\u3000" * 250 + "层300" in shown
    assert "\u3000" * 251 + "层300" not in markdown
