"""Examples of the input and meta codes, placed in whole plans: what tests/test_examples.py runs.

An input code's example is text that does not load (a syntax error, a duplicate key, an alias),
so it cannot go through YAML and back as a rule's example does (tests/examples.py): its text is
set as written into the text of a minimal plan, at the place its first keys say.

Some examples describe a file or a run rather than show one ("a targets.yaml saved as GBK",
"a bug in planchk"): `DESCRIBED` builds what each describes, with the reason it is built.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from planchk.models.targets import Indicator, PlanInfo, TargetsFile
from planchk.models.tasks import Task
from tests.small_plans import MINIMAL_TARGETS

PLAN = {"title": "示例方案", "period": "[2021, 2023]"}
AREAS = "areas:\n  全区: [洪都街办, 京山街办]\n"
INDICATOR = {
    "name": "示例指标",
    "unit": "件",
    "kind": "flow",
    "years": "[2021, 2022, 2023]",
    "values": "\n      全区: [12, 14, 16]\n      洪都街办: [5, 6, 7]\n      京山街办: [7, 8, 9]",
}
TASKS = """\
offices:
  区发改委: {kind: department}
  区科工局: {kind: department}
sections:
  - number: 一
    title: 示例任务组
    tasks:
      - number: 1
        title: 示例任务
"""
KEY = re.compile(r"^([^\s#?\-\[{][^:]*):", re.MULTILINE)


def keys(text: str) -> list[str]:
    """The keys the text writes at its left margin, read without parsing it."""
    return KEY.findall(text)


def indent(text: str, spaces: int) -> str:
    return textwrap.indent(text, " " * spaces) + "\n"


def plan_files(example: str) -> tuple[str, str | None]:
    """The targets and tasks files of a minimal plan holding the example's text as written."""
    named = set(keys(example))
    if example.lstrip().startswith("- ") or named <= set(TargetsFile.model_fields):
        return example + "\n", None  # a whole file
    if named <= set(PlanInfo.model_fields):
        return targets(plan=example), None
    if named <= set(Task.model_fields):
        return targets(), TASKS + indent(example, 8)
    if named <= set(Indicator.model_fields):
        return targets(indicator=example), None
    if len(named) == 1 and "\n" in example and not example.startswith("?"):
        return targets(indicators=example), None  # a whole indicator, under its id
    return targets(indicator="values:\n" + indent(example, 2)), None  # rows of the table


def targets(plan: str = "", indicator: str = "", indicators: str = "") -> str:
    """A minimal targets file with the given text in its plan, its indicator or beside it."""
    return "".join([
        "plan:\n", _defaults(PLAN, plan, 2), indent(plan, 2) if plan else "",
        AREAS,
        "indicators:\n  x:\n", _defaults(INDICATOR, indicator, 4),
        indent(indicator, 4) if indicator else "",
        indent(indicators, 2) if indicators else "",
    ])  # fmt: skip


def _defaults(defaults: dict[str, str], text: str, spaces: int) -> str:
    """The default fields the text does not write itself."""
    given = keys(text)
    return "".join(f"{' ' * spaces}{k}: {v}\n" for k, v in defaults.items() if k not in given)


@dataclass(frozen=True)
class Run:
    """What to run: plan files in a directory, the command line's arguments after `validate`."""

    files: dict[str, bytes]
    args: tuple[str, ...] = ("plan",)
    config: str | None = None  # planchk.toml
    broken_rule: str | None = None  # a rule whose check raises, as a bug would
    # The base revision's files: then the run is `planchk diff base ARGS`, and its codes are
    # those the diff introduces (a code about a change: PC904).
    base: dict[str, bytes] | None = None


Build = Callable[[], Run]


@dataclass(frozen=True)
class Described:
    why: str  # why the example is built rather than placed as written
    bad: Build
    good: Build


def _plan(text: str = MINIMAL_TARGETS, encoding: str = "utf-8") -> dict[str, bytes]:
    return {"plan/targets.yaml": text.encode(encoding)}


