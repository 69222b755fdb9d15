"""`diff -f text` and `-f markdown` are written as they are made (issue 17: a diff of 100,000
findings was one string of 278 MB): the pieces come a part at a time, and they are the bytes
the formatters gave when they built the whole text (kept here as the reference)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from planchk import messages
from planchk.cli import app
from planchk.config import Config
from planchk.diff import Comparison, DiffReport
from planchk.escape import visible
from planchk.formatters import RenderOptions, get_diff, get_diff_pieces
from planchk.formatters.diff import markdown, text
from planchk.formatters.diff.common import cell_tables, other_changes, summary
from planchk.formatters.text import Painter
from tests.cli_runner import CliRunner
from tests.small_plans import write_plan

ROWS = 1_200  # over text.RICH_ROWS: the long table is laid out by plain_table


def _plan(rows: int, last: int, broken: bool = False) -> str:
    """A total of `rows` parts, each [2, last]: a fall (PC202) in each part when last < 2."""
    names = [f"区{n}" for n in range(rows)]
    head = "plan: {title: 测试, period: [2021, 2022]}\nareas:\n"
    head += f"  全区: [{', '.join(names)}]\nindicators:\n  x:\n    name: 指标[x]\n"
    head += "    unit: 件\n    kind: flow\n    years: [2021, 2022]\n    values:\n"
    head += f"      全区: [{2 * rows}, {last * rows}]\n"
    body = "".join(f"      {name}: [2, {last}]\n" for name in names)
    small = "  y:\n    name: 小表\n    unit: 件\n    kind: stock\n    years: [2021, 2022]\n"
    small += f"    values:\n      全区: [{rows}, {rows + last}]\n"
    return head + body + small + ("  z: [\n" if broken else "")


def _diff(tmp_path: Path, old_last: int, new_last: int, broken: bool = False) -> DiffReport:
    old = write_plan(tmp_path / f"old{old_last}", _plan(ROWS, old_last))
    new = write_plan(tmp_path / f"new{new_last}{broken}", _plan(ROWS, new_last, broken))
    config = Config(max_findings_per_rule=0)
    return Comparison([str(old), str(new)], [], config, None, None).run()


def _text_as_built(diff: DiffReport, options: RenderOptions) -> str:
    """formatters.diff.text.render as it was before it streamed: one console, one buffer."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        width=120,
    )
    header = messages.DIFF_HEADER(
        old=visible(messages.side(diff.old)), new=visible(messages.side(diff.new))
    )
    console.print(Text(header, style="bold"))
    console.print()
    if diff.unusable:
        console.print(Text(messages.DIFF_UNUSABLE(count=len(diff.unusable)), style="bold red"))
        for finding in diff.unusable:
            console.print(text._finding(finding), soft_wrap=True)
        console.print()
    if not diff.changes:
        console.print(Text(messages.DIFF_NO_CHANGES.text))
        console.print()
    paint = Painter(options.color)
    for indicator, rows in cell_tables(diff).items():
        if len(rows) > text.RICH_ROWS:
            buffer.write(text.plain_table(visible(indicator), rows, paint) + "\n")
        else:
            console.print(text._table(indicator, rows))
        console.print()
    others = other_changes(diff)
    if others:
        console.print(Text(messages.DIFF_OTHER_HEADING.text, style="bold"))
        for change in others:
            console.print(Text(f"  • {visible(change.message)}"), soft_wrap=True)
        console.print()
    console.print(Text(messages.DIFF_FINDINGS_HEADING.text, style="bold"))
    for template, findings, style in (
        (messages.DIFF_INTRODUCED, diff.introduced, "red"),
        (messages.DIFF_RESOLVED, diff.resolved, "green"),
    ):
        if findings:
            console.print(Text(template(count=len(findings)), style=style))
            for finding in findings:
                console.print(text._finding(finding), soft_wrap=True)
    console.print(Text(messages.DIFF_REMAINING(count=len(diff.remaining))))
    console.print()
    console.print(Text(summary(diff), style="bold"))
    return buffer.getvalue()


