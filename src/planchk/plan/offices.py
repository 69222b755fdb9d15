"""Offices, their aliases and the group names that stand for several of them.

The main text and the annex name offices differently (洪都街道 / 洪都街办) and by groups
(各街办、镇、集聚区; 区直各有关单位, an open set). Comparing their lists means resolving every
name to an office or a group, and asking whether one list covers each item of the other. A list
that ends with 等 (县发改局、县财政局等, written with `等` as its last name) does not name every
office: it covers any office, and asks nothing of the other list.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from planchk.models.tasks import TasksFile
from planchk.plan.hierarchy import Hierarchy

ETC = "等"  # the last name of a list that is open: 县发改局、县财政局等 → [县发改局, 县财政局, 等]


@dataclass(frozen=True)
class Coverage:
    """What a list of office names stands for."""

    offices: frozenset[str]  # canonical offices named or reached through closed groups
    groups: frozenset[str]  # group names used as such
    open_kinds: frozenset[str]  # any office of these kinds belongs to an open group listed
    etc: bool = False  # the list ends with 等: any office may be among the others

    def covers_office(self, office: str, kind: str) -> bool:
        return self.etc or office in self.offices or kind in self.open_kinds


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
        return name == ETC or name in self.groups or self.office(name) is not None

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

    def coverage(self, names: Collection[str]) -> Coverage:
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
        etc = ETC in names
        return Coverage(frozenset(offices), frozenset(groups), frozenset(kinds), etc)

    def covers(self, coverage: Coverage, name: str) -> bool:
        """Whether a list with this coverage includes the office or group `name`; the 等 of
        an open list is no office the other list must name."""
        if name == ETC or coverage.etc:
            return True
        if name in self.groups:
            if name in coverage.groups:
                return True
            offices, kinds = self.members(name)
            closed = all(coverage.covers_office(o, self.kinds[o]) for o in offices)
            return closed and kinds <= coverage.open_kinds
        office = self.office(name)
        return office is None or coverage.covers_office(office, self.kinds[office])
