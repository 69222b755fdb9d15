"""The tasks file's data from the tasks read: the offices registry and groups from every name
the tasks use, each office's kind with what decided it, and the sub-areas' other names
proposed as aliases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planchk.importers.plandoc import texts
from planchk.importers.plandoc.offices import is_collective, is_group, office_kind, propose_alias
from planchk.importers.plandoc.tasks import Section, Task

__all__ = ["tasks_file"]


def tasks_file(
    notes: list[str],
    sections: Sequence[Section],
    areas: dict[str, list[str]],
    proposed: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The tasks file's data: the offices registry and groups from every name the tasks use,
    and the sub-areas' other names proposed as aliases (into `proposed`)."""
    proposed = {} if proposed is None else proposed
    top = next(iter(areas), None)
    area_names = [*areas, *(p for parts in areas.values() for p in parts)]
    offices: dict[str, dict[str, str]] = {}
    groups: dict[str, dict[str, Any]] = {}
    for section in sections:
        for task in section.tasks:
            for name in [
                *task.lead,
                *task.responsible,
                *task.cooperating,
                *(task.text_offices or []),
            ]:
                if is_group(name):
                    groups.setdefault(name, _group(name, top))
                elif name in area_names or name in proposed:
                    continue
                elif (area := propose_alias(name, area_names)) is not None:
                    proposed[name] = area
                    notes.append(texts.ALIAS_PROPOSED(alias=name, area=area))
                else:
                    offices.setdefault(name, {"kind": office_kind(name, top)})
    return {
        "offices": offices,
        "groups": groups,
        "sections": [
            {"number": s.number, "title": s.title, "tasks": [_task_entry(t) for t in s.tasks]}
            for s in sections
        ],
    }


def _group(name: str, top: str | None) -> dict[str, Any]:
    if is_collective(name):
        return {"areas_under": top} if top else {"open": True, "kinds": ["area"]}
    return {"open": True, "kinds": ["department", "party", "agency", "enterprise"]}


def _task_entry(task: Task) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "number": task.number,
        "title": task.title,
        "lead": task.lead,
        "responsible": task.responsible,
        "cooperating": task.cooperating,
    }
    if task.text_offices is not None:
        entry["text_offices"] = task.text_offices
    return entry
