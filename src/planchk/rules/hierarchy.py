"""The areas form one tree and aliases lead to its areas: PC033, PC034, PC039 (the tree) and
PC035, PC037, PC038 (aliases), of the references family (PC030-PC039).

The family's other half (a name a table, office list or goal uses resolves) is
planchk.rules.references; these rules read only the declared `areas:` and `aliases:`.
"""

from __future__ import annotations

from collections.abc import Iterator

from planchk.findings import Problem, Severity
from planchk.registry import rule
from planchk.rules.context import PlanContext
from planchk.rules.lookups import joined_tops

E = Severity.ERROR


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
    nothing above it. Top areas whose trees no indicator shares (two tables side by side,
    收入合计 over the income and 支出合计 over the spending) are separate tables, not this;
    nor are areas of which none has parts (the projects of a list that prints no total row):
    a list, with nothing to add up.

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
    if hierarchy is None or len(hierarchy.roots) < 2 or not hierarchy.parent:
        return  # (no area is a part: a list of entries, no tree with a top forgotten)
    for roots in ctx.shared(joined_tops):  # the tops that one table's indicators print
        for root in roots[1:]:
            yield ctx.in_targets(
                ("areas", root), f"areas.{root}", on_key=True,
                area=root, count=len(roots), roots=", ".join(roots),
            )  # fmt: skip
