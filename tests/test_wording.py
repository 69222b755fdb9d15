"""Sentences a reader meets read as written: no doubled names, no `a xlsx`."""

from __future__ import annotations

from pathlib import Path

from planchk import i18n
from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.small_plans import COOPERATING_TWICE, MINIMAL_TARGETS, check_texts


def test_an_office_twice_in_one_column_is_said_once(tmp_path: Path) -> None:
    report = check_texts(tmp_path, MINIMAL_TARGETS, COOPERATING_TWICE)
    [finding] = [f for f in report.findings if f.code == "PC605"]
    assert finding.message.endswith(
        "区财政局 is listed in cooperating offices (配合单位) and again in the same list"
    )
    i18n.set_language("zh")
    assert (
        "同一栏" in check_texts(tmp_path, MINIMAL_TARGETS, COOPERATING_TWICE).findings[-1].message
    )


def test_an_indicator_whose_id_is_its_name_is_named_once(tmp_path: Path) -> None:
    plan = MINIMAL_TARGETS.replace("  x:\n    name: 测试指标", "  测试指标:\n    name: 测试指标")
    plan = plan.replace("乙街道: [6, 8]", "乙街道: [6, 9]")
    for language in ("en", "zh"):
        i18n.set_language(language)
        [finding] = check_texts(tmp_path / language, plan).findings
        assert finding.code == "PC101"
        assert finding.message.count("测试指标") == 1, finding.message
    i18n.set_language("en")
    other = check_texts(tmp_path / "other", plan.replace("  测试指标:\n", "  y:\n")).findings
    assert other[0].message.startswith("测试指标 (y) 2022")


def test_the_report_that_needs_a_file_is_named_with_its_article() -> None:
    result = CliRunner().invoke(app, ["report", "-f", "xlsx"])
    assert result.exit_code == 2
    assert "the xlsx report is a binary file" in result.stderr
