"""The pre-commit hook, run by pre-commit itself in a temporary repository."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "planchk", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_hook_passes_a_good_plan_and_fails_a_broken_one(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    (repo / "README.txt").write_text("not a plan file\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")

    passed = try_repo(repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "planchk validate" in passed.stdout
    assert "Passed" in passed.stdout

    targets = repo / "data" / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[301, 50, 53]"),
        encoding="utf-8",
    )
    failed = try_repo(repo, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "PC101 [sum-mismatch]" in failed.stdout
    assert "imbalance +1" in failed.stdout
