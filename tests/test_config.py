"""Configuration: found upward, applied to the run, and refused loudly when wrong."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.config import find_config
from tests.cli_runner import CliRunner
from tests.paths import DATA

runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA, tmp_path / "plans" / "2021")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_config(project: Path, body: str, name: str = "planchk.toml") -> Path:
    path = project / name
    path.write_text(body, encoding="utf-8")
    return path


def codes(args: list[str]) -> tuple[int, list[str], list[dict[str, Any]]]:
    result = runner.invoke(app, ["validate", "-f", "json", *args])
    document = json.loads(result.stdout)
    return result.exit_code, [f["code"] for f in document["findings"]], document["findings"]


def test_found_upward_and_planchk_toml_wins(project: Path) -> None:
    write_config(project, "[project]\nname = 'x'\n", "pyproject.toml")
    assert find_config(project / "plans") is None  # no [tool.planchk] table: not a config
    write_config(project, "[tool.planchk]\npaths = ['plans/2021']\n", "pyproject.toml")
    assert find_config(project / "plans" / "2021") == project / "pyproject.toml"
    write_config(project, "paths = ['plans/2021']\n")
    assert find_config(project / "plans") == project / "planchk.toml"


def test_paths_are_relative_to_the_config_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(project, "[tool.planchk]\npaths = ['plans/2021']\n", "pyproject.toml")
    monkeypatch.chdir(project / "plans")
    code, found, findings = codes([])
    assert code == 0
    assert "PC202" in found
    assert findings[0]["file"] == "2021/targets.yaml"


def test_select_ignore_and_severity(project: Path) -> None:
    write_config(
        project,
        "paths = ['plans/2021']\n"
        "select = ['trends', 'goals']\n"
        "ignore = ['goal-strict-boundary']\n"
        "[severity]\n"
        "trend-flow-decrease = 'error'\n",
    )
    code, found, findings = codes([])
    assert found == ["PC202", "PC202"]
    assert {f["severity"] for f in findings} == {"error"}
    assert code == 1


def test_command_line_select_replaces_the_configured_one(project: Path) -> None:
    write_config(project, "paths = ['plans/2021']\nselect = ['trends']\n")
    _, found, _ = codes(["--select", "PC601,lead-also-responsible"])
    assert sorted(set(found)) == ["PC601", "PC604"]


def test_fail_on_from_config(project: Path) -> None:
    write_config(project, "paths = ['plans/2021']\nfail-on = 'warning'\n")
    assert codes([])[0] == 1
    assert codes(["--fail-on", "error"])[0] == 0


def test_rule_options(project: Path) -> None:
    write_config(
        project, "paths = ['plans/2021']\n[options.trend-flow-decrease]\nmin-drop-percent = 50\n"
    )
    _, _, findings = codes([])
    drops = [f["args"]["area"] for f in findings if f["code"] == "PC202"]
    assert drops == ["洪都街办"]  # 300 -> 50 is a fall of 83%; 150 -> 120 only 20%


@pytest.mark.parametrize(
    ("written", "drops"),
    [("83.3", ["洪都街办"]), ("83.4", []), ("'83.3'", ["洪都街办"]), ("83", ["洪都街办"])],
)
def test_a_number_option_is_read_as_written(project: Path, written: str, drops: list[str]) -> None:
    """A TOML float is read from its text, not its binary value: 300 -> 50 falls by 83.33%."""
    write_config(
        project,
        f"paths = ['plans/2021']\n[options.trend-flow-decrease]\nmin-drop-percent = {written}\n",
    )
    _, _, findings = codes([])
    assert [f["args"]["area"] for f in findings if f["code"] == "PC202"] == drops


@pytest.mark.parametrize("written", ["1e1", "'1e1'", "1_0.5", "'010'", "'１０'", "inf", "'0x10'"])
def test_a_number_option_takes_only_what_a_plan_value_takes(project: Path, written: str) -> None:
    """One grammar of numbers: an exponent, an underscore, a leading zero or full-width digits
    are refused in an option as in a plan's values, and the message shows the text as written."""
    write_config(
        project,
        f"paths = ['plans/2021']\n[options.trend-flow-decrease]\nmin-drop-percent = {written}\n",
    )
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("planchk: error: ")
    assert "`options.trend-flow-decrease.min-drop-percent`" in result.stderr
    assert f"not {written.strip(chr(39))}" in result.stderr


