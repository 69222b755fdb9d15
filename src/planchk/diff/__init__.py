"""planchk diff: what changed between two revisions of a plan, and what that did to findings.

Everything is matched by identity (indicator, area, year; goal; task and role; office;
finding code and data path), never by line number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planchk.config import Config
from planchk.diff.changes import Change
from planchk.diff.fork import Beside, worth_forking
from planchk.diff.sides import Side, side_readers
from planchk.diff.targets import compare_targets
from planchk.diff.tasks import compare_tasks
from planchk.diff.waived import waived_by_the_change
from planchk.diff.weakened import weakened_settings
from planchk.engine import check_discovery
from planchk.findings import Finding, Severity
from planchk.loader import LoadedFile
from planchk.loader.discover import input_size, plan_paths
from planchk.loader.sourcemap import SourceMap
from planchk.models import TargetsFile, TasksFile
from planchk.plan.offices import OfficeRegistry
from planchk.report import Report
from planchk.rules.context import PlanContext

DIFF_SCHEMA_VERSION = 1
# ("indicators", id) holds an indicator's settings, ("units", name) a unit's, ("groups", name)
# a group's: the containers whose keys a weakened setting is placed at.
SETTINGS_DEPTH = 2


@dataclass(frozen=True)
class DiffReport:
    old: str
    new: str
    changes: tuple[Change, ...]
    # Findings the new revision has and the old one had not, then the settings it weakens.
    introduced: tuple[Finding, ...]
    resolved: tuple[Finding, ...]  # findings the old revision had and the new one has not
    remaining: tuple[Finding, ...]  # in both (as found in the new revision)
    unusable: tuple[Finding, ...]  # problems that kept a file of either side from being read
    # Introduced findings waived only by a waiver the new revision adds (diff/waived.py).
    waived_by_change: tuple[Finding, ...] = ()

    def introduced_at(self, level: Severity) -> list[Finding]:
        """What --fail-on-new counts: a finding waived in the same change as it counts."""
        return [
            f
            for f in self.introduced
            if f.severity >= level and (f.waived is None or f in self.waived_by_change)
        ]


@dataclass
class CheckedSide:
    """One side read and checked: all a diff needs of it."""

    side: Side
    report: Report


def check_side(side: Side, config: Config) -> CheckedSide:
    # A diff says what changed; suggested corrections are validate's (--fix-suggestions).
    return CheckedSide(side, check_discovery(side.discovery, config, suggest=False))


def diff_sides(old: Side, new: Side, config: Config) -> DiffReport:
    return diff_checked(check_side(old, config), check_side(new, config), config)


def diff_checked(old: CheckedSide, new: CheckedSide, config: Config) -> DiffReport:
    before, after = old.report, new.report
    changes = list(_file_changes(old.side, new.side))
    introduced, resolved, remaining = finding_delta(before, after)
    unusable = tuple(f for f in (*before.findings, *after.findings) if f.fatal)
    added = waived_by_the_change(old.side, new.side, introduced, config)
    # A setting the change weakens is introduced as a finding of its own (PC904), which
    # --fail-on-new counts; a side that could not be read has no settings to compare.
    if not unusable:
        introduced += weakened_settings(old.side, new.side, config)
    return DiffReport(
        old.side.label, new.side.label, tuple(changes), introduced, resolved, remaining,
        unusable, added,
    )  # fmt: skip


class Comparison:
    """`planchk diff`'s work: the new side read and checked in a forked child (when the input
    is large enough and a second CPU is there), while this process does the old side."""

    def __init__(
        self,
        args: list[str],
        default_paths: list[Path],
        config: Config,
        paths_after: int | None = None,
        stdin_filename: Path | None = None,
    ) -> None:
        self.config = config
        self.read_old, self.read_new = side_readers(
            args, default_paths, config.max_bytes, paths_after, stdin_filename
        )
        existing = [Path(arg) for arg in args if Path(arg).exists()]
        self.size = input_size(existing or default_paths)  # bytes of YAML, about
        self.input_files = plan_paths(existing or default_paths)[0]  # what -o must not be
        self.new = Beside(self._checked_new) if worth_forking(self.size) else None

    def run(self) -> DiffReport:
        try:
            old = check_side(self.read_old(), self.config)
            new = self.new.result() if self.new else check_side(self.read_new(), self.config)
        finally:
            if self.new is not None:
                self.new.cancel()
        return diff_checked(old, new, self.config)

    def _checked_new(self) -> CheckedSide:
        checked = check_side(self.read_new(), self.config)
        for file in checked.side.all_files():
            # Findings hold their positions already; the text and the positions of the
            # tables need not travel back from the child. The keys down to an indicator's
            # settings do: a setting the change weakens (diff/weakened.py) is placed there.
            kept = SourceMap(file.display)
            members = file.sourcemap.members
            kept.members = {path: members[path] for path in members if len(path) <= SETTINGS_DEPTH}
            file.sourcemap = kept
        return checked


def finding_delta(
    before: Report, after: Report
) -> tuple[tuple[Finding, ...], tuple[Finding, ...], tuple[Finding, ...]]:
    """Findings matched by code and data path (counted): introduced, resolved, remaining."""
    old = Counter((f.code, f.path) for f in before.findings if not f.fatal)
    introduced, remaining = [], []
    for finding in (f for f in after.findings if not f.fatal):
        key = (finding.code, finding.path)
        if old[key] > 0:
            old[key] -= 1
            remaining.append(finding)
        else:
            introduced.append(finding)
    new = Counter((f.code, f.path) for f in after.findings if not f.fatal)
    resolved = []
    for finding in (f for f in before.findings if not f.fatal):
        key = (finding.code, finding.path)
        if new[key] > 0:
            new[key] -= 1
        else:
            resolved.append(finding)
    return tuple(introduced), tuple(resolved), tuple(remaining)


def _file_changes(old: Side, new: Side) -> Iterator[Change]:
    for key in [*new.files, *(k for k in old.files if k not in new.files)]:
        before, after = old.files.get(key), new.files.get(key)
        if before is None and after is not None:
            yield Change("file-added", f"files.{key}", {"file": key, "kind": after.kind or "plan"})
        elif after is None and before is not None:
            yield Change(
                "file-removed", f"files.{key}", {"file": key, "kind": before.kind or "plan"}
            )
        elif before is not None and after is not None:
            yield from _compare_files(before, after, old, new)


def _compare_files(before: LoadedFile, after: LoadedFile, old: Side, new: Side) -> Iterator[Change]:
    a, b = before.model, after.model
    if isinstance(a, TargetsFile) and isinstance(b, TargetsFile):
        yield from compare_targets(a, b)
    elif isinstance(a, TasksFile) and isinstance(b, TasksFile):
        yield from compare_tasks(a, b, (_registry(old, before, a), _registry(new, after, b)))


def _registry(side: Side, file: LoadedFile, tasks: TasksFile) -> OfficeRegistry:
    """The tasks file's offices, with the sub-areas of the targets file it is paired with."""
    plan = next((p for p in side.discovery.plans if p.tasks is file), None)
    ctx = PlanContext(plan.targets if plan else None, file)
    return ctx.offices or OfficeRegistry(tasks, None)
