"""The import log says each thing once and only what applies: a 主要指标 table's header block
once for all its rows (importers/describe.py over unit_rows), the hint about flows only when a
flow was written (importers/__init__.py)."""

from __future__ import annotations

from pathlib import Path

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()

KIND_HINT = "imported tables are flows"


def _log(tmp_path: Path, text: str) -> tuple[str, str]:
    source = tmp_path / "t.csv"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["import", str(source), "-o", str(tmp_path / "t.yaml")])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "t.yaml").read_text("utf-8")
    return result.stderr, written


MAIN_INDICATORS = (
    "主要指标\n类别,指标,单位,2020年,2025年,属性\n"
    "经济,地区生产总值,亿元,500,700,预期性\n,研发经费投入强度,%,2.1,2.6,预期性\n"
    "民生,新增城镇就业,万人,5.2,5.5,预期性\n,人均预期寿命,岁,78.4,79,预期性\n"
)


def test_the_header_block_of_indicator_rows_is_said_once(tmp_path: Path) -> None:
    log, written = _log(tmp_path, MAIN_INDICATORS)
    assert log.count("the indicators are the rows of the column `指标`") == 1
    assert log.count("column 属性: text") == 1
    assert log.count("column 类别: text") == 1
    assert log.count("table 「主要指标」") == 1
    assert log.count("the table prints no area") == 1
    for row, name in ((3, "地区生产总值"), (4, "研发经费投入强度"), (6, "人均预期寿命")):
        assert f"row {row}: the indicator {name}" in log  # each row still said, in order
        assert f"of row {row}" in log  # with its own unit
    assert log.index("row 3: the indicator") < log.index("row 4: the indicator")
    assert written.count("the indicators are the rows of the column") == 1  # the file too


def test_two_tables_of_indicator_rows_each_say_their_header(tmp_path: Path) -> None:
    first, _ = _log(tmp_path, MAIN_INDICATORS)
    second, _ = _log(tmp_path, MAIN_INDICATORS)  # a new import: nothing carried over
    assert first == second


def test_no_flow_hint_when_every_indicator_is_a_ratio(tmp_path: Path) -> None:
    log, _ = _log(tmp_path, "森林覆盖率表\n县区,森林覆盖率（%）\n全市,60.5\n甲县,70.1\n乙县,50.9\n")
    assert "kind ratio" in log
    assert KIND_HINT not in log


def test_the_flow_hint_when_a_flow_is_written(tmp_path: Path) -> None:
    log, _ = _log(
        tmp_path,
        "2024年资金表\n县区,资金（万元）,覆盖率（%）\n全市,30,60.5\n甲县,10,70.1\n乙县,20,50.9\n",
    )
    assert "kind flow" in log
    assert KIND_HINT in log
