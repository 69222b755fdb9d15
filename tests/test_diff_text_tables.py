"""`diff -f text` writes a table of more than RICH_ROWS changed cells itself (rich took 55 s for
100,000, benchmarks/README.md): laid out as rich lays out the same table, byte for byte, when
the table fits the console's width."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from planchk.cli import app
from planchk.escape import visible
from planchk.formatters.diff import text
from planchk.formatters.diff.common import CellRow
from planchk.formatters.text import Painter
from tests.cli_runner import CliRunner
from tests.paths import DATA

TEXTS = st.text(alphabet=st.sampled_from("甲乙区街道 a1.+%()-\x1b\u202e[/]"), max_size=8)
ROWS = st.builds(CellRow, TEXTS, TEXTS, TEXTS, TEXTS, TEXTS, st.sampled_from([1, -1, 0]), TEXTS)


def _rich(title: str, rows: list[CellRow]) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, no_color=True, highlight=False, width=120)
    console.print(text._table(title, rows))
    return buffer.getvalue()


@given(TEXTS, st.lists(ROWS, min_size=1, max_size=6))
def test_a_plain_table_is_what_rich_lays_out(title: str, rows: list[CellRow]) -> None:
    plain = text.plain_table(visible(title), rows, Painter(color=False)) + "\n"
    lines = plain.splitlines()
    # Wider than the console or a title wider than the table: rich wraps, the plain table not.
    assume(cell_len(lines[-1]) <= 120 and cell_len(visible(title)) <= cell_len(lines[-1]))
    assert plain == _rich(title, rows)


def test_a_diff_with_its_tables_written_plainly_is_the_same_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    targets = new / "targets.yaml"
    changed = targets.read_text(encoding="utf-8")
    for before, after in [("[300, 50, 53]", "[301, 49, 53.5]"), ("[13, ", "[14, ")]:
        assert before in changed
        changed = changed.replace(before, after, 1)
    targets.write_text(changed, encoding="utf-8")
    runner = CliRunner()
    by_rich = runner.invoke(app, ["diff", str(old), str(new)])
    monkeypatch.setattr(text, "RICH_ROWS", 0)
    plainly = runner.invoke(app, ["diff", str(old), str(new)])
    assert by_rich.exit_code == plainly.exit_code == 0, by_rich.output
    assert "+1 (+0.3%)" in plainly.stdout
    assert "-1 (-2.0%)" in plainly.stdout
    assert plainly.stdout == by_rich.stdout
