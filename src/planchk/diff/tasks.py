"""Compare two tasks files: the office registry, groups, sections, tasks and their offices.

Tasks are matched by number and title together, then by title alone (a renumbered task),
then by number alone (a retitled task). Offices are compared by the office they stand for,
so writing an alias instead of a name is no change; an office that leaves one role of a task
and joins another is reported as moved.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from planchk.diff.changes import Change
from planchk.findings import Arg
from planchk.models import TasksFile
from planchk.models.tasks import Task
from planchk.plan.offices import OfficeRegistry

ANNEX_ROLES = ("lead", "responsible", "cooperating")
Registries = tuple[OfficeRegistry, OfficeRegistry]


def compare_tasks(old: TasksFile, new: TasksFile, registries: Registries) -> Iterator[Change]:
    yield from _registry("office", "offices", old.offices, new.offices)
    yield from _registry("group", "groups", old.groups, new.groups)
    yield from _sections(old, new)
    old_tasks = [t for s in old.sections for t in s.tasks]
    new_tasks = [t for s in new.sections for t in s.tasks]
    pairs, added, removed = match_tasks(old_tasks, new_tasks)
    for before, after in pairs:
        yield from _task(before, after, registries)
    for task in added:
        yield Change(
            "task-added", f"tasks.{task.number}", {"number": task.number, "title": task.title}
        )
    for task in removed:
        yield Change(
            "task-removed", f"tasks.{task.number}", {"number": task.number, "title": task.title}
        )


def match_tasks(
    old: list[Task], new: list[Task]
) -> tuple[list[tuple[Task, Task]], list[Task], list[Task]]:
    """Pairs of the same task, tasks only in the new list, tasks only in the old one."""
    pairs: list[tuple[Task, Task]] = []
    left, right = list(old), list(new)
    for key in (lambda t: (t.number, t.title), lambda t: t.title, lambda t: t.number):
        index = {key(t): t for t in right}
        for task in list(left):
            partner = index.get(key(task))
            if partner is not None and partner in right:
                pairs.append((task, partner))
                left.remove(task)
                right.remove(partner)
    pairs.sort(key=lambda pair: pair[1].number)
    return pairs, right, left


def _task(before: Task, after: Task, registries: Registries) -> Iterator[Change]:
    path = f"tasks.{after.number}"
    if before.number != after.number:
        renumbered: dict[str, Arg] = {
            "old": before.number,
            "new": after.number,
            "title": after.title,
        }
        yield Change("task-renumbered", path, renumbered)
    if before.title != after.title:
        retitled: dict[str, Arg] = {"number": after.number, "old": before.title, "new": after.title}
        yield Change("task-retitled", f"{path}.title", retitled)
    old_roles = {role: _offices(getattr(before, role), registries[0]) for role in ANNEX_ROLES}
    new_roles = {role: _offices(getattr(after, role), registries[1]) for role in ANNEX_ROLES}
    yield from _roles(after.number, old_roles, new_roles)
    old_text = _offices(before.text_offices or [], registries[0])
    new_text = _offices(after.text_offices or [], registries[1])
    yield from _role_diff(after.number, "text_offices", old_text, new_text)


def _roles(number: int, old: dict[str, list[str]], new: dict[str, list[str]]) -> Iterator[Change]:
    gone = {office: role for role in ANNEX_ROLES for office in old[role] if office not in new[role]}
    came = {office: role for role in ANNEX_ROLES for office in new[role] if office not in old[role]}
    path = f"tasks.{number}"
    for office, role in came.items():
        if office in gone:
            moved: dict[str, Arg] = {
                "task": number,
                "office": office,
                "old": gone[office],
                "new": role,
            }
            yield Change("office-moved", f"{path}.{role}.{office}", moved)
        else:
            yield Change(
                "office-added",
                f"{path}.{role}.{office}",
                {"task": number, "office": office, "role": role},
            )
    for office, role in gone.items():
        if office not in came:
            yield Change(
                "office-removed",
                f"{path}.{role}.{office}",
                {"task": number, "office": office, "role": role},
            )


def _role_diff(number: int, role: str, old: list[str], new: list[str]) -> Iterator[Change]:
    for office in new:
        if office not in old:
            yield Change(
                "office-added",
                f"tasks.{number}.{role}.{office}",
                {"task": number, "office": office, "role": role},
            )
    for office in old:
        if office not in new:
            yield Change(
                "office-removed",
                f"tasks.{number}.{role}.{office}",
                {"task": number, "office": office, "role": role},
            )


def _offices(names: list[str], registry: OfficeRegistry) -> list[str]:
    return [registry.office(name) or name for name in names]


def _sections(old: TasksFile, new: TasksFile) -> Iterator[Change]:
    before = {s.number: s.title for s in old.sections}
    after = {s.number: s.title for s in new.sections}
    for number, title in after.items():
        path = f"sections.{number}"
        if number not in before:
            yield Change("section-added", path, {"number": number, "title": title})
        elif before[number] != title:
            yield Change(
                "section-changed", path, {"number": number, "old": before[number], "new": title}
            )
    for number, title in before.items():
        if number not in after:
            yield Change(
                "section-removed", f"sections.{number}", {"number": number, "title": title}
            )


def _registry(
    label: str, section: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[Change]:
    for name in [*new, *(n for n in old if n not in new)]:
        before, after = old.get(name), new.get(name)
        args = {"registry": label, "name": name}
        path = f"{section}.{name}"
        if before is None:
            yield Change("registry-added", path, {**args, "new": _describe(after)})
        elif after is None:
            yield Change("registry-removed", path, {**args, "old": _describe(before)})
        elif before != after:
            yield Change(
                "registry-changed",
                path,
                {**args, "old": _describe(before), "new": _describe(after)},
            )


def _describe(model: Any) -> str:
    fields = model.model_dump(exclude_defaults=True)
    return ", ".join(f"{k}: {v}" for k, v in fields.items()) or "(defaults)"
