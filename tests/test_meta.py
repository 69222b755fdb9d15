"""The catalogue itself: stable well-formed codes, documented rules, a case file for each."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

from planchk import catalog
from planchk.catalog import CodeInfo, all_codes

CASES = Path(__file__).parent / "rule_cases"
RULES = [pytest.param(info, id=info.code) for info in catalog.rules()]
CODES = [pytest.param(info, id=info.code) for info in all_codes()]


def test_codes_and_slugs_are_unique_and_well_formed() -> None:
    infos = all_codes()
    assert len({i.code for i in infos}) == len(infos)
    assert len({i.slug for i in infos}) == len(infos)
    for info in infos:
        assert re.fullmatch(r"PC\d{3}", info.code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", info.slug)


@pytest.mark.parametrize("info", CODES)
def test_every_code_is_documented(info: CodeInfo) -> None:
    assert info.title
    assert info.template.strip()
    for section in ("Why:", "Bad:", "Good:"):
        assert section in info.doc, f"{info.code} lacks {section}"


@pytest.mark.parametrize("info", CODES)
def test_templates_use_named_placeholders_only(info: CodeInfo) -> None:
    for _, name, _, _ in string.Formatter().parse(info.template):
        assert name is None or re.fullmatch(r"[a-z_]+", name), (info.code, name)


@pytest.mark.parametrize("info", RULES)
def test_every_rule_has_failing_and_passing_cases(info: CodeInfo) -> None:
    [path] = CASES.glob(f"{info.code}-*.yaml")
    assert path.stem == f"{info.code}-{info.slug}"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec["rule"] == info.code
    assert any(case["expect"] == [] for case in spec["cases"]), "no passing case"
    assert any(case["expect"] for case in spec["cases"]), "no failing case"


def test_resolve_by_code_slug_family_and_prefix() -> None:
    assert [i.code for i in catalog.resolve("PC101")] == ["PC101"]
    assert [i.code for i in catalog.resolve("sum-mismatch")] == ["PC101"]
    assert [i.code for i in catalog.resolve("pc101")] == ["PC101"]
    assert {i.code for i in catalog.resolve("totals")} == {
        i.code for i in all_codes() if i.code.startswith("PC1")
    }
    assert catalog.resolve("no-such-rule") == []
    assert catalog.resolve("") == []
