"""Which files to check, and which files form one plan.

A plan is a targets file and, beside it, a tasks file whose sub-area offices come from the
targets file's areas. A directory stands for its targets.yaml and tasks.yaml; a tasks file
given alone is checked with the targets file beside it as context (its own findings are then
not reported: it was not asked for).
"""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from planchk.codes.input import NO_PLAN_FILES
from planchk.findings import Finding, Location, Problem
from planchk.loader import LoadedFile, load_bytes, load_file
from planchk.loader.cells import MAX_FINDINGS
from planchk.reading import STDIN, read_stdin
from planchk.registry import CodeInfo

PLAN_FILE_NAMES = {"targets": ("targets.yaml", "targets.yml"), "tasks": ("tasks.yaml", "tasks.yml")}
PLAN_FILE_NAMES_ALL = (*PLAN_FILE_NAMES["targets"], *PLAN_FILE_NAMES["tasks"])
# Plan documents, which planchk.importers reads into plan files before they are checked.
DOCUMENT_SUFFIXES = (".docx", ".html", ".htm", ".txt")
# Folders a directory walk never enters: tools' and version control's own, and hidden ones.
SKIPPED_DIRS = frozenset({".git", ".venv", "node_modules"})


def is_document(path: Path) -> bool:
    """Whether `path` names a plan document (by its suffix): a directory is a plan directory
    whatever its name ends with (a folder `v2.html` of plan files)."""
    return path.suffix.lower() in DOCUMENT_SUFFIXES and not path.is_dir()


@dataclass
class Plan:
    targets: LoadedFile | None = None
    tasks: LoadedFile | None = None
    reported: set[str] = field(default_factory=set)  # display paths whose findings show


@dataclass
class Discovery:
    plans: list[Plan]
    problems: list[Finding]  # paths that hold nothing to check
    loaded: list[LoadedFile]  # every file asked for, in order


ContextLoader = Callable[[Path], "LoadedFile | None"]


def plan_paths(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    """The plan files the paths name (a directory: its targets and tasks files)."""
    wanted: list[Path] = []
    problems: list[Finding] = []
    for path in paths:
        if path.is_dir():
            existing = _plan_files_under(path)
            if not existing:
                problems.append(_fatal(NO_PLAN_FILES, str(path)))
            wanted.extend(existing)
        else:
            wanted.append(path)  # a missing or unreadable file is reported by the loader
    return _unique(wanted), problems


def discover(
    paths: list[Path],
    max_bytes: int,
    *,
    stdin: BinaryIO | None = None,
    stdin_filename: Path | None = None,
    max_findings: int = MAX_FINDINGS,
) -> Discovery:
    """Load and pair the plan files of `paths`; `-` is read from `stdin`, as `stdin_filename`
    where one is given (its positions, and the folder whose files pair with it).
    `max_findings`: the cells of the wrong type listed per file (loader.cells; 0: all)."""
    files, problems = plan_paths(paths)
    loaded = [
        _load_stdin(stdin, stdin_filename, max_bytes, max_findings)
        if p == STDIN
        else load_file(p, str(p), max_bytes, max_findings)
        for p in files
    ]
    plans = pair(loaded, disk_context(max_bytes))
    if stdin_filename is not None:
        _pair_with_beside(plans, stdin_filename.parent, max_bytes)
    return Discovery(plans, problems, loaded)


def _load_stdin(
    stdin: BinaryIO | None, name: Path | None, max_bytes: int, max_findings: int
) -> LoadedFile:
    """The plan file piped in, refused past `max_bytes` as a file would be."""
    piped = read_stdin(max_bytes, name, stdin)
    raw, path = piped.raw, piped.name
    return load_bytes(raw, path, str(path), max_bytes, max_findings=max_findings)


def _pair_with_beside(plans: list[Plan], folder: Path, max_bytes: int) -> None:
    """A targets file from stdin, alone in its plan, takes the tasks file beside its name
    (as context: the tasks file's findings were not asked for)."""
    for plan in plans:
        if plan.targets is None or plan.tasks is not None or plan.targets.path.parent != folder:
            continue
        for name in PLAN_FILE_NAMES["tasks"]:
            if (folder / name).is_file():
                plan.tasks = load_file(folder / name, str(folder / name), max_bytes)
                break


def pair(loaded: list[LoadedFile], context: ContextLoader) -> list[Plan]:
    """Group files into plans: a tasks file goes with the targets file of its directory."""
    by_dir: dict[Path, list[LoadedFile]] = defaultdict(list)
    for file in loaded:
        by_dir[file.path.parent].append(file)
    plans: list[Plan] = []
    for directory, files in by_dir.items():
        targets = [f for f in files if f.kind == "targets"]
        tasks = [f for f in files if f.kind == "tasks"]
        if len(targets) == 1 and tasks:
            partner = targets[0]
            plans.append(Plan(partner, tasks[0], {partner.display, tasks[0].display}))
            plans.extend(Plan(partner, extra, {extra.display}) for extra in tasks[1:])
            continue
        plans.extend(Plan(file, None, {file.display}) for file in targets)
        if tasks:
            plans.extend(Plan(context(directory), file, {file.display}) for file in tasks)
    return plans


def disk_context(max_bytes: int) -> ContextLoader:
    """Loads the targets file beside a tasks file, from disk."""

    def context(directory: Path) -> LoadedFile | None:
        for name in PLAN_FILE_NAMES["targets"]:
            path = directory / name
            if path.is_file():
                return load_file(path, str(path), max_bytes)
        return None

    return context


def input_size(paths: list[Path]) -> int:
    """The bytes of plan files under `paths`, without reading them (for a progress display)."""
    total = 0
    for path in paths:
        candidates = _plan_files_under(path) if path.is_dir() else [path]
        for candidate in candidates:
            with contextlib.suppress(OSError):
                total += candidate.stat().st_size
    return total


def _plan_files_under(root: Path) -> list[Path]:
    """The plan files of `root` and of its subfolders, a folder's own before its subfolders'.

    A city keeps its districts' plans one per subfolder (plans/东区/targets.yaml, …); each
    folder's targets and tasks files stay a pair because pairing goes by folder.
    """
    found: list[Path] = []
    for folder, subfolders, _ in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not _skipped(d))
        here = Path(folder)
        found.extend(here / n for n in PLAN_FILE_NAMES_ALL if (here / n).is_file())
    return found


def _skipped(name: str) -> bool:
    return name in SKIPPED_DIRS or name.startswith(".")


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for path in paths:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _fatal(info: CodeInfo, display: str) -> Finding:
    return info.finding(Problem(Location(display), "", {}), fatal=True)
