"""Output formats: pure functions from a complete, sorted report to a string.

Each format lives in its own module and is imported only when chosen, so that JSON output
does not pay for rich at start-up.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from planchk.findings import Severity
from planchk.report import Report


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    fail_on: Severity = Severity.ERROR


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


def get(name: str) -> Formatter:
    module = importlib.import_module(FORMATS[name])
    render: Formatter = module.render
    return render
