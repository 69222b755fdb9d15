"""Whole example plans beyond the seed: deeper hierarchies, other units and sum modes.

Each directory under tests/plans/ holds a plan and expected.yaml with every finding
`planchk validate` must report, as (code, file, line, column).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from planchk.engine import check_paths

PLANS = sorted(p for p in (Path(__file__).parent / "plans").iterdir() if p.is_dir())


@pytest.mark.parametrize("plan", PLANS, ids=[p.name for p in PLANS])
def test_example_plan(plan: Path) -> None:
    expected = yaml.safe_load((plan / "expected.yaml").read_text(encoding="utf-8"))["findings"]
    report = check_paths([plan])
    found = [
        [f.code, Path(f.location.file).name, f.location.line, f.location.column]
        for f in report.findings
    ]
    assert sorted(found) == sorted(expected)
    assert not report.unusable
