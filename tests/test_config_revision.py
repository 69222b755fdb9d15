"""`--config-revision REV`: the configuration as a git revision holds it, never the working
tree's (issue 17: a pull request must not weaken its own check); and `diff --fail-on-new`
counts a finding that a change introduces together with its waiver."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner
from tests.small_plans import MINIMAL_TARGETS, MINIMAL_TASKS

UNBALANCED = MINIMAL_TARGETS.replace("[4, 12]", "[5, 12]")  # one PC101 at 全区 2021
PLAN_WAIVER = "waivers:\n  - rule: sum-mismatch\n    reason: 已核对\n"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=repo, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


def _repository(tmp_path: Path, files: dict[str, str]) -> Path:
    """A repository whose one commit, on main, holds `files`."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _write(repo, files)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    return repo


def _write(repo: Path, files: Mapping[str, str | None]) -> None:
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def _config(runner: CliRunner, *args: str) -> tuple[int, dict[str, str], str]:
    """`planchk config ARGS`: its exit code, its top-level keys, and stderr."""
    result = runner.invoke(app, ["config", *args])
    keys: dict[str, str] = {}
    for line in result.stdout.splitlines():
        if line.startswith("["):
            if keys:
                break
            continue
        name, _, value = line.partition(" = ")
        if value:
            keys[name] = value
    return result.exit_code, keys, result.stderr


def test_the_revision_is_read_and_the_working_tree_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    repo = _repository(tmp_path, {"planchk.toml": 'ignore = ["PC403"]\nfail-on = "warning"\n'})
    _write(repo, {"planchk.toml": 'ignore = ["totals"]\n'})
    monkeypatch.chdir(repo)
    code, keys, _ = _config(runner, "--config-revision", "main")
    assert code == 0
    assert (keys["ignore"], keys["fail-on"]) == ('["PC403"]', '"warning"')
    assert runner.invoke(app, ["config", "--config-revision", "main"]).stdout.startswith(
        "# configuration: main:planchk.toml\n"
    )
    # Without it, the working tree's file: the one a pull request can edit.
    assert _config(runner)[1]["ignore"].startswith('["PC101", "PC102"')


def test_found_upward_from_the_current_directory_as_in_the_working_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    repo = _repository(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "x"\n[tool.planchk]\nignore = ["PC403"]\n',
            "sub/pyproject.toml": '[project]\nname = "y"\n',  # no table: not planchk's
            "sub/deeper/keep": "",
        },
    )
    monkeypatch.chdir(repo / "sub" / "deeper")
    code, keys, _ = _config(runner, "--config-revision", "HEAD")
    assert (code, keys["ignore"]) == (0, '["PC403"]')
    # A planchk.toml the pull request adds nearer is not read: the revision has none there.
    _write(repo, {"sub/planchk.toml": 'ignore = ["totals"]\n'})
    assert _config(runner, "--config-revision", "HEAD")[1]["ignore"] == '["PC403"]'
    assert _config(runner)[1]["ignore"] != '["PC403"]'


