"""`planchk diff -f markdown`, the CI job summary: a waived introduced finding says it is
waived and why, as the text format does; and a file's name is shown in a code span that no
backtick in it can close. Read back with a CommonMark renderer (markdown-it, which rich uses)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from planchk.cli import app
from planchk.escape import code_span, markdown, visible
from tests.cli_runner import CliRunner
from tests.small_plans import MINIMAL_TARGETS, write_plan

runner = CliRunner()
UNBALANCED = MINIMAL_TARGETS.replace("[4, 12]", "[5, 12]")  # one PC101 at 全区 2021
REASON = "<b>已核对</b> @octocat [见](http://e.example) `x`"
WAIVER = f"waivers:\n  - rule: sum-mismatch\n    reason: {json.dumps(REASON)}\n"


def _diff(old: Path, new: Path, fmt: str) -> str:
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_waived_introduced_finding_says_so_with_its_reason_escaped(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "old", MINIMAL_TARGETS)
    new = write_plan(tmp_path / "new", UNBALANCED + WAIVER)
    [introduced] = json.loads(_diff(old, new, "json"))["findings"]["introduced"]
    assert (introduced["code"], introduced["waived"]) == ("PC101", REASON)
    text = _diff(old, new, "text")
    assert f"{introduced['message']} (waived: {REASON})" in text
    shown = _diff(old, new, "markdown")
    [line] = [line for line in shown.splitlines() if "PC101" in line]
    assert markdown(f"{introduced['message']} (waived: {REASON})") in line
    html = MarkdownIt("commonmark").render(line)
    assert re.findall(r"<(\w+)", html) == ["ul", "li", "strong", "code", "code"]
    # As typed (the comment only keeps GitHub from linking the address)
    shown_text = html.replace("<!-- -->", "")
    assert "(waived: &lt;b&gt;已核对&lt;/b&gt; @octocat [见](http://e.example) `x`)" in shown_text


def test_a_finding_not_waived_says_nothing_of_waivers(tmp_path: Path) -> None:
    old = write_plan(tmp_path / "old", MINIMAL_TARGETS)
    shown = _diff(old, write_plan(tmp_path / "new", UNBALANCED), "markdown")
    [line] = [line for line in shown.splitlines() if "PC101" in line]
    assert "(waived:" not in line


@pytest.mark.parametrize(
    "name",
    ["data/targets.yaml:11:12", "a`<img src=x>`b/t.yaml:1:1", "``<b>x</b>``", "`edge`",
     "x\x1b[31m\u202e`"],
)  # fmt: skip
def test_a_code_span_holds_the_whole_name_as_text(name: str) -> None:
    """The span's text is the name as `visible` shows it, and nothing in it is a tag."""
    html = MarkdownIt("commonmark").render(f"- {code_span(name)} after")
    tags = re.findall(r"<(\w+)", html)
    assert tags == ["ul", "li", "code"], html
    inner = html.split("<code>", 1)[1].split("</code>", 1)[0]
    unescaped = inner.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert unescaped.replace("&amp;", "&") == visible(name)
    assert html.rstrip().endswith("</code> after</li>\n</ul>")


def test_a_folder_named_with_backticks_and_html_stays_in_its_code_span(tmp_path: Path) -> None:
    """The job summary of a pull request that adds such a folder: its name is text there."""
    old = write_plan(tmp_path / "old", MINIMAL_TARGETS)
    new = write_plan(tmp_path / "a`<img src=x>`b", UNBALANCED)
    shown = _diff(old, new, "markdown")
    html = MarkdownIt("commonmark").render(shown)
    assert "<img" not in html
    assert "a`&lt;img src=x&gt;`b" in html


def test_report_markdown_keeps_such_a_folder_in_its_code_span(tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "a`<img src=x>`b", UNBALANCED)
    result = runner.invoke(app, ["report", str(plan), "-f", "markdown"])
    assert result.exit_code == 0, result.output  # a report is made whatever it finds
    html = MarkdownIt("commonmark").render(result.stdout)
    assert "<img" not in html
    assert "a`&lt;img src=x&gt;`b/targets.yaml:11:12</code>" in html
