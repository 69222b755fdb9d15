"""Tasks: the main text's office lists against the annex, leads, roles and groups (PC601-PC605,
PC608).

The family's other half, the numbering of tasks and sections and a file without tasks (PC606,
PC607, PC609), is planchk.rules.numbering.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from planchk.findings import Problem, Severity
from planchk.messages import ROLES as ROLE_WORDS
from planchk.messages import SAME_ROLE, words
from planchk.models.tasks import Group, Task
from planchk.plan.offices import ETC
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.lookups import placed_tasks

ROLES = ("lead", "responsible", "cooperating")


def _annex(task: Task) -> list[str]:
    return [*task.lead, *task.responsible, *task.cooperating]


def _missing(ctx: PlanContext, from_text: bool) -> Iterator[Problem]:
    """PC601/PC602: run with or without targets.yaml; without it the sub-areas' names are
    unknown and left alone (only the offices and groups of the tasks file are compared)."""
    registry = ctx.offices
    if registry is None:
        return
    for placed in ctx.shared(placed_tasks):
        task = placed.task
        if task.text_offices is None:
            continue
        names = task.text_offices if from_text else _annex(task)
        other = registry.coverage(_annex(task) if from_text else task.text_offices)
        for index, name in enumerate(names):
            if registry.known(name) and not registry.covers(other, name):
                yield ctx.in_tasks(
                    placed.source(*_source_of(task, index, from_text)),
                    placed.path("text_offices" if from_text else "annex", name),
                    task=task.number,
                    title=task.title,
                    office=name,
                )


def _source_of(task: Task, index: int, from_text: bool) -> tuple[str, int]:
    """Where the `index`-th name of the text list, or of the annex roles in order, stands."""
    if from_text:
        return "text_offices", index
    for role in ROLES:
        names = getattr(task, role)
        if index < len(names):
            return role, index
        index -= len(names)
    raise IndexError(index)


@rule(
    "PC601",
    "text-office-not-in-annex",
    Severity.WARNING,
    "The main text names an office the annex leaves out",
    "task {task} ({title}): the main text lists {office}, the annex's task table does not",
)
def text_office_not_in_annex(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: the annex (主要工作任务分解表) is what offices are held to; an office the text
    makes responsible but the annex omits will not know it has the task.

    Bad:
        lead: [区发改委]
        cooperating: [区投促局]
        text_offices: [区发改委, 区投促局, 区文广新旅局]

    Good:
        lead: [区发改委]
        cooperating: [区投促局, 区文广新旅局]
        text_offices: [区发改委, 区投促局, 区文广新旅局]
    """
    yield from _missing(ctx, from_text=True)


