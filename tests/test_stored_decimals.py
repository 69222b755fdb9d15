"""XLSX cells in the General number format show each value as stored (importers/stored.py):
their differing decimals (3.5, 4.25, 10) are the values' own, so import writes the indicator
`decimals: stored` and PC403 (mixed precision) stays quiet; a fixed format (0.00) prints the
digits chosen, and differing fixed formats are still PC403's to ask about."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

runner = CliRunner()
ROWS = [("合计", 17.75, 12.0), ("甲县", 3.5, 2.5), ("乙县", 4.25, 4.5), ("丙县", 10, 5.0)]


def _book(tmp_path: Path, formats: dict[str, list[str]]) -> Path:
    """A table of two category columns, each cell in the number format `formats` gives its
    column (one per row, from the total down)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2024年补助资金表"])
    sheet.append(["单位：万元"])
    sheet.append(["地区", "中央资金", "省级资金"])
    for position, (name, first, second) in enumerate(ROWS):
        sheet.append([name, first, second])
        for column, letter in ((2, "B"), (3, "C")):
            sheet.cell(position + 4, column).number_format = formats[letter][position]
    path = tmp_path / "t.xlsx"
    book.save(path)
    return path


def _imported(tmp_path: Path, source: Path) -> tuple[TargetsFile, str, list[dict[str, Any]]]:
    out = tmp_path / "t.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    checked = runner.invoke(app, ["validate", str(out), "-f", "json"])
    assert checked.exit_code == 0, checked.output
    return model, result.stderr, json.loads(checked.stdout)["findings"]


def _by_name(model: TargetsFile) -> dict[str, Any]:
    return {indicator.name: indicator for indicator in model.indicators.values()}


def test_a_general_column_is_written_stored_and_pc403_stays_quiet(tmp_path: Path) -> None:
    general = ["General"] * 4
    model, log, findings = _imported(tmp_path, _book(tmp_path, {"B": general, "C": ["0.0"] * 4}))
    found = _by_name(model)
    assert found["中央资金"].decimals == "stored"
    assert found["中央资金"].values["丙县"] == [Decimal(10)]  # shown as stored: 10, not 10.00
    assert found["中央资金"].values["乙县"] == [Decimal("4.25")]
    assert found["省级资金"].decimals is None  # 0.0 prints one decimal in every cell
    assert "中央资金: its cells are in the General number format" in log
    assert "省级资金: its cells" not in log
    assert [f["code"] for f in findings] == []


def test_a_fixed_format_column_prints_the_digits_chosen(tmp_path: Path) -> None:
    fixed = ["0.00"] * 4
    model, _, findings = _imported(tmp_path, _book(tmp_path, {"B": fixed, "C": ["0.0"] * 4}))
    central = _by_name(model)["中央资金"]
    assert central.decimals is None
    assert central.values["丙县"] == [Decimal("10.00")]
    assert [f["code"] for f in findings] == []


def test_fixed_formats_that_differ_are_still_asked_about(tmp_path: Path) -> None:
    mixed = ["0.00", "0.0", "0.00", "0"]  # 17.75, 3.5, 4.25, 10: the digits someone chose
    model, _, findings = _imported(tmp_path, _book(tmp_path, {"B": mixed, "C": ["0.0"] * 4}))
    assert _by_name(model)["中央资金"].decimals is None
    assert [(f["code"], f["args"]["name"]) for f in findings] == [("PC403", "中央资金")]


def test_one_fixed_cell_in_a_general_column_keeps_the_question(tmp_path: Path) -> None:
    partly = ["General", "General", "0.00", "General"]  # 4.25 printed to two places by choice
    model, _, findings = _imported(tmp_path, _book(tmp_path, {"B": partly, "C": ["0.0"] * 4}))
    assert _by_name(model)["中央资金"].decimals is None
    assert [f["code"] for f in findings] == ["PC403"]


def test_a_csv_never_says_stored(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text(
        "表\n单位：万元\n地区,2024年\n合计,17.75\n甲县,3.5\n乙县,4.25\n丙县,10\n", "utf-8"
    )
    model, _, findings = _imported(tmp_path, source)
    assert [i.decimals for i in model.indicators.values()] == [None]
    assert [f["code"] for f in findings] == ["PC403"]
