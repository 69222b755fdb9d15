"""The README and committed generated files say what planchk really does."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from planchk.catalog import all_codes
from planchk.cli import app
from planchk.config import load_config
from planchk.formatters import codes as catalogue
from planchk.models.schema import json_schema
from tests.cli_runner import CliRunner
from tests.paths import DATA, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README[README.index("## Set-up: two commands") : README.index("## What it reports")]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_two_setup_commands_that_ci_runs_word_for_word() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    assert "planchk validate data/" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in commands:
        assert command in ci


def _validate_output(directory: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(directory)
    result = CliRunner().invoke(app, ["validate", "data/"], env={"NO_COLOR": "1"})
    return result.stdout


def test_readme_shows_the_real_output_of_validate(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = README.split("<!-- validate-output -->\n```text\n", 1)[1].split("```", 1)[0]
    assert _validate_output(ROOT, monkeypatch) == shown


def test_readme_shows_the_real_output_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = README.split("<!-- validate-output-zh -->\n```text\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["--lang", "zh", "validate", "data/"], env={"NO_COLOR": "1"})
    assert result.stdout == shown


def test_readme_shows_the_real_finding_for_a_changed_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    targets = tmp_path / "data" / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[301, 50, 53]"),
        encoding="utf-8",
    )
    [shown] = re.findall(r"^data/targets\.yaml:\d+:\d+: error PC101 .*$", README, re.MULTILINE)
    assert f"  {shown}\n" in _validate_output(tmp_path, monkeypatch)


def test_readme_shows_the_real_suggestion_for_swapped_digits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = README.split("<!-- fix-suggestions-output -->\n```text\n", 1)[1].split("```", 1)[0]
    shutil.copytree(DATA, tmp_path / "data")
    targets = tmp_path / "data" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["validate", "data/", "--fix-suggestions"], env={"NO_COLOR": "1"}
    )
    assert shown in result.stdout


def test_readme_rules_table_is_the_catalogue() -> None:
    table = README.split("<!-- rules-table -->\n", 1)[1].split("<!-- end rules-table -->", 1)[0]
    assert table == catalogue.as_markdown(), "regenerate with: planchk rules -f markdown"


ANNOTATIONS = frozenset({"title", "description", "default", "examples"})


def constraints(schema: Any) -> Any:
    """A JSON Schema less its annotation keywords, which no validator reads."""
    if isinstance(schema, list):
        return [constraints(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kept = {}
    for key, value in schema.items():
        if key in {"properties", "$defs", "patternProperties"}:
            kept[key] = {name: constraints(sub) for name, sub in value.items()}
        elif key not in ANNOTATIONS:
            kept[key] = constraints(value)
    return kept


@pytest.mark.parametrize("kind", ["targets", "tasks"])
def test_committed_schemas_are_current(kind: str) -> None:
    """What a schema allows, not how pydantic annotates it: that changes from release to release."""
    committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert constraints(committed) == constraints(json_schema(kind)), (
        f"regenerate with: planchk schema {kind} > schemas/{kind}.schema.json"
    )


@pytest.mark.parametrize("kind", ["targets", "tasks"])
def test_data_files_point_editors_at_the_schema(kind: str) -> None:
    first = (DATA / f"{kind}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"


def test_docs_rules_reference_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == catalogue.reference(), (
        "regenerate with: planchk explain --all > docs/rules.md"
    )


def test_explain_shows_why_examples_and_options() -> None:
    result = CliRunner().invoke(app, ["explain", "sum-rounding"])
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("PC102 sum-rounding (totals, default severity info)")
    for part in ("Why:", "Bad:", "Good:", "tolerance (default printed)"):
        assert part in text
    assert CliRunner().invoke(app, ["explain", "PC102"]).stdout == text


@pytest.mark.parametrize("name", ["PC1000", "nope"])
def test_explain_refuses_what_is_not_a_rule(name: str) -> None:
    result = CliRunner().invoke(app, ["explain", name])
    assert result.exit_code == 2
    assert f"`{name}` is not a rule code, slug or family" in result.stderr


def test_explain_of_a_family_explains_each_of_its_rules() -> None:
    result = CliRunner().invoke(app, ["explain", "totals"])
    assert result.exit_code == 0
    shown = re.findall(r"^(PC\d{3}) ", result.stdout, re.M)
    assert shown == sorted(i.code for i in all_codes() if i.family == "totals")
    assert len(shown) > 1


def test_explain_without_a_rule_lists_the_codes() -> None:
    result = CliRunner().invoke(app, ["explain"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert set(re.findall(r"PC\d{3}", result.stdout)) == {i.code for i in all_codes()}


# What GitHub makes of the workflow's expressions on a pull request into main.
PULL_REQUEST = {
    "${{ github.base_ref }}": "main",
    "${{ github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || "
    "github.sha }}": "origin/main",
}


def _expanded(text: str) -> str:
    for expression, value in PULL_REQUEST.items():
        text = text.replace(expression, value)
    assert "${{" not in text, text  # an expression this table does not know
    return text


def _workflow() -> tuple[dict[str, str], list[str]]:
    """The job's environment and the scripts of its planchk steps, as run on a pull request."""
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["planchk"]
    env = {name: _expanded(str(value)) for name, value in job.get("env", {}).items()}
    scripts = [
        _expanded(step["run"])
        for step in job["steps"]
        if "planchk" in step.get("run", "") and not step["name"].startswith("Install")
    ]
    return env, scripts


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _base_repository(repo: Path, config: str | None = None) -> None:
    """A repository whose main holds the bundled plan (and `config` as planchk.toml), with
    itself as origin, as actions/checkout leaves it (fetch-depth: 0)."""
    shutil.copytree(DATA, repo / "data")
    if config is not None:
        (repo / "planchk.toml").write_text(config, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "remote", "add", "origin", str(repo))
    _git(repo, "fetch", "-q", "origin")


