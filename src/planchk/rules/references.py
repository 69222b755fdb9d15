"""References: every name a table, office list or goal uses resolves (PC030-PC032, PC036),
and every year a per-year setting names is one of its table's (PC040).

The family's other half, the areas tree and its aliases (PC033-PC035, PC037-PC039), is
planchk.rules.hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planchk.findings import Problem, Severity
from planchk.models.targets import Indicator
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
            青云谱区: [12, 14, 16]
            洪都街办: [5, 6, 7]
            京山街办: [7, 8, 9]
    """
    targets, hierarchy = ctx.targets, ctx.hierarchy
    if targets is not None and hierarchy is not None:
        for ind_id, indicator in targets.indicators.items():
            for name in set(indicator.values).difference(hierarchy.known):
                if hierarchy.canonical(name) is None:
                    source: tuple[str | int, ...] = ("indicators", ind_id, "values", name)
                    path = f"indicators.{ind_id}.values.{name}"
                    yield ctx.in_targets(source, path, on_key=True, name=name)
            for field, name in _setting_areas(indicator):
                if hierarchy.canonical(name) is None:
                    source = ("indicators", ind_id, field, name)
                    yield ctx.in_targets(source, ".".join(source), on_key=True, name=name)
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


def _setting_areas(indicator: Indicator) -> list[tuple[str, str]]:
    """The areas an indicator's settings name, by field: a tolerance by area ({甲县: {2024:
    501}}) and the period totals (whose figure PC111 checks only in a known area's row)."""
    tolerance = indicator.tolerance
    found: list[tuple[str, str]] = []
    if isinstance(tolerance, dict):
        found += [("tolerance", str(k)) for k, v in tolerance.items() if isinstance(v, dict)]
    return found + [("period_total", name) for name in indicator.period_total]


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
    "PC040",
    "unknown-year",
    E,
    "A per-year setting names a year the table does not have",
    "{name} ({indicator}): `{setting}` names {year}, which is not one of its years ({years})",
)
def unknown_year(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: `sum` and `tolerance` can be set by year (a tolerance by area and year, too); a
    year the table has no column for (a typo, or a table that dropped a year) sets nothing,
    and the year meant keeps the default without a word.

    Bad:
        sum: {2024: at_least, 2052: at_most}
        years: [2024, 2025]

    Good:
        sum: {2024: at_least, 2025: at_most}
        years: [2024, 2025]
    """
    for ind_id, indicator in ctx.indicators():
        known = set(indicator.years)
        for setting, years in _per_year(indicator):
            for year in years:
                if year not in known:
                    source = ("indicators", ind_id, *setting, str(year))
                    yield ctx.in_targets(
                        source, ".".join(source), on_key=True, name=indicator.name,
                        indicator=ind_id, setting=".".join(setting), year=year,
                        years=", ".join(map(str, indicator.years)),
                    )  # fmt: skip


def _per_year(indicator: Indicator) -> Iterator[tuple[tuple[str, ...], Iterable[int | str]]]:
    """Each mapping by year of the indicator's settings, with where it is written: `sum`,
    `tolerance`, or an area's tolerance (`tolerance.甲县`)."""
    if isinstance(indicator.sum, dict):
        yield ("sum",), indicator.sum
    tolerance = indicator.tolerance
    if not isinstance(tolerance, dict):
        return
    yield ("tolerance",), [key for key, value in tolerance.items() if not isinstance(value, dict)]
    for key, value in tolerance.items():
        if isinstance(value, dict):  # an area's, by year
            yield ("tolerance", str(key)), value
