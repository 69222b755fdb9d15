"""The declared dependency floors and .ci/floors.txt, the constraints CI tries them with, agree."""

from __future__ import annotations

import re
import tomllib

from tests.paths import ROOT


def declared_floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {}
    for requirement in project["dependencies"]:
        found = re.fullmatch(r"([\w.-]+)>=([\d.]+)(,<[\d.]+)?", requirement)
        assert found, f"{requirement}: a floor (>=) and at most a ceiling (<)"
        floors[found[1].lower()] = found[2]
    return floors


def pinned() -> dict[str, str]:
    lines = (ROOT / ".ci" / "floors.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("==") for line in lines if line and not line.startswith("#")]
    return {name.lower(): version for name, version in pins}


def release(version: str) -> tuple[int, ...]:
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def test_every_runtime_dependency_is_pinned_at_its_floor() -> None:
    floors = declared_floors()
    pins = pinned()
    assert set(pins) == set(floors)
    assert {name: release(v) for name, v in pins.items()} == {
        name: release(v) for name, v in floors.items()
    }


def test_the_ci_installs_the_floors_and_runs_the_smoke_tests() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -c .ci/floors.txt . pytest" in script
    assert "-m smoke" in script
