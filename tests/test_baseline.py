"""Baselines: record today's findings, then fail only on new ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner

PLAN = Path(__file__).parent / "plans" / "broken_county"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLAN, tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "plan"


def test_adopt_an_old_plan_and_block_only_regressions(plan: Path, runner: CliRunner) -> None:
    written = runner.invoke(app, ["validate", "plan", "--write-baseline", "baseline.json"])
    assert written.exit_code == 0
    assert "Wrote 9 findings to the baseline baseline.json." in written.stderr
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {
        "file": "plan/targets.yaml",
        "code": "PC201",
        "path": "indicators.enterprises.values.城关镇.2024",
    } in entries

    clean = runner.invoke(app, ["validate", "plan", "--baseline", "baseline.json"])
    assert clean.exit_code == 0
    assert "9 findings recorded in the baseline are not shown." in clean.stdout

    targets = plan / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(
        "# moved down a line\n"
        + text.replace("[0.33, 0.40, 0.50]\n      河口镇", "[0.33, 0.45, 0.50]\n      河口镇", 1),
        encoding="utf-8",
    )
    new = runner.invoke(app, ["validate", "plan", "--baseline", "baseline.json", "-f", "json"])
    assert new.exit_code == 1
    document = json.loads(new.stdout)
    # The edit breaks the 2023 sum and leaves two of the three towns with the same row (PC705
    # leaves an equal split among all siblings alone, so the old plan had no such finding).
    assert [(f["code"], f["path"]) for f in document["findings"]] == [
        ("PC101", "indicators.turnover.values.全县.2023"),
        ("PC705", "indicators.turnover.values.工业园区"),
    ]
    assert document["summary"]["baselined"] == 9


def test_a_second_finding_at_the_same_place_is_new(plan: Path, runner: CliRunner) -> None:
    runner.invoke(app, ["validate", "plan", "--write-baseline", "baseline.json"])
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    document["findings"] = [f for f in document["findings"] if f["code"] != "PC101"][:-1]
    Path("baseline.json").write_text(json.dumps(document), encoding="utf-8")
    result = runner.invoke(app, ["validate", "plan", "--baseline", "baseline.json", "-f", "json"])
    assert len(json.loads(result.stdout)["findings"]) == 3


@pytest.mark.parametrize(
    "content", ["not json", '{"baseline_version": 99, "findings": []}', '{"findings": 3}', "[]"]
)
def test_unreadable_baseline_is_a_usage_error(plan: Path, content: str, runner: CliRunner) -> None:
    Path("baseline.json").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["validate", "plan", "--baseline", "baseline.json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("planchk: error: ")
    assert "baseline.json" in result.stderr


def test_missing_baseline(plan: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "plan", "--baseline", "nope.json"])
    assert result.exit_code == 2
    assert "nope.json" in result.stderr


def test_baseline_written_whole_or_not_at_all(plan: Path, runner: CliRunner) -> None:
    Path("taken").write_text("", encoding="utf-8")  # a file where a folder would have to go
    result = runner.invoke(app, ["validate", "plan", "--write-baseline", "taken/dir/b.json"])
    assert result.exit_code == 2
    Path("taken").unlink()
    made = runner.invoke(app, ["validate", "plan", "--write-baseline", "new/dir/b.json"])
    assert made.exit_code == 0  # its folders made, as for every -o
    assert json.loads(Path("new/dir/b.json").read_text(encoding="utf-8"))["baseline_version"] == 1
    shutil.rmtree("new")
    Path("b.json").write_text("old", encoding="utf-8")
    runner.invoke(app, ["validate", "plan", "--write-baseline", "b.json"])
    assert json.loads(Path("b.json").read_text(encoding="utf-8"))["baseline_version"] == 1
    assert sorted(p.name for p in Path().iterdir()) == ["b.json", "plan"]


def test_a_baseline_at_the_repository_root_matches_from_below_and_by_absolute_path(
    plan: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    (plan.parent / ".git").mkdir()
    runner.invoke(app, ["validate", "plan", "--write-baseline", "baseline.json"])
    monkeypatch.chdir(plan)
    below = runner.invoke(app, ["validate", ".", "--baseline", "../baseline.json", "-f", "json"])
    assert below.exit_code == 0, below.output
    assert json.loads(below.stdout)["summary"]["baselined"] == 9
    absolute = [str(plan), "--baseline", str(plan.parent / "baseline.json"), "-f", "json"]
    result = runner.invoke(app, ["validate", *absolute])
    assert json.loads(result.stdout)["summary"]["baselined"] == 9
    assert result.stderr == ""


def test_a_baseline_that_matches_none_of_its_entries_is_said(plan: Path, runner: CliRunner) -> None:
    runner.invoke(app, ["validate", "plan", "--write-baseline", "baseline.json"])
    shutil.copytree(plan, Path("other"))
    result = runner.invoke(app, ["validate", "other", "--baseline", "baseline.json", "-f", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["baselined"] == 0
    assert "baseline.json matched none of its 9 findings: is it for these files?" in result.stderr


def test_entries_naming_one_file_and_code_share_their_strings(tmp_path: Path) -> None:
    from planchk.suppress.baseline import read_baseline

    entries = [
        {"file": f"plan{i % 2}/targets.yaml", "code": "PC202", "path": f"indicators.x.{i}"}
        for i in range(6)
    ] + [{"file": "plan0/targets.yaml", "code": "PC202", "path": "indicators.x.0"}]
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"baseline_version": 1, "findings": entries}), encoding="utf-8")
    known = read_baseline(path)
    assert known[(str(tmp_path / "plan0/targets.yaml"), "PC202", "indicators.x.0")] == 2
    assert sum(known.values()) == 7
    assert len({id(file) for file, _, _ in known}) == 2  # one string per file, not per entry
    assert len({id(code) for _, code, _ in known}) == 1
