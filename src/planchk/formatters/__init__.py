"""Output formats of the three commands that print a check: validate, diff and report.

Each is a pure function from a complete, sorted result to text (or an XLSX's bytes): the
findings `Report` (`validate`), a `DiffReport` (`diff/`), a `ReportView` (`report/`). One
registry names them all. Each format lives in its own module and is imported only when
chosen, so that JSON output does not pay for rich at start-up. The validate formats can also
give their text piece by piece (`pieces`, used when writing), so that 600,000 findings are
never one string in memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from planchk.findings import Severity
from planchk.report import Report

if TYPE_CHECKING:
    from planchk.diff import DiffReport
    from planchk.formatters.report.view import ReportView


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    fail_on: Severity = Severity.ERROR
    suggestions: bool = False  # text: print suggested corrections under their finding
    quiet: bool = False  # text: the findings' lines only, no file headings and no summary
    docs_url: str | None = None  # sarif: where docs/ is published (config `docs-url`)


class Formatter(Protocol):
    def __call__(self, report: Report, options: RenderOptions) -> str: ...


# command -> format name -> the module that defines its `render`:
#   validate: render(report, options) -> str
#   diff:     render(diff, options) -> str
#   report:   render(view) -> str | bytes
REGISTRY: dict[str, dict[str, str]] = {
    "validate": {
        "text": "planchk.formatters.text",
        "json": "planchk.formatters.json",
        "sarif": "planchk.formatters.sarif",
        "github": "planchk.formatters.github",
        "junit": "planchk.formatters.junit",
    },
    "diff": {
        "text": "planchk.formatters.diff.text",
        "json": "planchk.formatters.diff.json",
        "markdown": "planchk.formatters.diff.markdown",
    },
    "report": {
        "html": "planchk.formatters.report.html",
        "xlsx": "planchk.formatters.report.xlsx",
        "markdown": "planchk.formatters.report.markdown",
    },
}
FORMATS = REGISTRY["validate"]
DIFF_FORMATS = REGISTRY["diff"]
REPORT_FORMATS = REGISTRY["report"]


def _render(command: str, name: str) -> Any:
    return importlib.import_module(REGISTRY[command][name]).render


def get(name: str) -> Formatter:
    render: Formatter = _render("validate", name)
    return render


def get_pieces(name: str) -> Callable[[Report, RenderOptions], Iterable[str]]:
    """A validate format as it is written, piece by piece: the formats that stream (their
    module has `pieces`) never hold a large report's whole text; the others give it whole."""
    module = importlib.import_module(FORMATS[name])
    if hasattr(module, "pieces"):
        pieces: Callable[[Report, RenderOptions], Iterable[str]] = module.pieces
        return pieces
    render: Formatter = module.render
    return lambda report, options: [render(report, options)]


def shows_suggestions(name: str) -> bool:
    """Whether a validate format always carries the suggested corrections (its module says
    SHOWS_SUGGESTIONS = True); text shows them only when asked (--fix-suggestions)."""
    return bool(getattr(importlib.import_module(FORMATS[name]), "SHOWS_SUGGESTIONS", False))


def get_diff(name: str) -> Callable[[DiffReport, RenderOptions], str]:
    render: Callable[[DiffReport, RenderOptions], str] = _render("diff", name)
    return render


def get_diff_pieces(name: str) -> Callable[[DiffReport, RenderOptions], Iterable[str]]:
    """A diff format as it is written: piece by piece where its module has `pieces`."""
    module = importlib.import_module(DIFF_FORMATS[name])
    if hasattr(module, "pieces"):
        pieces: Callable[[DiffReport, RenderOptions], Iterable[str]] = module.pieces
        return pieces
    render: Callable[[DiffReport, RenderOptions], str] = module.render
    return lambda diff, options: [render(diff, options)]


def get_report(name: str) -> Callable[[ReportView], str | bytes]:
    render: Callable[[ReportView], str | bytes] = _render("report", name)
    return render


def get_report_pieces(name: str) -> Callable[[ReportView], bytes | Iterable[str]]:
    """A report format as it is written: piece by piece where its module has `pieces` (the
    text formats); a workbook is its bytes."""
    module = importlib.import_module(REPORT_FORMATS[name])
    written: Callable[[ReportView], bytes | Iterable[str]] = getattr(
        module, "pieces", module.render
    )
    return written
