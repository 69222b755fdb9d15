"""The two sides of a diff: files, directories, or git revisions of the working repository.

`planchk diff OLD [NEW] [PATHS...]`: arguments that name an existing file or directory are
paths; those before them that do not are git revisions (at most two). Two paths and no
revision compare the paths; one revision compares it with the working tree; two revisions
compare each other. Revisions are read through git itself (`git show REV:./path`). One of two
files may be `-`, a plan file read from stdin (planchk.reading).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from planchk import messages
from planchk.errors import SideError as SideError  # noqa: PLC0414 (re-exported: its home is planchk.errors)
from planchk.loader import LoadedFile, load_bytes, load_file
from planchk.loader.discover import (
    PLAN_FILE_NAMES,
    PLAN_FILE_NAMES_ALL,
    Discovery,
    disk_context,
    pair,
    plan_paths,
)
from planchk.reading import STDIN, Piped, read_stdin


@dataclass
class Side:
    label: str
    files: dict[str, LoadedFile]  # identity key (path within the side) -> file
    discovery: Discovery

    def all_files(self) -> list[LoadedFile]:
        """Every file read for this side, including targets files read only for context."""
        plans = self.discovery.plans
        found = [*self.files.values(), *self.discovery.loaded]
        found += [f for plan in plans for f in (plan.targets, plan.tasks) if f is not None]
        return list({id(f): f for f in found}.values())


SideReader = Callable[[], Side]


def side_readers(
    args: list[str],
    default_paths: list[Path],
    max_bytes: int,
    paths_after: int | None = None,
    stdin_filename: Path | None = None,
) -> tuple[SideReader, SideReader]:
    """What reads each side, once the arguments are known to name two sides. `paths_after`:
    how many of the arguments followed a `--` (git's convention: they are paths).

    Reading is left to the caller, which may read the two sides at once (see fork.py); only
    stdin is read here, at once, so that the side read from it can be read again.
    """
    revisions, paths = _split(args, paths_after)
    if paths.count(STDIN) > 1:
        raise SideError(messages.DIFF_STDIN_TWICE)
    if revisions and STDIN in paths:
        raise SideError(messages.DIFF_STDIN_REVISION)
    if not revisions:
        if len(paths) != 2:
            raise SideError(messages.DIFF_TWO_SIDES)
        old, new = paths
        if old.is_dir() != new.is_dir():
            raise SideError(messages.DIFF_MIXED_SIDES, old=old, new=new)
        piped = read_stdin(max_bytes, stdin_filename) if STDIN in paths else None
        return _file_reader(old, max_bytes, piped), _file_reader(new, max_bytes, piped)
    if len(revisions) > 2:
        shown = " ".join(revisions)
        raise SideError(messages.DIFF_TOO_MANY_REVISIONS, count=len(revisions), revisions=shown)
    for revision in revisions:
        _verify(revision)
    targets = paths or default_paths
    old_side = partial(revision_side, revisions[0], targets, max_bytes)
    if len(revisions) == 2:
        return old_side, partial(revision_side, revisions[1], targets, max_bytes)
    return old_side, partial(working_side, targets, max_bytes)


def _split(args: list[str], paths_after: int | None) -> tuple[list[str], list[Path]]:
    """Revisions, then paths. After a `--` every argument is a path; before it, or without
    one, an argument that is both an existing path and a git revision is refused as ambiguous:
    a pull request could add a directory named like the base revision (origin/main) to make
    the diff compare the plan with its own copy."""
    if paths_after is not None:
        cut = len(args) - paths_after
        return args[:cut], [Path(arg) for arg in args[cut:]]
    revisions: list[str] = []
    paths: list[Path] = []
    for arg in args:
        if arg == str(STDIN):
            paths.append(STDIN)  # stdin: a path, never a revision
        elif Path(arg).exists():
            if _is_revision(arg):
                raise SideError(messages.DIFF_AMBIGUOUS, arg=arg)
            paths.append(Path(arg))
        elif paths:
            raise SideError(messages.DIFF_PATH_AFTER, arg=arg)
        else:
            revisions.append(arg)
    return revisions, paths


def _file_reader(path: Path, max_bytes: int, piped: Piped | None) -> SideReader:
    if path == STDIN and piped is not None:
        return partial(piped_side, piped)
    return partial(path_side, path, max_bytes)


def piped_side(piped: Piped) -> Side:
    """A plan file from stdin, paired as the file it stands for would be."""
    loaded = load_bytes(piped.raw, piped.name, str(piped.name), piped.limit)
    discovery = Discovery(pair([loaded], disk_context(piped.limit)), [], [loaded])
    return Side(str(piped.name), {"file": loaded}, discovery)


def path_side(path: Path, max_bytes: int) -> Side:
    files, problems = plan_paths([path])
    loaded = [load_file(p, str(p), max_bytes) for p in files]
    keyed = {(p.name if path.is_dir() else "file"): f for p, f in zip(files, loaded, strict=True)}
    context = disk_context(max_bytes)
    return Side(str(path), keyed, Discovery(pair(loaded, context), problems, loaded))


def working_side(paths: list[Path], max_bytes: int) -> Side:
    files, problems = plan_paths(paths)
    loaded = [load_file(p, str(p), max_bytes) for p in files]
    keyed = {_key(p): f for p, f in zip(files, loaded, strict=True)}
    discovery = Discovery(pair(loaded, disk_context(max_bytes)), problems, loaded)
    return Side(messages.WORKING_TREE.english, keyed, discovery)


def revision_side(revision: str, paths: list[Path], max_bytes: int) -> Side:
    loaded: dict[str, LoadedFile] = {}
    for path in paths:
        if path.is_dir():
            candidates = [path / name for name in PLAN_FILE_NAMES_ALL]
            found = {p: _show(revision, p) for p in candidates}
            for plan_file, raw in found.items():
                if raw is not None:
                    loaded[_key(plan_file)] = _load(revision, plan_file, raw, max_bytes)
        else:
            raw = _show(revision, path)
            if raw is None:
                raise SideError(messages.DIFF_NOT_IN_REVISION, path=path, revision=revision)
            loaded[_key(path)] = _load(revision, path, raw, max_bytes)

    def context(directory: Path) -> LoadedFile | None:
        for name in PLAN_FILE_NAMES["targets"]:
            raw = _show(revision, directory / name)
            if raw is not None:
                return _load(revision, directory / name, raw, max_bytes)
        return None

    files = list(loaded.values())
    return Side(revision, loaded, Discovery(pair(files, context), [], files))


def _load(revision: str, path: Path, raw: bytes, max_bytes: int) -> LoadedFile:
    return load_bytes(raw, path, f"{revision}:{_key(path)}", max_bytes)


def _key(path: Path) -> str:
    return str(PurePosixPath(*path.parts))


def _verify(revision: str) -> None:
    result = _rev_parse(revision)
    if result is None:
        raise SideError(messages.DIFF_NO_GIT, revision=revision)
    if result.returncode != 0:
        inside = _git("rev-parse", "--git-dir")
        if inside is not None and inside.returncode != 0:
            raise SideError(messages.DIFF_NO_REPOSITORY, revision=revision)
        raise SideError(messages.DIFF_NOT_A_REVISION, revision=revision)


def _is_revision(arg: str) -> bool:
    result = _rev_parse(arg)
    return result is not None and result.returncode == 0


def _rev_parse(revision: str) -> subprocess.CompletedProcess[bytes] | None:
    return _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")


def _show(revision: str, path: Path) -> bytes | None:
    result = _git("show", "--end-of-options", f"{revision}:./{_key(path)}")
    return result.stdout if result is not None and result.returncode == 0 else None


def _git(*args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", *args], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None


def driver_sides(path: str, old_file: Path, new_file: Path, max_bytes: int) -> tuple[Side, Side]:
    """The sides git hands an external diff driver: two temporary files for one path.

    A file that does not exist on one side (git passes /dev/null) makes that side empty.
    The targets file beside `path` in the working tree gives a tasks file its sub-areas.
    """
    where = Path(path)

    def side(label: str, file: Path) -> Side:
        named = f"{label}:{path}"  # the heading names the file, as its findings do
        if str(file) == "/dev/null" or not file.is_file():
            return Side(named, {}, Discovery([], [], []))
        raw = file.read_bytes()
        loaded = load_bytes(raw, where, named, max_bytes)
        return Side(
            named,
            {_key(where): loaded},
            Discovery(pair([loaded], disk_context(max_bytes)), [], [loaded]),
        )

    return side("old", old_file), side("new", new_file)
