"""The area hierarchy of a plan: which parts add up to which total, at any depth.

Built leniently from whatever the file declares, so that rules can report every structural
problem (two parents, a cycle, an alias to nowhere) instead of the first one stopping the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Hierarchy:
    parts: Mapping[str, Sequence[str]]  # parent -> parts, as declared
    parent: Mapping[str, str]  # part -> its first declared parent
    aliases: Mapping[str, str]  # alias -> area, as declared
    areas: frozenset[str] = field(default=frozenset())
    # 其中 rows: whole -> the rows that are part of it (not areas of the tree, never summed)
    of_which: Mapping[str, Sequence[str]] = field(default_factory=dict)
    known: frozenset[str] = field(default=frozenset())  # areas and 其中 rows

    @classmethod
    def build(
        cls,
        parts: Mapping[str, Sequence[str]],
        aliases: Mapping[str, str],
        of_which: Mapping[str, Sequence[str]] | None = None,
    ) -> Hierarchy:
        parent: dict[str, str] = {}
        for name, children in parts.items():
            for child in children:
                parent.setdefault(child, name)
        areas = frozenset(parts) | frozenset(parent)
        of_which = of_which or {}
        known = areas.union(*of_which.values()) if of_which else areas
        return cls(parts, parent, aliases, areas, of_which, known)

    @property
    def roots(self) -> list[str]:
        """Areas that are no one's part: the top of each tree, in declaration order."""
        return [name for name in self.parts if name not in self.parent]

    def canonical(self, name: str) -> str | None:
        """The area a name stands for (itself or through one alias), or None if unknown."""
        if name in self.known:
            return name
        target = self.aliases.get(name)
        return target if target in self.areas else None

    def ancestors(self, name: str) -> Iterator[str]:
        seen = {name}
        while (name := self.parent.get(name, "")) and name not in seen:
            seen.add(name)
            yield name

    def cycles(self) -> list[list[str]]:
        """Each cycle of the declared parts (a total that is its own part), once."""
        found: list[list[str]] = []
        reported: set[frozenset[str]] = set()
        state: dict[str, int] = {}  # 1 while on the current path, 2 when finished
        # A cycle passes only through areas that have parts: the others are skipped at C
        # speed (one total of 600,000 parts was a Python step per part).
        inner = self.parts.__contains__
        for start in self.parts:
            if start in state:
                continue
            path, pending = [start], [filter(inner, self.parts[start])]
            state[start] = 1
            while pending:
                child = next(pending[-1], None)
                if child is None:
                    state[path.pop()] = 2
                    pending.pop()
                elif state.get(child) == 1:
                    cycle = path[path.index(child) :]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        found.append(cycle)
                elif child not in state:
                    state[child] = 1
                    path.append(child)
                    pending.append(filter(inner, self.parts.get(child, ())))
        return found

    @cached_property
    def depths(self) -> dict[str, int]:
        """How many ancestors each area has, for all areas in one pass (a 20,000-level tree
        asked area by area would walk 2 * 10^8 parents)."""
        depths: dict[str, int] = {}
        for name in self.depth_first:  # a parent before its parts
            parent = self.parent.get(name)
            known = depths.get(parent) if parent is not None else -1
            depths[name] = known + 1 if known is not None else len(list(self.ancestors(name)))
        return depths

    @cached_property
    def tops(self) -> dict[str, str]:
        """Each area under a top area (and each top area) -> that top area; areas reachable
        only through a cycle have none."""
        found: dict[str, str] = {}
        for root in self.roots:
            stack = [root]
            while stack:
                name = stack.pop()
                if name not in found:
                    found[name] = root
                    stack.extend(self.parts.get(name, ()))
        return found

    @cached_property
    def depth_first(self) -> list[str]:
        """Every area, parents before their parts, each once."""
        order: list[str] = []
        seen: set[str] = set()
        stack = list(reversed(self.roots))
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            order.append(name)
            stack.extend(reversed(self.parts.get(name, ())))
        order.extend(sorted(self.areas - seen))  # areas only reachable through a cycle
        return order
