"""Offices, their aliases and the group names that stand for several of them.

The main text and the annex name offices differently (洪都街道 / 洪都街办) and by groups
(各街办、镇、集聚区; 区直各有关单位, an open set). Comparing their lists means resolving every
name to an office or a group, and asking whether one list covers each item of the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planchk.models.tasks import TasksFile
from planchk.plan.hierarchy import Hierarchy


@dataclass(frozen=True)
class Coverage:
    """What a list of office names stands for."""

    offices: frozenset[str]  # canonical offices named or reached through closed groups
    groups: frozenset[str]  # group names used as such
    open_kinds: frozenset[str]  # any office of these kinds belongs to an open group listed

    def covers_office(self, office: str, kind: str) -> bool:
        return office in self.offices or kind in self.open_kinds


class OfficeRegistry:
    def __init__(self, tasks: TasksFile, hierarchy: Hierarchy | None) -> None:
        self.groups = tasks.groups
        self.hierarchy = hierarchy
        self.kinds: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        if hierarchy is not None:
            self.kinds.update((area, "area") for area in hierarchy.areas)
            self.aliases.update(
                (alias, area)
                for alias, area in hierarchy.aliases.items()
                if area in hierarchy.areas
            )
        for name, office in tasks.offices.items():
            self.kinds[name] = office.kind
            self.aliases.update((alias, name) for alias in office.aliases)

    def office(self, name: str) -> str | None:
        """The canonical office a name stands for, or None (a group, or unknown)."""
        if name in self.kinds:
            return name
        return self.aliases.get(name)

    def known(self, name: str) -> bool:
        return name in self.groups or self.office(name) is not None

    def members(self, group: str) -> tuple[set[str], set[str]]:
        """Offices and open kinds a group stands for, following nested groups once each."""
        offices: set[str] = set()
        kinds: set[str] = set()
        pending, seen = [group], set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            spec = self.groups[name]
            if spec.open:
                kinds.update(spec.kinds)
            if spec.areas_under and self.hierarchy is not None:
                root = self.hierarchy.canonical(spec.areas_under)
                offices.update(self.hierarchy.parts.get(root or "", ()))
            for member in spec.members:
                if member in self.groups:
                    pending.append(member)
                elif (office := self.office(member)) is not None:
                    offices.add(office)
        return offices, kinds

    def coverage(self, names: Iterable[str]) -> Coverage:
        offices: set[str] = set()
        groups: set[str] = set()
        kinds: set[str] = set()
        for name in names:
            if name in self.groups:
                groups.add(name)
                more_offices, more_kinds = self.members(name)
                offices |= more_offices
                kinds |= more_kinds
            elif (office := self.office(name)) is not None:
                offices.add(office)
        return Coverage(frozenset(offices), frozenset(groups), frozenset(kinds))

    def covers(self, coverage: Coverage, name: str) -> bool:
        """Whether a list with this coverage includes the office or group `name`."""
        if name in self.groups:
            if name in coverage.groups:
                return True
            offices, kinds = self.members(name)
            closed = all(coverage.covers_office(o, self.kinds[o]) for o in offices)
            return closed and kinds <= coverage.open_kinds
        office = self.office(name)
        return office is None or coverage.covers_office(office, self.kinds[office])
