"""`--lang zh … -h`: planchk's own help, every command's and option's, in Chinese.

Option names, metavars, choices, file names and code names stay as typed; what may not stay is
an English sentence: two English words in a row, outside the few names a help text quotes.
"""

from __future__ import annotations

import re

import pytest
import typer.main

from planchk.cli import app, help_texts
from tests.cli_runner import CliRunner

runner = CliRunner()
COMMANDS = [[], *([name] for name in sorted(typer.main.get_command(app).commands))]  # type: ignore[attr-defined]
# Names quoted as they are: a CI service, a standard, and the git commands a help text shows.
NAMES = ("GitHub Actions", "JSON Schema", "git config", "git diff", "planchk diff-driver")


def english_sentences(text: str) -> list[str]:
    for name in NAMES:
        text = text.replace(name, "")
    text = re.sub(r"\bplanchk(?: [a-z-]+)?", " ", text)  # the command path in the usage line
    text = re.sub(r"[│╭╮╰╯─]", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)  # choices and metavars: [auto|text], [PATHS]...
    text = re.sub(r"\S*[-_./=]\S*", " ", text)  # options, files, slugs: --fail-on, data/
    text = re.sub(r"\b[A-Z][A-Z0-9_]+\b|\bPC\d{3}\b", " ", text)  # metavars and codes
    return re.findall(r"[A-Za-z]{2,}(?:[ ,:;]+[A-Za-z]{2,})+", text)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "planchk")
def test_help_in_chinese_leaves_no_english_sentence(command: list[str]) -> None:
    result = runner.invoke(app, ["--lang", "zh", *command, "-h"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "用法" in result.stdout
    assert english_sentences(result.stdout) == []
    english = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "120"})
    assert english_sentences(english.stdout) != []  # the check finds English where it is


def test_every_help_text_is_a_catalogue_entry_translated_at_help_time() -> None:
    root = typer.main.get_command(app)
    found = help_texts.entries(root)
    keys = [key for key, _ in found]
    assert len(keys) == len(set(keys)) > 40
    assert ("help.validate.fail_on", root.commands["validate"].params[2].help) in found  # type: ignore[attr-defined]
    english = {english for _, english in found}
    assert "Configuration file (default: planchk.toml or pyproject.toml, upward)." in english


@pytest.mark.parametrize("variable", ["LANG", "LC_ALL"])
def test_a_chinese_locale_chooses_chinese_help_and_usage_errors(variable: str) -> None:
    env = {"PLANCHK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "COLUMNS": "120"}
    env[variable] = "zh_CN.UTF-8"
    shown = runner.invoke(app, ["validate", "-h"], env=env)
    assert shown.exit_code == 0
    assert "检查方案文件" in shown.stdout
    assert english_sentences(shown.stdout) == []
    refused = runner.invoke(app, ["validate", "--nope"], env=env)
    assert refused.exit_code == 2
    assert "没有这个选项" in refused.stderr
    assert "No such option" not in refused.stderr