def test_a_revision_without_configuration_gives_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    repo = _repository(tmp_path, {"data/targets.yaml": MINIMAL_TARGETS})
    _write(repo, {"planchk.toml": 'ignore = ["totals"]\nfail-on = "info"\n'})
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["config", "--config-revision", "main"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# configuration: none found; built-in defaults\n")
    assert 'ignore = []\nfail-on = "error"\n' in result.stdout


def test_relative_paths_start_where_the_working_tree_has_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    repo = _repository(
        tmp_path,
        {"cfg/planchk.toml": 'paths = ["../plans/a"]\n', "plans/a/targets.yaml": UNBALANCED},
    )
    monkeypatch.chdir(repo)
    result = runner.invoke(
        app,
        ["validate", "--config-revision", "main", "--config", "cfg/planchk.toml", "-f", "json"],
    )
    assert result.exit_code == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["file"]) for f in findings] == [("PC101", "plans/a/targets.yaml")]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--config-revision", "no-such-branch"], "--config-revision no-such-branch: not a git "
         "revision"),
        (["--config-revision", "main", "--config", "missing.toml"],
         "main:missing.toml: no such configuration file in that revision"),
        (["--config-revision", "main", "--config", "sub"],
         "main:sub: no such configuration file in that revision"),
        (["--config-revision", "main", "--config", "/etc/hostname"], "/etc/hostname: outside the "
         "repository"),
        (["--config-revision", "main", "--config", "bad.toml"], "main:bad.toml:1:"),  # :column
        (["--config-revision", "main", "--config", "unknown.toml"], "main:unknown.toml: `ignor` "
         "is not a configuration key"),
    ],
)  # fmt: skip
def test_what_cannot_be_read_is_refused_with_the_revision_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, args: list[str], said: str
) -> None:
    _repository(
        tmp_path,
        {"bad.toml": "fail = \n", "unknown.toml": "ignor = []\n", "sub/planchk.toml": ""},
    )
    monkeypatch.chdir(tmp_path / "repo")
    result = runner.invoke(app, ["validate", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"planchk: error: {said}"), result.stderr
    assert "Traceback" not in result.stderr


def test_outside_any_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = runner.invoke(app, ["config", "--config-revision", "main"])
    assert result.exit_code == 2
    assert "there is no git repository here" in result.stderr


def test_a_configuration_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _repository(tmp_path, {"planchk.toml": "# " + "x" * (1024 * 1024) + "\n"})
    monkeypatch.chdir(tmp_path / "repo")
    result = runner.invoke(app, ["config", "--config-revision", "main"])
    assert result.exit_code == 2
    assert "main:planchk.toml: 1048579 bytes, more than a configuration file" in result.stderr


def _diff_fail_on_new(runner: CliRunner, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["diff", "--fail-on-new", "error", "-f", "json", *extra, "main", "--", "data"]
    )
    document = json.loads(result.stdout)
    introduced = [(f["code"], f["waived"]) for f in document["findings"]["introduced"]]
    assert introduced == [("PC101", "已核对")]  # shown as waived either way
    return result.exit_code, result.stderr


def test_a_waiver_added_with_the_finding_it_waives_still_fails_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    repo = _repository(tmp_path, {"data/targets.yaml": MINIMAL_TARGETS})
    _write(repo, {"data/targets.yaml": UNBALANCED + PLAN_WAIVER})
    monkeypatch.chdir(repo)
    assert runner.invoke(app, ["validate", "data"]).exit_code == 0  # validate honours it
    code, stderr = _diff_fail_on_new(runner)
    assert code == 1
    assert stderr == (
        "data/targets.yaml:11:12: PC101 is introduced and waived by the same change; "
        "--fail-on-new counts it (a waiver the old revision already has would waive it)\n"
    )


@pytest.mark.parametrize("where", ["plan", "tasks", "config"])
def test_a_waiver_the_old_revision_has_waives_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, where: str
) -> None:
    files = {"data/targets.yaml": MINIMAL_TARGETS + (PLAN_WAIVER if where == "plan" else "")}
    if where == "tasks":
        files["data/tasks.yaml"] = MINIMAL_TASKS + PLAN_WAIVER
    if where == "config":
        files["planchk.toml"] = '[[waivers]]\nrule = "sum-mismatch"\nreason = "已核对"\n'
    repo = _repository(tmp_path, files)
    _write(repo, {"data/targets.yaml": UNBALANCED + (PLAN_WAIVER if where == "plan" else "")})
    monkeypatch.chdir(repo)
    code, stderr = _diff_fail_on_new(runner, "--config-revision", "main")
    assert (code, stderr) == (0, "")


def test_a_symbolic_link_in_the_revision_is_refused_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    """The working tree would follow it; a revision holds only where it points."""
    repo = _repository(tmp_path, {"ci/planchk.toml": 'ignore = ["PC403"]\n'})
    (repo / "planchk.toml").symlink_to("ci/planchk.toml")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "linked")
    monkeypatch.chdir(repo)
    assert _config(runner)[1]["ignore"] == '["PC403"]'  # on disk, the link is followed
    code, _, stderr = _config(runner, "--config-revision", "main")
    assert code == 2
    assert stderr == (
        "planchk: error: main:planchk.toml: a symbolic link, which --config-revision does not "
        "follow; give --config the file it points to\n"
    )
    code, keys, _ = _config(runner, "--config-revision", "main", "--config", "ci/planchk.toml")
    assert (code, keys["ignore"]) == (0, '["PC403"]')
