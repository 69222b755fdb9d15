"""Import of the layouts that tests/tables/ does not pin in detail: the ids import writes, the
rows its log points at, indicator rows over years, tables with no year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from planchk.cli import app
from tests.conftest import CliRunner

runner = CliRunner()


def _imported(source: Path, out: Path | None = None) -> tuple[dict[str, Any], str]:
    """The targets document an import writes, and what it said on stderr."""
    args = ["import", str(source)] + (["-o", str(out)] if out else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8") if out else result.stdout
    document = yaml.safe_load(text)
    assert isinstance(document, dict)
    return document, result.stderr


def _loud(plan: Path) -> list[tuple[str, str]]:
    result = runner.invoke(app, ["validate", str(plan), "-f", "json"])
    findings = json.loads(result.stdout)["findings"]
    return [(f["code"], f["path"]) for f in findings if f["severity"] in ("error", "warning")]


def test_ids_that_start_with_digits_are_kept_and_digits_alone_are_renamed(tmp_path: Path) -> None:
    source = tmp_path / "目标.csv"
    source.write_text(
        "2024年人口统计\n单位：人\n地区,2023年完成数,2024年目标,比上年增减\n"
        "全镇,100,120,20\n甲村,60,70,10\n乙村,40,50,10\n",
        encoding="utf-8",
    )
    out = tmp_path / "targets.yaml"
    document, _ = _imported(source, out)
    assert sorted(document["indicators"]) == ["2023年完成数", "2024年目标", "比上年增减"]
    assert document["relations"] == ["比上年增减 = 2024年目标 - 2023年完成数"]
    assert _loud(out) == []
    numbered = tmp_path / "2024.csv"  # no title: the file's name names the indicator
    numbered.write_text(
        "单位：个\n地区,2023年,2024年\n全镇,5,6\n甲村,2,3\n乙村,3,3\n", encoding="utf-8"
    )
    document, said = _imported(numbered)
    assert list(document["indicators"]) == ["indicator_2024"]
    assert document["indicators"]["indicator_2024"]["name"] == "2024"
    assert "indicator_2024" in said
