"""The wording slips of issue 13 §3 are gone from every output, not only from Finding.message.

An indicator whose id is its name (`发明专利申请量 (发明专利申请量)`), an office twice in one
column (`listed in cooperating offices (配合单位) and again in cooperating offices`) and
`a xlsx report`: each output format is rendered from the plan and read back as its reader
would (JSON and SARIF parsed, the XLSX's cells and comments opened), in both languages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.small_plans import COOPERATING_TWICE, write_plan

runner = CliRunner()
NAME = "发明专利申请量"
TARGETS = f"""\
plan: {{title: 测试方案, period: [2021, 2022]}}
areas:
  全区: [甲街道, 乙街道]
indicators:
  {NAME}:
    name: {NAME}
    unit: 件
    kind: stock
    years: [2021, 2022]
    values:
      全区: [10, 20]
      甲街道: [4, 12]
      乙街道: [6, 9]
goals:
  patents:
    text: 到2022年发明专利申请量达到30件
    indicator: {NAME}
    year: 2022
    op: ">="
    value: 30
    unit: 件
"""
SAME_LIST = {"en": "again in the same list", "zh": "同一栏"}
SLIPS = (
    f"{NAME} ({NAME})",
    f"{NAME}（{NAME}）",
    f"{NAME} （{NAME}）",
    "again in cooperating offices",
    "again in 配合单位",
    "a xlsx",
)


def _strings(value: object) -> Iterator[str]:
    """Every string in a parsed JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _xlsx_texts(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                found.append("" if cell.value is None else str(cell.value))
                found.append("" if cell.comment is None else cell.comment.text)
    return "\n".join(found)


def _outputs(plan: Path, tmp_path: Path, lang: str) -> dict[str, str]:
    shown: dict[str, str] = {}
    for fmt in ("text", "json", "sarif", "github", "junit"):
        result = runner.invoke(app, ["--lang", lang, "validate", str(plan), "-f", fmt,
                                     "--fix-suggestions"])  # fmt: skip
        assert result.exit_code == 1, result.output
        text = result.stdout
        shown[fmt] = "\n".join(_strings(json.loads(text))) if fmt in ("json", "sarif") else text
    for fmt in ("html", "markdown", "xlsx"):
        out = tmp_path / f"{lang}.{fmt}"
        result = runner.invoke(
            app, ["--lang", lang, "report", str(plan), "-f", fmt, "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        shown[fmt] = _xlsx_texts(out) if fmt == "xlsx" else out.read_text(encoding="utf-8")
    return shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_output_format_shows_the_slips(tmp_path: Path, lang: str) -> None:
    plan = write_plan(tmp_path / "plan", TARGETS, COOPERATING_TWICE)
    for fmt, text in _outputs(plan, tmp_path, lang).items():
        assert NAME in text, fmt  # the indicator is named ...
        for slip in SLIPS:
            assert slip not in text, (fmt, slip)  # ... once, and no slip is left
        assert SAME_LIST[lang] in text, fmt  # the office's finding is there, said right


def test_the_binary_report_is_named_with_its_article() -> None:
    for lang, expected in (("en", "the xlsx report is a binary file"), ("zh", "xlsx")):
        result = runner.invoke(app, ["--lang", lang, "report", "-f", "xlsx"])
        assert result.exit_code == 2
        assert expected in result.stderr
        assert "a xlsx" not in result.stderr
