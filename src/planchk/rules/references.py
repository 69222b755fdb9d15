"""References and structure: names resolve, the hierarchy is a tree, aliases lead to areas.

Over the 300 lines modules aim for: one family of ten small rules, half of each rule's lines
its documentation (why, a bad and a good example); splitting the family would scatter it.
"""

from __future__ import annotations

from collections.abc import Iterator

from planchk.findings import Problem, Severity
from planchk.registry import rule
from planchk.rules.context import PlanContext

E = Severity.ERROR


@rule(
    "PC030",
    "unknown-area",
    E,
    "Unknown area",
    "`{name}` is not an area of the hierarchy (`areas:`) or an alias of one (`aliases:`)",
)
def unknown_area(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a row, goal or group that names an area outside the hierarchy is a typo or a
    forgotten area; its values would otherwise be left out of every sum.

    Bad:
        areas:
          青云谱区: [洪都街办, 京山街办]
        ...
          values:
            洪都街道办: [5, 6, 7]

    Good:
        aliases:
          洪都街道: 洪都街办
        ...
          values:
            洪都街办: [5, 6, 7]
    """
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is not None and hierarchy is not None:
        for ind_id, indicator in targets.indicators.items():
            for name in set(indicator.values).difference(hierarchy.known):
                if hierarchy.canonical(name) is None:
                    source: tuple[str | int, ...] = ("indicators", ind_id, "values", name)
                    path = f"indicators.{ind_id}.values.{name}"
                    yield ctx.in_targets(source, path, on_key=True, name=name)
        for goal_id, goal in targets.goals.items():
            if goal.area is not None and hierarchy.canonical(goal.area) is None:
                yield ctx.in_targets(
                    ("goals", goal_id, "area"), f"goals.{goal_id}.area", name=goal.area
                )
    tasks = ctx.tasks
    if tasks is not None and hierarchy is not None:
        for group_name, group in tasks.groups.items():
            if group.areas_under is not None and hierarchy.canonical(group.areas_under) is None:
                yield ctx.in_tasks(
                    ("groups", group_name, "areas_under"),
                    f"groups.{group_name}.areas_under",
                    name=group.areas_under,
                )


@rule(
    "PC031",
    "unknown-office",
    E,
    "Unknown office",
    "`{name}` is not a known office, alias, area or group; add it under `offices:` or "
    "`groups:` in the tasks file, or correct the spelling",
    needs_areas=True,
)
def unknown_office(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: office lists are compared by name; a misspelt office (区科技局 for 区科工局) would
    be reported as missing from the other list, or hide a real omission.

    Bad:
        offices:
          区科工局: {kind: department}
        ...
        lead: [区科技局]

    Good:
        lead: [区科工局]
    """
    tasks, registry = ctx.tasks, ctx.offices
    if tasks is None or registry is None:
        return
    for s_index, section in enumerate(tasks.sections):
        for t_index, task in enumerate(section.tasks):
            for role in ("lead", "responsible", "cooperating", "text_offices"):
                for i, name in enumerate(getattr(task, role) or ()):
                    if not registry.known(name):
                        source: tuple[str | int, ...] = (
                            "sections",
                            s_index,
                            "tasks",
                            t_index,
                            role,
                            i,
                        )
                        yield ctx.in_tasks(source, f"tasks.{task.number}.{role}.{name}", name=name)
    for group_name, group in tasks.groups.items():
        for i, name in enumerate(group.members):
            if not registry.known(name):
                yield ctx.in_tasks(
                    ("groups", group_name, "members", i),
                    f"groups.{group_name}.members.{name}",
                    name=name,
                )


@rule(
    "PC032",
    "unknown-indicator",
    E,
    "Unknown indicator",
    "goal `{goal}` refers to the indicator `{name}`, which is not defined under `indicators:`",
)
def unknown_indicator(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a goal tied to a misspelt indicator is silently never checked against its table.

    Bad:
        indicators:
          patent_applications: {...}
        goals:
          patents: {indicator: patent_application, ...}

    Good:
        goals:
          patents: {indicator: patent_applications, ...}
    """
    for goal_id, goal in ctx.goals():
        if goal.indicator is not None and ctx.indicator(goal.indicator) is None:
            source = ("goals", goal_id, "indicator")
            yield ctx.in_targets(source, ".".join(source), goal=goal_id, name=goal.indicator)


@rule(
    "PC033",
    "area-multiple-parents",
    E,
    "An area has two parents",
    "`{area}` is a part of both {first} and {second}; an area adds up into one parent only",
)
def area_multiple_parents(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: if an area counted towards two totals, one of them would count it twice. Areas
    listed beside a parent without being nested in it (计划单列市 beside provinces) are
    simply parts of the common total.

    Bad:
        areas:
          全市: [东区, 西区, 开发区]
          东区: [开发区, 甲街道]

    Good:
        areas:
          全市: [东区, 西区, 开发区]
          东区: [甲街道, 乙街道]
    """
    hierarchy = ctx.hierarchy
    if hierarchy is None:
        return
    for parent, parts in hierarchy.parts.items():
        seen: set[str] = set()  # the parts listed before this one: a set, so one pass is linear
        for index, area in enumerate(parts):
            first = hierarchy.parent[area]
            listed_before = area in seen
            seen.add(area)
            if first != parent:
                yield ctx.in_targets(
                    ("areas", parent, index),
                    f"areas.{parent}.{area}",
                    area=area,
                    first=first,
                    second=parent,
                )
            elif listed_before:
                yield ctx.in_targets(
                    ("areas", parent, index),
                    f"areas.{parent}.{area}",
                    area=area,
                    first=parent,
                    second=parent,
                )


@rule(
    "PC034",
    "area-cycle",
    E,
    "The hierarchy has a cycle",
    "the area hierarchy goes round in a circle: {cycle}",
)
def area_cycle(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a total cannot be a part of itself, however many levels down.

    Bad:
        areas:
          全市: [东区]
          东区: [全市]

    Good:
        areas:
          全市: [东区]
          东区: [甲街道]
    """
    hierarchy = ctx.hierarchy
    if hierarchy is None:
        return
    for cycle in hierarchy.cycles():
        head = min(cycle)
        yield ctx.in_targets(
            ("areas", head),
            f"areas.{head}",
            on_key=True,
            cycle=" → ".join([*cycle, cycle[0]]),
        )


def _aliases(ctx: PlanContext, kind: str) -> Iterator[Problem]:
    hierarchy = ctx.hierarchy
    if hierarchy is None:
        return
    for alias, target in hierarchy.aliases.items():
        if alias in hierarchy.areas:
            found = "shadows"
        elif target in hierarchy.aliases:
            found = "chain"
        elif target not in hierarchy.areas:
            found = "unknown"
        else:
            continue
        if found == kind:
            final = hierarchy.aliases.get(target, target)
            yield ctx.in_targets(
                ("aliases", alias), f"aliases.{alias}", alias=alias, target=target, final=final
            )


@rule(
    "PC035",
    "alias-unknown-target",
    E,
    "An alias points to no area",
    "alias `{alias}` points to `{target}`, which is not an area of the hierarchy",
)
def alias_unknown_target(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: an alias must lead to an area of the hierarchy; otherwise every row, goal and
    office list that uses the alias is left unresolved.

    Bad:
        areas:
          青云谱区: [洪都街办, 京山街办]
        aliases:
          洪都街道: 洪都街道办事处

    Good:
        aliases:
          洪都街道: 洪都街办
    """
    yield from _aliases(ctx, "unknown")


@rule(
    "PC037",
    "alias-chain",
    E,
    "An alias points to another alias",
    "alias `{alias}` points to `{target}`, which is itself an alias; point it at `{final}`",
)
def alias_chain(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: aliases resolve in one step, so that every name's area can be read off one line.

    Bad:
        areas:
          青云谱区: [洪都街办, 京山街办]
        aliases:
          洪都街道: 洪都街办
          洪都: 洪都街道

    Good:
        aliases:
          洪都街道: 洪都街办
          洪都: 洪都街办
    """
    yield from _aliases(ctx, "chain")


@rule(
    "PC038",
    "alias-shadows-area",
    E,
    "An alias is also an area's name",
    "`{alias}` is an area of the hierarchy and also an alias of `{target}`",
)
def alias_shadows_area(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a name that is both an area and an alias of another area is ambiguous: its rows
    could belong to either.

    Bad:
        areas:
          全区: [洪都街办, 洪都街道]
        aliases:
          洪都街道: 洪都街办

    Good:
        areas:
          全区: [洪都街办]
        aliases:
          洪都街道: 洪都街办
    """
    yield from _aliases(ctx, "shadows")


@rule(
    "PC036",
    "row-duplicate",
    E,
    "Two rows for one area",
    "{name} ({indicator}): the rows `{row}` and `{first}` are the same area",
)
def row_duplicate(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a row typed under an area's name and another under its alias give the area two
    targets; only one of them can be right.

    Bad:
        aliases: {洪都街道: 洪都街办}
        values:
          洪都街办: [5, 6, 7]
          洪都街道: [5, 6, 8]

    Good:
        values:
          洪都街办: [5, 6, 7]
    """
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is None or hierarchy is None:
        return
    for ind_id, indicator in targets.indicators.items():
        if hierarchy.known.issuperset(indicator.values):
            continue  # rows under areas' own names: a mapping cannot hold one name twice
        seen: dict[str, str] = {}
        for row in indicator.values:
            area = hierarchy.canonical(row)
            if area is None:
                continue
            if area in seen:
                source = ("indicators", ind_id, "values", row)
                yield ctx.in_targets(
                    source,
                    ".".join(source),
                    on_key=True,
                    name=indicator.name,
                    indicator=ind_id,
                    row=row,
                    first=seen[area],
                )
            seen.setdefault(area, row)


@rule(
    "PC039",
    "area-several-tops",
    Severity.WARNING,
    "The hierarchy has more than one top area",
    "`{area}` is no area's part: the hierarchy has {count} top areas ({roots}), "
    "so its parts add up into no common total",
)
def area_several_tops(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a plan's areas add up into one total (the district, the city); a second top area is
    usually a parent whose own parent was forgotten, and its parts are then checked against
    nothing above it.

    Bad:
        areas:
          全市: [东区, 西区]
          南区: [甲街道, 乙街道]

    Good:
        areas:
          全市: [东区, 西区, 南区]
          南区: [甲街道, 乙街道]
    """
    hierarchy = ctx.hierarchy
    if hierarchy is None or len(hierarchy.roots) < 2:
        return
    roots = hierarchy.roots
    for root in roots[1:]:
        yield ctx.in_targets(
            ("areas", root), f"areas.{root}", on_key=True,
            area=root, count=len(roots), roots=", ".join(roots),
        )  # fmt: skip
