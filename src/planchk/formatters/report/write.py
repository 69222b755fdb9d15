"""Check the plan, build the view, render it, and write it whole or not at all."""

from __future__ import annotations

import sys
from pathlib import Path

from planchk import messages
from planchk.atomic import refuse_inputs, write_atomic
from planchk.config import Config
from planchk.engine import check_discovery
from planchk.formatters import get_report
from planchk.formatters.report.view import build_view
from planchk.loader.discover import discover
from planchk.report import Report

BINARY_FORMATS = frozenset({"xlsx"})


def write_report(paths: list[Path], config: Config, fmt: str, output: Path | None) -> Report:
    """Write the report of the plans under `paths`; returns the check's report.

    Input that cannot be read gives no report file at all: the reasons go to stderr, as from
    `planchk validate`, and the caller exits 2.
    """
    if fmt in BINARY_FORMATS and output is None:
        raise messages.PlanchkError(messages.REPORT_NEEDS_OUTPUT, format=fmt)
    found = discover(paths, config.max_bytes)
    report = check_discovery(found, config)
    refuse_inputs(output, report.files)
    if report.unusable:
        from planchk.formatters import RenderOptions
        from planchk.formatters import get as get_formatter

        sys.stderr.write(get_formatter("text")(report, RenderOptions(fail_on=config.fail_on)))
        return report
    rendered = get_report(fmt)(build_view(found, report))
    if output is None:
        assert isinstance(rendered, str)
        sys.stdout.write(rendered)
    else:
        write_atomic(output, rendered)
        sys.stderr.write(messages.REPORT_WRITTEN(path=output, findings=len(report.findings)) + "\n")
    return report
