"""The progress spinner: only on a terminal, only for large inputs."""

from __future__ import annotations

from pathlib import Path

from planchk.cli.progress import THRESHOLD_BYTES, input_size, should_show
from tests.cli_runner import CliRunner
from tests.paths import DATA


def test_input_size_counts_the_plan_files_of_a_directory() -> None:
    expected = sum(p.stat().st_size for p in DATA.glob("*.yaml"))
    assert input_size([DATA]) == expected
    assert input_size([DATA / "targets.yaml"]) == (DATA / "targets.yaml").stat().st_size
    assert input_size([DATA / "missing.yaml"]) == 0


def test_shown_only_on_a_terminal_for_large_inputs() -> None:
    assert should_show(THRESHOLD_BYTES, terminal=True)
    assert not should_show(THRESHOLD_BYTES, terminal=False)
    assert not should_show(THRESHOLD_BYTES - 1, terminal=True)


def test_small_plan_on_a_pipe_prints_nothing_on_stderr(tmp_path: Path) -> None:

    from planchk.cli import app

    result = CliRunner().invoke(app, ["validate", str(DATA)])
    assert result.stderr == ""
