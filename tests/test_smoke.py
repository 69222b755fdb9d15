"""Every command once on data/, and every command's --help, through the installed program.

These are the tests .ci/run also runs against the declared dependency floors (.ci/floors.txt),
in a virtual environment that has planchk and pytest only: this module imports nothing else,
and runs `python -m planchk` in a subprocess so that what is tried is the real entry point under
whichever typer, click and rich are installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
EXAMPLE_CSV = ROOT / "docs" / "examples" / "patents.csv"
COMMANDS = ["validate", "diff", "report", "import", "rules", "explain", "config", "schema"]


def planchk(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLANCHK_", "LC_", "LANG"))}
    env.update(COLUMNS="100", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "planchk", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", check=False, cwd=cwd, env=env,
    )  # fmt: skip


def test_the_command_list_is_complete() -> None:
    from planchk.cli import app

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert names - {"diff-driver"} == set(COMMANDS)


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help(command: list[str]) -> None:
    done = planchk(*command, "--help")
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("command", "words"), [("validate", "Plan files or directories"), ("diff", "Two plan files")]
)
def test_help_shows_what_an_argument_is(command: str, words: str) -> None:
    """Typer before 0.26 under click 8.5 drops every argument's help: click is bounded below it."""
    done = planchk(command, "--help")
    assert words in done.stdout


def test_version() -> None:
    done = planchk("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("planchk ")


def test_an_unknown_option_is_a_usage_error() -> None:
    done = planchk("validate", "--no-such-option")
    assert done.returncode == 2
    assert "--no-such-option" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_choice_is_a_usage_error() -> None:
    done = planchk("--lang", "fr", "rules")
    assert done.returncode == 2
    assert "fr" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_validate(fmt: str) -> None:
    done = planchk("validate", DATA, "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert "PC202" in done.stdout
    if fmt in {"json", "sarif"}:
        json.loads(done.stdout)


def test_validate_in_chinese() -> None:
    done = planchk("--lang", "zh", "validate", DATA)
    assert done.returncode == 0, done.stderr
    assert "通过" in done.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff(fmt: str) -> None:
    done = planchk("diff", DATA, DATA, "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout


def test_diff_driver(tmp_path: Path) -> None:
    targets = DATA / "targets.yaml"
    done = planchk("diff-driver", "targets.yaml", targets, "0" * 40, "100644", targets, "0" * 40,
                   "100644")  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("fmt", ["html", "markdown", "xlsx"])
def test_report(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    done = planchk("report", DATA, "--format", fmt, "--output", out)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0


def test_import_csv_and_validate_it(tmp_path: Path) -> None:
    out = tmp_path / "targets.yaml"
    done = planchk("import", EXAMPLE_CSV, "--output", out)
    assert done.returncode == 0, done.stderr
    assert planchk("validate", out).returncode in {0, 1}


def test_import_xlsx(tmp_path: Path) -> None:
    made = tmp_path / "in.xlsx"
    assert planchk("report", DATA, "-f", "xlsx", "-o", made).returncode == 0
    done = planchk("import", made, "--sheet", "高新技术企业数量")
    assert done.returncode == 0, done.stderr
    assert "indicators:" in done.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_rules(fmt: str) -> None:
    done = planchk("rules", "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert "PC101" in done.stdout


@pytest.mark.parametrize("args", [["PC101"], ["sum-mismatch"], ["--all"]])
def test_explain(args: list[str]) -> None:
    done = planchk("explain", *args)
    assert done.returncode == 0, done.stderr
    assert "PC101" in done.stdout


def test_config() -> None:
    done = planchk("config")
    assert done.returncode == 0, done.stderr
    assert "[tool.planchk]" in done.stdout


@pytest.mark.parametrize("kind", [[], ["targets"], ["tasks"]])
def test_schema(kind: list[str]) -> None:
    done = planchk("schema", *kind)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)


# click's own usage errors under --lang zh: the texts come from whichever click is installed
# (8.0 on the floors), so these run there too.
USAGE_ERRORS = {
    ("validate", "--x"): "没有这个选项",
    ("validate", "-f", "nope"): "的值无效",
    ("diff",): "缺少参数",
    ("rules", "extra"): "多出了一个参数",
    ("--lang", "fr", "rules"): "不是",
    # click's type named in Chinese
    ("import", "x.csv", "--year", "abc"): "'abc' 不是有效的整数。",
}
CLICK_ENGLISH = ("Usage", "Try ", "for help", "Error", "No such", "Invalid value", "Missing")


@pytest.mark.parametrize("args", sorted(USAGE_ERRORS))
def test_click_usage_errors_speak_chinese(args: tuple[str, ...]) -> None:
    done = planchk("--lang", "zh", *args)
    assert done.returncode == 2
    assert USAGE_ERRORS[args] in done.stderr
    assert "用法：" in done.stderr
    assert [word for word in CLICK_ENGLISH if word in done.stderr] == []
    english = planchk(*args)
    assert "Usage" in english.stderr  # the same error, untranslated, names what is checked


def test_every_usage_text_of_the_installed_click_is_in_the_catalogue() -> None:
    """Each text click's exceptions, parser and usage line say (those of 8.0 differ from
    8.4's in places) has its entry in planchk.cli.click_texts, so that none is left in English."""
    import ast
    import importlib.util

    from planchk.cli.click_texts import BY_ENGLISH

    found: set[str] = set()
    for name in ("click.exceptions", "click.parser", "click.formatting", "typer.rich_utils"):
        spec = importlib.util.find_spec(name)
        assert spec is not None
        assert spec.origin is not None
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
                found |= {str(a.value) for a in node.args[:2] if isinstance(a, ast.Constant)}
    assert len(found) > 20
    assert sorted(found - set(BY_ENGLISH)) == []


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_in_chinese(command: list[str]) -> None:
    done = planchk("--lang", "zh", *command, "-h")
    assert done.returncode == 0, done.stderr
    assert "用法" in done.stdout
    assert "显示本帮助并退出" in done.stdout  # click's own -h line, through planchk's catalogue
    assert "Show this message" not in done.stdout
    assert "…" not in done.stdout  # a Chinese help text is folded, never cut
