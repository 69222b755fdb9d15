"""The tasks file's data from the tasks read: the offices registry and groups from every name
the tasks use, each office's kind with what decided it, and the sub-areas' other names
proposed as aliases."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from planchk.importers.plandoc import texts
from planchk.importers.plandoc.kinds import Guess, is_loose_group, office_kind
from planchk.importers.plandoc.offices import is_collective, is_group, propose_alias
from planchk.importers.plandoc.tasks import Section, Task

__all__ = ["tasks_file"]


def tasks_file(
    notes: list[str],
    sections: Sequence[Section],
    areas: dict[str, list[str]],
    proposed: dict[str, str] | None = None,
    guesses: dict[str, Guess] | None = None,
) -> dict[str, Any]:
    """The tasks file's data: the offices registry and groups from every name the tasks use,
    the sub-areas' other names proposed as aliases (into `proposed`), and what decided each
    office's kind and each group (into `guesses`)."""
    proposed = {} if proposed is None else proposed
    guesses = {} if guesses is None else guesses
    top = next(iter(areas), None)
    area_names = [*areas, *(p for parts in areas.values() for p in parts)]
    offices: dict[str, dict[str, str]] = {}
    groups: dict[str, dict[str, Any]] = {}
    for name in dict.fromkeys(_names(sections)):
        if is_group(name) or is_loose_group(name):
            groups[name] = _group(name, top)
            guesses[name] = Guess("group", "", weak=not is_group(name))
        elif name in area_names or name in proposed:
            continue
        elif (area := propose_alias(name, area_names)) is not None:
            proposed[name] = area
            notes.append(texts.ALIAS_PROPOSED(alias=name, area=area))
        else:
            guesses[name] = office_kind(name, top)
            offices[name] = {"kind": guesses[name].kind}
    return {
        "offices": offices,
        "groups": groups,
        "sections": [
            {"number": s.number, "title": s.title, "tasks": [_task_entry(t) for t in s.tasks]}
            for s in sections
        ],
    }


def _names(sections: Sequence[Section]) -> Iterator[str]:
    for section in sections:
        for task in section.tasks:
            yield from (*task.lead, *task.responsible, *task.cooperating)
            yield from task.text_offices or []


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
