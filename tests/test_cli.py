"""The command line, through typer's runner: exit code and output asserted together."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from planchk import __version__
from planchk.catalog import all_codes
from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.paths import DATA
from tests.small_plans import MINIMAL_TARGETS, write_plan


def test_validate_bundled_data_passes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(DATA)])
    assert result.exit_code == 0, result.output
    assert f"{DATA}/targets.yaml:69:21: warning PC202 [trend-flow-decrease]" in result.stdout
    assert result.stdout.rstrip().endswith("Passed.")
    assert result.stderr == ""


def test_validate_defaults_to_data_in_the_working_directory(
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
) -> None:
    monkeypatch.chdir(DATA.parent)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert "data/tasks.yaml:43:54: warning PC601" in result.stdout


def test_fail_on_warning_turns_warnings_into_failure(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(DATA), "--fail-on", "warning"])
    assert result.exit_code == 1
    assert "Failed: findings at warning level or above." in result.stdout


def test_json_output_is_versioned_and_keeps_printed_digits(
    tmp_path: Path, runner: CliRunner
) -> None:
    plan = write_plan(tmp_path, MINIMAL_TARGETS.replace("乙街道: [6, 8]", "乙街道: [6, 9]"))
    result = runner.invoke(app, ["validate", str(plan), "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert document["summary"]["error"] == 1
    assert document["summary"]["exit_code"] == 1
    [finding] = document["findings"]
    assert finding["code"] == "PC101"
    assert (finding["line"], finding["column"]) == (11, 16)
    assert finding["args"]["imbalance"] == "1"
    assert finding["path"] == "indicators.x.values.全区.2022"
    assert [(r["line"], r["column"]) for r in finding["related"]] == [(12, 16), (13, 16)]


def test_unusable_input_exits_2_and_still_reports(tmp_path: Path, runner: CliRunner) -> None:
    plan = write_plan(tmp_path, "plan: [unclosed\n")
    result = runner.invoke(app, ["validate", str(plan), "--format", "json"])
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["fatal"]) == ("PC003", True)
    assert "Traceback" not in result.output


def test_missing_path_exits_2(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nowhere.yaml")])
    assert result.exit_code == 2
    assert "PC001" in result.stdout
    assert "could not be read" in result.stdout


def test_directory_without_plan_files_exits_2(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "PC013" in result.stdout


def test_bad_option_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--fail-on", "fatal"])
    assert result.exit_code == 2
    assert "fatal" in result.stderr


def test_tasks_file_alone_is_checked_with_its_targets_as_context(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(DATA / "tasks.yaml"), "-f", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["files"] == [f"{DATA}/tasks.yaml"]
    assert {f["file"] for f in document["findings"]} == {f"{DATA}/tasks.yaml"}
    assert "PC601" in {f["code"] for f in document["findings"]}


def test_tasks_file_without_targets_says_what_it_cannot_check(
    tmp_path: Path, runner: CliRunner
) -> None:
    tasks = tmp_path / "tasks.yaml"
    tasks.write_text((DATA / "tasks.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tasks), "-f", "json"])
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert "PC014" in codes
    assert "PC031" not in codes  # no false unknown-office findings for the sub-areas
    assert result.exit_code == 0


def test_color_follows_no_color_and_force_color(runner: CliRunner) -> None:
    plain = runner.invoke(app, ["validate", str(DATA)], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    colored = runner.invoke(app, ["validate", str(DATA)], env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in colored.stdout


def test_text_output_escapes_control_characters_from_the_plan(
    tmp_path: Path, runner: CliRunner
) -> None:
    # YAML's "\\e" puts a raw ESC into a name; printed as is, it would steer the terminal.
    targets = MINIMAL_TARGETS + '      "丙\\e[2J街道": [1, 1]\n'
    write_plan(tmp_path, targets)
    for env in ({"NO_COLOR": "1"}, {"FORCE_COLOR": "1", "NO_COLOR": ""}):
        result = runner.invoke(app, ["validate", str(tmp_path)], env=env)
        lines = [line for line in result.stdout.splitlines() if "丙" in line]
        assert lines, result.stdout
        assert all("丙\\x1b[2J街道" in line for line in lines)
        assert "\x1b[2J" not in result.stdout


def test_rules_lists_every_code(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["code"] for row in rows] == [info.code for info in all_codes()]
    assert set(rows[0]) == {"code", "slug", "family", "severity", "title"}
    text = runner.invoke(app, ["rules"])
    assert "PC101" in text.stdout
    assert "sum-mismatch" in text.stdout


def _as_json_data(path: Path) -> object:
    # The editor sees YAML through JSON types; dates are text there.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("kind", ["targets", "tasks"])
def test_schema_validates_the_bundled_files(kind: str, runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_as_json_data(DATA / f"{kind}.yaml"), schema)


def test_schema_rejects_an_unknown_field(runner: CliRunner) -> None:
    schema = json.loads(runner.invoke(app, ["schema", "targets"]).stdout)
    document = _as_json_data(DATA / "targets.yaml")
    assert isinstance(document, dict)
    document["plan"]["titel"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_schema_without_kind_prints_both(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert set(json.loads(result.stdout)) == {"targets", "tasks"}


def test_version_and_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planchk", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"planchk {__version__}"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_validation_does_not_import_what_it_does_not_use(fmt: str) -> None:
    # The text format is what a pre-commit hook prints: it writes its ANSI styles itself.
    script = (
        "import sys, runpy\n"
        f"sys.argv = ['planchk', 'validate', {str(DATA)!r}, '-f', {fmt!r}]\n"
        "try:\n    runpy.run_module('planchk', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "heavy = ['rich', 'planchk.diff', 'planchk.formatters.sarif', 'openpyxl',"
        " 'planchk.formatters.report', 'planchk.importers', 'selenium']\n"
        "sys.stderr.write(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.stderr == ""
    assert done.returncode == 0
    if fmt == "json":
        assert json.loads(done.stdout)["summary"]["exit_code"] == 0
    else:
        assert done.stdout.rstrip().endswith("Passed.")


@pytest.mark.parametrize("command", [[], ["validate"], ["diff"], ["report"], ["import"]])
def test_help_texts_lose_nothing_to_markup(command: list[str], runner: CliRunner) -> None:
    """rich reads [...] in a help text as markup and drops it: defaults are in parentheses."""
    from planchk import cli

    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    # click_texts holds typer's own "[default: {}]" as the English text it translates, not help.
    modules = [m for m in Path(cli.__file__).parent.glob("*.py") if m.name != "click_texts.py"]
    source = "".join(module.read_text(encoding="utf-8") for module in modules)
    assert "[default:" not in source
    flat = re.sub(r"[│\s]+", " ", result.stdout)
    assert not re.search(r"\w \.( |$)", flat)  # "remains ." is what a lost [...] leaves


def test_choices_written_out_for_start_up_match_the_models() -> None:
    """The CLI spells out two Literal types so that it starts without pydantic."""
    from typing import get_args

    from planchk.cli import import_, schema
    from planchk.loader import FileKind
    from planchk.models.targets import Kind

    assert sorted(get_args(import_.ImportKind)) == sorted(get_args(Kind))
    assert get_args(schema.FileKind) == get_args(FileKind)


def test_counts_are_english_plurals_and_chinese_alike(tmp_path: Path, runner: CliRunner) -> None:
    plan = write_plan(tmp_path, MINIMAL_TARGETS.replace("乙街道: [6, 8]", "乙街道: [6, 9]"))
    english = runner.invoke(app, ["validate", str(plan / "targets.yaml")]).stdout
    assert "Checked 1 file: 1 error, 0 warnings, 0 info, 0 waived. Failed" in english
    chinese = runner.invoke(app, ["--lang", "zh", "validate", str(plan / "targets.yaml")]).stdout
    assert "共检查 1 个文件：错误 1 个，警告 0 个，提示 0 个，已豁免 0 个。" in chinese
    diff = runner.invoke(app, ["diff", str(DATA / "targets.yaml"), str(DATA / "targets.yaml")])
    assert "0 changes; findings:" in diff.stdout


@pytest.mark.parametrize("command", [[], ["validate"], ["diff"], ["explain"]])
def test_dash_h_is_help(command: list[str], runner: CliRunner) -> None:
    short = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "120"})
    assert short.exit_code == 0
    assert short.stdout == runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"}).stdout


def test_dash_capital_v_is_the_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["-V"])
    assert (result.exit_code, result.stdout) == (0, f"planchk {__version__}\n")


@pytest.mark.parametrize("command", ["validate", "diff", "report", "rules"])
def test_output_format_is_an_alias_of_format(
    command: str, tmp_path: Path, runner: CliRunner
) -> None:
    args = {
        "validate": ["validate", str(DATA), "--output-format", "json"],
        "diff": ["diff", str(DATA), str(DATA), "--output-format", "json"],
        "report": ["report", str(DATA), "--output-format", "markdown"],
        "rules": ["rules", "--output-format", "json"],
    }[command]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    if command != "report":
        assert json.loads(result.stdout)
    else:
        assert result.stdout.startswith("#")


def test_global_options_on_either_side_of_the_command(tmp_path: Path, runner: CliRunner) -> None:
    after = runner.invoke(app, ["validate", "--lang", "zh", str(DATA)])
    assert after.exit_code == 0, after.stderr
    assert after.stdout == runner.invoke(app, ["--lang=zh", "validate", str(DATA)]).stdout
    assert "通过" in after.stdout
    config = tmp_path / "planchk.toml"
    config.write_text('fail-on = "warning"\n', encoding="utf-8")
    before = runner.invoke(app, ["--config", str(config), "validate", str(DATA)])
    assert before.exit_code == 1, before.stderr
    assert runner.invoke(app, ["validate", str(DATA), "--config", str(config)]).exit_code == 1


def test_exit_zero_reports_but_exits_0_unless_the_input_is_unusable(
    tmp_path: Path, runner: CliRunner
) -> None:
    plan = write_plan(tmp_path, MINIMAL_TARGETS.replace("乙街道: [6, 8]", "乙街道: [6, 9]"))
    found = runner.invoke(app, ["validate", str(plan), "--exit-zero"])
    assert found.exit_code == 0
    assert "PC101" in found.stdout
    broken = write_plan(tmp_path / "broken", "plan: [\n")
    assert runner.invoke(app, ["validate", str(broken), "--exit-zero"]).exit_code == 2


def test_term_dumb_has_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    from planchk.cli import common

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert common.stdout_color()
    monkeypatch.setenv("TERM", "dumb")
    assert not common.stdout_color()


def test_quiet_prints_the_findings_only(tmp_path: Path, runner: CliRunner) -> None:
    plan = write_plan(tmp_path, MINIMAL_TARGETS.replace("乙街道: [6, 8]", "乙街道: [6, 9]"))
    quiet = runner.invoke(app, ["validate", str(plan), "-q"])
    assert quiet.exit_code == 1
    [line] = quiet.stdout.splitlines()
    assert line.startswith(f"{plan / 'targets.yaml'}:11:16: error PC101")
    assert runner.invoke(app, ["validate", str(DATA), "--quiet", "--select", "PC1"]).stdout == ""


@pytest.mark.parametrize(
    ("args", "plain", "forced"),
    [
        (["--color", "always", "validate"], True, True),
        (["validate", "--color=always"], True, True),
        (["--color", "never", "validate"], False, False),
        (["validate", "--no-color"], False, False),
        (["validate"], False, True),  # auto: not a terminal here, but FORCE_COLOR forces it
    ],
)
def test_color_always_never_and_no_color(
    args: list[str], plain: bool, forced: bool, runner: CliRunner
) -> None:
    """FORCE_COLOR=1 stands for the terminal a test has not got."""
    result = runner.invoke(app, [*args, str(DATA)])
    assert result.exit_code == 0, result.stderr
    assert ("\x1b[" in result.stdout) == plain
    assert ("\x1b[" in runner.invoke(app, [*args, str(DATA)], env={"FORCE_COLOR": "1"}).stdout) == (
        forced
    )


def test_shell_completion_can_be_installed(runner: CliRunner) -> None:
    """Typer finds the shell to write for among planchk's parent processes (shellingham), as it
    does when a user types the command; run from a job with no shell above it (a background
    pytest under init), it found none ("Shell  not supported"). So bash starts planchk here, as
    a user's shell does; the trailing `exit` keeps bash from exec'ing planchk in its place."""
    assert "--install-completion" in runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to run planchk from: the shell is found among its parents")
    planchk = str(Path(sys.executable).parent / "planchk")
    done = subprocess.run(
        [bash, "-c", '"$0" --show-completion; exit $?', planchk],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0
    assert "_planchk_completion" in done.stdout
    assert "complete -o default -F _planchk_completion planchk" in done.stdout
