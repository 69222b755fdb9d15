"""Which plan files a directory stands for: its own, and those of its subfolders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import DATA


def _districts(root: Path) -> Path:
    """plans/东区 and plans/西区, each a copy of data/; broken files where no walk may go."""
    plans = root / "plans"
    for district in ("东区", "西区"):
        shutil.copytree(DATA, plans / district)
    for skipped in (".git", ".venv", "node_modules/pkg", ".hidden", "东区/.cache"):
        (plans / skipped).mkdir(parents=True)
        (plans / skipped / "targets.yaml").write_text("plan: [unclosed\n", encoding="utf-8")
    return plans


def test_a_directory_of_plan_subfolders_validates_each_pair(
    tmp_path: Path, runner: CliRunner
) -> None:
    plans = _districts(tmp_path)
    result = runner.invoke(app, ["validate", str(plans), "-f", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    names = ("targets.yaml", "tasks.yaml")
    expected = [f"{plans}/{d}/{f}" for d in ("东区", "西区") for f in names]
    assert document["files"] == expected
    codes = {f["code"] for f in document["findings"]}
    assert "PC014" not in codes  # each tasks file found its targets file: the pair stayed a pair
    assert "PC601" in codes
    single = json.loads(runner.invoke(app, ["validate", str(DATA), "-f", "json"]).stdout)
    assert len(document["findings"]) == 2 * len(single["findings"])


def test_the_summary_counts_plans_only_when_there_are_several(
    tmp_path: Path, runner: CliRunner
) -> None:
    plans = _districts(tmp_path)
    several = runner.invoke(app, ["validate", str(plans)])
    assert several.stdout.rstrip().splitlines()[-1].startswith("Checked 4 files in 2 plans:")
    one = runner.invoke(app, ["validate", str(plans / "东区")])
    assert one.stdout.rstrip().splitlines()[-1].startswith("Checked 2 files:")


def test_a_directory_with_plans_only_in_skipped_folders_has_none(
    tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "node_modules").mkdir()
    shutil.copy(DATA / "targets.yaml", tmp_path / "node_modules" / "targets.yaml")
    result = runner.invoke(app, ["validate", str(tmp_path), "-f", "json"])
    assert result.exit_code == 2
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["PC013"]
