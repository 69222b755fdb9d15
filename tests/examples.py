"""Rule examples placed in whole plans: what tests/test_examples.py runs.

A rule's Bad and Good examples are fragments as a reader meets them in `planchk explain`: a
table, a goal, a task, the areas, a line of relations. A line `...` stands for what the reader is
spared; `...` inside braces, for fields of no interest. Each piece is placed where its keys say
it belongs, in an otherwise minimal plan whose missing fields come from defaults, and the plan's
files are written out again as YAML.

Numbers keep their printed text on the way through (a round trip through floats would turn
6.000 into 6.0, which the precision rules read).
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from planchk.models.targets import Goal, Indicator, TargetsFile
from planchk.models.tasks import Task, TasksFile

ELIDED = "..."
INDICATOR = set(Indicator.model_fields)
GOAL_ONLY = set(Goal.model_fields) - INDICATOR - {"area"}  # text, op, value, year, restated...
TASK = set(Task.model_fields)
TASK_ONLY = TASK - {"number", "title"}
TARGETS = set(TargetsFile.model_fields)
TASKS_FILE = set(TasksFile.model_fields) - {"waivers"}  # a waiver goes with the targets
TOP, PART = "全区", "甲街道"
OPS = {"达到": ">=", "突破": ">", "超过": ">"}
WORDING = re.compile(r"(达到|突破|超过)(\d+(?:\.\d+)?)(\w+)$")


@dataclass(frozen=True)
class Printed:
    """A number as printed, with the tag YAML resolved it to."""

    tag: str
    text: str


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a default shared by two indicators is written twice, not as an alias


def _printed(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Printed:
    return Printed(node.tag, loader.construct_scalar(node))


for _tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
    _Loader.add_constructor(_tag, _printed)
_Dumper.add_representer(Printed, lambda d, p: d.represent_scalar(p.tag, p.text))


def load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # a SafeLoader that keeps digits


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def pieces(example: str) -> list[Any]:
    """The example's parts, parsed: a line that starts with `...` separates them."""
    chunks = re.split(r"^\.\.\.[^\n]*\n?", example, flags=re.MULTILINE)
    parsed = [load(textwrap.dedent(chunk)) for chunk in chunks if chunk.strip()]
    return [_unelided(part) for part in parsed]


def _unelided(value: Any) -> Any:
    """The value without its `...` placeholders (`{indicator: x, ...}`)."""
    if isinstance(value, dict):
        return {k: _unelided(v) for k, v in value.items() if k != ELIDED}
    if isinstance(value, list):
        return [_unelided(v) for v in value]
    return value


@dataclass
class Draft:
    """A plan being put together: the pieces given so far, before the defaults."""

    top: dict[str, Any] = field(default_factory=dict)
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)
    goals: dict[str, dict[str, Any]] = field(default_factory=dict)
    tasks_top: dict[str, Any] = field(default_factory=dict)
    tasks: list[dict[str, Any]] | None = None

    @property
    def main(self) -> dict[str, Any]:
        """The indicator that bare fields (`values:`) belong to: the first one named."""
        if not self.indicators:
            self.indicators["x"] = {}
        return next(iter(self.indicators.values()))

    @property
    def task(self) -> dict[str, Any]:
        if not self.tasks:
            self.tasks = [{}]
        return self.tasks[0]

    def place(self, piece: Any) -> None:
        """Put a piece where its keys say it belongs; what it names again replaces the old."""
        if isinstance(piece, list):  # a list of tasks
            self.tasks = piece
            return
        assert isinstance(piece, dict), piece
        if set(piece) & GOAL_ONLY and set(piece) <= set(Goal.model_fields):  # a goal's fields
            self.goals.setdefault("g", {}).update(piece)
        elif set(piece) & TASK_ONLY and set(piece) <= TASK:
            self.task.update(piece)
        else:
            for key, value in piece.items():
                self._place_key(key, value)

    def _place_key(self, key: str, value: Any) -> None:
        # A whole indicator or goal named again replaces the one before (`{total: ...}`: one
        # whose fields are of no interest).
        if key == "indicators":
            for name, fields in value.items():
                self.indicators[name] = fields if isinstance(fields, dict) else {}
        elif key == "goals":
            self.goals |= value
        elif key == "plan":
            self.top.setdefault("plan", {}).update(value)
        elif key in TARGETS:
            self.top[key] = value
        elif key == "tasks":
            self.tasks = value
        elif key in TASKS_FILE:
            self.tasks_top[key] = value
        elif key in INDICATOR:
            self.main[key] = value
        elif isinstance(value, dict) and set(value) <= INDICATOR:  # a whole indicator
            self.indicators[key] = value
        else:
            raise AssertionError(f"the example's {key!r} belongs nowhere in a plan")


