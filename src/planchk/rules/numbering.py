"""Numbering and presence of tasks: tasks numbered 1, 2, 3 (PC606), sections 一, 二, 三 (PC607),
a tasks file that lists any (PC609), and one whose groups need the areas it has not (PC014, a
code of the input that the engine says); of the tasks family (PC601-PC609).

The family's other half, whose offices each task names and in which role, is planchk.rules.tasks.
"""

from __future__ import annotations

from collections.abc import Iterator

from planchk.findings import Problem, Severity
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.lookups import placed_tasks

CHINESE_NUMERALS = "一二三四五六七八九十"


@rule(
    "PC606",
    "task-numbering",
    Severity.ERROR,
    "Tasks are not numbered 1, 2, 3, ...",
    "task number {number} should be {expected}: tasks are numbered consecutively from 1",
)
def task_numbering(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: tasks are cited by number (任务5); a skipped or repeated number means a task was
    lost, duplicated or moved.

    Bad:
        tasks:
          - number: 1
          - number: 3

    Good:
        tasks:
          - number: 1
          - number: 2
    """
    for expected, placed in enumerate(ctx.shared(placed_tasks), start=1):
        if placed.task.number != expected:
            yield ctx.in_tasks(
                placed.source("number"),
                placed.path("number"),
                number=placed.task.number,
                expected=expected,
            )


@rule(
    "PC607",
    "section-numbering",
    Severity.ERROR,
    "Sections are not numbered 一, 二, 三, ...",
    "section {number} should be {expected}: sections are numbered 一, 二, 三, ... in order",
)
def section_numbering(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: sections (（一）…（六）) are cited by number; one out of order was moved or lost.
    Arabic numbers (1, 2, 3) are accepted too.

    Bad:
        sections:
          - number: 一
          - number: 三

    Good:
        sections:
          - number: 一
          - number: 二
    """
    tasks = ctx.tasks
    if tasks is None:
        return
    for index, section in enumerate(tasks.sections):
        expected = _chinese_numeral(index + 1)
        if section.number not in (expected, str(index + 1)):
            yield ctx.in_tasks(
                ("sections", index, "number"),
                f"sections.{index + 1}.number",
                number=section.number,
                expected=expected,
            )


def _chinese_numeral(n: int) -> str:
    """一 … 九十九, as section numbers are printed."""
    tens, ones = divmod(n, 10)
    text = (CHINESE_NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
    return text + (CHINESE_NUMERALS[ones - 1] if ones else "")


@rule(
    "PC609",
    "no-tasks",
    Severity.WARNING,
    "The tasks file has no tasks",
    "the tasks file lists no tasks; the plan's 重点任务 and their offices cannot be checked",
)
def no_tasks(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a tasks file without tasks is an export that failed or a file saved too early;
    passing it would report a plan's task table as checked when nothing was.

    Bad:
        sections: []

    Good:
        sections:
          - number: 一
            title: ...
            tasks:
              - {number: 1, title: ..., lead: [区科工局]}
    """
    if ctx.tasks_file is not None and not ctx.shared(placed_tasks):
        yield ctx.in_tasks(("sections",), "sections", on_key=True)


def groups_without_areas(ctx: PlanContext) -> Iterator[Problem]:
    """PC014 (a code of the input, said by the engine): each group that stands for the areas of
    targets.yaml, in a tasks file checked without one."""
    if ctx.tasks is None or ctx.hierarchy is not None:
        return
    for name, group in ctx.tasks.groups.items():
        if group.areas_under is not None:
            yield ctx.in_tasks(
                ("groups", name), f"groups.{name}", on_key=True, group=name, area=group.areas_under
            )
