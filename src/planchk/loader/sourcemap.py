"""Where each value of a loaded file came from: data path -> 1-based line and column.

A plan of a million cells has a million scalars, most of them items of short flow sequences
(one row of a table). Storing a tuple key per cell would cost more than the data itself, so
scalar items of a sequence are kept as one packed int each in a list per sequence.
"""

from __future__ import annotations

from collections.abc import Sequence

DataPath = tuple[str | int, ...]

_COLUMN_BITS = 20
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def pack(line: int, column: int) -> int:
    return (line << _COLUMN_BITS) | min(column, _COLUMN_MASK)


def unpack(packed: int) -> tuple[int, int]:
    return packed >> _COLUMN_BITS, packed & _COLUMN_MASK


class SourceMap:
    """Positions of the nodes and keys of one YAML document."""

    __slots__ = ("_items", "_keys", "_nodes", "file")

    def __init__(self, file: str) -> None:
        self.file = file
        self._nodes: dict[DataPath, int] = {(): pack(1, 1)}
        self._keys: dict[DataPath, int] = {}
        self._items: dict[DataPath, list[int]] = {}

    def add_node(self, path: DataPath, line: int, column: int) -> None:
        self._nodes[path] = pack(line, column)

    def add_key(self, path: DataPath, line: int, column: int) -> None:
        self._keys[path] = pack(line, column)

    def item_list(self, sequence_path: DataPath) -> list[int]:
        """The list that holds the packed positions of a sequence's scalar items, in order."""
        return self._items.setdefault(sequence_path, [])

    def node(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the value at `path`, or None when the path is not in the document."""
        key = tuple(path)
        packed = self._nodes.get(key)
        if packed is not None:
            return unpack(packed)
        if key and isinstance(key[-1], int):
            items = self._items.get(key[:-1])
            if items is not None and 0 <= key[-1] < len(items):
                return unpack(items[key[-1]])
        return None

    def key(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the mapping key that introduces `path`, if it is a mapping entry."""
        packed = self._keys.get(tuple(path))
        return None if packed is None else unpack(packed)

    def nearest(self, path: Sequence[str | int]) -> tuple[int, int]:
        """Position of `path` or of its closest ancestor present in the document."""
        probe = tuple(path)
        while probe:
            found = self.node(probe) or self.key(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        return 1, 1


def position_after(prefix: str) -> tuple[int, int]:
    """1-based line and column of the character just after `prefix`."""
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1
