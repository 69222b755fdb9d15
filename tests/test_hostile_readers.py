"""Every file planchk reads is read bounded, and every stream it writes takes any text (issue 17,
"tracebacks and injection"): exit 2 with a message, never a traceback, a hang or MemoryError.

Devices, FIFOs, file names that are not UTF-8 and foreign output encodings cannot live in git;
each is made here, and the stream cases run a real process (the test runner's streams are
UTF-8 and forgiving).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.small_plans import MINIMAL_TARGETS, write_plan

posix = pytest.mark.skipif(os.name != "posix", reason="devices, FIFOs and byte file names")
BROKEN = MINIMAL_TARGETS.replace("[6, 8]", "[6, 9]")  # a PC101 that names 全区


def planchk(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planchk", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=60,
        check=False,
    )  # fmt: skip


def refused(result: object, exit_code: int = 2) -> None:
    assert getattr(result, "exit_code", None) == exit_code, getattr(result, "output", "")
    exception = getattr(result, "exception", None)
    assert exception is None or isinstance(exception, SystemExit), exception


@posix
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_as_plan_or_baseline_is_refused(
    tmp_path: Path, device: str, runner: CliRunner
) -> None:
    plan = write_plan(tmp_path / "p", MINIMAL_TARGETS)
    as_plan = runner.invoke(app, ["validate", device, "-f", "json"])
    refused(as_plan)
    assert '"PC001"' in as_plan.stdout
    assert "not a regular file" in as_plan.stdout
    as_baseline = runner.invoke(app, ["validate", str(plan), "--baseline", device])
    refused(as_baseline)
    assert "not a regular file" in as_baseline.stderr


@posix
def test_a_fifo_no_one_writes_to_is_refused_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "targets.yaml"
    os.mkfifo(fifo)
    done = planchk("validate", fifo)  # the timeout fails the test if planchk waits
    assert done.returncode == 2
    assert "PC001" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_baseline_nested_past_the_recursion_limit(tmp_path: Path, runner: CliRunner) -> None:
    plan = write_plan(tmp_path / "p", MINIMAL_TARGETS)
    deep = tmp_path / "b.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "--baseline", str(deep)])
    refused(result)
    assert "not a planchk baseline" in result.stderr


@pytest.mark.parametrize(
    "content",
    [
        "select = " + "[" * 5000 + "]" * 5000 + "\n",  # arrays nested past recursion
        "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",  # inline tables
        "fail_on = " + "9" * 5000 + "\n",  # an integer past int()'s 4300 digits
    ],
    ids=["arrays", "inline-tables", "5000-digits"],
)
def test_hostile_toml_in_the_config_or_a_parent_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, runner: CliRunner
) -> None:
    config = tmp_path / "planchk.toml"
    config.write_text(content, encoding="utf-8")
    plan = write_plan(tmp_path / "p", MINIMAL_TARGETS)
    explicit = runner.invoke(app, ["validate", str(plan), "--config", str(config)])
    refused(explicit)
    assert "planchk.toml" in explicit.stderr
    # Someone else's broken pyproject.toml above the plan is not planchk's configuration.
    config.unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.other]\n" + content, encoding="utf-8")
    monkeypatch.chdir(plan)
    below = runner.invoke(app, ["validate", "."])
    refused(below, 0)


@pytest.mark.parametrize("value", ["²", "١٢٣", "9" * 5000, "-1", "0", "1e6"])
def test_planchk_max_bytes_that_is_no_number(tmp_path: Path, value: str, runner: CliRunner) -> None:
    plan = write_plan(tmp_path / "p", MINIMAL_TARGETS)
    result = runner.invoke(app, ["validate", str(plan)], env={"PLANCHK_MAX_BYTES": value})
    refused(result)
    assert "PLANCHK_MAX_BYTES" in result.stderr


@pytest.mark.parametrize(
    ("encoding", "shown"), [("ascii", "\\u5168\\u533a"), ("gbk", "全区"), ("latin-1", "\\u5168")]
)
def test_output_streams_that_are_not_utf8(tmp_path: Path, encoding: str, shown: str) -> None:
    plan = write_plan(tmp_path / "p", BROKEN.replace("甲街道", "甲街道\U0001f600"))  # no GBK has it
    done = subprocess.run(
        [sys.executable, "-m", "planchk", "validate", str(plan)],
        capture_output=True, timeout=60, check=False,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert shown in done.stdout.decode(encoding)


@posix
def test_a_directory_name_that_is_not_utf8(tmp_path: Path) -> None:
    directory = os.fsencode(tmp_path) + b"/\xff\xfe\xb0\xa1"
    os.mkdir(directory)
    with open(directory + b"/targets.yaml", "wb") as file:
        file.write(BROKEN.encode("utf-8"))
    name = os.fsdecode(directory)
    for args in (["validate", name], ["report", name, "-f", "markdown"], ["diff", name, name]):
        done = planchk(*args)
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
    written = planchk("validate", name, "-f", "json", "-o", tmp_path / "out.json")
    assert written.returncode == 1, written.stderr
    assert "\\udcff\\udcfe" in (tmp_path / "out.json").read_text(encoding="utf-8")
