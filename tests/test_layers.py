"""The layers contract (pyproject's [tool.importlinter], run by .ci/run as lint-imports) names
every module of planchk, so that a module added later is held to a layer too; and the tests'
own layout: fixtures come from conftest by name, helpers from modules named for what they hold."""

from __future__ import annotations

import ast
import tomllib

from tests.paths import ROOT

PACKAGE = ROOT / "src" / "planchk"
# Packages whose own __init__ holds no code: their modules are named one by one.
UNLAYERED = {"planchk", "planchk.rules"}


def layer_names() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in contract["layers"] for name in layer.split("|")]


def modules() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("planchk", *path.relative_to(PACKAGE).with_suffix("").parts)
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_every_module_is_in_a_layer() -> None:
    layers = layer_names()
    outside = [
        module
        for module in modules()
        if module not in UNLAYERED
        and not any(module == layer or module.startswith(layer + ".") for layer in layers)
    ]
    # Place each in pyproject's [tool.importlinter] layers (a rule family in planchk.catalog too).
    assert outside == []


def test_every_layer_names_a_module() -> None:
    known = set(modules())
    assert [layer for layer in layer_names() if layer not in known] == []


def test_no_test_imports_from_conftest() -> None:
    """pytest hands conftest's fixtures to a test by name; a test importing from conftest
    instead hides where its helpers live and imports conftest a second time as a module."""
    importing = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "conftest.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            names = [alias.name for alias in node.names]  # from . import conftest
            if isinstance(node, ast.ImportFrom):
                names.append(node.module or "")
            if any(name.split(".")[-1] == "conftest" for name in names):
                importing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    # Ask for a fixture as a test argument; import ROOT and DATA from tests.paths, CliRunner
    # from tests.cli_runner, MINIMAL_TARGETS, write_plan, check_texts, where from tests.small_plans.
    assert importing == []
