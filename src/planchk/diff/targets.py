"""Compare two targets files: plan metadata, hierarchy, aliases, indicators, cells, goals."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from planchk.diff.changes import Change
from planchk.diff.values import compare_indicator
from planchk.models import TargetsFile
from planchk.plan.hierarchy import Hierarchy
from planchk.plan.units import Unit, UnitTable

GOAL_FIELDS = ("text", "indicator", "area", "year", "period", "op", "value", "unit")
PLAN_FIELDS = ("title", "document_number", "issuer", "issued", "period")


def compare_targets(old: TargetsFile, new: TargetsFile) -> Iterator[Change]:
    yield from _plan(old, new)
    yield from _areas(old.areas, new.areas)
    yield from _mapping("aliases", "alias", old.aliases, new.aliases)
    yield from _units(old, new)
    units_old, units_new = _unit_table(old), _unit_table(new)
    hierarchy_new = Hierarchy.build(new.areas, new.aliases)
    hierarchy_old = Hierarchy.build(old.areas, old.aliases)
    for ind_id in _union(old.indicators, new.indicators):
        before, after = old.indicators.get(ind_id), new.indicators.get(ind_id)
        path = f"indicators.{ind_id}"
        if before is None and after is not None:
            yield Change("indicator-added", path, _indicator_args(ind_id, after.name, after.values))
        elif after is None and before is not None:
            yield Change(
                "indicator-removed", path, _indicator_args(ind_id, before.name, before.values)
            )
        elif before is not None and after is not None:
            yield from compare_indicator(
                ind_id, before, after, (hierarchy_old, hierarchy_new), (units_old, units_new)
            )
    yield from _goals(old, new)


def _plan(old: TargetsFile, new: TargetsFile) -> Iterator[Change]:
    for name in PLAN_FIELDS:
        before, after = getattr(old.plan, name), getattr(new.plan, name)
        if before != after:
            yield Change(
                "plan-changed",
                f"plan.{name}",
                {"field": name, "old": _text(before), "new": _text(after)},
            )


def _areas(old: Mapping[str, Sequence[str]], new: Mapping[str, Sequence[str]]) -> Iterator[Change]:
    parent_old = {part: parent for parent, parts in old.items() for part in parts}
    parent_new = {part: parent for parent, parts in new.items() for part in parts}
    for area in _union(parent_old, parent_new):
        before, after = parent_old.get(area), parent_new.get(area)
        path = f"areas.{area}"
        if before is None:
            yield Change("area-added", path, {"area": area, "parent": after})
        elif after is None:
            yield Change("area-removed", path, {"area": area, "parent": before})
        elif before != after:
            yield Change("area-moved", path, {"area": area, "old": before, "new": after})


def _mapping(
    section: str, label: str, old: Mapping[str, str], new: Mapping[str, str]
) -> Iterator[Change]:
    for name in _union(old, new):
        before, after = old.get(name), new.get(name)
        path = f"{section}.{name}"
        if before is None:
            yield Change(f"{label}-added", path, {label: name, "new": after})
        elif after is None:
            yield Change(f"{label}-removed", path, {label: name, "old": before})
        elif before != after:
            yield Change(f"{label}-changed", path, {label: name, "old": before, "new": after})


def _units(old: TargetsFile, new: TargetsFile) -> Iterator[Change]:
    for name in _union(old.units, new.units):
        before, after = old.units.get(name), new.units.get(name)
        if before != after:
            yield Change("unit-declared", f"units.{name}", {"unit": name, "new": _text(after)})


def _goals(old: TargetsFile, new: TargetsFile) -> Iterator[Change]:
    for goal_id in _union(old.goals, new.goals):
        before, after = old.goals.get(goal_id), new.goals.get(goal_id)
        path = f"goals.{goal_id}"
        if before is None and after is not None:
            yield Change("goal-added", path, {"goal": goal_id, "text": after.text})
        elif after is None and before is not None:
            yield Change("goal-removed", path, {"goal": goal_id, "text": before.text})
        elif before is not None and after is not None:
            for name in GOAL_FIELDS:
                a, b = getattr(before, name), getattr(after, name)
                if a != b or (isinstance(a, Decimal) and str(a) != str(b)):
                    args = {"goal": goal_id, "field": name, "old": _text(a), "new": _text(b)}
                    yield Change("goal-changed", f"{path}.{name}", args)


def _unit_table(targets: TargetsFile) -> UnitTable:
    return UnitTable({n: Unit(n, d.dimension, d.factor, d.whole) for n, d in targets.units.items()})


def _indicator_args(ind_id: str, name: str, values: Mapping[str, object]) -> dict[str, str | int]:
    return {"indicator": ind_id, "name": name, "rows": len(values)}


def _union(a: Mapping[str, object], b: Mapping[str, object]) -> list[str]:
    """Keys of both, in the order of the new revision, then those only the old one has."""
    return list(b) + [key for key in a if key not in b]


def _text(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if hasattr(value, "model_dump"):
        return str(value.model_dump())
    return str(value)