def _command(example: str, files: dict[str, bytes]) -> Build:
    """The example is a command line: run as written, among the given files."""
    words = shlex.split(example)
    assert words[:2] == ["planchk", "validate"], words
    return lambda: Run(files, tuple(words[2:]))


_SOURCE_TREE = {"src/main.py": b"print('hi')\n", "data/targets.yaml": MINIMAL_TARGETS.encode()}
_TASKS = (TASKS + "        lead: [区科工局]\n").encode()
# A group of the areas of targets.yaml (PC014 asks for that file only where the tasks need it)
_GROUPED_TASKS = _TASKS.replace(
    b"sections:", "groups:\n  各街道: {areas_under: 全区}\nsections:".encode(), 1
)
_MANY = MINIMAL_TARGETS.replace("[10, 20]", "[11, 21]")  # two columns out of balance: 2 PC101

DESCRIBED: dict[str, Described] = {
    "PC001": Described(
        "describes a path, which is built: one that does not exist",
        lambda: Run({}, ("plan/targets.yaml",)),
        lambda: Run(_plan(), ("plan/targets.yaml",)),
    ),
    "PC002": Described(
        "describes a file's bytes (an encoding), which a text example cannot show",
        lambda: Run(_plan(encoding="gbk")),
        lambda: Run(_plan(encoding="utf-8-sig")),
    ),
    "PC007": Described(
        "the good example describes a file: one document, the minimal plan",
        lambda: Run(_plan(MINIMAL_TARGETS + "---\n" + MINIMAL_TARGETS)),
        lambda: Run(_plan()),
    ),
    "PC009": Described(
        "the bad example elides the nesting (`...`): built 40 levels deep, past the limit of 32",
        lambda: Run(_plan(MINIMAL_TARGETS + "notes: " + "[" * 40 + "]" * 40 + "\n")),
        lambda: Run(_plan()),
    ),
    "PC010": Described(
        "describes an empty file, which has no text to show",
        lambda: Run(_plan("# 目标任务分解表\n")),
        lambda: Run(_plan()),
    ),
    "PC012": Described(
        "describes a 2 GB file: the limit is what matters, so a plan is checked under a "
        "--max-bytes it exceeds",
        lambda: Run(_plan(), ("plan", "--max-bytes", "100")),
        lambda: Run(_plan()),
    ),
    "PC013": Described(
        "the examples are command lines: run as written in a project with src/ and data/",
        _command("planchk validate src/", _SOURCE_TREE),
        _command("planchk validate data/", _SOURCE_TREE),
    ),
    "PC014": Described(
        "describes which files sit side by side, which is built",
        lambda: Run({"plan/tasks.yaml": _GROUPED_TASKS}),
        lambda: Run({**_plan(), "plan/tasks.yaml": _GROUPED_TASKS}),
    ),
    "PC903": Described(
        "the bad example describes 600,000 findings; the cap is the configuration's "
        "max-findings-per-rule (1,000 by default): a plan's two are checked under a cap of 1, "
        "and under the good example's 0",
        lambda: Run(_plan(_MANY), config="max-findings-per-rule = 1\n"),
        lambda: Run(_plan(_MANY), config="max-findings-per-rule = 0\n"),
    ),
    "PC904": Described(
        "the examples are a change: the base revision's minimal plan, then the pull request's "
        "with the example's setting and a figure it changes, compared by `planchk diff`",
        lambda: Run(_plan(_MANY.replace("kind: flow", "kind: flow\n    sum: none")), base=_plan()),
        lambda: Run(_plan(_MANY.replace("kind: flow", "kind: flow\n    sum: exact")), base=_plan()),
    ),
    "PC999": Described(
        "describes a bug: built by a rule (PC101) whose check raises",
        lambda: Run(_plan(), broken_rule="PC101"),
        lambda: Run(_plan()),
    ),
}
