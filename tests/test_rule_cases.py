"""Data-driven rule tests: one YAML file of cases per rule under tests/rule_cases/.

Each case gives plan text and the exact (code, line, column) findings of that rule; other
rules' findings are ignored, so a case tests one rule and nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.small_plans import MINIMAL_TARGETS, check_texts, where

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
    report = check_texts(tmp_path, targets, case.get("tasks"))
    assert not [f for f in report.findings if f.fatal and f.code != rule], report.findings
    found = where([f for f in report.findings if f.code == rule])
    expected = [tuple(item) for item in case["expect"]]
    assert found == expected
    for key, value in case.get("args", {}).items():
        hit = next(f for f in report.findings if f.code == rule)
        assert str(hit.args[key]) == str(value), key
