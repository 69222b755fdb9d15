"""Hostile output paths (issue 17 §1): `-o` never replaces what is not a regular file, never
writes over an input, and a written file has the mode a user expects.

Device nodes, FIFOs and sockets cannot live in git, so each case is made here.
"""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from planchk.atomic import OutputError, write_atomic
from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import DATA
from tests.small_plans import MINIMAL_TARGETS, write_plan

posix = pytest.mark.skipif(os.name != "posix", reason="device nodes and FIFOs are POSIX")


@posix
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="mknod needs root")
def test_a_character_device_is_written_to_not_replaced(tmp_path: Path, runner: CliRunner) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    result = runner.invoke(app, ["validate", str(DATA), "-f", "json", "-o", str(null)])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(null.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temporary file left either


@posix
@pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="mknod needs root")
def test_import_to_a_device_writes_the_one_file_not_a_plan_directory(
    tmp_path: Path, runner: CliRunner
) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    table = tmp_path / "t.csv"
    table.write_text("单位：家\n地区,2021年\n合计,3\n甲,1\n乙,2\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(table), "-o", str(null)])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(null.stat().st_mode)
    existing = tmp_path / "plain-file"  # an existing file with no .yaml ending is that file
    existing.write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["import", str(table), "-o", str(existing)])
    assert result.exit_code == 0, result.output
    assert existing.read_text(encoding="utf-8").startswith("#")


@posix
def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, "through the pipe\n")
    reader.join(10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_dev_stdout_is_this_process_stdout(name: str, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(DATA), "-f", "json", "-o", name])
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("{")


def test_a_directory_or_socket_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    with pytest.raises(OutputError):
        write_atomic(tmp_path, "x")
    if hasattr(socket, "AF_UNIX"):
        path = tmp_path / "s"
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))
            result = runner.invoke(app, ["validate", str(DATA), "-o", str(path)])
            assert result.exit_code == 2
            assert "not a regular file" in result.stderr
            assert stat.S_ISSOCK(path.stat().st_mode)


def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


@posix
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(mode)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == mode


@posix
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.json", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == mode


def test_output_equal_to_an_input_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    plan = write_plan(tmp_path / "plan", MINIMAL_TARGETS)
    targets = plan / "targets.yaml"
    other = write_plan(tmp_path / "other", MINIMAL_TARGETS.replace("[10, 20]", "[10, 21]"))
    csv = tmp_path / "t.csv"
    csv.write_text("地区,2021\n全区,3\n甲,1\n乙,2\n", encoding="utf-8")
    commands = [
        ["validate", str(plan), "-o", str(targets)],
        ["validate", str(targets), "--write-baseline", str(targets)],
        ["report", str(plan), "-f", "markdown", "-o", str(targets)],
        ["diff", str(plan), str(other), "-o", str(targets)],
        ["import", str(csv), "-o", str(csv)],
    ]
    for command in commands:
        before = targets.read_bytes(), csv.read_bytes()
        result = runner.invoke(app, command)
        assert result.exit_code == 2, (command, result.output)
        assert "this run reads that file" in result.stderr
        assert (targets.read_bytes(), csv.read_bytes()) == before


def test_output_through_a_link_to_an_input_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    plan = write_plan(tmp_path / "plan", MINIMAL_TARGETS)
    (tmp_path / "alias.yaml").symlink_to(plan / "targets.yaml")
    result = runner.invoke(app, ["validate", str(plan), "-o", str(tmp_path / "alias.yaml")])
    assert result.exit_code == 2
    assert (plan / "targets.yaml").read_text(encoding="utf-8") == MINIMAL_TARGETS


@posix
def test_an_import_into_a_file_another_writer_holds_waits_and_merges_over_it(
    tmp_path: Path,
) -> None:
    """Issue 17: two `import --into` at once lost an update in 7 of 10 trials, both exit 0.
    Here the test is the other writer: it holds the lock, an import starts, says it waits and
    does not write; the test writes its own update and lets go; the import merges over it."""
    import subprocess
    import sys
    import time

    import yaml

    from planchk.atomic import locked

    target = tmp_path / "t.yaml"
    target.write_text(MINIMAL_TARGETS, encoding="utf-8")
    csv = tmp_path / "甲表.csv"
    csv.write_text("甲表\n单位：件\n地区,2021年\n全区,3\n甲街道,1\n乙街道,2\n", "utf-8")
    command = [sys.executable, "-m", "planchk", "import", str(csv), "--into", str(target)]
    with locked(target):
        run = subprocess.Popen(
            [*command, "-o", str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env={**os.environ, "PLANCHK_LANG": "en"},
        )  # fmt: skip
        for _ in range(25):  # five seconds to start, reach the lock and wait there
            time.sleep(0.2)
            if run.poll() is not None:
                break
        assert run.poll() is None  # still waiting for the lock
        assert target.read_text(encoding="utf-8") == MINIMAL_TARGETS  # and wrote nothing
        other = MINIMAL_TARGETS.replace("name: 测试指标", "name: 另一写入者的指标")
        target.write_text(other, encoding="utf-8")
    assert run.wait(60) == 0
    assert run.stderr is not None
    assert b"waiting for it" in run.stderr.read()
    indicators = yaml.safe_load(target.read_text(encoding="utf-8"))["indicators"]
    names = {entry.get("table") or entry["name"] for entry in indicators.values()}
    assert {"另一写入者的指标", "甲表"} <= names


def test_an_unwritable_output_is_named_as_given_not_by_its_temporary_file(
    tmp_path: Path, runner: CliRunner
) -> None:
    link = tmp_path / "gone"
    link.symlink_to(tmp_path / "nowhere")  # a folder that cannot be made: the name is taken
    missing = link / "x.txt"
    with pytest.raises(FileExistsError) as raised:
        write_atomic(missing, "text")
    assert raised.value.filename == str(missing)
    result = runner.invoke(app, ["validate", str(DATA), "-o", str(missing)])
    assert result.exit_code == 2
    assert f"{missing}:" in result.stderr
    assert ".tmp" not in result.stderr
    assert list(tmp_path.iterdir()) == [link]  # nothing made, no temporary file left
