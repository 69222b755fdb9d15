"""Run the rules over each plan, then apply waivers and a baseline: rules never decide what is
suppressed.

Waivers, the configuration and the cap (PC903) apply to each finding as a rule yields it, so a
rule that fires on 600,000 cells costs the memory of the 1,000 findings shown, not of all.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from planchk import catalog
from planchk.codes.input import NO_AREAS
from planchk.codes.meta import INTERNAL_ERROR
from planchk.config import Config
from planchk.findings import Finding, Location, Problem
from planchk.loader.discover import Discovery, Plan, discover
from planchk.plan.numbers import exact
from planchk.registry import CodeInfo
from planchk.report import Report
from planchk.rules.context import PlanContext
from planchk.suppress.baseline import Held, Key
from planchk.suppress.cap import Capper, capped
from planchk.suppress.waivers import WaiverSet


def check_paths(
    paths: list[Path],
    config: Config | None = None,
    *,
    suggest: bool = True,
    baseline: Counter[Key] | None = None,
    stdin_filename: Path | None = None,
) -> Report:
    """Check every plan under `paths`: load, run the rules, apply configuration and waivers,
    and leave out what `baseline` records (suppress.baseline.read_baseline).
    `suggest`: work out suggested corrections for the sum and relation findings.
    `stdin_filename`: the name of a plan file given as `-` and read from stdin."""
    config = config or Config()
    found = discover(paths, config.max_bytes, stdin_filename=stdin_filename)
    return check_discovery(found, config, suggest=suggest, baseline=baseline)


def check_discovery(
    found: Discovery,
    config: Config,
    *,
    suggest: bool = True,
    baseline: Counter[Key] | None = None,
) -> Report:
    """Run the rules on files already loaded and paired into plans."""
    findings = list(found.problems)
    for file in found.loaded:
        findings.extend(file.problems)
    source = str(config.source) if config.source else "configuration"
    config_waivers = WaiverSet.from_config(source, config.waivers)
    # One capper for the run, the baseline applied before it as findings come: the first
    # findings of each rule and file over every plan, as capping them all would keep.
    held = Held(baseline) if baseline is not None else None
    capper = Capper(config.max_findings_per_rule, held)
    for plan in found.plans:
        with exact():
            check_plan(plan, config, config_waivers, capper, suggest=suggest)
    for finding in _configured(list(config_waivers.problems()), config):
        capper.add(finding)
    findings.extend(capper.findings())
    report = Report.build(findings, [f.display for f in found.loaded])
    if held is not None:
        report = dataclasses.replace(report, baselined=held.held)
    shown = capped(report.findings, config.max_findings_per_rule, capper.overflow)
    if shown is report.findings:
        return report
    return dataclasses.replace(report, findings=Report.build(list(shown), []).findings)


def check_plan(
    plan: Plan, config: Config, config_waivers: WaiverSet, into: Capper, *, suggest: bool = True
) -> None:
    """Run the rules on one plan; each finding of a file the plan reports, configured and
    marked by the waivers that match it, goes `into` the capper as it is yielded (never a
    list of them all)."""
    ctx = PlanContext(plan.targets, plan.tasks, config, suggest=suggest)
    in_plan = WaiverSet.from_file(ctx.targets_file, ctx.targets.waivers if ctx.targets else [])
    in_tasks = WaiverSet.from_file(ctx.tasks_file, ctx.tasks.waivers if ctx.tasks else [])
    reported = plan.reported
    for finding in _raw(ctx, config):
        for marked in config_waivers.mark(
            in_tasks.mark(in_plan.mark(_configured([finding], config)))
        ):
            if marked.location.file in reported:  # before the baseline counts it
                into.add(marked)
    for finding in _configured([*in_plan.problems(), *in_tasks.problems()], config):
        if finding.location.file in reported:
            into.add(finding)


def _raw(ctx: PlanContext, config: Config) -> Iterator[Finding]:
    for info in catalog.rules():
        if config.enabled(info.code):
            yield from _run(info, ctx)
    if ctx.tasks_file is not None and ctx.hierarchy is None:
        yield NO_AREAS.finding(Problem(Location(ctx.tasks_file.display, 1, 1), "tasks", {}))


def _configured(findings: list[Finding], config: Config) -> list[Finding]:
    """Drop findings of codes not selected and apply severity overrides; never to fatal ones."""
    out = []
    for finding in findings:
        if finding.fatal:
            out.append(finding)
        elif config.enabled(finding.code):
            level = config.severity.get(finding.code)
            # A copy only to change something: one per finding was 5% of a 600,000-finding run.
            out.append(finding if level is None else dataclasses.replace(finding, severity=level))
    return out


def _run(info: CodeInfo, ctx: PlanContext) -> Iterator[Finding]:
    assert info.check is not None
    if info.needs_areas and ctx.hierarchy is None:
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
