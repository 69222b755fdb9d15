"""The fixtures every test may ask for, and the environment every test runs in.

Tests import no helper from here: plain values and builders live in modules named for what they
hold (tests/paths.py, tests/cli_runner.py, tests/small_plans.py), and test_layers checks it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planchk import i18n
from planchk.engine import check_paths
from planchk.report import Report
from tests.cli_runner import CliRunner
from tests.paths import DATA

# CI draws the same Hypothesis examples on every run, so that a red CI means the change, not
# the draw; a developer's run explores new examples each time. (The dependency-floor venv has
# no Hypothesis: its smoke tests need none.)
with contextlib.suppress(ImportError):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, database=None)
    if os.environ.get("CI"):
        settings.load_profile("ci")


NEUTRAL = (
    "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "PLANCHK_MAX_BYTES", "PLANCHK_DEBUG",
    "PLANCHK_LANG", "LC_ALL", "LC_MESSAGES", "LANG",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _neutral_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see the same environment everywhere: outside GitHub Actions, in English."""
    for name in NEUTRAL:
        monkeypatch.delenv(name, raising=False)
    yield
    i18n.set_language("en")  # a command run with --lang zh must not leak into the next test


@pytest.fixture(scope="session")
def seed_report() -> Report:
    return check_paths([DATA])


@pytest.fixture
def runner() -> CliRunner:
    """A runner for the CLI that keeps stdout and stderr apart."""
    return CliRunner()


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed plan (data/) that a test may change."""
    return Path(shutil.copytree(DATA, tmp_path / "data"))
