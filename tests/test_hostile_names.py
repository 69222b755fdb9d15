"""Names that are markup, formulas or control characters (issue 17, "tracebacks and injection
into outputs"): every output shows them as text and none of them acts.

One plan holds them all as area and indicator names; each output format is read back the way
its consumer reads it (a workbook, an XML parser, a Markdown renderer's eyes) and checked.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from planchk.cli import app
from planchk.escape import markdown, visible
from tests.cli_runner import CliRunner

runner = CliRunner()

# Each as YAML writes it in a double-quoted string; escapes (\e, \u202e) make real characters.
HOSTILE = [
    r"[/x]",
    r"[link=https://evil.example]点我[/link]",
    r"=HYPERLINK(\"http://evil.example\",\"y\")",
    r"=cmd|' /C calc'!A0",
    r"+1+1",
    r"-2+3",
    r"@SUM(1)",
    r"<img src=x onerror=alert(1)>",
    r"<details>",
    r"@octocat",
    r"# 标题",
    r"\e[31m红\e[0m",
    r"甲\u202e乙.exe",
    r"丙\u200b丁",
]
NAMES = [json.loads(f'"{name}"'.replace(r"\e", r"\u001b")) for name in HOSTILE]


def plan(directory: Path, last: int = 0) -> Path:
    """Every name a part of 全区; each part falls from 2 to 1 (PC202 names it), the last to
    `last`; the indicator's own name is markup too."""
    parts = ", ".join(f'"{name}"' for name in HOSTILE)
    rows = "".join(f'      "{name}": [2, 1]\n' for name in HOSTILE[:-1])
    rows += f'      "{HOSTILE[-1]}": [2, {last}]\n'
    total = 2 * len(HOSTILE), len(HOSTILE) - 1 + last
    text = (
        'plan: {title: "<script>alert(1)</script> [/b]", period: [2021, 2022]}\n'
        f"areas:\n  全区: [{parts}]\n"
        "indicators:\n  x:\n"
        '    name: "[/x] <details> =1+1 \\e]8;;http://e\\e\\\\"\n'
        "    unit: 件\n    kind: flow\n    years: [2021, 2022]\n    values:\n"
        f"      全区: [{total[0]}, {total[1]}]\n{rows}"
    )
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "targets.yaml").write_text(text, encoding="utf-8")
    return directory


def run(*args: str | Path) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_the_plan_loads_with_every_name(tmp_path: Path) -> None:
    document = json.loads(run("validate", plan(tmp_path / "p"), "-f", "json"))
    messages = " ".join(f["message"] for f in document["findings"])
    assert all(name in messages for name in NAMES)  # JSON keeps the text as it is


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_line_formats_show_controls_and_bidi_as_escapes(tmp_path: Path, fmt: str) -> None:
    out = run("validate", plan(tmp_path / "p"), "-f", fmt)
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\u200b" not in out
    assert "\\x1b[31m红" in out
    assert "甲\\u202e乙.exe" in out
    assert "丙\\u200b丁" in out


def test_junit_is_well_formed_xml(tmp_path: Path) -> None:
    out = run("validate", plan(tmp_path / "p"), "-f", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    text = "".join(root.itertext()) + " ".join(e.get("message", "") for e in root.iter())
    assert "\\x1b[31m红" in text
    assert "[/x]" in text


def test_noncharacters_are_escapes_and_junit_stays_xml(tmp_path: Path) -> None:
    # fuzz/fuzz_report.py found it: U+FFFE in a name went raw into JUnit, which no parser reads.
    assert visible("戊\ufffe己\uffff") == "戊\\ufffe己\\uffff"
    directory = tmp_path / "p"
    directory.mkdir()
    (directory / "targets.yaml").write_text(
        'plan: {title: t, period: [2021, 2022]}\nareas:\n  "全区\\ufffe": [甲, 乙]\n'
        "indicators:\n  x:\n    name: n\n    unit: 件\n    kind: flow\n"
        '    years: [2021, 2022]\n    values:\n      "全区\\ufffe": [3, 3]\n'
        "      甲: [1, 1]\n      乙: [1, 1]\n",
        encoding="utf-8",
    )
    out = run("validate", directory, "-f", "junit")
    assert "\\ufffe" in "".join(ET.fromstring(out.encode("utf-8")).itertext()) + out
    # ... and raw into the XLSX report's comments, which openpyxl then could not save.
    book = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["report", str(directory), "-f", "xlsx", "-o", str(book)])
    assert result.exit_code == 0, result.output
    openpyxl.load_workbook(book)


def test_xlsx_report_writes_text_never_formulas(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    result = runner.invoke(
        app, ["report", str(plan(tmp_path / "p")), "-f", "xlsx", "-o", str(path)]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    for name in NAMES:
        # Each area row as text: a character XML cannot hold as its escape, the rest as typed
        # (the report imports back without loss).
        assert (visible(name) if "\x1b" in name else name) in texts, name


def test_markdown_report_escapes_html_and_markup(tmp_path: Path) -> None:
    out = run("report", plan(tmp_path / "p"), "-f", "markdown")
    for raw in ("<img", "<details>", "<script>", "[/x]", "](http", "\n# 标题", "\x1b"):
        assert raw not in out, raw
    for name in NAMES:
        assert markdown(name) in out, name


def test_markdown_diff_escapes_html_and_markup(tmp_path: Path) -> None:
    """`diff -f markdown`, the CI job summary of docs/github-actions.yml: the changed row's
    name and the indicator's (in the findings) are text, never markup or a terminal escape."""
    old, new = plan(tmp_path / "old"), plan(tmp_path / "new", last=3)
    out = run("diff", old, new, "-f", "markdown", "--exit-code")
    for raw in ("<details>", "<script>", "[/x]", "\x1b", "\u202e", "\u200b"):
        assert raw not in out, raw
    assert markdown(NAMES[-1]) in out  # the changed row, its zero-width space shown
    assert markdown("[/x] <details> =1+1") in out  # the indicator, named in the findings


def test_html_report_shows_names_as_text(tmp_path: Path) -> None:
    out = run("report", plan(tmp_path / "p"), "-f", "html")
    assert "<img src=x" not in out
    assert "<details>" not in out.split("<body>", 1)[1].lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "\u202e" not in out


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_of_markup_names(tmp_path: Path, fmt: str) -> None:
    old, new = plan(tmp_path / "old"), plan(tmp_path / "new", last=3)
    out = run("diff", old, new, "-f", fmt, "--exit-code")
    assert "\x1b" not in out
    assert "\u202e" not in out
    if fmt == "text":
        assert "丙\\u200b丁" in out  # the changed row, named as typed
        assert "[/x]" in out  # not eaten as rich markup
    else:
        assert markdown(NAMES[-1]) in out
        assert "<details>" not in out


def test_usage_errors_and_import_notes_escape_controls(tmp_path: Path) -> None:
    missing = tmp_path / "无\x1b[2J此文件\u202e.toml"
    result = runner.invoke(app, ["validate", str(plan(tmp_path / "p")), "--config", str(missing)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\u202e" not in result.stderr
    assert "\\x1b[2J" in result.stderr
    csv = tmp_path / "表\x1b]0;title\x07.csv"
    csv.write_text("地区,2021年\n全区,3\n甲街道,1\n乙街道,2\n", encoding="utf-8")
    notes = runner.invoke(app, ["import", str(csv), "--unit", "件"])
    assert notes.exit_code == 0, notes.output
    assert "\x1b" not in notes.stderr
    assert "\x07" not in notes.stderr
