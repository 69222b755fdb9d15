"""The configuration as a git revision holds it: `--config-revision origin/main`.

A CI check of a pull request must not let the pull request weaken it: the configuration it
checks with (ignore rules, severities, fail-on, the cap, waivers) is read from the base branch,
found there as it would be found in the working tree (planchk.toml, or pyproject.toml with a
[tool.planchk] table, from the current directory up to the repository's top), and the working
tree's files are never looked at. A revision that holds none gives the built-in defaults.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

from planchk.config import (
    CONFIG_NAMES,
    MAX_CONFIG_BYTES,
    Config,
    ConfigError,
    config_from_bytes,
    has_table,
)
from planchk.messages import message

NO_GIT = message("ui.config-revision-no-git", "--config-revision {revision}: git is not available")
NO_REPOSITORY = message(
    "ui.config-revision-no-repository",
    "--config-revision {revision}: there is no git repository here to read it from",
)
NOT_A_REVISION = message(
    "ui.config-revision-not-a-revision", "--config-revision {revision}: not a git revision"
)
NOT_IN_REVISION = message(
    "ui.config-revision-missing",
    "{revision}:{path}: no such configuration file in that revision",
)
OUTSIDE = message(
    "ui.config-revision-outside",
    "{path}: outside the repository, so no revision holds it; give --config a file in it",
)
LINKED = message(
    "ui.config-revision-link",
    "{revision}:{path}: a symbolic link, which --config-revision does not follow; give "
    "--config the file it points to",
)
TOO_LARGE = message(
    "ui.config-revision-too-large",
    "{revision}:{path}: {size} bytes, more than a configuration file may hold ({limit})",
)

_FILE_MODES = ("100644", "100755")  # a blob that is a file
_LINK_MODE = "120000"  # a blob that is a symbolic link: its text is where it points


def config_at(revision: str, named: Path | None = None) -> Config:
    """The configuration `revision` holds: the file `named` (a path as the working tree has
    it), or the one found upward from the current directory; raises ConfigError."""
    commit = _commit(revision)
    top, prefix = _where(revision)
    if named is not None:
        key = _key_of(named, top)
        listed = _listing(top, revision, commit, [key])
        if key not in listed:
            raise ConfigError(NOT_IN_REVISION, revision=revision, path=key)
        return _config(revision, top, key, _blob(top, revision, key, listed[key]))
    keys = _candidates(prefix)
    listed = _listing(top, revision, commit, keys)
    for key in keys:
        if key in listed:
            raw = _blob(top, revision, key, listed[key])
            if PurePosixPath(key).name == "planchk.toml" or has_table(raw):
                return _config(revision, top, key, raw)
    return Config()


def _config(revision: str, top: Path, key: str, raw: bytes) -> Config:
    # Paths in it are relative to where the working tree has it; messages name REV:PATH.
    where = top / key
    return config_from_bytes(raw, where.name, Path(f"{revision}:{key}"), where.parent)


def _candidates(prefix: str) -> list[str]:
    """planchk.toml then pyproject.toml in each folder from `prefix` up to the top, as git
    names them (relative to the top, with /)."""
    folder = PurePosixPath(prefix.strip("/") or ".")
    folders = [folder, *folder.parents] if str(folder) != "." else [folder]
    return [str(f / name) for f in folders for name in CONFIG_NAMES]


def _key_of(named: Path, top: Path) -> str:
    """`named` (relative to the current directory) as git names it in a revision. The file
    need not exist in the working tree: a pull request may have removed it."""
    absolute = Path(os.path.normpath(Path.cwd().resolve() / named))
    try:
        inside = absolute.relative_to(top.resolve())
    except ValueError:
        raise ConfigError(OUTSIDE, path=named) from None
    return str(PurePosixPath(*inside.parts))


def _commit(revision: str) -> str:
    found = _git(None, "rev-parse", "--verify", "--quiet", "--end-of-options",
                 f"{revision}^{{commit}}")  # fmt: skip
    if found is None:
        raise ConfigError(NO_GIT, revision=revision)
    if found.returncode != 0:
        inside = _git(None, "rev-parse", "--git-dir")
        if inside is not None and inside.returncode != 0:
            raise ConfigError(NO_REPOSITORY, revision=revision)
        raise ConfigError(NOT_A_REVISION, revision=revision)
    # A commit's hexadecimal name: what follows never reads a ref that looks like an option.
    return found.stdout.decode("ascii").strip()


def _where(revision: str) -> tuple[Path, str]:
    """The working tree's top folder, and the current directory relative to it."""
    found = _git(None, "rev-parse", "--show-toplevel", "--show-prefix")
    if found is None or found.returncode != 0:
        raise ConfigError(NO_REPOSITORY, revision=revision)
    lines = os.fsdecode(found.stdout).split("\n")
    return Path(lines[0]), lines[1] if len(lines) > 1 else ""


def _listing(top: Path, revision: str, commit: str, keys: list[str]) -> dict[str, tuple[str, int]]:
    """Of `keys`, the files `commit` holds: key -> (blob name, size); a symbolic link among
    them is refused."""
    listed = _git(top, "ls-tree", "-l", "-z", "--full-tree", commit, "--", *keys)
    if listed is None or listed.returncode != 0:
        return {}
    files = {}
    for entry in listed.stdout.split(b"\0"):
        head, _, name = entry.partition(b"\t")
        fields = head.split()
        if len(fields) == 4 and fields[1] == b"blob":
            mode = fields[0].decode()
            if mode == _LINK_MODE:  # the working tree would follow it: never skipped unsaid
                raise ConfigError(LINKED, revision=revision, path=os.fsdecode(name))
            if mode in _FILE_MODES:
                files[os.fsdecode(name)] = (fields[2].decode("ascii"), int(fields[3]))
    return files


def _blob(top: Path, revision: str, key: str, listed: tuple[str, int]) -> bytes:
    name, size = listed
    if size > MAX_CONFIG_BYTES:
        raise ConfigError(TOO_LARGE, revision=revision, path=key, size=size,
                          limit=MAX_CONFIG_BYTES)  # fmt: skip
    read = _git(top, "cat-file", "blob", name)
    if read is None or read.returncode != 0:
        raise ConfigError(NOT_IN_REVISION, revision=revision, path=key)
    return read.stdout


def _git(cwd: Path | None, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
