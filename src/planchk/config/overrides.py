"""What one run of planchk was told: the configuration file merged with the command line.

Precedence, strongest first: command-line options, PLANCHK_* environment variables, the
configuration file, built-in defaults. Paths in a configuration file are relative to it.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from planchk import messages
from planchk.config import Config, ConfigError, codes_named, find_config, load_config
from planchk.findings import Severity
from planchk.reading import repository_root


def resolve(  # noqa: PLR0913  (where the file is, and each option the command line overrides)
    config_file: Path | None,
    *,
    revision: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    max_bytes: int | None = None,
) -> Config:
    """The configuration for this run; raises ConfigError naming what is wrong.

    With `revision` (--config-revision) the configuration is read from that git revision (the
    file `config_file` names there, or the one found there), never from the working tree.
    """
    if revision is not None:
        from planchk.config.revision import config_at

        config = config_at(revision, config_file)
    else:
        config = _from_disk(config_file)
    return _overridden(config, select, ignore, fail_on, max_bytes)


def _from_disk(config_file: Path | None) -> Config:
    if config_file is not None and config_file.is_dir():
        raise ConfigError(messages.CONFIG_IS_DIRECTORY, path=config_file)
    if config_file is not None and not config_file.is_file():
        raise ConfigError(messages.CONFIG_MISSING_FILE, path=config_file)
    return load_config(config_file or find_config(Path.cwd()))


def _overridden(
    config: Config,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    max_bytes: int | None,
) -> Config:
    here = Path("command line")
    changes: dict[str, object] = {}
    if select:
        changes["select"] = codes_named(here, "--select", _split(select))
    if ignore:
        changes["ignore"] = codes_named(here, "--ignore", _split(ignore))
    if fail_on is not None:
        changes["fail_on"] = Severity.parse(fail_on)
    env_bytes = os.environ.get("PLANCHK_MAX_BYTES", "")
    if max_bytes is not None:
        changes["max_bytes"] = max_bytes
    elif env_bytes:
        # ASCII digits only ("²".isdigit() is true; int() refuses it), and few enough of them
        if not (env_bytes.isascii() and env_bytes.isdigit()) or len(env_bytes) > 18:
            raise ConfigError(messages.ENV_MAX_BYTES, value=env_bytes)
        if int(env_bytes) == 0:
            raise ConfigError(messages.ENV_MAX_BYTES, value=env_bytes)
        changes["max_bytes"] = int(env_bytes)
    return dataclasses.replace(config, **changes)  # type: ignore[arg-type]


def default_paths(config: Config) -> list[Path]:
    """The configured paths, relative to the configuration file, or data/ at the repository root.

    Without a configuration file the base is found as git finds its root, so that `cd docs &&
    planchk validate` checks the repository's data/ rather than a docs/data that is not there.
    """
    base = config.folder or (config.source.parent if config.source else None)
    base = base or repository_root(Path.cwd())
    paths = [base / p for p in config.paths]
    return [Path(os.path.relpath(p)) if p.is_absolute() else p for p in paths]


def _split(values: list[str]) -> list[str]:
    """--select PC101,PC202 and --select PC101 --select PC202 mean the same."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
