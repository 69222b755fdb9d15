"""A printed total over the years (2024-2026年合计) is kept as `period_total:` and checked by
validate against each row's years (PC111, PC112): it was named only in the import log."""

from __future__ import annotations

import json
from pathlib import Path

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()
TABLES = Path(__file__).parent / "tables"


def _import_and_validate(tmp_path: Path, text: str) -> tuple[list[str], list[dict[str, object]]]:
    source, plan = tmp_path / "t.csv", tmp_path / "plan"
    plan.mkdir()
    source.write_text(text, encoding="utf-8")
    imported = runner.invoke(app, ["import", str(source), "-o", str(plan / "targets.yaml")])
    assert imported.exit_code == 0, imported.output
    checked = runner.invoke(app, ["validate", str(plan), "-f", "json"])
    assert checked.exit_code in (0, 1), checked.output
    lines = (plan / "targets.yaml").read_text("utf-8").splitlines()
    return lines, json.loads(checked.stdout)["findings"]


def test_the_row_that_misses_is_a_finding_at_its_printed_total(tmp_path: Path) -> None:
    text = (TABLES / "200_period_total_that_misses_a_row.csv").read_text("utf-8")
    lines, findings = _import_and_validate(tmp_path, text)
    [found] = [f for f in findings if f["code"] == "PC111"]
    args = found["args"]
    assert isinstance(args, dict)
    assert (args["area"], args["total"], args["years"], args["period"]) == (
        "甲镇",
        "31",
        "30",
        "2024–2026",
    )
    assert lines[int(str(found["line"])) - 1].strip() == "甲镇: 31"
    assert str(found["path"]).endswith(".period_total.甲镇")
    assert [f["code"] for f in findings if f["severity"] != "info"] == ["PC111"]


def test_a_period_total_that_holds_is_no_finding(tmp_path: Path) -> None:
    text = (TABLES / "200_period_total_that_misses_a_row.csv").read_text("utf-8")
    _, findings = _import_and_validate(tmp_path, text.replace("甲镇,31", "甲镇,30"))
    assert findings == []


def test_the_period_total_of_each_category_is_its_own(tmp_path: Path) -> None:
    """Under 建设任务 and 补助资金 each 合计 is kept on its own category's indicator."""
    text = (
        "任务分解表\n单位：万元\n地区,建设任务,,,补助资金,,\n"
        ",合计,2024年,2025年,合计,2024年,2025年\n"
        "全县,30,10,20,300,100,200\n甲镇,30,10,20,301,100,200\n"
    )
    lines, findings = _import_and_validate(tmp_path, text)
    assert [(f["code"], f["path"]) for f in findings] == [
        ("PC112", "indicators.补助资金.period_total.甲镇")
    ]
    assert "    period_total:" in lines


def test_into_replaces_the_period_totals_with_the_new_table_s(tmp_path: Path) -> None:
    """`--into` puts a table's figures in place of its indicator's: the old table's period
    totals (and General marks) go with the old figures, or they check the new ones."""
    text = (TABLES / "200_period_total_that_misses_a_row.csv").read_text("utf-8")
    _import_and_validate(tmp_path, text.replace("甲镇,31", "甲镇,30"))
    plan = tmp_path / "plan" / "targets.yaml"
    marked = plan.read_text("utf-8").replace("kind: flow\n", "kind: flow\n    decimals: stored\n")
    plan.write_text(marked, "utf-8")
    source = tmp_path / "new.csv"
    source.write_text(
        "2024—2026年村卫生室建设任务分解表\n单位：个\n地区,2024年,2025年,2026年\n"
        "全县,20,20,20\n甲镇,10,10,11\n乙镇,10,10,10\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(source), "--into", str(plan)])
    assert result.exit_code == 0, result.output
    body = [line for line in plan.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert not [line for line in body if "period_total" in line or "decimals" in line]
    assert "      甲镇: [10, 10, 11]" in body
    checked = runner.invoke(app, ["validate", str(plan.parent), "-f", "json"])
    found = [f["code"] for f in json.loads(checked.stdout)["findings"]]
    assert found == ["PC101"]  # 2026: 11 + 10 against 全县's 20; no PC111 from the old totals


def test_a_total_over_some_of_the_years_is_checked_over_those_alone(tmp_path: Path) -> None:
    """2024-2025年合计 beside 2023年 too sums 2024 and 2025: the log checks it so, and the file,
    whose period_total stands for all of an indicator's years, leaves it out (PC111 on every
    row before)."""
    text = (
        "任务分解表\n单位：个\n地区,2023年,2024年,2025年,2024-2025年合计\n"
        "全县,10,20,20,40\n甲镇,5,10,10,20\n乙镇,5,10,10,20\n"
    )
    lines, findings = _import_and_validate(tmp_path, text)
    assert findings == []
    assert not [line for line in lines if "period_total:" in line and not line.startswith("#")]
    assert "it holds on 3 of 3 rows" in "\n".join(lines)
