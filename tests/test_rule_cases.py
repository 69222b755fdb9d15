"""Data-driven rule tests: one YAML file of cases per rule under tests/rule_cases/.

Each case gives plan text and the exact (code, line, column) findings of that rule; other
rules' findings are ignored, so a case tests one rule and nothing else. A case with a base
revision (`base_targets`, `base_tasks`: each defaults to the case's own text) is a change:
its findings are those `planchk diff` introduces from the base to the case's plan (PC904).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from planchk.config import Config
from planchk.diff import Comparison
from planchk.findings import Finding
from tests.small_plans import MINIMAL_TARGETS, check_texts, where, write_plan

CASE_DIR = Path(__file__).parent / "rule_cases"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize(("rule", "case"), load_cases())
def test_rule_case(tmp_path: Path, rule: str, case: dict[str, Any]) -> None:
    targets = case.get("targets", MINIMAL_TARGETS)
    if "base_targets" in case or "base_tasks" in case:
        findings = _introduced(tmp_path, case, targets)
    else:
        findings = list(check_texts(tmp_path, targets, case.get("tasks")).findings)
    assert not [f for f in findings if f.fatal and f.code != rule], findings
    found = where([f for f in findings if f.code == rule])
    expected = [tuple(item) for item in case["expect"]]
    assert found == expected
    for key, value in case.get("args", {}).items():
        hit = next(f for f in findings if f.code == rule)
        assert str(hit.args[key]) == str(value), key


def _introduced(tmp_path: Path, case: dict[str, Any], targets: str) -> list[Finding]:
    """What `planchk diff BASE PLAN` introduces: the case's plan against its base revision."""
    tasks = case.get("tasks")
    base = write_plan(
        tmp_path / "base", case.get("base_targets", targets), case.get("base_tasks", tasks)
    )
    plan = write_plan(tmp_path / "plan", targets, tasks)
    diff = Comparison([str(base), str(plan)], [], Config()).run()
    return [*diff.introduced, *diff.unusable]
