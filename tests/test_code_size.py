"""Small pieces (STYLE.md 12): no module of planchk over 300 lines unless its docstring says why,
no function over 50 lines. Counted in source lines, docstrings and comments included."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / "src" / "planchk"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50
# A longer module has a paragraph of its docstring that starts with this and says why.
REASON = "Over the 300 lines modules aim for:"


def sources(package: Path = PACKAGE) -> dict[str, str]:
    return {
        path.relative_to(package).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(package.rglob("*.py"))
    }


def has_reason(text: str) -> bool:
    docstring = ast.get_docstring(ast.parse(text)) or ""
    paragraphs = [paragraph.strip() for paragraph in docstring.split("\n\n")]
    return any(p.startswith(REASON) and len(p) > len(REASON) + 20 for p in paragraphs)


def long_modules(found: dict[str, str]) -> list[str]:
    return [
        f"{name}: {text.count(chr(10))} lines"
        for name, text in found.items()
        if text.count("\n") > MAX_MODULE_LINES and not has_reason(text)
    ]


def long_functions(found: dict[str, str]) -> list[str]:
    long = []
    for name, text in found.items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{name}:{node.lineno} {node.name}: {lines} lines")
    return long


def test_modules_are_small_or_say_why() -> None:
    # Split the module where its parts hold different things, or start a paragraph of its
    # docstring with REASON and say why it holds together.
    assert long_modules(sources()) == []


def test_functions_are_small() -> None:
    assert long_functions(sources()) == []


def test_what_the_limits_find() -> None:
    body = "".join(f"x{i} = {i}\n" for i in range(MAX_MODULE_LINES))
    plain = f'"""A module."""\n{body}'
    reasoned = f'"""A module.\n\n{REASON} one table that translators read top to bottom."""\n{body}'
    bare = f'"""A module.\n\n{REASON}"""\n{body}'  # a reason must say something
    function = "def f() -> None:\n" + "    pass\n" * MAX_FUNCTION_LINES
    found = {"plain.py": plain, "reasoned.py": reasoned, "bare.py": bare, "f.py": function}
    assert long_modules(found) == ["plain.py: 301 lines", "bare.py: 303 lines"]
    assert long_functions(found) == ["f.py:1 f: 51 lines"]
    assert long_functions({"g.py": "def g() -> None:\n" + "    pass\n" * 49}) == []
