"""Run the rules over each plan, then apply waivers and a baseline: rules never decide what is
suppressed.

Waivers, the configuration and the cap (PC903) apply to each finding as a rule yields it, so a
rule that fires on 600,000 cells costs the memory of the 1,000 findings shown, not of all.
A finding a rule defers (findings.Deferred) is decided on by its code, file and path, and made
only if it is waived, held by the baseline or kept by the cap: the others are counted.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Set
from functools import partial
from pathlib import Path

from planchk import catalog
from planchk.codes.input import NO_AREAS
from planchk.codes.meta import INTERNAL_ERROR
from planchk.config import Config
from planchk.findings import NEVER, Deferred, Finding, Location, Problem, Severity, Tally
from planchk.loader.discover import Discovery, Plan, discover
from planchk.loader.sourcemap import pack
from planchk.plan.numbers import exact
from planchk.registry import CodeInfo
from planchk.report import Report
from planchk.rules.context import PlanContext
from planchk.rules.numbering import groups_without_areas
from planchk.suppress.baseline import Held, Key
from planchk.suppress.cap import Capper, Later, Record, capped
from planchk.suppress.unmade import Findings
from planchk.suppress.waivers import WaiverSet


def check_paths(  # noqa: PLR0913  (the paths, the configuration and four keywords a caller sets)
    paths: list[Path],
    config: Config | None = None,
    *,
    suggest: bool = True,
    baseline: Counter[Key] | None = None,
    stdin_filename: Path | None = None,
    cells: int | None = None,
    record: Record | None = None,
) -> Report:
    """Check every plan under `paths`: load, run the rules, apply configuration and waivers,
    and leave out what `baseline` records (suppress.baseline.read_baseline).
    `suggest`: work out suggested corrections for the sum and relation findings.
    `stdin_filename`: the name of a plan file given as `-` and read from stdin.
    `cells`: the cells of the wrong type listed a file (loader.cells), if not the cap's.
    `record`: given every active finding's (file, code, path), kept or not (a baseline)."""
    config = config or Config()
    limit = config.max_findings_per_rule if cells is None else cells
    found = discover(paths, config.max_bytes, stdin_filename=stdin_filename, max_findings=limit)
    return check_discovery(found, config, suggest=suggest, baseline=baseline, record=record)


def check_discovery(
    found: Discovery,
    config: Config,
    *,
    suggest: bool = True,
    baseline: Counter[Key] | None = None,
    record: Record | None = None,
) -> Report:
    """Run the rules on files already loaded and paired into plans; `record` (check_paths)
    is given each active finding as the cap receives it: no rule then counts without
    yielding (findings.Tally), so that each one is recorded."""
    findings = list(found.problems)
    for file in found.loaded:
        findings.extend(file.problems)
    source = str(config.source) if config.source else "configuration"
    config_waivers = WaiverSet.from_config(source, config.waivers)
    # One capper for the run, the baseline applied before it as findings come: the first
    # findings of each rule and file over every plan, as capping them all would keep.
    held = Held(baseline) if baseline is not None else None
    capper = Capper(config.max_findings_per_rule, held, record)
    for plan in found.plans:
        with exact():
            check_plan(plan, config, config_waivers, capper, suggest=suggest)
    for finding in _configured(list(config_waivers.problems()), config):
        capper.add(finding)
    if capper.unmade:  # no limit: the deferred findings are made as they are written
        made = [(0, finding) for finding in findings] + capper.numbered()
        files = tuple(sorted({f.display for f in found.loaded}))
        report = Report(Findings(made, list(capper.unmade.values())), files)
    else:
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
    offer = _Offer(config, (in_plan, in_tasks, config_waivers), plan.reported, into)
    for info in catalog.rules():
        if config.enabled(info.code):
            _run(info, ctx, offer)
    for problem in groups_without_areas(ctx):  # tasks alone are a plan, unless they need areas
        offer.finding(NO_AREAS.finding(problem))
    for finding in _configured([*in_plan.problems(), *in_tasks.problems()], config):
        if finding.location.file in plan.reported:
            into.add(finding)


