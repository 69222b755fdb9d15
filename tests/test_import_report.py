"""planchk's own XLSX report imports back: the sheets that hold no table are skipped, said."""

from __future__ import annotations

from pathlib import Path

import yaml

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import DATA


def test_the_xlsx_report_imports_back_without_naming_a_sheet(
    tmp_path: Path, runner: CliRunner
) -> None:
    report = tmp_path / "report.xlsx"
    made = runner.invoke(app, ["report", str(DATA), "-f", "xlsx", "-o", str(report)])
    assert made.exit_code == 0, made.output
    out = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"skipped {report}, sheet Goals" in result.stderr
    assert f"skipped {report}, sheet Findings" in result.stderr
    imported = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert len(imported["indicators"]) >= 1
