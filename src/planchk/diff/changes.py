"""One shape for every difference between two revisions, with one message template per kind.

Changes are identified by what they are about (indicator, area, year; goal; task number and
role; office), never by line numbers, so a diff survives lines moving.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from planchk.codes.meta import NOT_SET
from planchk.findings import Arg
from planchk.messages import FILE_KINDS, REGISTRIES, ROLES, Message, message, words

# kind -> message template; a template is a whole sentence, never glued from pieces.
_ENGLISH: dict[str, str] = {
    "file-added": "{file}: the {kind} file is new",
    "file-removed": "{file}: the {kind} file is gone",
    "plan-changed": "plan {field}: {old} → {new}",
    "area-added": "area {area} added as a part of {parent}",
    "area-removed": "area {area} removed (it was a part of {parent})",
    "area-moved": "area {area} moved from {old} to {new}",
    "alias-added": "alias {alias} added for {new}",
    "alias-removed": "alias {alias} removed (it stood for {old})",
    "alias-changed": "alias {alias} now stands for {new} instead of {old}",
    "unit-declared": "unit {unit} declared or changed: {new}",
    "indicator-added": "indicator {indicator} ({name}) added with {rows} rows",
    "indicator-removed": "indicator {indicator} ({name}) removed; it had {rows} rows",
    "indicator-changed": "{indicator}: {field} {old} → {new}",
    "unit-changed": "{indicator}: unit {old} → {new}; values are compared after conversion",
    "unit-changed-unconvertible": "{indicator}: unit {old} → {new}; the two units do not "
    "convert, so values are compared as printed",
    "year-added": "{indicator}: year {year} added",
    "year-removed": "{indicator}: year {year} removed",
    "row-added": "{indicator}: row {area} added: {values}",
    "row-removed": "{indicator}: row {area} removed; it held {values}",
    "cell-changed": "{indicator} {area} {year}: {old} → {new} ({difference:+}, {relative})",
    "cell-filled": "{indicator} {area} {year}: blank → {new}",
    "cell-blanked": "{indicator} {area} {year}: {old} → blank",
    "cell-precision": "{indicator} {area} {year}: printed {old} → {new}, the same value",
    "goal-added": "goal {goal} added: {text}",
    "goal-removed": "goal {goal} removed: {text}",
    "goal-changed": "goal {goal}: {field} {old} → {new}",
    "section-added": "section {number} added: {title}",
    "section-removed": "section {number} removed: {title}",
    "section-changed": "section {number}: title {old} → {new}",
    "task-added": "task {number} added: {title}",
    "task-removed": "task {number} removed: {title}",
    "task-renumbered": "task {old} ({title}) is now task {new}",
    "task-retitled": "task {number}: title {old} → {new}",
    "office-added": "task {task}: {office} added to {role}",
    "office-removed": "task {task}: {office} removed from {role}",
    "office-moved": "task {task}: {office} moved from {old} to {new}",
    "registry-added": "{registry} {name} added: {new}",
    "registry-removed": "{registry} {name} removed: {old}",
    "registry-changed": "{registry} {name}: {old} → {new}",
}


TEMPLATES: dict[str, Message] = {kind: message(f"diff.{kind}", t) for kind, t in _ENGLISH.items()}


@dataclass(frozen=True)
class Change:
    kind: str
    path: str  # the identity of what changed, e.g. indicators.x.values.洪都街办.2022
    args: Mapping[str, Arg] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return TEMPLATES[self.kind](**_shown(self.kind, self.args))

    @property
    def section(self) -> str:
        """What the change is about, for grouping: values, goals, tasks, registry, ..."""
        return self.path.split(".", 1)[0]


def _shown(kind: str, args: Mapping[str, Arg]) -> dict[str, Arg]:
    """The arguments as words: roles, registries and file kinds are neutral keys in args."""
    shown = dict(args)
    for name, table in (("role", ROLES), ("registry", REGISTRIES), ("kind", FILE_KINDS)):
        if name in shown:
            shown[name] = words(table, shown[name])
    if kind == "office-moved":
        shown["old"], shown["new"] = words(ROLES, args["old"]), words(ROLES, args["new"])
    if kind == "indicator-changed":  # a setting written on one side only: `not set`
        states = {NOT_SET.key: NOT_SET}
        shown["old"], shown["new"] = words(states, args["old"]), words(states, args["new"])
    return shown
