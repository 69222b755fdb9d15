"""Work in a forked child: its result comes back, and any failure of the child costs time only.

(test_diff.py runs every diff test once in-process and once with the new side forked.)
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from planchk.config import Config
from planchk.diff import Comparison, diff_sides
from planchk.diff import fork as fork_module
from planchk.diff.fork import Beside
from planchk.diff.sides import path_side
from tests.paths import DATA

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="planchk forks only on Linux")


def test_the_result_is_computed_in_the_child() -> None:
    parent = os.getpid()
    assert Beside(os.getpid).result() != parent


def test_a_failing_child_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            raise RuntimeError("only the child fails")
        return 42

    assert Beside(work).result() == 42


def test_a_child_that_dies_leaves_the_work_to_the_parent() -> None:
    parent = os.getpid()

    def work() -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "done here"

    assert Beside(work).result() == "done here"


def test_a_result_that_cannot_travel_is_computed_again_here() -> None:
    parent = os.getpid()

    def work() -> object:
        return (lambda: parent) if os.getpid() != parent else "here"  # a lambda cannot pickle

    assert Beside(work).result() == "here"


def test_an_exception_of_the_work_is_the_parents_own() -> None:
    with pytest.raises(ValueError, match="bad input"):
        Beside(lambda: int("bad input")).result()


def test_a_parent_that_ignores_its_children_still_gets_the_result() -> None:
    # With SIGCHLD ignored the kernel reaps the child itself and waitpid finds no child.
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert Beside(os.getpid).result() != os.getpid()
    finally:
        signal.signal(signal.SIGCHLD, previous)


def test_cancel_stops_a_running_child() -> None:
    pending = Beside(lambda: time.sleep(60))
    assert pending.child is not None
    pid = pending.child[0]
    started = time.monotonic()
    pending.cancel()
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no such child any more


def test_forking_is_only_for_large_input_with_a_second_cpu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fork_module, "_cpus", lambda: 2)
    assert fork_module.worth_forking(fork_module.MIN_BYTES)
    assert not fork_module.worth_forking(fork_module.MIN_BYTES - 1)
    monkeypatch.setattr(fork_module, "_cpus", lambda: 1)
    assert not fork_module.worth_forking(10**12)


def test_a_forked_comparison_equals_the_sequential_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    text = (new / "targets.yaml").read_text(encoding="utf-8")
    (new / "targets.yaml").write_text(text.replace("[300, 50, 53]", "[301, 50, 53]"), "utf-8")
    monkeypatch.setattr(fork_module, "MIN_BYTES", 0)
    monkeypatch.setattr(fork_module, "_cpus", lambda: 2)
    comparison = Comparison([str(old), str(new)], [], Config())
    assert comparison.new is not None
    assert comparison.new.child is not None  # it did fork
    forked = comparison.run()
    sequential = diff_sides(path_side(old, 10**8), path_side(new, 10**8), Config())
    assert forked == sequential
    assert [f.code for f in forked.introduced] == ["PC101"]
    assert forked.changes