def draft(example: str, context: str = "") -> Draft:
    """The example's pieces placed over its context's (a Good example over its Bad one)."""
    plan = Draft()
    for piece in [*pieces(context), *pieces(example)]:
        plan.place(piece)
    return plan


def number(value: Any) -> int:
    return int(value.text) if isinstance(value, Printed) else int(value)


def targets(plan: Draft) -> dict[str, Any]:
    """The targets file: the pieces given, and defaults for what a valid file needs."""
    main = plan.main
    rows = list(main.get("values") or {})
    period = plan.top.get("plan", {}).get("period")
    length = len(main["values"][rows[0]]) if rows else 3
    first = number(period[0]) if period else 2021
    years = main.get("years") or [first + i for i in range(length)]
    areas = plan.top.get("areas")
    if areas is None:
        other_names = {*plan.top.get("aliases", {})}.union(*plan.top.get("of_which", {}).values())
        areas = _areas([row for row in rows if row not in other_names])
        _complete_single_rows(plan, areas, other_names)
    for fields in plan.goals.values():  # a goal in 亿元 is about a table in 亿元
        named = fields.get("indicator")
        table = plan.indicators.get(named) if named else main
        if table is not None and "unit" in fields and "unit" not in table:
            table["unit"] = fields["unit"]
    indicators = {
        name: _indicator(name, fields, years, areas) for name, fields in plan.indicators.items()
    }
    goals = {name: _goal(fields, indicators) for name, fields in plan.goals.items()}
    for goal in goals.values():  # a made-up table meets its goal, unless the example says
        if goal["indicator"] in indicators and "values" not in plan.indicators[goal["indicator"]]:
            _meet(indicators[goal["indicator"]], goal)
    info = {"title": "示例方案", "period": [min(map(number, years)), max(map(number, years))]}
    document: dict[str, Any] = {"plan": info | plan.top.get("plan", {}), "areas": areas}
    document |= {k: v for k, v in plan.top.items() if k not in ("plan", "areas")}
    return document | {"indicators": indicators} | ({"goals": goals} if goals else {})


def _areas(rows: list[str]) -> dict[str, list[str]]:
    """The hierarchy a table implies: its first row is the total of the others."""
    if len(rows) > 1:
        return {rows[0]: rows[1:]}
    if rows and rows[0] != TOP:
        return {TOP: rows}
    return {TOP: [PART]}


def _complete_single_rows(plan: Draft, areas: dict[str, list[str]], others: set[str]) -> None:
    """A one-row table gets the other row of its one-part hierarchy, with the same figures:
    an area alone would be no area of a hierarchy (PC030), a total alone no sum (PC101).
    Its 其中 rows and aliases are no rows of the hierarchy, and stay."""
    [(total, parts)] = areas.items()
    if len(parts) != 1:
        return
    part = parts[0]
    for fields in plan.indicators.values():
        given = fields.get("values") or {}
        values = {row: cells for row, cells in given.items() if row not in others}
        if len(values) == 1:
            [(row, cells)] = values.items()
            other = part if row == total else total if row == part else None
            if other is not None:
                kept = {row: cells for row, cells in given.items() if row in others}
                fields["values"] = {total: cells, part: cells} | kept


def _indicator(
    name: str, given: dict[str, Any], years: list[Any], areas: dict[str, list[str]]
) -> dict[str, Any]:
    years = given.get("years") or years
    # a count unless a figure has decimals: 1.5 件 would be PC402 in an example about another code
    cells = [c for row in (given.get("values") or {}).values() for c in row or ()]
    unit = "件" if all("." not in getattr(c, "text", str(c)) for c in cells) else "万元"
    fields: dict[str, Any] = {"name": name, "unit": unit, "kind": "flow", "years": years}
    fields["values"] = _table(areas, len(years))
    return fields | given


