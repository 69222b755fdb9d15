"""Each code's Bad example shows its problem and its Good example does not.

An example is a fragment of a plan, as a reader meets it in `planchk explain`: a table, a goal,
a task, the areas, a relation, a waiver. Each is placed in an otherwise minimal plan and checked:
the Bad one must yield its code, the Good one must not. A rule's example goes through YAML into
the plan (tests/examples.py); an input code's example is text that does not load, set into the
plan's text as written (tests/example_inputs.py). The few examples that describe a file or a run
rather than show one are built as they describe, each with its reason (DESCRIBED).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from planchk import catalog, registry
from planchk.cli import app
from planchk.findings import Problem, Severity
from planchk.registry import CodeInfo
from planchk.rules.context import PlanContext
from tests import examples
from tests.cli_runner import CliRunner
from tests.example_inputs import DESCRIBED, Run, plan_files
from tests.small_plans import check_texts, codes

EVERY = catalog.all_codes()
INPUT = [info for info in EVERY if info.family == "input" and info.check is None]
PLACED = [info for info in EVERY if info.code not in DESCRIBED and info not in INPUT]
# Errors a code's own situation brings with it, so that its Good example cannot avoid them.
# None today: PC704's goal after the table's last column was also a PC505 error until PC505
# left that situation to PC704 (one finding for one problem).
IMPLIED: dict[str, set[str]] = {}


def _ids(infos: list[CodeInfo]) -> list[object]:
    return [pytest.param(info, id=info.code) for info in infos]


@pytest.mark.parametrize("info", _ids(PLACED))
def test_the_bad_example_shows_the_problem_and_the_good_one_does_not(
    info: CodeInfo, tmp_path: Path
) -> None:
    bad = check_texts(tmp_path / "bad", *examples.files(info.sections.bad))
    assert info.code in codes(bad), info.sections.bad
    good = check_texts(tmp_path / "good", *examples.files(info.sections.good, info.sections.bad))
    assert info.code not in codes(good), info.sections.good
    # and shows no other error: a Good example is a plan a reader may copy
    errors = {f.code for f in good.findings if f.severity == Severity.ERROR}
    assert errors <= IMPLIED.get(info.code, set()), (errors, info.sections.good)


@pytest.mark.parametrize("info", _ids([i for i in INPUT if i.code not in DESCRIBED]))
def test_an_input_example_set_into_a_plan_as_written(info: CodeInfo, tmp_path: Path) -> None:
    bad = check_texts(tmp_path / "bad", *plan_files(info.sections.bad))
    assert info.code in codes(bad), info.sections.bad
    good = check_texts(tmp_path / "good", *plan_files(info.sections.good))
    assert info.code not in codes(good), info.sections.good


def _validate(run: Run, directory: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The codes `planchk validate` reports on the run's files, from the run's directory."""
    directory.mkdir()
    for name, data in run.files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(data)
    monkeypatch.chdir(directory)
    args = ["validate", *run.args, "-f", "json"]
    if run.base is not None:
        for name, data in run.base.items():
            (directory / "base" / name).parent.mkdir(parents=True, exist_ok=True)
            (directory / "base" / name).write_bytes(data)
        args = ["diff", "base/plan", *run.args, "-f", "json"]
    if run.config is not None:
        (directory / "planchk.toml").write_text(run.config, encoding="utf-8")
        args += ["--config", "planchk.toml"]
    with monkeypatch.context() as patch:
        if run.broken_rule:
            patch.setitem(registry._CODES, run.broken_rule, _broken(run.broken_rule))
        result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    findings = json.loads(result.stdout)["findings"]
    return [f["code"] for f in (findings if run.base is None else findings["introduced"])]


def _broken(code: str) -> CodeInfo:
    def check(ctx: PlanContext) -> list[Problem]:
        raise ZeroDivisionError("a bug")

    return dataclasses.replace(registry.get(code), check=check)


@pytest.mark.parametrize("code", sorted(DESCRIBED))
def test_a_described_example_built_as_it_describes(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    described = DESCRIBED[code]
    assert code in _validate(described.bad(), tmp_path / "bad", monkeypatch)
    assert code not in _validate(described.good(), tmp_path / "good", monkeypatch)


def test_every_code_has_examples_and_none_is_left_out() -> None:
    # PLACED, INPUT and DESCRIBED share out every code; a code described is one that exists.
    assert {i.code for i in EVERY} >= set(DESCRIBED)
    assert all(info.sections.bad and info.sections.good for info in EVERY)


@pytest.mark.parametrize("fragment", ["", "values: {甲街道: [5, 6, 7]}", "lead: [区科工局]"])
def test_the_plan_around_a_rules_example_is_clean(fragment: str, tmp_path: Path) -> None:
    """What a finding shows comes from the example, not from the plan built around it."""
    assert codes(check_texts(tmp_path, *examples.files(fragment))) == []


@pytest.mark.parametrize("fragment", ["issued: 2021-06-09", "kind: flow", "lead: [区科工局]"])
def test_the_plan_around_an_input_example_is_clean(fragment: str, tmp_path: Path) -> None:
    assert codes(check_texts(tmp_path, *plan_files(fragment))) == []
