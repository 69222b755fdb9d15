"""`planchk report`: the plan's tables, goals and tasks with the findings marked where they are.

`view` turns a checked plan into plain data; `html`, `xlsx` and `markdown` each render that
one view, so that every format marks the same cells.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from planchk.reporting.view import ReportView

# name -> module that defines `render(view) -> str | bytes`
FORMATS: dict[str, str] = {
    "html": "planchk.reporting.html",
    "xlsx": "planchk.reporting.xlsx",
    "markdown": "planchk.reporting.markdown",
}


def get(name: str) -> Callable[[ReportView], str | bytes]:
    module = importlib.import_module(FORMATS[name])
    render: Callable[[ReportView], str | bytes] = module.render
    return render