def _table(areas: dict[str, list[str]], length: int) -> dict[str, list[int]]:
    """A growing row for each area of the hierarchy, every total the sum of its parts, no
    two parts alike (PC705)."""
    table: dict[str, list[int]] = {}

    def row(area: str, seen: frozenset[str]) -> list[int]:
        parts = [p for p in areas.get(area, []) if p not in seen]  # a cycle stops here
        cells = [
            sum(column) for column in zip(*(row(p, seen | {area}) for p in parts), strict=True)
        ]
        table[area] = cells if parts else [(len(table) + 1) * (10 + i) for i in range(length)]
        return table[area]

    for area in areas:
        if area not in table:
            row(area, frozenset())
    return table


def _meet(indicator: dict[str, Any], goal: dict[str, Any]) -> None:
    """Scale a made-up table (every total still the sum of its parts) to reach its goal."""
    if goal["op"] not in (">=", ">"):
        return
    top = next(iter(indicator["values"].values()))
    target = Decimal(getattr(goal["value"], "text", str(goal["value"])))
    if top[-1] <= target:
        factor = int(target // top[-1]) + 1
        indicator["values"] = {a: [c * factor for c in r] for a, r in indicator["values"].items()}


def _goal(given: dict[str, Any], indicators: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A goal the indicator's table meets, unless the example says otherwise."""
    indicator = indicators.get(given.get("indicator", "")) or next(iter(indicators.values()))
    name = given.get("indicator") or next(iter(indicators))
    row = next(iter(indicator["values"].values()))
    fields = {"indicator": name, "year": indicator["years"][-1], "op": ">=", "value": row[-1]}
    fields["unit"] = indicator["unit"]
    said = WORDING.search(given.get("text", ""))
    if said:  # what the wording says, unless the example says otherwise
        fields |= {"op": OPS[said[1]], "value": load(said[2]), "unit": said[3]}
    fields |= given
    fields.setdefault("text", f"{indicator['name']}达到{fields['value']}{fields['unit']}")
    return fields


def tasks(plan: Draft, areas: dict[str, list[str]]) -> dict[str, Any] | None:
    """The tasks file, when the example says anything about tasks."""
    if plan.tasks is None and not plan.tasks_top:
        return None
    sections = plan.tasks_top.get("sections", [{"number": "一", "tasks": plan.tasks or [{}]}])
    numbers = itertools.count(1)  # tasks are numbered on across sections (PC606)
    document = plan.tasks_top | {
        "sections": [_section(i, s, numbers) for i, s in enumerate(sections)]
    }
    if "offices" not in document:  # every office named is declared, unless the example says
        known = set(areas) | {part for parts in areas.values() for part in parts}
        named = _offices(document) - known
        document = {"offices": {office: {"kind": "department"} for office in named}} | document
    return document


def _section(index: int, given: dict[str, Any], numbers: Iterator[int]) -> dict[str, Any]:
    tasks = [_task(next(numbers), task) for task in given.get("tasks", [{}])]
    return {"title": f"示例任务组{index + 1}"} | given | {"tasks": tasks}


def _task(number: int, given: dict[str, Any]) -> dict[str, Any]:
    fields = {"number": number, "title": f"示例任务{number}"}
    if not set(given) & {"lead", "responsible", "cooperating"}:
        fields["lead"] = ["区科工局"]
    return fields | given


def _offices(document: dict[str, Any]) -> set[str]:
    named: set[str] = set()
    for section in document["sections"]:
        for task in section.get("tasks") or []:
            for key in ("lead", "responsible", "cooperating", "text_offices"):
                named.update(task.get(key) or [])
    for group in document.get("groups", {}).values():
        named.update(group.get("members") or [])
    return named


def files(example: str, context: str = "") -> tuple[str, str | None]:
    """The targets and tasks files (None: none) of a plan holding the example."""
    plan = draft(example, context)
    document = targets(plan)
    tasks_document = tasks(plan, document["areas"])
    return dump(document), None if tasks_document is None else dump(tasks_document)