def _add_an_error(repo: Path) -> None:
    """A sum that no longer adds up: one PC101 error the base does not have."""
    targets = repo / "data" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    assert text.count("[300, 50, 53]") == 1
    targets.write_text(text.replace("[300, 50, 53]", "[301, 50, 53]"), encoding="utf-8")


def _run_workflow(repo: Path, summary: Path) -> list[subprocess.CompletedProcess[str]]:
    """Each planchk step of docs/github-actions.yml, word for word, as GitHub runs it."""
    job_env, scripts = _workflow()
    env = {
        **os.environ,
        **job_env,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    runs = []
    for script in scripts:
        done = subprocess.run(
            ["bash", "-e", "-c", script],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert "Traceback" not in done.stderr
        runs.append(done)
    return runs


@pytest.mark.parametrize("regression", [False, True])
def test_documented_github_workflow_commands_work(tmp_path: Path, regression: bool) -> None:
    repo = tmp_path / "repo"
    _base_repository(repo)
    if regression:
        _add_an_error(repo)
    summary = tmp_path / "summary.md"
    validate, sarif_step, diff_step = (run.returncode for run in _run_workflow(repo, summary))
    assert validate == (1 if regression else 0)
    assert sarif_step == 0
    assert json.loads((repo / "planchk.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert diff_step == (1 if regression else 0)
    shown = summary.read_text(encoding="utf-8")
    assert shown.startswith("### planchk diff: origin/main → working tree")
    assert ("Introduced by the new revision (1)" in shown) == regression


BASE_CONFIG = 'fail-on = "error"\nignore = ["PC403"]\n'
# What a pull request can write to make its own check pass: file name -> its text, None to
# delete it. Each would hide the PC101 it introduces, were the working tree's configuration read.
WEAKENINGS: dict[str, dict[str, str | None]] = {
    "ignore": {"planchk.toml": 'ignore = ["totals"]\n'},
    "severity": {"planchk.toml": '[severity]\nsum-mismatch = "info"\n'},
    "select": {"planchk.toml": 'select = ["PC201"]\n'},
    "waiver": {"planchk.toml": '[[waivers]]\nrule = "sum-mismatch"\nreason = "checked by hand"\n'},
    "pyproject": {
        "planchk.toml": None,
        "pyproject.toml": '[tool.planchk]\nignore = ["sum-mismatch"]\n',
    },
}


@pytest.mark.parametrize(
    ("weakening", "base_config"),
    [*((name, BASE_CONFIG) for name in sorted(WEAKENINGS)), ("ignore", None), ("pyproject", None)],
)
def test_a_pull_request_cannot_weaken_its_own_check(
    tmp_path: Path, weakening: str, base_config: str | None
) -> None:
    repo = tmp_path / "repo"
    _base_repository(repo, base_config)
    _git(repo, "checkout", "-q", "-b", "pull-request")
    _add_an_error(repo)
    for name, text in WEAKENINGS[weakening].items():
        if text is None:
            (repo / name).unlink(missing_ok=True)
        else:
            (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "a new error, and a configuration that hides it")
    # The pull request's configuration does hide the error from a check that reads it...
    trusting = subprocess.run(
        [sys.executable, "-m", "planchk", "validate", "data/", "-f", "json"],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert trusting.returncode == 0, trusting.stdout
    # ...and the documented workflow reads the base branch's instead: every step sees it.
    summary = tmp_path / "summary.md"
    validate, sarif_step, diff_step = _run_workflow(repo, summary)
    assert validate.returncode == 1, validate.stderr
    assert "title=PC101 sum-mismatch" in validate.stdout
    assert sarif_step.returncode == 0
    sarif = json.loads((repo / "planchk.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r for r in results if r["ruleId"] == "PC101" and "suppressions" not in r]
    assert diff_step.returncode == 1, diff_step.stderr
    shown = summary.read_text(encoding="utf-8")
    assert "Introduced by the new revision (1)" in shown
    assert "PC101" in shown


def test_a_waiver_in_the_plan_added_with_its_error_fails_the_check(tmp_path: Path) -> None:
    """A waiver in targets.yaml is the plan's own: validate honours it, but the diff step
    counts the error the pull request introduces together with it, and the job fails."""
    repo = tmp_path / "repo"
    _base_repository(repo, BASE_CONFIG)
    _git(repo, "checkout", "-q", "-b", "pull-request")
    _add_an_error(repo)
    with (repo / "data" / "targets.yaml").open("a", encoding="utf-8") as targets:
        targets.write("waivers:\n  - rule: sum-mismatch\n    reason: 已核对\n")
    _git(repo, "commit", "-qam", "a new error and its waiver")
    summary = tmp_path / "summary.md"
    validate, sarif_step, diff_step = _run_workflow(repo, summary)
    assert validate.returncode == 0, validate.stdout
    assert "1 waived" in validate.stdout
    assert sarif_step.returncode == 0
    assert diff_step.returncode == 1
    assert "PC101 is introduced and waived by the same change" in diff_step.stderr
    assert "Introduced by the new revision (1)" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("setting", "introduced"),
    [("sum: none", ["PC904"]), ("sum: at_least", ["PC904"]), ("kind: ratio", ["PC904"]),
     ("trend: free", ["PC101", "PC904"])],
)  # fmt: skip
def test_a_setting_in_the_plan_that_hides_its_error_fails_the_check(
    tmp_path: Path, setting: str, introduced: list[str]
) -> None:
    """The pull request changes a figure and, in targets.yaml itself, the setting of the check
    it breaks: validate passes (the plan's settings are the plan's), but the diff step counts
    the weakened setting (PC904) and the job fails, the job summary saying why. A setting
    that weakens another check (a flow's trend) is counted beside the PC101 it does not hide."""
    repo = tmp_path / "repo"
    _base_repository(repo, BASE_CONFIG)
    _git(repo, "checkout", "-q", "-b", "pull-request")
    _add_an_error(repo)
    targets = repo / "data" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    exact = "    sum: exact\n    years: [2021, 2022, 2023]\n    values:\n      青云谱区:   [513,"
    assert text.count(exact) == 1  # patent_applications, whose sum _add_an_error breaks
    if setting.startswith("kind"):  # the kind alone: its `sum` is gone, which is exact anyway
        changed = exact.replace("    sum: exact\n", "")
        flow = "    kind: flow             # applications"
        assert text.count(flow) == 1
        text = text.replace(flow, flow.replace("flow ", "ratio"))
    else:
        changed = exact.replace("sum: exact", setting)
    targets.write_text(text.replace(exact, changed), encoding="utf-8")
    _git(repo, "commit", "-qam", "a new error, and the setting that hides it")
    summary = tmp_path / "summary.md"
    validate, sarif_step, diff_step = _run_workflow(repo, summary)
    assert validate.returncode == (1 if "PC101" in introduced else 0), validate.stdout
    assert sarif_step.returncode == 0
    assert diff_step.returncode == 1, diff_step.stderr
    shown = summary.read_text(encoding="utf-8")
    assert f"Introduced by the new revision ({len(introduced)})" in shown
    assert re.findall(r"^- \*\*error\*\* `(PC\d+)` ", shown, re.MULTILINE) == introduced
    field = setting.partition(":")[0]
    assert f"`PC904` indicators.patent\\_applications.{field}: " in shown


def test_readme_configuration_example_is_a_valid_configuration(tmp_path: Path) -> None:
    section = README[README.index("### Configuration") : README.index("### pre-commit")]
    [example] = re.findall(r"```toml\n(.+?)```", section, re.DOTALL)
    path = tmp_path / "pyproject.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path)
    assert config.ignore == {"PC403"}
    assert config.options["PC102"]["tolerance"] == Decimal("0.01")
    assert len(config.waivers) == 1


def test_json_docs_list_every_diff_change_kind() -> None:
    from planchk.diff.changes import TEMPLATES

    documented = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    for kind in TEMPLATES:
        assert f"`{kind}`" in documented, kind


def test_json_docs_describe_every_finding_field_and_slip_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planchk.rules.suggest.slips import WEIGHTS

    documented = (ROOT / "docs" / "json-output.md").read_text(encoding="utf-8")
    shutil.copytree(DATA, tmp_path / "data")
    targets = tmp_path / "data" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    document = json.loads(CliRunner().invoke(app, ["validate", "data/", "-f", "json"]).stdout)
    finding = next(f for f in document["findings"] if f["suggestions"])
    for field in finding:
        assert f"`.{field}" in documented, field
    for field in finding["suggestions"][0]:
        assert f".{field}`" in documented or f"`.suggestions[].{field}" in documented, field
    for kind in WEIGHTS:
        assert f"`{kind}`" in documented, kind


def test_readme_shows_the_real_import_of_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = README.split("<!-- import-stderr -->\n```text\n", 1)[1].split("```", 1)[0]
    output = README.split("<!-- import-output -->\n```yaml\n", 1)[1].split("```", 1)[0]
    example = tmp_path / "docs" / "examples"
    example.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "examples" / "funds.csv", example / "funds.csv")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["import", "docs/examples/funds.csv", "-o", "funds.yaml"], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 0
    assert result.stderr == stderr
    assert (tmp_path / "funds.yaml").read_text(encoding="utf-8") == output
    validated = CliRunner().invoke(app, ["validate", "funds.yaml", "-f", "json"])
    assert json.loads(validated.stdout)["findings"] == []  # a consistent table: no alarm


def documented_fields(section: str) -> set[str]:
    """The fields a table of docs/json-output.md names, written out in full.

    A row names fields in backticks; `.x` is a field of the row's first field's parent (in the
    same row) or of the last array the table named (`findings[]`), as the tables write them.
    """
    fields: set[str] = set()
    array = ""
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        names = re.findall(r"`([^`]+)`", line.split(" | ")[0])
        first = names[0] if not names[0].startswith(".") else array + names[0]
        if not names[0].startswith(".") and first.endswith("[]"):
            array = first
        parent = first.rsplit(".", 1)[0] if "." in first else ""
        for name in names:
            if name == names[0] or not name.startswith("."):
                full = first if name == names[0] else name
            else:
                full = f"{parent}{name}" if parent else name[1:]
            fields.add(full)
            fields.update(full.rsplit(".", n)[0] for n in range(1, full.count(".") + 1))
    return {f.removesuffix("[]") for f in fields if f and not f.endswith(".")}


def output_fields(document: Any, prefix: str = "") -> set[str]:
    """Every field of a JSON document, arrays as `[]`; what `args` holds varies by code."""
    found: set[str] = set()
    if isinstance(document, dict):
        for key, value in document.items():
            name = f"{prefix}.{key}" if prefix else key
            found.add(name)
            if key != "args":
                found |= output_fields(value, name)
    elif isinstance(document, list):
        for item in document:
            found |= output_fields(item, prefix if prefix.endswith("[]") else f"{prefix}[]")
    return found


def test_json_docs_name_every_field_the_output_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate_doc, diff_doc = (
        (ROOT / "docs" / "json-output.md")
        .read_text("utf-8")
        .split("# `planchk diff --format json`")
    )
    for side in ("old", "new"):
        shutil.copytree(DATA, tmp_path / side)
    targets = tmp_path / "new" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("[3.5, 3.86, 4.4]", "[3.5, 3.68, 4.4]"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked = json.loads(CliRunner().invoke(app, ["validate", "new", "-f", "json"]).stdout)
    compared = CliRunner().invoke(app, ["diff", "old", "new", "-f", "json"]).stdout
    documented = documented_fields(validate_doc)
    # `place` is there only for a plan document checked directly.
    assert output_fields(checked) == documented - {f for f in documented if f.endswith("place")}
    found = {f for f in output_fields(json.loads(compared)) if not f.startswith("findings.")}
    assert found | {"findings.introduced", "findings.resolved", "findings.remaining"} == (
        documented_fields(diff_doc) | {"findings"}
    )
