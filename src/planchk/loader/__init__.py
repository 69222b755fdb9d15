"""Read one plan file: bytes -> text -> plain data with positions -> pydantic model.

Every failure on the way is a finding with a code and a position, never an exception.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from planchk.codes import input as codes
from planchk.errors import TooLarge
from planchk.findings import Finding, Location, Problem
from planchk.loader.capped import FileCap
from planchk.loader.cells import MAX_FINDINGS, add_cells, rows_for_schema
from planchk.loader.compose import compose as compose_text
from planchk.loader.schema_errors import schema_problems
from planchk.loader.sourcemap import SourceMap, position_after
from planchk.models import TargetsFile, TasksFile
from planchk.reading import read_bounded
from planchk.registry import CodeInfo

FileKind = Literal["targets", "tasks"]
MODELS: dict[FileKind, type[BaseModel]] = {"targets": TargetsFile, "tasks": TasksFile}
_TASKS_KEYS = frozenset({"sections", "offices", "groups"})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class LoadedFile:
    """One plan file after loading: its model when it is usable, else the reasons why not."""

    path: Path
    display: str
    kind: FileKind | None = None
    model: BaseModel | None = None
    sourcemap: SourceMap = field(default_factory=lambda: SourceMap(""))
    problems: list[Finding] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return self.model is not None


def load_file(
    path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES, max_findings: int = MAX_FINDINGS
) -> LoadedFile:
    """Load a plan file from disk; `max_findings`: of the cells of the wrong type, how many
    are listed (loader.cells; 0: all)."""
    try:
        raw = read_bounded(path, max_bytes)  # /dev/zero, a FIFO: refused, never read forever
    except TooLarge as error:
        return _fail(
            LoadedFile(path, display), codes.FILE_TOO_LARGE, 0, 0, size=error.size, limit=max_bytes
        )
    except OSError as error:
        reason = error.strerror or str(error)  # English; PC001 says it in the reader's language
        return _fail(LoadedFile(path, display), codes.FILE_UNREADABLE, 0, 0, reason=reason)
    return load_bytes(raw, path, display, max_bytes, max_findings=max_findings)


def load_bytes(  # noqa: PLR0913  (the content, where it is, and two bounds: bytes, findings)
    raw: bytes,
    path: Path,
    display: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    complete: Callable[[dict[str, Any]], None] | None = None,
    *,
    max_findings: int = MAX_FINDINGS,
) -> LoadedFile:
    """Load a plan file's content (from disk or from a git revision); `path` is where it lives.
    `complete`: puts into the parsed document what its writer left out of the text (the rows
    import's check takes as read, importers.readback), before the schema check."""
    loaded = LoadedFile(path, display, sourcemap=SourceMap(display))
    if len(raw) > max_bytes:
        return _fail(loaded, codes.FILE_TOO_LARGE, 0, 0, size=len(raw), limit=max_bytes)
    text = _decode(loaded, raw)
    if text is None:
        return loaded
    composed = compose_text(text, display, limit=max_findings)
    loaded.sourcemap = composed.sourcemap
    cap = FileCap(max_findings)  # a duplicate key (PC004) or a look-alike (PC015) a row
    cap.take(composed.problems)
    for code, count in composed.more.items():
        cap.count(code, count)  # past the first left out: counted by the composer
    loaded.problems += [*cap.findings, *cap.summaries()]
    if loaded.problems:
        return loaded
    data = composed.data
    if composed.empty:
        return _fail(loaded, codes.EMPTY_FILE, 1, 1)
    if not isinstance(data, dict):
        found = "list" if isinstance(data, list) else "scalar"
        return _fail(loaded, codes.NOT_A_MAPPING, 1, 1, found=found, expected=_EXPECTED)
    if complete is not None:
        complete(data)
    loaded.kind = "tasks" if _TASKS_KEYS & data.keys() else "targets"
    _validate(loaded, data, max_findings)
    return loaded


_EXPECTED = "plan, areas, indicators, goals; or offices, groups, sections"
# U+0085, U+2028 and U+2029 end a line for YAML but for no editor and not for planchk's
# positions: YAML folds a name holding one into a space ("甲\u2028镇" is read as "甲 镇"), and
# every line number after it would shift (a finding placed past the file's end).
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_LONE_CR = re.compile("\r(?!\n)")


def _odd_break(character: str) -> str:
    return (
        f"U+{ord(character):04X}, a line break to YAML that no editor shows as one; remove it"
        " (or, inside double quotes, write it as an escape: \\N, \\L, \\P)"
    )


def _decode(loaded: LoadedFile, raw: bytes) -> str | None:
    try:
        text = _strip_bom(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line, column = position_after(raw[: error.start].decode("utf-8", "replace"))
        _fail(loaded, codes.ENCODING, line, column, byte=f"0x{raw[error.start]:02X}")
        return None
    odd = _YAML_ONLY_BREAK.search(text)
    if odd is not None:
        line, column = position_after(text[: odd.start()])
        _fail(loaded, codes.YAML_SYNTAX, line, column, problem=_odd_break(odd.group()))
        return None
    if "\r" in text:  # old Mac line ends: a line to YAML and to editors, so to planchk too
        text = _LONE_CR.sub("\n", text)
    return text


def _validate(loaded: LoadedFile, data: dict[str, Any], max_findings: int) -> None:
    assert loaded.kind is not None
    model = MODELS[loaded.kind]
    cap = FileCap(max_findings)
    checked = rows_for_schema(data, loaded.sourcemap, cap) if model is TargetsFile else data
    try:
        validated = model.model_validate(checked)
    except ValidationError as error:
        for info, make in schema_problems(error, model, loaded.sourcemap):
            cap.offer(info, make)
        validated = None
    if model is TargetsFile:
        add_cells(data, loaded.sourcemap, cap)
    loaded.problems += [*cap.findings, *cap.summaries()]
    if not loaded.problems:
        loaded.model = validated


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _fail(loaded: LoadedFile, info: CodeInfo, line: int, column: int, **args: Any) -> LoadedFile:
    _add(loaded, [(info, Problem(Location(loaded.display, line, column), "", args))])
    return loaded


def _add(loaded: LoadedFile, problems: Iterable[tuple[CodeInfo, Problem]]) -> None:
    loaded.problems += (info.finding(problem, fatal=True) for info, problem in problems)
