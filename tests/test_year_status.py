"""English years printed with their status (FY2024 Actual | FY2025 Budget): the years of one
indicator; the same year twice (2024 Budget | 2024 Actual) keeps the words as categories."""

from __future__ import annotations

from pathlib import Path

import pytest

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

runner = CliRunner()


def _indicators(tmp_path: Path, header: str, rows: list[str]) -> dict[str, list[object]]:
    source = tmp_path / "t.csv"
    text = "\n".join(["Grants by district", "(USD thousand)", header, *rows]) + "\n"
    source.write_text(text, "utf-8")
    out = tmp_path / "t.yaml"
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return {i.name: list(i.years) for i in model.indicators.values()}


@pytest.mark.parametrize(
    "header",
    [
        "District,FY2024 Actual,FY2025 Budget",
        "District,2024 Actual,2025 Estimate",
        "District,2024A,2025E",
        "District,2024 Actuals,2025 Revised Estimates",
    ],
)
def test_a_status_after_each_year_names_no_indicator(tmp_path: Path, header: str) -> None:
    found = _indicators(tmp_path, header, ["Dedza,10,11", "Salima,5,6", "Total,15,17"])
    assert found == {"Grants by district": [2024, 2025]}


def test_the_same_year_twice_keeps_its_words_apart(tmp_path: Path) -> None:
    found = _indicators(
        tmp_path,
        "District,2024 Budget,2024 Actual,2025 Budget",
        ["Dedza,10,9,11", "Salima,5,6,6", "Total,15,15,17"],
    )
    assert found == {"Budget": [2024, 2025], "Actual": [2024]}
