"""Configuration: [tool.planchk] in pyproject.toml, or a planchk.toml, found upward.

Everything a run can be told (paths, select/ignore, severities, rule options, fail-on,
waivers) in one frozen object. Any key, rule name, severity or option value planchk does not
know stops the run with a message that names it: a misspelt setting must never be ignored.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from planchk import messages
from planchk.catalog import CodeInfo, all_codes, get, resolve
from planchk.config.reasons import not_toml
from planchk.errors import ConfigError as ConfigError  # re-exported: its home is planchk.errors
from planchk.findings import Severity
from planchk.loader import DEFAULT_MAX_BYTES
from planchk.loader.schema_errors import problem_text
from planchk.models.common import Waiver
from planchk.reading import read_bounded
from planchk.rules.options import PrintedFloat

CONFIG_NAMES = ("planchk.toml", "pyproject.toml")
# The first findings of a rule in a file show its pattern; past this, one PC903 says how many
# more (a generated plan with one slip repeated can otherwise raise hundreds of thousands).
DEFAULT_MAX_FINDINGS_PER_RULE = 1000


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    paths: tuple[str, ...] = ("data",)
    select: frozenset[str] | None = None  # codes to report; None: every code
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # code -> severity
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> values
    fail_on: Severity = Severity.ERROR
    max_bytes: int = DEFAULT_MAX_BYTES
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS_PER_RULE  # per file; 0: no limit
    waivers: tuple[Waiver, ...] = ()
    docs_url: str | None = None  # where planchk's docs/ is published: SARIF rules' helpUri
    # The folder its relative paths start from, where `source` names no file on disk: read
    # from a git revision (`origin/main:planchk.toml`), it stands where the working tree has it.
    folder: Path | None = None

    def enabled(self, code: str) -> bool:
        return (self.select is None or code in self.select) and code not in self.ignore

    def option(self, code: str, name: str) -> Any:
        if name in self.options.get(code, {}):
            return self.options[code][name]
        return get(code).options[name].default


class _Table(BaseModel):
    """The shape of [tool.planchk]; keys are written with dashes, as in ruff and yamllint."""

    model_config = ConfigDict(
        extra="forbid", strict=True, alias_generator=lambda name: name.replace("_", "-")
    )

    paths: list[str] | None = None
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, str] = Field(default_factory=dict)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    fail_on: str = "error"
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    max_findings_per_rule: int = Field(default=DEFAULT_MAX_FINDINGS_PER_RULE, ge=0)
    waivers: list[Waiver] = Field(default_factory=list)
    docs_url: str | None = None


def find_config(start: Path) -> Path | None:
    """The nearest planchk.toml, or pyproject.toml with a [tool.planchk] table, upward."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name == "planchk.toml" or _has_table(candidate)):
                return candidate
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    return _validated(path, _read_table(path))


def config_from_bytes(raw: bytes, name: str, shown: Path, folder: Path) -> Config:
    """The configuration in `raw`, the file `name` (planchk.toml or pyproject.toml) read
    elsewhere than from disk (a git revision): `shown` names it in messages, `folder` is where
    its relative paths start."""
    config = _validated(shown, _table_of(shown, lambda: _parsed(raw), name))
    return dataclasses.replace(config, folder=folder)


def _validated(path: Path, table: dict[str, Any]) -> Config:
    try:
        raw = _Table.model_validate(table)
    except ValidationError as error:
        raise _table_error(path, error.errors(include_url=False)[0]) from None
    return _build(path, raw)


def _table_error(path: Path, detail: ErrorDetails) -> ConfigError:
    key = ".".join(str(part) for part in detail["loc"])
    if detail["type"] == "extra_forbidden":
        model: type[BaseModel] = Waiver if detail["loc"][0] == "waivers" else _Table
        expected = ", ".join(f.alias or n for n, f in model.model_fields.items())
        return ConfigError(messages.CONFIG_UNKNOWN_KEY, path=path, key=key, expected=expected)
    return ConfigError(messages.CONFIG_BAD_VALUE, path=path, key=key, problem=problem_text(detail))


# A configuration is a few lines; a pyproject.toml a few hundred.
MAX_CONFIG_BYTES = 1024 * 1024
# What tomllib raises for a file that is no TOML it can read: a syntax error, nesting deeper
# than Python's recursion (it parses recursively), an integer of more than 4300 digits.
_NOT_TOML = (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError)


def _toml(path: Path) -> dict[str, Any]:
    return _parsed(read_bounded(path, MAX_CONFIG_BYTES))


def _parsed(raw: bytes) -> dict[str, Any]:
    # options hold its text to the grammar
    return tomllib.loads(raw.decode("utf-8"), parse_float=PrintedFloat)


