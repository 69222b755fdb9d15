"""Output formats: pure functions from a complete, sorted report to a string.

Each format lives in its own module and is imported only when chosen, so that JSON output
does not pay for rich at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from planchk.findings import Severity
from planchk.report import Report

if TYPE_CHECKING:
    from planchk.diff import DiffReport


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    fail_on: Severity = Severity.ERROR
    suggestions: bool = False  # text: print suggested corrections under their finding


class Formatter(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


# name -> module that defines `render(report, options)`
FORMATS: dict[str, str] = {
    "text": "planchk.formatters.text",
    "json": "planchk.formatters.json",
    "sarif": "planchk.formatters.sarif",
    "github": "planchk.formatters.github",
    "junit": "planchk.formatters.junit",
}


# name -> module that defines `render(diff, options)` for planchk diff
DIFF_FORMATS: dict[str, str] = {
    "text": "planchk.formatters.diff_text",
    "json": "planchk.formatters.diff_json",
    "markdown": "planchk.formatters.diff_markdown",
}


def get_diff(name: str) -> Callable[[DiffReport, RenderOptions], str]:
    module = importlib.import_module(DIFF_FORMATS[name])
    render: Callable[[DiffReport, RenderOptions], str] = module.render
    return render


def get(name: str) -> Formatter:
    module = importlib.import_module(FORMATS[name])
    render: Formatter = module.render
    return render