class _Offer:
    """Configures a plan's findings, marks those its waivers match, and hands those of the
    files the plan reports to the capper (the baseline counts only those)."""

    def __init__(
        self, config: Config, waivers: tuple[WaiverSet, ...], reported: Set[str], into: Capper
    ) -> None:
        self.config = config
        self.waivers = waivers  # the first that matches marks a finding
        self.written = tuple(waiver_set for waiver_set in waivers if waiver_set.placed)
        self.reported = reported
        self.into = into
        self.tallied: tuple[str, str] | None = None  # (code, file) of the rule counting, if any

    def finding(self, finding: Finding) -> None:
        for configured in _configured([finding], self.config):
            marked = configured
            for waiver_set in self.waivers:
                marked = waiver_set.mark([marked])[0]
            if marked.location.file in self.reported:
                self.into.add(marked)

    def later(self, later: Later, tally: Tally) -> None:
        """A deferred finding: made here only if a waiver matches it (waived ones are kept).
        Then `tally` (the running rule's) learns after which place the cap only counts."""
        reason = None
        for waiver_set in self.written:
            reason = waiver_set.reason(later.code, later.path)
            if reason is not None:
                break
        if later.file in self.reported:
            waived = None if reason is None else dataclasses.replace(later.make(), waived=reason)
            self.into.add(later if waived is None else waived)
        if self.tallied == (later.code, later.file):
            after = self.into.left_out_after(self.tallied)
            tally.after = NEVER if after is None else pack(*after)
            baseline = self.into.baseline
            if tally.take is None and baseline is not None:
                tally.take = partial(baseline.take, later.file, later.code)

    def tally(self, code: str, file: str | None) -> Tally:
        """A tally for a rule of `code` deferring findings in `file` (findings.Tally): it may
        count only when the cap is on, the file reported, and no waiver may want a finding
        of the code (those are matched one by one); the baseline names the paths it may
        hold there."""
        self.tallied = (
            (code, file)
            if file is not None
            and file in self.reported
            and self.into.limit > 0
            and self.into.record is None  # a baseline being written records each one
            and not any(code in waiver_set.codes for waiver_set in self.written)
            else None
        )
        baseline = self.into.baseline
        if self.tallied is None or file is None or baseline is None:
            return Tally()
        return Tally(baseline.paths(file, code))

    def counted(self, code: str, file: str | None, tally: Tally, severity: Severity) -> None:
        """What the rule counted goes to the cap's count of what it left out."""
        if tally.count:
            assert file is not None
            self.into.count((code, file), tally.count, severity)


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


def deferred(info: CodeInfo, problem: Deferred, severity: Severity) -> Finding | Later:
    """What the engine makes of a deferred problem: a Later, made only if it is kept (a
    test replaces this with making each at once, and compares the reports)."""
    return Later(info, problem, severity)


def _run(info: CodeInfo, ctx: PlanContext, offer: _Offer) -> None:
    assert info.check is not None
    if info.needs_areas and ctx.hierarchy is None:
        return
    severity = offer.config.severity.get(info.code, info.severity)
    file = ctx.targets_file.display if ctx.targets_file else None  # where cells are deferred
    ctx.tally = tally = offer.tally(info.code, file)
    try:
        for problem in info.check(ctx):
            if isinstance(problem, Deferred):
                item = deferred(info, problem, severity)
                if isinstance(item, Later):
                    offer.later(item, tally)
                else:
                    offer.finding(item)
            else:
                offer.finding(info.finding(problem))
    # A bug in one rule (or in making one of its findings, which the cap may do long after the
    # rule yielded it) must not cost the user every other finding.
    except Exception as error:
        if os.environ.get("PLANCHK_DEBUG"):
            raise
        where = _plan_location(ctx)
        args = {"rule": f"{info.code} {info.slug}", "error": f"{type(error).__name__}: {error}"}
        offer.finding(INTERNAL_ERROR.finding(Problem(where, "", args), fatal=True))
    finally:
        offer.counted(info.code, file, tally, severity)


def _plan_location(ctx: PlanContext) -> Location:
    file = ctx.targets_file or ctx.tasks_file
    return Location(file.display if file else "", 1, 1)
