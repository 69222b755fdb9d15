"""The layers contract (pyproject's [tool.importlinter], run by .ci/run as lint-imports) names
every module of planchk, so that a module added later is held to a layer too."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT

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
