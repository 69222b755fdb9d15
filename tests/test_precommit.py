"""The pre-commit hook, run by pre-commit itself in a temporary repository."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import DATA, ROOT

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as it is on disk (uncommitted changes too), committed once: pre-commit
    installs the hook for a repository and revision once, and both runs below share it.
    (`pre-commit try-repo` installs it afresh on every call, in a store of its own.)"""
    source = tmp_path_factory.mktemp("hook-source")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    for name in filter(None, set(listed.split("\0"))):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    git(source, "init", "-q")
    git(source, "add", ".")
    git(source, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "hook")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=source, check=True, capture_output=True, text=True
    )
    return source, head.stdout.strip()


def run_hook(repo: Path, source: tuple[Path, str], home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit run --all-files` in `repo`, whose configuration uses the planchk hook."""
    path, rev = source
    config = f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n      - id: planchk\n"
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_hook_passes_a_good_plan_and_fails_a_broken_one(
    tmp_path: Path, pre_commit_home: Path, hook_source: tuple[Path, str]
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    (repo / "README.txt").write_text("not a plan file\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")

    passed = run_hook(repo, hook_source, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "planchk validate" in passed.stdout
    assert "Passed" in passed.stdout

    targets = repo / "data" / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[301, 50, 53]"),
        encoding="utf-8",
    )
    failed = run_hook(repo, hook_source, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "PC101 [sum-mismatch]" in failed.stdout
    assert "imbalance +1" in failed.stdout
