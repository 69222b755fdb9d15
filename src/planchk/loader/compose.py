"""Build plain Python data and a source map straight from PyYAML's parse events.

PyYAML's own loaders first build a node graph, then construct objects from it, and resolve
scalars by YAML 1.1 rules; both cost time on large plans and neither keeps positions. Walking
the event stream once with an explicit stack gives plain data (dict, list, str, int, Decimal,
bool, None), a position for every node, and safety by construction: no tag is ever turned into
an object and no alias is ever expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from planchk.findings import Location, Problem
from planchk.loader import codes
from planchk.loader.scalars import resolve_plain
from planchk.loader.sourcemap import DataPath, SourceMap, pack, position_after
from planchk.registry import CodeInfo

# libyaml's C parser when PyYAML was built with it; the pure-Python parser otherwise.
_PARSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 32
_DROPPED = "\x00dropped"


@dataclass
class Composed:
    data: Any = None
    sourcemap: SourceMap = field(default_factory=lambda: SourceMap(""))
    problems: list[tuple[CodeInfo, Problem]] = field(default_factory=list)
    empty: bool = True


class _Stop(Exception):
    """Raised to end composition after a problem that makes the rest meaningless."""


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: DataPath
    key: str | None = None  # the pending key of a mapping, waiting for its value
    skip_value: bool = False  # the pending key was a duplicate: parse its value, do not store it


class _Composer:
    def __init__(self, file: str) -> None:
        self.out = Composed(sourcemap=SourceMap(file))
        self.smap = self.out.sourcemap
        self.stack: list[_Frame] = []
        self.documents = 0

    def problem(self, info: CodeInfo, line: int, column: int, **args: Any) -> None:
        loc = Location(self.smap.file, line, column)
        path = ".".join(str(p) for p in self.stack[-1].path) if self.stack else ""
        self.out.problems.append((info, Problem(loc, path, args)))

    def run(self, text: str) -> Composed:
        try:
            for event in yaml.parse(text, Loader=_PARSER):
                self.on_event(event)
        except _Stop:
            pass
        except yaml.YAMLError as error:
            self.out.problems.append((codes.YAML_SYNTAX, self.syntax_problem(error, text)))
        return self.out

    def syntax_problem(self, error: yaml.YAMLError, text: str) -> Problem:
        """A YAMLError as a problem at the position PyYAML reports."""
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            line, column = mark.line + 1, mark.column + 1
        else:  # a ReaderError knows only the character offset
            line, column = position_after(text[: getattr(error, "position", 0)])
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context, context_mark = (
            getattr(error, "context", None),
            getattr(error, "context_mark", None),
        )
        if context and context_mark is not None:
            problem = f"{problem} ({context} at line {context_mark.line + 1})"
        return Problem(Location(self.smap.file, line, column), "", {"problem": problem})

    def on_event(self, event: yaml.Event) -> None:
        mark = event.start_mark
        assert mark is not None  # the parser marks every event it produces
        line, column = mark.line + 1, mark.column + 1
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(codes.YAML_MULTIPLE_DOCUMENTS, line, column)
                raise _Stop
        elif isinstance(event, yaml.AliasEvent):
            self.problem(codes.YAML_ALIAS, line, column)
            raise _Stop
        elif isinstance(event, yaml.ScalarEvent):
            self.check_node(event, line, column)
            self.on_scalar(event, line, column)
        elif isinstance(event, yaml.CollectionStartEvent):
            self.check_node(event, line, column)
            is_map = isinstance(event, yaml.MappingStartEvent)
            self.open(({} if is_map else []), line, column)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.stack.pop()

    def check_node(self, event: yaml.NodeEvent, line: int, column: int) -> None:
        if event.anchor is not None:
            self.problem(codes.YAML_ALIAS, line, column)
            raise _Stop
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":  # "!" only marks a quoted scalar as non-plain
            self.problem(codes.YAML_TAG, line, column, tag=tag.replace("tag:yaml.org,2002:", "!!"))
            raise _Stop

    def open(self, container: dict[str, Any] | list[Any], line: int, column: int) -> None:
        self.out.empty = False
        if not self.stack:
            self.out.data = container
            self.stack.append(_Frame(container, ()))
            return
        if len(self.stack) >= MAX_DEPTH:
            self.problem(codes.YAML_TOO_DEEP, line, column, limit=MAX_DEPTH)
            raise _Stop
        parent = self.stack[-1]
        if isinstance(parent.container, dict) and parent.key is None:
            self.problem(codes.YAML_COMPLEX_KEY, line, column)
            raise _Stop
        path = self.attach(parent, container)
        self.smap.add_node(path, line, column)
        self.stack.append(_Frame(container, path))

    def attach(self, parent: _Frame, value: Any) -> DataPath:
        """Store `value` in the parent container; return its data path."""
        if isinstance(parent.container, list):
            parent.container.append(value)
            return (*parent.path, len(parent.container) - 1)
        assert parent.key is not None
        key, parent.key = parent.key, None
        if parent.skip_value:
            # Positions of a dropped duplicate go under a path no lookup uses, so that they
            # cannot overwrite those of the first occurrence.
            parent.skip_value = False
            return (*parent.path, _DROPPED, key)
        parent.container[key] = value
        return (*parent.path, key)

    def on_scalar(self, event: yaml.ScalarEvent, line: int, column: int) -> None:
        self.out.empty = False
        plain = event.implicit[0]
        value = resolve_plain(event.value) if plain else event.value
        if not self.stack:
            self.out.data = value
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
            self.smap.item_list(frame.path).append(pack(line, column))
        elif frame.key is None:
            self.on_key(frame, event.value, line, column)
        else:
            self.smap.add_node(self.attach(frame, value), line, column)

    def on_key(self, frame: _Frame, key: str, line: int, column: int) -> None:
        assert isinstance(frame.container, dict)
        path = (*frame.path, key)
        first = self.smap.key(path)
        if first is not None:
            self.problem(codes.DUPLICATE_KEY, line, column, key=key, first_line=first[0])
            # Keep the first value and drop this one, so that one mistake gives one finding.
            frame.key, frame.skip_value = key, True
            return
        self.smap.add_key(path, line, column)
        frame.key = key


def compose(text: str, file: str) -> Composed:
    """Plain data, positions and YAML-level problems of one document."""
    return _Composer(file).run(text)
