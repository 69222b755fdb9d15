"""Build plain Python data and a source map straight from PyYAML's parse events.

PyYAML's own loaders first build a node graph, then construct objects from it, and resolve
scalars by YAML 1.1 rules; both cost time on large plans and neither keeps positions. Walking
the event stream once with an explicit stack gives plain data (dict, list, str, Decimal, bool,
None), positions, and safety by construction: no tag is ever turned into an object and no
alias is ever expanded.

The loop is the hot path of a million-cell plan (one event per cell), so it is written for
speed: the parser's get_event is called directly, events are told apart by class identity, and
the scalar items of sequences (table cells) get no position here at all: the source map finds
them again from their sequence's position only when a finding needs one. What PyYAML's
syntax errors say, and where, is read in planchk.loader.syntax.

Over the 300 lines modules aim for: one composer, whose hot loop and the handlers of its rarer
events (collection starts, keys, refusals) share its state (the stack, the source map, the
spellings of keys) as attributes read into local names; spread over modules, that state would
be passed on every event of a million-cell plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import yaml

from planchk.codes import input as codes
from planchk.escape import visible
from planchk.findings import Location, Problem
from planchk.loader.rows import MARK, NAMES, RUN, Run, prelex
from planchk.loader.scalars import number_cache, resolve_plain
from planchk.loader.sourcemap import COLUMN_BITS, KEY_SHIFT, DataPath, Member, SourceMap, unpack
from planchk.loader.syntax import syntax_problem
from planchk.plan.names import all_own_forms, how_they_differ, lookalike_form
from planchk.registry import CodeInfo

# libyaml's C parser when PyYAML was built with it; the pure-Python parser otherwise.
_PARSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 32
_DROPPED = "\x00dropped"

_SCALAR = yaml.ScalarEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_MAPPING_START = yaml.MappingStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_END = (_SEQUENCE_END, yaml.MappingEndEvent)


@dataclass
class Composed:
    data: Any = None
    sourcemap: SourceMap = field(default_factory=lambda: SourceMap(""))
    problems: list[tuple[CodeInfo, Problem]] = field(default_factory=list)
    empty: bool = True
    # Problems of a code past the first `limit` + 1 (loader.capped leaves them out, the first
    # of them giving its PC903 a place), counted only: code -> how many more.
    more: dict[str, int] = field(default_factory=dict)


class _Stop(Exception):
    """Raised to end composition after a problem that makes the rest meaningless."""


class _Frame:
    """An open mapping or sequence."""

    __slots__ = ("container", "flow", "is_list", "key", "members", "path", "skip_value")

    def __init__(
        self,
        container: dict[str, Any] | list[Any],
        path: DataPath,
        members: dict[Member, int] | None = None,
    ) -> None:
        self.container = container
        self.is_list = container.__class__ is list
        self.path = path
        # The source map's positions of this container's members: a mapping's from its start
        # (its keys are looked up there), a sequence's from its first nested node (a table
        # row holds none: no dict for it).
        self.members = members
        self.key: str | None = None  # the pending key of a mapping, waiting for its value
        self.skip_value = False  # the pending key was a duplicate: parse its value, drop it
        self.flow = False  # a flow mapping ({...}): no rows run in it (rows.Run)


class _Composer:
    def __init__(self, file: str, text: str, limit: int = 0) -> None:
        self.out = Composed(sourcemap=SourceMap(file, text))
        self.limit = limit  # of the problems of a code made (0: all), see counted()
        self.made: dict[str, int] = {}
        self.rows: Iterator[list[Any]] = iter(())  # values of the rows set aside (rows.py)
        self.names: Iterator[list[str]] = iter(())  # the lists of names set aside
        self.runs: Iterator[Run] = iter(())  # the rows run together (rows.Run)
        self.leading: Run | None = None  # the run whose first row is being stored
        self.short = False  # a tagged sequence came with no row left to give it
        self.quick = False  # rows were set aside (rows.py): their placeholder tags are ours
        # The first spelling of each look-alike form (plan.names) that is not its own form:
        # a key that is its own form is in `keys` under that form.
        self.spellings: dict[tuple[DataPath, str], str] = {}
        # Each distinct name's look-alike form, worked out once: a plan repeats its names. A
        # dict: functools.lru_cache's wrapper cost a third of a microsecond a key, 3% of a load.
        # A name that is its own form maps to the first string of it, which every later key
        # or sequence item of that name becomes: an area named in `areas` and keying a row in
        # each table is one object, kept as such by the models (a copy per mention cost 76
        # bytes, twice per area of a 600,000-row plan).
        self.forms: dict[str, str] = {}
        self.smap = self.out.sourcemap
        self.members = self.smap.members  # written in the hot loop
        self.out.empty = True
        # _Frame for mappings and sequences; (row, path) for a table row, for speed.
        self.stack: list[Any] = []
        self.documents = 0

    def counted(self, info: CodeInfo) -> bool:
        """Whether a problem of `info`'s code is past what the file's cap shows (its first
        `limit` and the first left out): then it is counted, not made (its arguments and
        path: 300,000 keys typed twice were a third of composing)."""
        made = self.made[info.code] = self.made.get(info.code, 0) + 1
        if self.limit <= 0 or made <= self.limit + 1:
            return False
        self.out.more[info.code] = self.out.more.get(info.code, 0) + 1
        return True

    def problem(self, info: CodeInfo, line: int, column: int, **args: Any) -> None:
        loc = Location(self.smap.file, line, column)
        top = self.stack[-1] if self.stack else None
        path = ".".join(map(str, _path_of(top))) if top is not None else ""
        self.out.problems.append((info, Problem(loc, path, args)))

    def run(self, text: str, quick_rows: bool = True) -> Composed:
        prelexed = prelex(text) if quick_rows else None
        if prelexed is not None:
            self.rows, self.names = iter(prelexed.rows), iter(prelexed.names)
            self.runs = iter(prelexed.runs)
            # Only a tag this composer put there is a row set aside; one a user wrote is a tag
            # like any other (PC006), whatever it is named.
            self.quick = True
        parser = _PARSER(text if prelexed is None else prelexed.text)
        try:
            self.loop(parser.get_event)
        except _Stop:
            pass
        except yaml.YAMLError as error:
            problem = syntax_problem(error, text, self.smap.file)
            self.out.problems.append((codes.YAML_SYNTAX, problem))
        finally:
            parser.dispose()
        unclaimed = any(next(left, None) is not None for left in (self.rows, self.names, self.runs))
        if prelexed is not None and (self.short or unclaimed or self.out.problems):
            # A row the parser did not see as a sequence, or a problem to report: the
            # original text decides (see rows.py). What this pass holds goes first (a plan
            # of 300,000 keys typed twice held two documents and their problems at once).
            del prelexed
            self.release()
            return _Composer(self.smap.file, text, self.limit).run(text, quick_rows=False)
        return self.out

    def release(self) -> None:
        """Let go of the document, positions, problems and names this pass made."""
        self.smap.members.clear()  # the source map's own cache keeps it until a collection
        self.out = Composed()
        self.rows, self.names, self.runs = iter(()), iter(()), iter(())
        self.forms.clear()
        self.spellings.clear()
        self.stack.clear()

    def claim(self) -> list[Any]:
        """The values of the next row set aside, for a sequence tagged in its place."""
        row = next(self.rows, None)
        if row is None:
            self.short = True
            return []
        return row

    def claim_names(self) -> list[Any]:
        """The next list of names set aside, each name the one string of it that `named`
        gives: at C speed when every name is its own form (nearly always)."""
        names = next(self.names, None)
        if names is None:
            self.short = True
            return []
        if all_own_forms(names):  # each is its form: the one string is the first stored
            return list(map(self.forms.setdefault, names, names))
        return list(map(self.named, names))

    def claimer(self, tag: str | None) -> Callable[[], list[Any]] | None:
        """How to claim what a sequence tagged `tag` stands for; None if no tag of ours."""
        if tag == MARK:
            return self.claim
        return self.claim_names if tag == NAMES else self.claim_run if tag == RUN else None

    def claim_run(self) -> list[Any]:
        """The values of the first row of the next run (rows.Run), which `extend` continues."""
        self.leading = next(self.runs, None)
        if self.leading is None:
            self.short = True
            return []
        return self.leading.rows[0]

    def extend(self, parent: _Frame) -> None:
        """The rows run together after a RUN row (rows.Run), stored in its mapping as the
        parser would have: values, places of keys and values, each name one string. The
        original text is parsed instead where a key needs a look (a duplicate, a look-alike)."""
        run, self.leading = self.leading, None
        members = parent.members
        if run is None or members is None or parent.flow or self.spellings:
            self.short = True
            return
        keys, container = run.keys.split(":")[1:-1], parent.container
        alone = len(set(keys)) == len(keys) and members.keys().isdisjoint(keys)
        if not alone or not all_own_forms(keys) or not isinstance(container, dict):
            self.short = True
            return
        keys = list(map(self.forms.setdefault, keys, keys))
        container.update(zip(keys, islice(run.rows, 1, None), strict=True))
        lines = range(run.line + 1, run.line + 1 + len(keys))
        at = run.key_column
        places = [
            ((((line << COLUMN_BITS) | at) << KEY_SHIFT) | (line << COLUMN_BITS) | (length + 1))
            for line, length in zip(lines, islice(run.columns, 1, None), strict=True)
        ]
        members.update(zip(keys, places, strict=True))
        # The run's rows and places go now, not with the whole text (memory at the peak).
        run.keys, run.rows, run.columns = "", [], []

    def loop(self, get_event: Any) -> None:
        stack, spellings, forms = self.stack, self.spellings, self.forms
        resolve, cached = resolve_plain, number_cache.get
        quick = self.quick
        append = None  # the open sequence's append while the innermost node is a sequence
        while True:
            event = get_event()
            kind = event.__class__
            if kind is _SCALAR:
                if append is not None:  # the hot path: a table cell
                    text = event.value
                    if event.implicit[0] and event.anchor is None:  # plain, untagged
                        value = cached(text) or resolve(text)
                    else:
                        value = self.scalar_value(event)
                    append(self.named(value) if value.__class__ is str else value)
                    continue
                frame = stack[-1] if stack else None
                # The next hot path: a plain key (keys are text; nothing to resolve).
                # A key that is its own look-alike form (nearly every key) has another
                # spelling only in `spellings`, empty in nearly every plan (`forms`: why form).
                if frame is not None and frame.key is None and event.implicit[0]:
                    name = event.value
                    members = frame.members
                    if (
                        name not in members
                        and (form := forms.get(name) or self.form(name)) == name
                        and (not spellings or (frame.path, name) not in spellings)
                        and event.anchor is None
                    ):
                        mark = event.start_mark
                        packed = ((mark.line + 1) << COLUMN_BITS) | (mark.column + 1)
                        members[form] = packed << KEY_SHIFT
                        frame.key = form
                        continue
                self.on_scalar(event, self.scalar_value(event), frame)
                continue
            if kind in _END:
                stack.pop()
            elif kind is _SEQUENCE_START and quick and event.tag and self.quick_row(event):
                # A row set aside: its placeholder is empty, so its end comes next.
                if get_event().__class__ is not _SEQUENCE_END:
                    self.short = True
                continue
            elif kind is _SEQUENCE_START and self.row_start(event):
                append = stack[-1][0].append
                continue
            elif self.on_other(event, kind):
                return
            append = _append_of(stack[-1]) if stack else None

    def scalar_value(self, event: Any) -> Any:
        """A scalar's value: plain ones resolved, quoted ones text, tagged ones refused."""
        if event.anchor is not None:
            self.refuse(event)
        if event.implicit[0]:
            return resolve_plain(event.value)
        if event.implicit[1]:
            return event.value
        return self.refuse(event)

    def quick_row(self, event: Any) -> bool:
        """A row or list set aside (rows.py) as a mapping's value: stored in one step."""
        claim = self.claimer(event.tag)
        if claim is None or self.store_row(event, claim) is None:
            return False
        if event.tag == RUN:
            self.extend(self.stack[-1])
        return True

    def row_start(self, event: Any) -> bool:
        """Open a sequence that is a mapping's value (a table row) the quick way, if it is one."""
        if event.tag is not None:
            return False
        stored = self.store_row(event, list)
        if stored is None:
            return False
        self.stack.append(stored)  # a light frame; open() makes it a _Frame if a node nests
        return True

    def store_row(
        self, event: Any, make: Callable[[], list[Any]]
    ) -> tuple[list[Any], DataPath] | None:
        """A sequence starting as the value of the open mapping's pending key: stored there
        with its position; None when it is anything else (open() handles those)."""
        stack = self.stack
        if not stack or event.anchor is not None or len(stack) >= MAX_DEPTH:
            return None
        parent = stack[-1]
        if parent.__class__ is tuple or parent.key is None or parent.skip_value:
            return None  # an item of a sequence, or a dropped duplicate
        key, parent.key = parent.key, None
        row = parent.container[key] = make()
        mark = event.start_mark
        members = parent.members
        members[key] = members.get(key, 0) | ((mark.line + 1) << COLUMN_BITS) | (mark.column + 1)
        return row, (*parent.path, key)

    def on_other(self, event: Any, kind: type) -> bool:
        """Collection starts and document-level events; True at the end of the stream."""
        claim = self.claimer(event.tag) if kind is _SEQUENCE_START and self.quick else None
        if claim is not None and event.anchor is None:
            self.short |= event.tag == RUN  # its run has no mapping here: parse the original
            self.open(claim(), event)
        elif kind is _SEQUENCE_START or kind is _MAPPING_START:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                self.refuse(event)
            self.open({} if kind is _MAPPING_START else [], event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.problem(codes.YAML_MULTIPLE_DOCUMENTS, *_position(event))
                raise _Stop
        elif kind is yaml.AliasEvent:
            self.problem(codes.YAML_ALIAS, *_position(event))
            raise _Stop
        return kind is yaml.StreamEndEvent

    def refuse(self, event: Any) -> str:
        """Stop at an anchor or a tag (a quoted scalar's "!" is no tag anyone wrote)."""
        if event.anchor is not None:
            self.problem(codes.YAML_ALIAS, *_position(event))
            raise _Stop
        tag = event.tag
        if tag is None or tag == "!":
            return str(event.value)
        self.problem(codes.YAML_TAG, *_position(event), tag=tag.replace("tag:yaml.org,2002:", "!!"))
        raise _Stop

    def open(self, container: dict[str, Any] | list[Any], event: Any) -> None:
        self.out.empty = False
        stack = self.stack
        if not stack:
            self.out.data = container
            stack.append(self.frame(container, (), event))
            return
        mark = event.start_mark
        if len(stack) >= MAX_DEPTH:
            self.problem(codes.YAML_TOO_DEEP, mark.line + 1, mark.column + 1, limit=MAX_DEPTH)
            raise _Stop
        parent = stack[-1]
        if parent.__class__ is tuple:  # a row that turns out to hold a nested node
            parent = stack[-1] = _Frame(*parent)
        if not parent.is_list and parent.key is None:
            self.problem(codes.YAML_COMPLEX_KEY, mark.line + 1, mark.column + 1)
            raise _Stop
        path = self.attach(parent, container)
        self.record(parent, path, ((mark.line + 1) << COLUMN_BITS) | (mark.column + 1))
        stack.append(self.frame(container, path, event))

    def frame(self, container: dict[str, Any] | list[Any], path: DataPath, event: Any) -> _Frame:
        """A frame for a container opening at `path`; a mapping's members get their dict."""
        if container.__class__ is list:
            return _Frame(container, path)
        frame = _Frame(container, path, self.members.setdefault(path, {}))
        frame.flow = bool(event.flow_style)
        return frame

    def record(self, parent: _Frame, path: DataPath, packed: int) -> None:
        """The position of the value just attached at `path` (attach's answer) under `parent`,
        beside its key's if it has one."""
        member: Member = path[-1]
        members = parent.members
        if members is None or len(path) != len(parent.path) + 1:
            # A sequence's first nested node, or the value of a dropped duplicate
            members = self.members.setdefault(path[:-1], {})
            if len(path) == len(parent.path) + 1:
                parent.members = members
        members[member] = members.get(member, 0) | packed

    def attach(self, parent: _Frame, value: Any) -> DataPath:
        """Store `value` in the parent container; return its data path."""
        container = parent.container
        if isinstance(container, list):
            container.append(value)
            return (*parent.path, len(container) - 1)
        key, parent.key = parent.key, None
        assert key is not None
        if parent.skip_value:
            # Positions of a dropped duplicate go under a path no lookup uses, so that they
            # cannot overwrite those of the first occurrence.
            parent.skip_value = False
            return (*parent.path, _DROPPED, key)
        container[key] = value
        return (*parent.path, key)

    def on_scalar(self, event: Any, value: Any, frame: _Frame | None) -> None:
        """A scalar that is not a sequence item: a document, a key or a mapping value."""
        self.out.empty = False
        mark = event.start_mark
        packed = ((mark.line + 1) << COLUMN_BITS) | (mark.column + 1)
        if frame is None:
            self.out.data = value
        elif frame.key is not None:
            self.record(frame, self.attach(frame, value), packed)
        else:
            members = frame.members
            assert members is not None  # a key: its frame is a mapping's
            first = members.get(event.value)
            other = self.other_spelling(frame, event.value)
            if first is None and other is None:
                members[event.value] = packed << KEY_SHIFT
                frame.key = event.value
            elif first is None and other is not None:
                frame.key, frame.skip_value = event.value, True
                if self.counted(codes.LOOKALIKE_KEY):
                    return
                line, column = unpack(packed)
                first_line = unpack((members.get(other, 0) >> KEY_SHIFT) or packed)[0]
                self.problem(
                    codes.LOOKALIKE_KEY, line, column, key=visible(event.value),
                    first=visible(other), first_line=first_line,
                    difference=how_they_differ(other, event.value),
                )  # fmt: skip
            else:
                assert first is not None
                # Keep the first value and drop this one: one mistake gives one finding.
                frame.key, frame.skip_value = event.value, True
                if self.counted(codes.DUPLICATE_KEY):
                    return
                line, column = unpack(packed)
                self.problem(
                    codes.DUPLICATE_KEY, line, column, key=visible(event.value),
                    first_line=unpack(first >> KEY_SHIFT)[0],
                )  # fmt: skip

    def form(self, name: str) -> str:
        """The look-alike form of a key (plan.names), remembered for the next time."""
        form = self.forms[name] = lookalike_form(name)  # `name` itself when it is its form
        return form

    def named(self, text: str) -> str:
        """A text item of a sequence (a part's name, most likely): the one string of its name
        when it is its own look-alike form, else the text as it is."""
        form = self.forms.get(text) or self.form(text)
        return form if form == text else text

    def other_spelling(self, frame: _Frame, name: str) -> str | None:
        """An earlier key of `mapping` that looks like `name` but is spelt otherwise; `name`
        is recorded as the first of its form's spellings when it is the first.

        A key that is its own form is found in `keys` under that form; only the others (a
        full-width letter, a trailing space: rare) are kept in `spellings`."""
        form = self.forms.get(name) or self.form(name)
        spot = (frame.path, form)
        other = self.spellings.get(spot)
        if other is None and form != name:
            if form in (frame.members or ()):
                return form
            self.spellings[spot] = name
        return other if other != name else None


def _append_of(frame: Any) -> Any:
    """The append of the frame's list, or None for a mapping."""
    if frame.__class__ is tuple:
        return frame[0].append
    return frame.container.append if frame.is_list else None


def _path_of(frame: Any) -> DataPath:
    return frame[1] if frame.__class__ is tuple else frame.path  # type: ignore[no-any-return]


def _position(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def compose(text: str, file: str, quick_rows: bool = True, limit: int = 0) -> Composed:
    """Plain data, positions and YAML-level problems of one document.

    `quick_rows=False` lets the parser read every number (tests compare the two ways).
    `limit`: of the problems of one code, make the first `limit` + 1 and count the rest in
    `Composed.more` (loader.capped shows `limit`; 0: make all).
    """
    return _Composer(file, text, limit).run(text, quick_rows)
