"""An 其中 list printed under its whole (indented deeper) is completed only by rows printed
under it too: a row back at the whole's level is the whole's sibling, even where its number
would complete the list (importers/parts.py). Found by the property that a plan's XLSX report
imports back to the same plan (tests/test_round_trips.py): 东湖区 2, 其中：中央资金 1, then
西湖区 1 was read as 东湖区's second 其中 part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from planchk.importers import Options, import_files


def _imported(tmp_path: Path, lines: list[str]) -> dict[str, Any]:
    source = tmp_path / "t.csv"
    source.write_text("\n".join(["补助资金分配表", "单位：万元", "地区,2024年", *lines]) + "\n")
    loaded: dict[str, Any] = yaml.safe_load(import_files([source], Options()).text)
    return loaded


def test_a_row_at_the_wholes_level_does_not_complete_an_indented_list(tmp_path: Path) -> None:
    plan = _imported(tmp_path, ["合计,3", "东湖区,2", "  其中：中央资金,1", "西湖区,1"])
    assert plan["areas"] == {"合计": ["东湖区", "西湖区"]}
    assert plan["of_which"] == {"东湖区": ["东湖区其中：中央资金"]}


def test_an_indented_list_is_completed_by_a_row_indented_like_it(tmp_path: Path) -> None:
    lines = ["合计,45", "公务用车购置及运行费,35", "  其中：购置费,5", "  运行费,30", "接待费,10"]
    plan = _imported(tmp_path, lines)
    assert plan["areas"] == {"合计": ["公务用车购置及运行费", "接待费"]}
    assert plan["of_which"] == {
        "公务用车购置及运行费": [
            "公务用车购置及运行费其中：购置费",
            "公务用车购置及运行费其中：运行费",
        ]
    }