def _markdown_as_built(diff: DiffReport) -> str:
    """formatters.diff.markdown.render as it was before it streamed: a list of lines."""
    escape = markdown._escape
    header = messages.DIFF_HEADER(old=messages.side(diff.old), new=messages.side(diff.new))
    lines = [f"### {escape(header)}", ""]
    if diff.unusable:
        lines += [f"**{messages.DIFF_UNUSABLE(count=len(diff.unusable))}**", ""]
        lines += [markdown._finding(f) for f in diff.unusable] + [""]
    if not diff.changes:
        lines += [messages.DIFF_NO_CHANGES.text, ""]
    for indicator, rows in cell_tables(diff).items():
        lines += [f"#### {escape(indicator)}", ""]
        lines.append("| " + " | ".join(c.text for c in messages.DIFF_COLUMNS) + " |")
        lines.append("|" + "---|" * len(messages.DIFF_COLUMNS))
        for r in rows:
            change = markdown.ARROWS[r.direction] + r.change
            cells = [r.area, r.year, r.old, r.new, change, r.note]
            lines.append("| " + " | ".join(escape(c) for c in cells) + " |")
        lines.append("")
    others = other_changes(diff)
    if others:
        lines += [f"#### {messages.DIFF_OTHER_HEADING.text}", ""]
        lines += [f"- {escape(c.message)}" for c in others] + [""]
    lines += [f"#### {messages.DIFF_FINDINGS_HEADING.text}", ""]
    for template, findings in (
        (messages.DIFF_INTRODUCED, diff.introduced),
        (messages.DIFF_RESOLVED, diff.resolved),
    ):
        if findings:
            lines += [f"**{template(count=len(findings))}**", ""]
            lines += [markdown._finding(f) for f in findings] + [""]
    lines += [messages.DIFF_REMAINING(count=len(diff.remaining)), ""]
    lines.append(f"_{escape(summary(diff))}_")
    return "\n".join(lines) + "\n"


SIDES = {
    "falls resolved": (1, 3, False),
    "falls introduced": (3, 1, False),
    "no change": (1, 1, False),
    "an unusable side": (1, 3, True),
}


@pytest.mark.parametrize("sides", SIDES.values(), ids=SIDES.keys())
@pytest.mark.parametrize("color", [False, True])
def test_the_streamed_diff_is_what_the_whole_text_was(
    tmp_path: Path, sides: tuple[int, int, bool], color: bool
) -> None:
    diff = _diff(tmp_path, *sides)
    options = RenderOptions(color=color)
    assert "".join(get_diff_pieces("text")(diff, options)) == _text_as_built(diff, options)
    assert "".join(get_diff_pieces("markdown")(diff, options)) == _markdown_as_built(diff)
    assert get_diff("text")(diff, options) == _text_as_built(diff, options)
    assert get_diff("markdown")(diff, options) == _markdown_as_built(diff)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("sides", [(3, 1), (1, 3)], ids=["introduced", "resolved"])
def test_no_piece_holds_the_whole_diff(
    tmp_path: Path, fmt: str, sides: tuple[int, int], runner: CliRunner
) -> None:
    """1,200 changed cells and as many findings: the first piece comes before the last row is
    laid out, each piece is a part (a line, a finding, a short table), and the file written is
    what stdout shows."""
    diff = _diff(tmp_path, *sides)
    assert len(diff.introduced if sides[0] > sides[1] else diff.resolved) == ROWS + 1
    pieces = list(get_diff_pieces(fmt)(diff, RenderOptions()))
    assert f"区{ROWS - 1} " not in pieces[0]
    assert len(pieces) > 2 * ROWS  # a line of the table, a finding: each a piece
    assert max(piece.count("\n") for piece in pieces) < 20
    whole = "".join(pieces)
    assert whole.count(f"区{ROWS - 1} ") + whole.count(f"区{ROWS - 1}\n") >= 1
    old, new = tmp_path / f"old{sides[0]}", tmp_path / f"new{sides[1]}False"
    config = tmp_path / "all.toml"
    config.write_text("max-findings-per-rule = 0\n", encoding="utf-8")
    out = tmp_path / f"d.{fmt}"
    arguments = ["diff", str(old), str(new), "-f", fmt, "--config", str(config)]
    to_file = runner.invoke(app, [*arguments, "-o", str(out)])
    to_stdout = runner.invoke(app, arguments)
    assert to_file.exit_code == to_stdout.exit_code == 0, to_file.output
    assert out.read_text(encoding="utf-8") == to_stdout.stdout == whole
