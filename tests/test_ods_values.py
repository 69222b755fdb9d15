"""An .ods number cell whose stored office:value is no number (a file written by hand or by a
broken exporter): refused at its cell with exit 2 where the value is needed, never a traceback
(issue 17); where the cell's text prints the number, the text is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.odsfile import OdsCell, OdsSheet, ods_bytes

runner = CliRunner()


def _table(path: Path, shown: str, value: str, kind: str = "float") -> Path:
    cells = [
        OdsCell(1, 1, "县区"), OdsCell(1, 2, "2024年"),
        OdsCell(2, 1, "合计"), OdsCell(2, 2, "30", "30"),
        OdsCell(3, 1, "甲县"), OdsCell(3, 2, shown, value, kind),
        OdsCell(4, 1, "乙县"), OdsCell(4, 2, "20", "20"),
    ]  # fmt: skip
    path.write_bytes(ods_bytes([OdsSheet("表", cells, trailing_rows=2)]))
    return path


@pytest.mark.parametrize(
    ("value", "kind", "said"),
    [
        ("abc", "float", "abc"),
        ("", "float", ""),
        ("nan", "float", "nan"),
        ("inf", "currency", "inf"),
        ("1e999", "float", "1e999"),
        ("1e307", "percentage", "1e307"),  # finite, but not once shown as a percentage
        ("1" * 500, "float", "1" * 40 + "…"),
    ],
)
def test_a_stored_value_that_is_no_number_is_refused_at_its_cell(
    tmp_path: Path, value: str, kind: str, said: str
) -> None:
    table = _table(tmp_path / "资金.ods", "###", value, kind)
    result = runner.invoke(app, ["import", str(table), "--unit", "万元"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"planchk: error: {table}, sheet 表, cell B3: the cell is a number whose stored value "
        f"`{said}` is no number, and its text prints none; type the number into the cell in "
        "LibreOffice or WPS and save the file again\n"
    )


def test_a_cell_whose_text_prints_the_number_needs_no_stored_value(tmp_path: Path) -> None:
    table = _table(tmp_path / "资金.ods", "10", "abc")
    result = runner.invoke(app, ["import", str(table), "--unit", "万元"])
    assert result.exit_code == 0, result.stderr
    [indicator] = yaml.safe_load(result.stdout)["indicators"].values()
    assert indicator["values"] == {"合计": [30], "甲县": [10], "乙县": [20]}
