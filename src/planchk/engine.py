"""Run the rules over each plan, then apply waivers: rules never decide what is suppressed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from planchk import registry, waivers
from planchk.context import PlanContext
from planchk.discover import NO_AREAS, Plan, discover
from planchk.findings import Finding, Location, Problem, Severity
from planchk.loader import DEFAULT_MAX_BYTES
from planchk.registry import CodeInfo, code
from planchk.report import Report

INTERNAL_ERROR = code(
    "PC999",
    "internal-error",
    Severity.ERROR,
    "planchk failed on this plan",
    "planchk failed while running {rule} ({error}); this is a bug in planchk, not in the "
    "plan: please report it with the file (PLANCHK_DEBUG=1 shows the traceback)",
    """
    Why: a rule that fails must not hide the other rules' findings or end in a traceback.

    Bad:
        (a bug in planchk)

    Good:
        (no bug)
    """,
)

# Rules that compare office names need the areas, which only the targets file declares.
_NEED_AREAS = frozenset({"PC031", "PC601", "PC602"})


def check_paths(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    found = discover(paths, max_bytes)
    findings = list(found.problems)
    for file in found.loaded:
        findings.extend(file.problems)
    for plan in found.plans:
        findings.extend(f for f in check_plan(plan) if f.location.file in plan.reported)
    return Report.build(findings, [f.display for f in found.loaded])


def check_plan(plan: Plan) -> list[Finding]:
    ctx = PlanContext(plan.targets, plan.tasks)
    raw = [f for info in registry.rules() for f in _run(info, ctx)]
    if ctx.tasks_file is not None and ctx.hierarchy is None:
        raw.append(NO_AREAS.finding(Problem(Location(ctx.tasks_file.display, 1, 1), "tasks", {})))
    placed = []
    if ctx.targets is not None:
        placed += waivers.collect(ctx.targets_file, ctx.targets.waivers)
    if ctx.tasks is not None:
        placed += waivers.collect(ctx.tasks_file, ctx.tasks.waivers)
    return list(waivers.apply(raw, placed))


def _run(info: CodeInfo, ctx: PlanContext) -> Iterator[Finding]:
    assert info.check is not None
    if info.code in _NEED_AREAS and ctx.hierarchy is None:
        return
    try:
        for problem in info.check(ctx):
            yield info.finding(problem)
    except Exception as error:  # a bug in one rule must not cost the user every other finding
        if os.environ.get("PLANCHK_DEBUG"):
            raise
        where = _plan_location(ctx)
        args = {"rule": f"{info.code} {info.slug}", "error": f"{type(error).__name__}: {error}"}
        yield INTERNAL_ERROR.finding(Problem(where, "", args), fatal=True)


def _plan_location(ctx: PlanContext) -> Location:
    file = ctx.targets_file or ctx.tasks_file
    return Location(file.display if file else "", 1, 1)
