"""Every command writes its result through the shared writer (cli/common.py): a reader that
stops early (`planchk rules | head -1`) ends the run quietly with the exit code it gives, and a
stdout whose encoding lacks a character (PYTHONIOENCODING=ascii, a GBK console) gets an
escape, never a traceback (issue 17)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import closed_early

TABLE = "单位：万元\n县区,2024年,2025年\n合计,30,40\n甲县,10,15\n乙县,20,25\n"
# Each command that writes to stdout, with what makes it write Chinese (--lang zh, or a table).
COMMANDS = {
    "explain-all": ["--lang", "zh", "explain", "--all"],
    "explain-codes": ["--lang", "zh", "explain"],
    "explain-rule": ["--lang", "zh", "explain", "PC101"],
    "rules": ["--lang", "zh", "rules"],
    "rules-json": ["--lang", "zh", "rules", "-f", "json"],
    "rules-markdown": ["--lang", "zh", "rules", "-f", "markdown"],
    "schema": ["schema"],
    "config": ["--lang", "zh", "config"],
    "import": ["import", "{table}"],
}


def _args(name: str, tmp_path: Path) -> list[str]:
    table = tmp_path / "资金.csv"
    table.write_text(TABLE, encoding="utf-8")
    return [arg.replace("{table}", str(table)) for arg in COMMANDS[name]]


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "planchk", *args],
        capture_output=True, cwd=cwd, env={**os.environ, "COLUMNS": "200", **env},
        timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_pipe_stops_quietly_with_the_runs_exit_code(name: str, tmp_path: Path) -> None:
    args = _args(name, tmp_path)
    written = _run(args, tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stdout  # there is output to lose
    closed = closed_early(args, tmp_path)
    assert closed.stderr.decode() == written.stderr.decode()  # import's notes still said
    assert closed.returncode == 0


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_stdout_without_the_characters_gets_escapes(name: str, tmp_path: Path) -> None:
    args = _args(name, tmp_path)
    utf8 = _run(args, tmp_path, PYTHONIOENCODING="utf-8")
    ascii_ = _run(args, tmp_path, PYTHONIOENCODING="ascii")
    assert ascii_.returncode == 0, ascii_.stderr
    assert b"Traceback" not in ascii_.stderr
    shown = ascii_.stdout.decode("ascii")  # nothing but ASCII was written
    chinese = [c for c in utf8.stdout.decode("utf-8") if ord(c) > 127]
    assert chinese  # the command did write text ASCII lacks
    assert f"\\u{ord(chinese[0]):04x}" in shown
    if name not in TABLES:  # nothing dropped: the escapes read back to the text
        assert _unescaped(shown) == utf8.stdout.decode("utf-8")


# rich lays a table out by the width of what it prints: escapes are wider than characters.
TABLES = ("rules", "explain-codes")


def _unescaped(text: str) -> str:
    return re.sub(
        r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8}))",
        lambda m: chr(int(next(g for g in m.groups() if g), 16)),
        text,
    )
