"""Where each value of a loaded file came from: data path -> 1-based line and column.

Mappings, sequences, keys and mapping values get their position when the file is read. The
scalar items of sequences (the cells of a million-cell table) do not: recording a million
positions would cost more than the data. When a finding needs a cell's position, the map
re-parses just that sequence's text from its recorded start and reads its items' marks.

The positions are held per container, one int per member: a 600,000-row table costs one dict
entry and one int per row (the key text is the data's own string), where a data path tuple per
key and per value, in two dicts, cost four times as much (issue 17: memory of a large plan).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import yaml

DataPath = tuple[str | int, ...]
Member = str | int  # a mapping's key or a sequence's index

COLUMN_BITS = 20
_COLUMN_MASK = (1 << COLUMN_BITS) - 1
# A member's int holds its value's packed position in the low KEY_SHIFT bits and its key's
# above them (0: no key, a sequence item; a key whose value is still to come has value 0).
KEY_SHIFT = 64
VALUE_MASK = (1 << KEY_SHIFT) - 1
_PARSER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_State = tuple[str, str, dict[DataPath, dict[Member, int]]]


def pack(line: int, column: int) -> int:
    return (line << COLUMN_BITS) | min(column, _COLUMN_MASK)


def unpack(packed: int) -> tuple[int, int]:
    return packed >> COLUMN_BITS, packed & _COLUMN_MASK


class SourceMap:
    """Positions of the nodes and keys of one YAML document."""

    __slots__ = ("_items", "_line_starts", "file", "members", "text")

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text = text
        # Container path -> its members' packed positions (see KEY_SHIFT); the composer fills
        # them directly, for speed. The document itself is at 1:1.
        self.members: dict[DataPath, dict[Member, int]] = {}
        self._line_starts: array[int] | None = None
        self._items = lru_cache(maxsize=4096)(self._item_positions)

    def __getstate__(self) -> _State:
        # The cache of re-found items is a bound function: it is rebuilt, not pickled.
        return self.file, self.text, self.members

    def __setstate__(self, state: _State) -> None:
        self.__init__(state[0], state[1])  # type: ignore[misc]
        self.members = state[2]

    def _packed(self, path: DataPath) -> int:
        """The member int of `path` (0 when the document has no such member)."""
        members = self.members.get(path[:-1])
        return members.get(path[-1], 0) if members else 0

    def _value(self, path: DataPath) -> int:
        return self._packed(path) & VALUE_MASK if path else pack(1, 1)

    def node(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the value at `path`, or None when the path is not in the document."""
        key = tuple(path)
        packed = self._value(key)
        if packed:
            return unpack(packed)
        if key and isinstance(key[-1], int) and self._value(key[:-1]):
            items = self._items(key[:-1])
            if 0 <= key[-1] < len(items):
                return items[key[-1]]
        return None

    def row_item(self, packed: int, index: int) -> tuple[int, int] | None:
        """Position of item `index` of the sequence whose packed place is `packed`, when it is
        a one-line flow sequence of plain scalars (a table's row): what node() finds for an
        item without a place of its own, without its cache (a report of 600,000 findings
        asks once per row). None otherwise: node() parses the sequence."""
        if not packed:
            return None
        line, column = unpack(packed)
        simple = _simple_row(self.text, self._offset(line, column), column)
        if simple is None or not 0 <= index < len(simple):
            return None
        return line, simple[index]

    def key(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the mapping key that introduces `path`, if it is a mapping entry."""
        key = tuple(path)
        packed = self._packed(key) >> KEY_SHIFT if key else 0
        return unpack(packed) if packed else None

    def nearest(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Position of `path` or of its closest ancestor present in the document."""
        probe = tuple(path)
        while probe:
            found = self.node(probe) or self.key(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        return 1, 1

    def _item_positions(self, sequence: DataPath) -> tuple[tuple[int, int], ...]:
        """Positions of a sequence's items, read again from the text of the sequence."""
        line, column = unpack(self._value(sequence))
        start = self._offset(line, column)
        simple = _simple_row(self.text, start, column)
        if simple is not None:
            return tuple((line, item_column) for item_column in simple)
        window = 4096  # a row of a table fits; a longer sequence doubles it until it does
        while True:
            found, closed = _parse_items(" " * (column - 1) + self.text[start : start + window])
            if closed or start + window >= len(self.text):
                return tuple((line + item_line, item_column) for item_line, item_column in found)
            window *= 2

    def _offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and column."""
        if self._line_starts is None:
            # 8 bytes a line, where a list of ints takes 40; the ends of the line breaks at
            # C speed (a find() call a line took 0.3 s for 600,000 lines, this 0.08).
            breaks = map(re.Match.end, re.finditer("\n", self.text))
            self._line_starts = array("q", chain([0], breaks))
        return self._line_starts[line - 1] + column - 1


def position_after(prefix: str) -> tuple[int, int]:
    """1-based line and column of the character just after `prefix`."""
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


_NOT_SIMPLE = frozenset("'\"[]{}#&*!|>")


def _simple_row(text: str, start: int, column: int) -> list[int] | None:
    """Item columns of a one-line flow sequence of plain scalars, e.g. [300, 50, 53].

    Such rows are nearly every sequence of a large plan; splitting at commas finds their
    items in microseconds. Anything less plain (quotes, nesting, comments) returns None and
    is parsed.
    """
    if text[start : start + 1] != "[":
        return None
    end = text.find("]", start)
    newline = text.find("\n", start)
    if end < 0 or (0 <= newline < end):
        return None
    inner = text[start + 1 : end]
    if not _NOT_SIMPLE.isdisjoint(inner):
        return None
    columns: list[int] = []
    offset = column + 1
    for item in inner.split(","):
        stripped = item.lstrip(" ")
        if not stripped.strip():
            return None if columns or inner.strip() else []
        columns.append(offset + len(item) - len(stripped))
        offset += len(item) + 1
    return columns


def _parse_items(snippet: str) -> tuple[list[tuple[int, int]], bool]:
    """The (line offset, 1-based column) of each item of the sequence the snippet starts with,
    and whether the snippet reached the sequence's end.

    The snippet is padded back to the sequence's column, which keeps a block sequence's
    indentation valid; what follows the sequence may not parse on its own, and need not.
    """
    found: list[tuple[int, int]] = []
    depth = 0
    parser = _PARSER(snippet)
    try:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return found, False
            if depth == 1 and isinstance(event, yaml.NodeEvent) and event.start_mark:
                found.append((event.start_mark.line, event.start_mark.column + 1))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if depth == 0:
                    return found, True
    except yaml.YAMLError:
        return found, False
    finally:
        parser.dispose()
