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


def _workflow_scripts() -> list[str]:
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["planchk"]["steps"]
    return [
        step["run"].replace("${{ github.base_ref }}", "main")
        for step in steps
        if "planchk" in step.get("run", "") and not step["name"].startswith("Install")
    ]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize("regression", [False, True])
def test_documented_github_workflow_commands_work(tmp_path: Path, regression: bool) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "remote", "add", "origin", str(repo))
    _git(repo, "fetch", "-q", "origin")
    if regression:
        targets = repo / "data" / "targets.yaml"
        targets.write_text(
            targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[301, 50, 53]"),
            encoding="utf-8",
        )
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    codes = []
    for script in _workflow_scripts():
        done = subprocess.run(
            ["bash", "-e", "-c", script],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        codes.append(done.returncode)
        assert "Traceback" not in done.stderr
    validate, sarif_step, diff_step = codes
    assert validate == (1 if regression else 0)
    assert sarif_step == 0
    assert json.loads((repo / "planchk.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert diff_step == (1 if regression else 0)
    shown = summary.read_text(encoding="utf-8")
    assert shown.startswith("### planchk diff: origin/main → working tree")
    assert ("Introduced by the new revision (1)" in shown) == regression


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
