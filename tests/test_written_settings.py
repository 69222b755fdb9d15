"""Per-year settings are written as a user types them: `sum: {2024: at_least, 2025: exact}` on
one line, years as numbers (they were written as a block of quoted strings, '2024': at_least)."""

from __future__ import annotations

from pathlib import Path

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import ROOT

runner = CliRunner()
TABLES = ROOT / "tests" / "tables"


def _written(tmp_path: Path, case: str) -> str:
    (table,) = TABLES.glob(f"{case}_*.csv")
    out = tmp_path / "t.yaml"
    result = runner.invoke(app, ["import", str(table), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_a_sum_mode_per_year_is_one_line(tmp_path: Path) -> None:
    written = _written(tmp_path, "130")
    assert "    sum: {2024: at_least, 2025: exact, 2026: at_most}\n" in written
    assert "'2024'" not in written


def test_a_tolerance_by_area_and_year(tmp_path: Path) -> None:
    written = _written(tmp_path, "132")
    assert "    tolerance:\n      合计: {2024: " in written
    assert "'2024'" not in written
