"""SARIF rules carry their docs: `help` (text and Markdown of Why/Bad/Good) always, and a
`helpUri` into docs/rules.md when planchk knows where its docs are published.

planchk has no public docs address, so none is invented: `docs-url` in the configuration (or a
Project-URL `Documentation` in the package's metadata, if one is ever declared) names the
folder docs/ is published at, and helpUri is its rules page with the code's own anchor.
"""

from __future__ import annotations

import json
import re
import shutil
from importlib.metadata import metadata
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from planchk.catalog import all_codes
from planchk.cli import app
from planchk.formatters.sarif import documentation_url
from tests.cli_runner import CliRunner
from tests.paths import ROOT, SARIF_SCHEMA

runner = CliRunner()
PLAN = ROOT / "tests" / "plans" / "broken_county"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLAN, tmp_path / "plan")
    (tmp_path / "plan" / "expected.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rules(*extra: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*extra, "validate", "plan", "-f", "sarif"])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    if SARIF_SCHEMA.is_file():  # format checking on: helpUri must be an RFC 3986 URI
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    rules: list[dict[str, Any]] = document["runs"][0]["tool"]["driver"]["rules"]
    return rules


def _anchors(page: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return re.findall(r'^<a id="([^"]+)"></a>$', text, flags=re.MULTILINE)


def test_every_rule_carries_its_docs_as_help(here: Path) -> None:
    rules = _rules()
    assert [rule["id"] for rule in rules] == [info.code for info in all_codes()]
    for rule, info in zip(rules, all_codes(), strict=True):
        text = rule["help"]["text"]  # as `planchk explain` prints it: examples indented
        assert "\nBad:\n" in text
        assert "\nGood:\n" in text
        for line in (*info.sections.bad.splitlines(), *info.sections.good.splitlines()):
            assert f"    {line}".rstrip() in text.splitlines(), (info.code, line)
        markdown = rule["help"]["markdown"]
        assert f"```yaml\n{info.sections.bad}\n```" in markdown
        assert f"```yaml\n{info.sections.good}\n```" in markdown
        assert info.why_text in markdown


def test_no_address_is_invented(here: Path) -> None:
    declared = metadata("planchk").get_all("Project-URL") or []
    assert documentation_url(declared) is None  # planchk declares no docs address today
    assert all("helpUri" not in rule for rule in _rules())


@pytest.mark.parametrize(("lang", "page"), [("en", "rules.md"), ("zh", "rules.zh.md")])
def test_help_uri_points_at_the_codes_anchor(here: Path, lang: str, page: str) -> None:
    (here / "planchk.toml").write_text(
        'docs-url = "https://plans.example.org/规划 工具/planchk/docs"\n', encoding="utf-8"
    )
    rules = _rules("--lang", lang)
    base = "https://plans.example.org/%E8%A7%84%E5%88%92%20%E5%B7%A5%E5%85%B7/planchk/docs/"
    anchors = _anchors(page)
    assert len(anchors) == len(set(anchors)) == len(rules)
    for rule in rules:
        assert rule["helpUri"] == f"{base}{page}#{rule['id'].lower()}"
        assert rule["helpUri"].rpartition("#")[2] in anchors


@pytest.mark.parametrize(
    "value",
    ["docs/", "ftp://example.org/docs/", "https://example.org/docs/#rules", "https:///docs"],
)
def test_a_docs_url_no_viewer_can_open_is_refused(here: Path, value: str) -> None:
    (here / "planchk.toml").write_text(f'docs-url = "{value}"\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", "plan", "-f", "sarif"])
    assert result.exit_code == 2
    assert "planchk.toml: `docs-url`: expected the absolute http or https address" in result.stderr
    assert result.stdout == ""


def test_the_documentation_project_url_is_the_fallback() -> None:
    declared = ["Homepage, https://example.org/", "Documentation, https://example.org/planchk"]
    assert documentation_url(declared) == "https://example.org/planchk/"
    assert documentation_url(["Documentation, not a url"]) is None


def test_planchk_config_shows_the_docs_url(here: Path) -> None:
    (here / "planchk.toml").write_text('docs-url = "https://example.org/d"\n', encoding="utf-8")
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0, result.output
    assert 'docs-url = "https://example.org/d/"' in result.stdout.splitlines()
