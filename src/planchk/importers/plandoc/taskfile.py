"""The tasks file's data from the tasks read: the offices registry and groups from every name
the tasks use, each office's kind with what decided it, the sub-areas' other names proposed as
aliases, and an office's short name (县人社局) written as an alias of its full one
(县人力资源和社会保障局) where exactly one office fits it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from planchk.importers.plandoc import texts
from planchk.importers.plandoc.kinds import Guess, is_loose_group, office_kind
from planchk.importers.plandoc.offices import is_collective, is_group, propose_alias
from planchk.importers.plandoc.tasks import Section, Task
from planchk.plan.names import shortens
from planchk.plan.offices import ETC

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
        if name == ETC:
            continue  # the mark of an open list, no office
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
    _short_names(offices, sections, notes, guesses)
    return {
        "offices": offices,
        "groups": groups,
        "sections": [
            {"number": s.number, "title": s.title, "tasks": [_task_entry(t) for t in s.tasks]}
            for s in sections
        ],
    }


def _short_names(
    offices: dict[str, dict[str, Any]],
    sections: Sequence[Section],
    notes: list[str],
    guesses: dict[str, Guess],
) -> None:
    """Each office's short name that exactly one other office's name fits (县人社局 for
    县人力资源和社会保障局) becomes that office's alias, said once in the log; a short name
    that fits two is left as it is and said so. Two names one list prints side by side are
    two offices, whatever their spelling."""
    together = {frozenset(pair) for names in _lists(sections) for pair in combinations(names, 2)}
    taken: dict[str, str] = {}
    for short in offices:
        fits = [
            full
            for full in offices
            if shortens(short, full) and frozenset((short, full)) not in together
        ]
        if len(fits) == 1:
            taken[short] = fits[0]
        elif fits:
            notes.append(texts.OFFICE_SHORT_AMBIGUOUS(short=short, fulls="、".join(fits)))
    for short, fitting in taken.items():
        full = fitting
        while full in taken:  # a short name of a short name: the full one (each is shorter)
            full = taken[full]
        offices[full].setdefault("aliases", []).append(short)
        del offices[short]
        guesses.pop(short, None)
        notes.append(texts.OFFICE_SHORT_NAME(short=short, full=full))


def _lists(sections: Sequence[Section]) -> Iterator[list[str]]:
    """Each task's lists of offices: the annex's roles together, the text's list."""
    for section in sections:
        for task in section.tasks:
            yield [*task.lead, *task.responsible, *task.cooperating]
            yield task.text_offices or []


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
    entry: dict[str, Any] = {"number": task.number, "title": task.title}
    if task.lead or task.lead_blank:
        # `lead: []` is a 牵头单位 cell printed blank; a plan that names no lead for the task
        # (责任单位 only) gets no `lead`: its first responsible office answers (PC603)
        entry["lead"] = task.lead
    entry["responsible"] = task.responsible
    entry["cooperating"] = task.cooperating
    if task.text_offices is not None:
        entry["text_offices"] = task.text_offices
    return entry