@rule(
    "PC602",
    "annex-office-not-in-text",
    Severity.WARNING,
    "The annex names an office the main text leaves out",
    "task {task} ({title}): the annex lists {office}, the main text's list does not",
)
def annex_office_not_in_text(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: the text and the annex are read by different people; an office in one and not the
    other is an omission in one of them. Groups count: 各街办、镇、集聚区 covers each sub-area,
    and an open group (区直各有关单位) covers any office of its kinds.

    Bad:
        lead: [区科工局]
        responsible: [区市场监管局]
        text_offices: [区科工局]

    Good:
        lead: [区科工局]
        responsible: [区市场监管局]
        text_offices: [区科工局, 区市场监管局]
    """
    yield from _missing(ctx, from_text=False)


@rule(
    "PC603",
    "task-no-lead",
    Severity.ERROR,
    "A task has no lead office",
    "task {task} ({title}) has no lead office (牵头单位)",
)
def task_no_lead(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: every task needs one office that answers for it. A task with no office at all, or
    only offices that assist (配合单位), has nobody. A task that names only its 责任单位 (as
    many plans print them, for one task or for all) is answered for by the first of them, as
    plans say (排在第一位的为牵头单位): no finding. Only a 牵头单位 printed blank (`lead: []`)
    in a plan that names the lead of its other tasks leaves a task with nobody in charge.

    Bad:
        - number: 1
          title: 培育壮大科技企业群体
          lead: [区科工局]
        - number: 2
          title: 建设研发平台
          lead: []
          responsible: [区发改委]

    Good:
        - number: 1
          title: 培育壮大科技企业群体
          lead: [区科工局]
        - number: 2
          title: 建设研发平台
          responsible: [区发改委]
    """
    placed_all = ctx.shared(placed_tasks)
    leads = any(placed.task.lead for placed in placed_all)  # does the plan use the role?
    for placed in placed_all:
        task = placed.task
        blank = "lead" in task.model_fields_set  # written, and empty: printed blank
        if not task.lead and (not task.responsible or (leads and blank)):
            yield ctx.in_tasks(
                placed.source("lead"),
                placed.path("lead"),
                task=task.number,
                title=task.title,
            )


@rule(
    "PC604",
    "lead-also-responsible",
    Severity.INFO,
    "The lead office is also responsible",
    "task {task} ({title}): {offices} listed both as lead and as responsible",
)
def lead_also_responsible(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: an office may lead a task and carry it out, and plans often print it in both
    columns; it is noted so that a reviewer can tell a deliberate double role from a row
    copied into the wrong column.

    Bad:
        lead: [区科工局]
        responsible: [区科工局]

    Good:
        lead: [区科工局]
        responsible: [青云谱区税务局]
    """
    registry = ctx.offices
    if registry is None:
        return
    for placed in ctx.shared(placed_tasks):
        task = placed.task
        lead = {registry.office(name) for name in task.lead} - {None}
        both = [name for name in task.responsible if registry.office(name) in lead]
        if both:
            yield ctx.in_tasks(
                placed.source("responsible"),
                placed.path("responsible"),
                task=task.number,
                title=task.title,
                offices="、".join(both),
            )


@rule(
    "PC605",
    "office-listed-twice",
    Severity.WARNING,
    "An office appears twice in a task",
    "task {task} ({title}): {office} is listed in {role} and again in {other}",
    localize=lambda args: {
        **args,
        "role": words(ROLE_WORDS, args["role"]),
        "other": SAME_ROLE.text
        if args["other"] == args["role"]
        else words(ROLE_WORDS, args["other"]),
    },
)
def office_listed_twice(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: an office is either responsible or cooperating, not both; listing it twice (or
    twice in one column) is a copy slip. Lead and responsible together is PC604.

    Bad:
        lead: [区科工局]
        responsible: [区金融办]
        cooperating: [区金融办, 区财政局]

    Good:
        lead: [区科工局]
        responsible: [区金融办]
        cooperating: [区财政局]
    """
    registry = ctx.offices
    if registry is None:
        return
    for placed in ctx.shared(placed_tasks):
        task = placed.task
        seen: dict[str, str] = {}
        for role in ROLES:
            for index, name in enumerate(getattr(task, role)):
                if name == ETC:
                    continue  # 等 closes each open list: no office, never twice
                office = registry.office(name) or name
                first = seen.get(office)
                if first is not None and {first, role} != {"lead", "responsible"}:
                    yield ctx.in_tasks(
                        placed.source(role, index),
                        placed.path(role, name),
                        task=task.number,
                        title=task.title,
                        office=name,
                        role=first,
                        other=role,
                    )
                seen.setdefault(office, role)


@rule(
    "PC608",
    "office-in-two-groups",
    Severity.WARNING,
    "An office belongs to two groups",
    "{office} is a member of both {first} and {second}; a task that lists both groups names "
    "it twice, and a list that names one may be read as leaving it out",
)
def office_in_two_groups(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: groups (各街办、镇、集聚区) stand for sets of offices that a reader expands in the
    head; an office in two closed groups is usually a group defined too widely or a member
    listed under the wrong group.

    Bad:
        groups:
          各街办: {members: [洪都街办, 京山街办]}
          各镇: {members: [青云谱镇, 洪都街办]}

    Good:
        groups:
          各街办: {members: [洪都街办, 京山街办]}
          各镇: {members: [青云谱镇]}
    """
    tasks, registry = ctx.tasks, ctx.offices
    if tasks is None or registry is None:
        return
    first_group: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    for name, group in tasks.groups.items():
        if group.open:
            continue  # an open set overlaps everything of its kinds by design
        offices = members[name] = registry.members(name)[0]
        for office in sorted(offices):
            first = first_group.setdefault(office, name)
            if first != name and not _one_group(tasks.groups, members, first, name):
                yield ctx.in_tasks(
                    ("groups", name), f"groups.{name}.{office}", on_key=True,
                    office=office, first=first, second=name,
                )  # fmt: skip


def _one_group(
    groups: Mapping[str, Group], members: Mapping[str, set[str]], a: str, b: str
) -> bool:
    """Two names of one set (各乡镇 and 各乡镇人民政府 stand for the same towns), or a group
    and one it lists as a member (nested by design): no office is in two groups."""
    return members[a] == members[b] or a in groups[b].members or b in groups[a].members
