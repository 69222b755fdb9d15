"""U+0085, U+2028 and U+2029 end a line for YAML but not for an editor nor for planchk's
positions: a plan holding one is refused at the character (PC003, exit 2), not read with its
names folded and its findings placed on lines the file does not have (PC101 crashed there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()
PLAN = """\
plan: {{title: T, period: [2024, 2025]}}
areas:
  全县: [甲镇, 乙镇]
indicators:
  i1:
    name: "新{odd}建"
    unit: 个
    kind: flow
    years: [2024, 2025]
    values:
      全县: [10, 20]
      甲镇: [5, 9]
      乙镇: [4, 12]
"""


@pytest.mark.parametrize("odd", ["\x85", "\u2028", "\u2029"])
def test_a_yaml_only_line_break_is_refused_where_it_is(tmp_path: Path, odd: str) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(PLAN.format(odd=odd * 12), encoding="utf-8")
    result = runner.invoke(app, ["validate", "-f", "json", str(plan)])
    assert result.exit_code == 2, result.output
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["code"] == "PC003"
    assert (finding["line"], finding["column"]) == (6, 13)
    assert f"U+{ord(odd):04X}" in finding["message"]


def test_the_same_character_escaped_in_double_quotes_loads(tmp_path: Path) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(PLAN.format(odd="\\L"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "-f", "json", str(plan)])
    assert result.exit_code == 1, result.output  # read: its sums are wrong (PC101)
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert "PC101" in codes
    assert "PC003" not in codes


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_old_mac_and_windows_line_ends_place_findings_as_lf_does(
    tmp_path: Path, ending: str
) -> None:
    """A lone CR ends a line for YAML and for editors: the findings sit where they do in the
    same file with LF (a lone CR placed them past the file's end: PC101 crashed as PC999)."""
    found = {}
    for name, end in (("lf", "\n"), ("other", ending)):
        plan = tmp_path / f"{name}.yaml"
        plan.write_bytes(PLAN.format(odd="").replace("\n", end).encode("utf-8"))
        result = runner.invoke(app, ["validate", "-f", "json", str(plan)])
        assert result.exit_code == 1, result.output
        found[name] = [
            (f["code"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]
        ]
    assert found["other"] == found["lf"]
    assert ("PC101", 11, 12) in found["lf"]