def has_table(raw: bytes) -> bool:
    """Whether the text of a pyproject.toml holds [tool.planchk]."""
    try:
        tool = _parsed(raw).get("tool")
    except _NOT_TOML:
        return False  # someone else's pyproject.toml, even a broken one, is not planchk's
    return isinstance(tool, dict) and "planchk" in tool


def _has_table(pyproject: Path) -> bool:
    try:
        return has_table(read_bounded(pyproject, MAX_CONFIG_BYTES))
    except OSError:
        return False


def _read_table(path: Path) -> dict[str, Any]:
    try:
        return _table_of(path, lambda: _toml(path))
    except OSError as error:
        raise ConfigError(
            messages.CONFIG_UNREADABLE, path=path, reason=messages.os_reason(error)
        ) from None


def _table_of(
    path: Path, parse: Callable[[], dict[str, Any]], name: str | None = None
) -> dict[str, Any]:
    """planchk's table in the file `path` (named `name`), as `parse` reads it."""
    try:
        document = parse()
    except _NOT_TOML as error:
        raise not_toml(path, error) from None
    if (name or path.name) == "pyproject.toml":
        tool = document.get("tool")
        table = tool.get("planchk") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(messages.CONFIG_NO_TABLE, path=path)
        return table
    return document


def _build(path: Path, raw: _Table) -> Config:
    for index, waiver in enumerate(raw.waivers):
        _rules(path, f"waivers[{index}].rule", waiver.rule)
    return Config(
        source=path,
        paths=tuple(raw.paths) if raw.paths is not None else Config.paths,
        select=None if raw.select is None else codes_named(path, "select", raw.select),
        ignore=codes_named(path, "ignore", raw.ignore),
        severity={
            info.code: _severity(path, f"severity.{name}", level)
            for name, level in raw.severity.items()
            for info in _rules(path, f"severity.{name}", name)
        },
        options=_options(path, raw.options),
        fail_on=_severity(path, "fail-on", raw.fail_on),
        max_bytes=raw.max_bytes,
        max_findings_per_rule=raw.max_findings_per_rule,
        waivers=tuple(raw.waivers),
        docs_url=None if raw.docs_url is None else _docs_url(path, raw.docs_url),
    )


def _docs_url(path: Path, value: str) -> str:
    folder = docs_folder(value)
    if folder is None:
        raise ConfigError(
            messages.CONFIG_BAD_VALUE, path=path, key="docs-url", problem=messages.DOCS_URL()
        )
    return folder


def docs_folder(value: str) -> str | None:
    """An absolute http(s) address of a folder, to which `rules.md#pc101` is joined, or None:
    a relative one, or one with a query or fragment, would give a helpUri no viewer opens."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return None
    # Spaces and non-ASCII characters percent-encoded: SARIF's helpUri is an RFC 3986 URI.
    folder = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, quote(folder, safe="/%:@!$&'()*+,;="), "", ""))


def _rules(path: Path, key: str, name: str) -> list[CodeInfo]:
    infos = resolve(name)
    if not infos:
        raise ConfigError(messages.CONFIG_UNKNOWN_RULE, path=path, key=key, name=name)
    return infos


def codes_named(path: Path, key: str, names: list[str]) -> frozenset[str]:
    return frozenset(info.code for name in names for info in _rules(path, key, name))


def _severity(path: Path, key: str, level: str) -> Severity:
    try:
        return Severity.parse(level)
    except KeyError:
        raise ConfigError(messages.CONFIG_BAD_SEVERITY, path=path, key=key, level=level) from None


def _options(path: Path, table: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    parsed: dict[str, dict[str, Any]] = {}
    for name, values in table.items():
        key = f"options.{name}"
        infos = _rules(path, key, name)
        if len(infos) != 1 or not infos[0].options:
            expected = ", ".join(i.slug for i in all_codes() if i.options)
            raise ConfigError(messages.CONFIG_NO_OPTIONS, path=path, key=key, expected=expected)
        for option, value in values.items():
            parsed.setdefault(infos[0].code, {})[option] = _option(
                path, key, infos[0], option, value
            )
    return parsed


def _option(path: Path, key: str, info: CodeInfo, option: str, value: Any) -> Any:
    spec = info.options.get(option)
    key = f"{key}.{option}"
    if spec is None:
        expected = ", ".join(info.options)
        raise ConfigError(
            messages.CONFIG_UNKNOWN_OPTION,
            path=path, key=key, rule=info.slug, option=option, expected=expected,
        )  # fmt: skip
    try:
        return spec.parse(value)
    except messages.PlanchkError as error:
        raise ConfigError(messages.CONFIG_BAD_VALUE, path=path, key=key, problem=error) from None
