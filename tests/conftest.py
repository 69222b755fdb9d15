"""Shared helpers: write small plans to a temporary directory and check them."""

from __future__ import annotations

import contextlib
import inspect
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click.testing
import pytest
import typer.testing

from planchk import i18n
from planchk.engine import check_paths
from planchk.findings import Finding
from planchk.report import Report

# CI draws the same Hypothesis examples on every run, so that a red CI means the change, not
# the draw; a developer's run explores new examples each time. (The dependency-floor venv has
# no Hypothesis: its smoke tests need none.)
with contextlib.suppress(ImportError):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, database=None)
    if os.environ.get("CI"):
        settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# The smallest plan most cases start from: a district, two sub-areas, one count indicator.
MINIMAL_TARGETS = """\
plan: {title: 测试方案, period: [2021, 2022]}
areas:
  全区: [甲街道, 乙街道]
indicators:
  x:
    name: 测试指标
    unit: 件
    kind: flow
    years: [2021, 2022]
    values:
      全区: [10, 20]
      甲街道: [4, 12]
      乙街道: [6, 8]
"""


class CliRunner(typer.testing.CliRunner):
    """typer's runner with stdout and stderr apart under every click the floors allow.

    Click 8.2 separates them always and dropped `mix_stderr`; before it they are mixed unless
    `mix_stderr=False` is given.
    """

    def __init__(self, **kwargs: Any) -> None:
        if "mix_stderr" in inspect.signature(click.testing.CliRunner.__init__).parameters:
            kwargs.setdefault("mix_stderr", False)
        super().__init__(**kwargs)

    @contextlib.contextmanager
    def isolation(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        # Before 8.2 click reads the captured stderr without flushing it first.
        with super().isolation(*args, **kwargs) as streams:
            if sys.stderr is not sys.stdout:
                sys.stderr.reconfigure(write_through=True)  # type: ignore[union-attr]
            yield streams


def write_plan(directory: Path, targets: str | None = None, tasks: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    if targets is not None:
        (directory / "targets.yaml").write_text(targets, encoding="utf-8")
    if tasks is not None:
        (directory / "tasks.yaml").write_text(tasks, encoding="utf-8")
    return directory


def check_texts(directory: Path, targets: str | None = None, tasks: str | None = None) -> Report:
    return check_paths([write_plan(directory, targets, tasks)])


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


def where(findings: list[Finding] | tuple[Finding, ...]) -> list[tuple[str, int, int]]:
    return [(f.code, f.location.line, f.location.column) for f in findings]


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
