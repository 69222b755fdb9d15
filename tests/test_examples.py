"""Each rule's Bad example shows its problem and its Good example does not.

An example is a fragment of a targets file, as a reader meets it in `planchk explain`. Those that
are a table (an indicator's `values`, with its `unit`, `kind`, `sum` or `years`) are placed in a
whole plan here and checked: the Bad one must yield the rule's code, the Good one must not.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from planchk import registry
from planchk.registry import CodeInfo
from tests.conftest import check_texts

TABLE_FIELDS = {"values", "unit", "kind", "sum", "years"}
# Fragments of other parts of a plan (areas, goals, tasks, relations): not yet placed here.
NOT_A_TABLE = {
    "PC030", "PC031", "PC032", "PC033", "PC034", "PC035", "PC036", "PC037", "PC038",
    "PC039", "PC105", "PC106", "PC107", "PC108", "PC109", "PC110", "PC301", "PC304", "PC305",
    "PC306", "PC401", "PC404", "PC405", "PC501", "PC502", "PC503", "PC504", "PC505", "PC506",
    "PC507",
    "PC601", "PC602", "PC603", "PC604", "PC605", "PC606", "PC607", "PC608", "PC609",
    "PC704",
}  # fmt: skip


def table(example: str) -> tuple[str, dict[str, Any]]:
    """The fragment's text as an indicator's body, and what it says, parsed."""
    fragment = yaml.safe_load(example)
    if len(fragment) == 1 and "values" not in fragment:  # a whole indicator, under its id
        [fragment] = fragment.values()
        example = textwrap.dedent(example.split("\n", 1)[1])
    assert set(fragment) <= TABLE_FIELDS, sorted(fragment)
    return example, fragment


def plan(example: str, context: str = "") -> str:
    """A whole plan around the example; what it leaves out comes from `context`, else defaults.

    The example's own text goes in as written: a round trip through YAML would lose its printed
    digits (6.000), which some rules read.
    """
    text, fragment = table(example)
    given = table(context)[1] if context else {}
    values = fragment.get("values") or given["values"]
    rows = list(values)
    years = (
        fragment.get("years")
        or given.get("years")
        or [2021 + i for i in range(len(values[rows[0]]))]
    )
    fields = {"name": "示例指标", "unit": "件", "kind": "flow", "years": years}
    fields |= {k: v for k, v in given.items() if k != "values"}
    lines = [
        f"    {k}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in fields.items()
        if k not in fragment
    ]
    areas = {rows[0]: rows[1:]} if len(rows) > 1 else {"全区": rows}
    return "\n".join([
        f"plan: {{title: 示例方案, period: [{min(years)}, {max(years)}]}}",
        f"areas: {json.dumps(areas, ensure_ascii=False)}",
        "indicators:",
        "  x:",
        *lines,
        textwrap.indent(text, "    "),
    ]) + "\n"  # fmt: skip


TABLE_RULES = [
    pytest.param(info, id=info.code) for info in registry.rules() if info.code not in NOT_A_TABLE
]


@pytest.mark.parametrize("info", TABLE_RULES)
def test_the_bad_example_shows_the_problem_and_the_good_one_does_not(
    info: CodeInfo, tmp_path: Path
) -> None:
    bad = check_texts(tmp_path / "bad", plan(info.sections.bad))
    assert info.code in [f.code for f in bad.findings], info.sections.bad
    good = check_texts(tmp_path / "good", plan(info.sections.good, context=info.sections.bad))
    assert info.code not in [f.code for f in good.findings], info.sections.good


def test_the_untried_examples_are_rules_that_exist() -> None:
    assert {info.code for info in registry.rules()} >= NOT_A_TABLE
