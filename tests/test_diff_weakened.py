"""`planchk diff` counts a plan-file setting that a change weakens (PC904, diff/weakened.py):
shown in every format, counted by --fail-on-new, configured as any code; a stronger setting
is no finding. The cases of each setting are in tests/rule_cases/PC904-check-weakened.yaml;
the documented workflow's run of it is in tests/test_docs.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planchk.cli import app
from planchk.config import Config
from planchk.diff import Comparison, diff_sides
from planchk.diff import fork as fork_module
from planchk.diff.sides import path_side
from planchk.escape import markdown
from tests.cli_runner import CliRunner
from tests.paths import DATA
from tests.small_plans import MINIMAL_TARGETS, write_plan

runner = CliRunner()
# A figure changed so that 全区's parts no longer add up, and the sum check turned off with it.
HIDDEN = MINIMAL_TARGETS.replace("[4, 12]", "[5, 12]").replace(
    "    kind: flow\n", "    kind: flow\n    sum: none\n"
)
PLACE = "targets.yaml:9:5"  # the `sum` key


def _diff(tmp_path: Path, new: str, *args: str, old: str = MINIMAL_TARGETS) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["diff", str(write_plan(tmp_path / "old", old)), str(write_plan(tmp_path / "new", new)),
         *args],
    )  # fmt: skip
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


def test_a_sum_turned_off_with_the_figure_it_hides_fails_the_check(tmp_path: Path) -> None:
    code, out = _diff(tmp_path, HIDDEN, "--fail-on-new", "error", "-f", "json")
    assert code == 1
    document = json.loads(out)
    [finding] = document["findings"]["introduced"]
    assert (finding["code"], finding["severity"], finding["path"]) == (
        "PC904", "error", "indicators.x.sum"
    )  # fmt: skip
    assert (finding["line"], finding["column"]) == (9, 5)
    assert finding["args"] == {
        "setting": "indicators.x.sum",
        "old": "term.setting-not-set",
        "new": "none",
        "effect": "sum",
    }
    assert document["summary"]["introduced"] == 1
    message = (
        "indicators.x.sum: not set → none weakens the plan's own check: its parts are held to "
        "their total less strictly, or not at all"
    )
    assert finding["message"] == message
    assert _diff(tmp_path, HIDDEN, "--fail-on-new", "error")[0] == 1
    _, text = _diff(tmp_path, HIDDEN)
    assert f"new/{PLACE}: error PC904 [check-weakened] {message}" in text
    _, shown = _diff(tmp_path, HIDDEN, "-f", "markdown")
    assert "**Introduced by the new revision (1):**" in shown
    assert f"- **error** `PC904` {markdown(message)} (`" in shown
    assert f"new/{PLACE}`)" in shown


def test_without_the_setting_the_figure_itself_is_the_finding(tmp_path: Path) -> None:
    unhidden = HIDDEN.replace("    sum: none\n", "")
    code, out = _diff(tmp_path, unhidden, "--fail-on-new", "error", "-f", "json")
    assert code == 1
    assert [f["code"] for f in json.loads(out)["findings"]["introduced"]] == ["PC101"]


@pytest.mark.parametrize(
    ("old", "new"),
    [("sum: at_least", "sum: exact"), ("trend: free", "trend: non_decreasing"),
     ("sum: none", "sum: none"), ("blank: missing", "blank: zero")],
)  # fmt: skip
def test_a_setting_made_stronger_or_left_alone_is_no_finding(
    tmp_path: Path, old: str, new: str
) -> None:
    def with_setting(setting: str) -> str:
        return MINIMAL_TARGETS.replace("    kind: flow\n", f"    kind: flow\n    {setting}\n")

    code, out = _diff(
        tmp_path, with_setting(new), "--fail-on-new", "info", "-f", "json", old=with_setting(old)
    )
    assert (code, json.loads(out)["findings"]["introduced"]) == (0, [])


@pytest.mark.parametrize(
    ("config", "fail_on", "exit_code"),
    [('[severity]\ncheck-weakened = "warning"\n', "error", 0),
     ('[severity]\ncheck-weakened = "warning"\n', "warning", 1),
     ('ignore = ["PC904"]\n', "info", 0),
     ('ignore = ["meta"]\n', "info", 0),
     ("", "error", 1)],
)  # fmt: skip
def test_the_configuration_sets_its_level_or_ignores_it(
    tmp_path: Path, config: str, fail_on: str, exit_code: int
) -> None:
    """As for any code: where a plan's settings may change freely, the (base revision's)
    configuration says so."""
    (tmp_path / "planchk.toml").write_text(config, encoding="utf-8")
    code, out = _diff(
        tmp_path, HIDDEN, "--fail-on-new", fail_on, "-f", "json",
        "--config", str(tmp_path / "planchk.toml"),
    )  # fmt: skip
    assert code == exit_code
    introduced = json.loads(out)["findings"]["introduced"]
    levels = [f["severity"] for f in introduced if f["code"] == "PC904"]
    assert levels == ([] if "ignore" in config else ["warning" if config else "error"])


def test_a_forked_comparison_places_the_setting_as_the_sequential_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new side read in a child sends back no text, only the keys down to each
    indicator's settings: the finding is placed at the same line and column."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    lines = (new / "targets.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    stock = next(i for i, line in enumerate(lines) if line.startswith("    kind: stock"))
    lines.insert(stock + 1, "    trend: free\n")  # a stock's fall no longer an error
    (new / "targets.yaml").write_text("".join(lines), "utf-8")
    monkeypatch.setattr(fork_module, "MIN_BYTES", 0)
    monkeypatch.setattr(fork_module, "_cpus", lambda: 2)
    comparison = Comparison([str(old), str(new)], [], Config())
    assert comparison.new is not None
    assert comparison.new.child is not None  # it did fork
    forked = comparison.run()
    sequential = diff_sides(path_side(old, 10**8), path_side(new, 10**8), Config())
    [weakened] = [f for f in forked.introduced if f.code == "PC904"]
    assert weakened == next(f for f in sequential.introduced if f.code == "PC904")
    assert (weakened.location.line, weakened.location.column) == (stock + 2, 5)
    assert weakened.path.endswith(".trend")


def test_the_setting_changed_says_not_set_where_one_side_writes_none(tmp_path: Path) -> None:
    """The change beside the finding: `sum not set → none`, not Python's `None`; its JSON
    args hold the neutral key, as the finding's do."""
    _, out = _diff(tmp_path, HIDDEN, "-f", "json")
    [change] = [c for c in json.loads(out)["changes"] if c["kind"] == "indicator-changed"]
    assert change["args"] == {
        "indicator": "x", "field": "sum", "old": "term.setting-not-set", "new": "none"
    }  # fmt: skip
    assert change["message"] == "x: sum not set → none"
    _, text = _diff(tmp_path, MINIMAL_TARGETS, "-f", "text", old=HIDDEN)
    assert "  • x: sum none → not set\n" in text
