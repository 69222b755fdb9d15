"""Round trips: a table planchk writes as a report imports back to the same plan.

"The same plan" is what a printed table says: the areas tree, the 其中 rows, and each
indicator's name, unit, period and values with their printed digits. A report prints no
indicator id, kind, sum rule, relation or plan title, so those are not compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.cli_runner import CliRunner

TABLES = Path(__file__).parent / "tables"
runner = CliRunner()


def run(*args: str | Path) -> Any:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result


def printed(path: Path) -> dict[str, Any]:
    """What of the targets file at `path` a printed table says."""
    model = load_file(path, str(path)).model
    assert isinstance(model, TargetsFile), path.read_text("utf-8")
    return {
        "areas": {parent: list(parts) for parent, parts in model.areas.items()},
        "of_which": {whole: list(parts) for whole, parts in model.of_which.items()},
        "indicators": {
            indicator.name: (
                indicator.unit,
                list(indicator.years),
                {a: [_text(v) for v in row] for a, row in indicator.values.items()},
                dict(indicator.notes),
            )
            for indicator in model.indicators.values()
        },
    }


def _text(value: object) -> str | None:
    return None if value is None else str(value)  # 0.50 stays 0.50


def report_and_back(plan: Path, work: Path) -> Path:
    """The plan's XLSX report, imported again: the targets file that import writes."""
    report, back = work / "report.xlsx", work / "back.yaml"
    run("report", plan, "-f", "xlsx", "-o", report)
    run("import", report, "-o", back)
    return back


def test_a_labelled_period_comes_back_from_the_xlsx_report(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    run("import", TABLES / "30_no_year_anywhere.csv", "-o", plan / "targets.yaml")
    back = report_and_back(plan, tmp_path)
    assert printed(back) == printed(plan / "targets.yaml")
    assert printed(back)["indicators"]["电站收益"][1] == ["本期"]  # not an indicator named 本期


def _import(tmp_path: Path, text: str, *options: str) -> tuple[TargetsFile, str]:
    source, out = tmp_path / "t.csv", tmp_path / "t.yaml"
    source.write_text(text, encoding="utf-8")
    result = run("import", source, "-o", out, *options)
    model = load_file(out, str(out)).model
    assert isinstance(model, TargetsFile)
    return model, result.stderr


def test_a_period_header_is_the_period_of_a_table_s_one_value_column(tmp_path: Path) -> None:
    table = "补助资金分配表\n单位：万元\n县区,本年\n合计,30\n甲,10\n乙,20\n"
    model, said = _import(tmp_path, "2024年" + table)
    [(ind_id, indicator)] = model.indicators.items()
    assert (ind_id, indicator.years) == ("2024年补助资金", ["本年"])  # as headed, not 2024
    assert "column 本年: the table's one period, labelled 本年" in said
    model, _ = _import(tmp_path, table, "--year", "2024")
    assert [i.years for i in model.indicators.values()] == [[2024]]


def test_beside_other_columns_a_period_header_is_a_category(tmp_path: Path) -> None:
    model, _ = _import(
        tmp_path, "补助资金表\n单位：万元\n县区,上期,本期\n合计,3,30\n甲,1,10\n乙,2,20\n"
    )
    assert {i.name: i.years for i in model.indicators.values()} == {
        "上期": ["本期"],
        "本期": ["本期"],
    }