def test_default_sum_option(project: Path) -> None:
    targets = project / "plans" / "2021" / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("    sum: exact\n", ""), encoding="utf-8"
    )
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("[513, 565, 609]", "[500, 565, 609]"),
        encoding="utf-8",
    )
    assert "PC101" in codes(["plans/2021"])[1]
    write_config(project, "[options.sum-mismatch]\ndefault-sum = 'at_least'\n")
    assert "PC101" not in codes(["plans/2021"])[1]


def test_config_waivers(project: Path) -> None:
    write_config(
        project,
        "paths = ['plans/2021']\n"
        "[[waivers]]\nrule = 'PC202'\nwhere = '*.2022'\nreason = '区科工局确认'\n"
        "[[waivers]]\nrule = 'PC101'\nreason = '从未触发'\n",
    )
    _, _, findings = codes([])
    assert {f["waived"] for f in findings if f["code"] == "PC202"} == {"区科工局确认"}
    [unused] = [f for f in findings if f["code"] == "PC901"]
    assert unused["file"].endswith("planchk.toml")
    assert unused["path"] == "config.waivers.1"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("pahts = ['data']\n", "`pahts`"),
        ("select = ['sum-mismatched']\n", "`sum-mismatched`"),
        ("[severity]\nsum-mismatch = 'fatal'\n", "`fatal`"),
        ("[severity]\nno-such-rule = 'error'\n", "`no-such-rule`"),
        ("fail-on = 'loud'\n", "`loud`"),
        ("[options.sum-rounding]\ntolerence = '0.01'\n", "`options.sum-rounding.tolerence`"),
        ("[options.sum-rounding]\ntolerance = 'much'\n", "`options.sum-rounding.tolerance`"),
        ("[options.trends]\nmin-drop-percent = 5\n", "`options.trends`"),
        ("[[waivers]]\nrule = 'PC202'\n", "`waivers.0.reason`"),
        ("[[waivers]]\nrule = 'nope'\nreason = 'x'\n", "`nope`"),
        ("paths = [\n", "not valid TOML"),
        ("max-bytes = 0\n", "`max-bytes`"),
    ],
)
def test_bad_configuration_stops_with_exit_2_naming_the_key(
    project: Path, body: str, named: str
) -> None:
    write_config(project, body)
    result = runner.invoke(app, ["validate", "plans/2021"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("planchk: error: ")
    assert str(project / "planchk.toml") in result.stderr
    assert named in result.stderr


def test_missing_config_file_given_explicitly(project: Path) -> None:
    result = runner.invoke(app, ["validate", "--config", "nope.toml"])
    assert result.exit_code == 2
    assert "nope.toml: no such configuration file" in result.stderr


def test_unknown_rule_on_the_command_line(project: Path) -> None:
    result = runner.invoke(app, ["validate", "plans/2021", "--ignore", "PC999x"])
    assert result.exit_code == 2
    assert "`PC999x`" in result.stderr


def test_config_command_prints_the_resolved_configuration(project: Path) -> None:
    write_config(
        project,
        "paths = ['plans/2021']\nignore = ['mixed-precision']\n"
        "[severity]\nPC202 = 'error'\n[options.sum-rounding]\ntolerance = '0.01'\n",
    )
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# configuration: {project / 'planchk.toml'}")
    table = tomllib.loads(result.stdout)["tool"]["planchk"]
    assert table["ignore"] == ["PC403"]
    assert table["severity"]["trend-flow-decrease"] == "error"
    assert table["severity"]["sum-mismatch"] == "error"
    assert table["options"]["sum-rounding"]["tolerance"] == "0.01"
    assert table["options"]["sum-mismatch"]["default-sum"] == "exact"
    chinese = runner.invoke(app, ["--lang", "zh", "config"])
    assert chinese.stdout.startswith(f"# 配置文件：{project / 'planchk.toml'}\n")
    assert tomllib.loads(chinese.stdout) == tomllib.loads(result.stdout)  # only comments differ
    comments = [line for line in chinese.stdout.splitlines() if line.lstrip().startswith("#")]
    assert [c for c in comments if re.search(r"[a-z]{3,} [a-z]{3,}", c)] == []


def test_printed_config_is_itself_a_valid_config(project: Path) -> None:
    printed = runner.invoke(app, ["config"]).stdout
    write_config(project, printed, "pyproject.toml")
    result = runner.invoke(app, ["validate", "plans/2021", "--config", "pyproject.toml"])
    assert result.exit_code == 0, result.stderr
