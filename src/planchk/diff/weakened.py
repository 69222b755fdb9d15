"""Settings in the plan files that a change makes weaker: `check-weakened` (PC904).

The configuration `planchk diff` uses comes from the base revision (--config-revision), but the
plan files hold settings of their own checks: `sum: none`, a wider `tolerance`, `trend: free`,
`kind: ratio`, `blank: missing`, `decimals: stored`, a unit's `whole: false`, a relation
removed, a group of offices made open. A pull request that changes a figure and such a setting
together passes `validate`; here each setting the new revision makes weaker than the old one
has it is a finding that `--fail-on-new` counts. Weaker means the check now accepts something
it refused (exact → at_least accepts parts above their total); a stronger setting is no
finding. Only what the old revision checks can be weakened: an indicator is matched by its
id, or by its name where its id is new (a renamed id is no way around the check); what the
new revision adds (an indicator, a file, a group) has settings of its own, which `import`
writes from the printed table (`decimals: stored`, a tolerance of a coarser figure), and is
the diff's `indicator-added`, not a weakening.

Everything is compared on the new revision's figures and with the one configuration both sides
are checked with, through the same functions the rules use (PlanContext.sum_modes,
sums.tolerance_of), so what counts as weaker is what the rules would do.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from planchk.codes.meta import CHECK_WEAKENED, NOT_SET, REMOVED
from planchk.config import Config
from planchk.diff.sides import Side
from planchk.errors import RelationError
from planchk.findings import Arg, Finding, Location, Problem
from planchk.loader import LoadedFile
from planchk.models import TargetsFile, TasksFile
from planchk.models.settings import shown
from planchk.models.targets import Indicator
from planchk.plan.relations import parse
from planchk.rules.context import PlanContext
from planchk.rules.sums import tolerance_of

# What each sum mode accepts of the parts against their total.
ACCEPTS = {"exact": {"="}, "at_least": {"=", ">"}, "at_most": {"=", "<"}, "none": {"=", "<", ">"}}
TREND_RANK = {"non_decreasing": 2, "growth_expected": 1, "free": 0}
# Checks an indicator's kind makes besides its sums and trend: period totals (PC111), whole
# counts (PC402) and no negative figure (PC307); a ratio none of them, a change no PC307.
KIND_CHECKS = {
    "stock": {"period", "whole", "negative"},
    "flow": {"period", "whole", "negative"},
    "change": {"period", "whole"},
    "ratio": set(),
}
SETTINGS = ("kind", "sum", "trend", "tolerance", "blank", "decimals")


def weakened_settings(old: Side, new: Side, config: Config) -> tuple[Finding, ...]:
    """Each setting of the new side's plan files weaker than the old side has it, as a
    finding of the new side (configured: ignored or re-levelled as the configuration says)."""
    if not config.enabled(CHECK_WEAKENED.code):
        return ()
    level = config.severity.get(CHECK_WEAKENED.code, CHECK_WEAKENED.severity)
    found: list[Finding] = []
    for key, file in new.files.items():
        before = old.files.get(key)
        for problem in _weakened_in(file, before, old, new, config):
            finding = CHECK_WEAKENED.finding(problem)
            found.append(finding if finding.severity == level else replace(finding, severity=level))
    return tuple(found)


def _weakened_in(
    file: LoadedFile, before: LoadedFile | None, old: Side, new: Side, config: Config
) -> Iterator[Problem]:
    model, old_model = file.model, before.model if before is not None else None
    if isinstance(model, TargetsFile) and isinstance(old_model, TargetsFile):
        ctx, old_ctx = _context(new, file, config), _context(old, before, config)
        yield from _targets(file, model, old_model, ctx, old_ctx)
    elif isinstance(model, TasksFile) and isinstance(old_model, TasksFile):
        yield from _tasks(file, model, old_model)


def _context(side: Side, file: LoadedFile | None, config: Config) -> PlanContext:
    """The file's plan as the rules see it: with its tasks, under the one configuration."""
    plan = next((p for p in side.discovery.plans if file is not None and p.targets is file), None)
    return PlanContext(file, plan.tasks if plan else None, config, suggest=False)


def _targets(
    file: LoadedFile, new: TargetsFile, old: TargetsFile, ctx: PlanContext, old_ctx: PlanContext
) -> Iterator[Problem]:
    # An id the new revision no longer has, by its indicator's name: a renamed id's old self.
    renamed = {i.name: i for key, i in old.indicators.items() if key not in new.indicators}
    for ind_id, indicator in new.indicators.items():
        before = old.indicators.get(ind_id) or renamed.get(indicator.name)
        if before is None:
            continue  # new: its settings are its own (the diff lists it as added)
        # The old settings on the new figures: compared year by year, sum by sum.
        was = indicator.model_copy(update={name: getattr(before, name) for name in SETTINGS})
        for setting, effects in _indicator(ind_id, indicator, was, ctx).items():
            path = ("indicators", ind_id, setting)
            yield _problem(file, path, getattr(was, setting), getattr(indicator, setting), effects)
    yield from _units(file, new, ctx, old_ctx)
    yield from _relations(file, new, old)


def _relations(file: LoadedFile, new: TargetsFile, old: TargetsFile) -> Iterator[Problem]:
    """A relation the old side checks and the new one does not, though every indicator it
    names is still there (one that names an indicator removed has nothing left to check)."""
    kept = {" ".join(relation.split()) for relation in new.relations}
    names = {ind_id: ind_id for ind_id in new.indicators}
    names.update({indicator.name: ind_id for ind_id, indicator in new.indicators.items()})
    for relation in old.relations:
        if " ".join(relation.split()) in kept:
            continue
        try:
            parse(relation, names)
        except RelationError:
            continue
        yield _problem(file, ("relations",), relation, REMOVED.key, ["relation"])


def _indicator(
    ind_id: str, new: Indicator, was: Indicator, ctx: PlanContext
) -> dict[str, list[str]]:
    """The settings that weaken a check of the indicator -> the effects, in neutral words.
    A weakening is the setting's own when changing that setting alone weakens the check;
    else it is the kind's (a flow made a ratio is summed no more, its `sum` left alone)."""

    def sums(after: Indicator, before: Indicator) -> bool:
        modes, old_modes = ctx.sum_modes(after), ctx.sum_modes(before)
        return any(ACCEPTS[m] - ACCEPTS[o] for m, o in zip(modes, old_modes, strict=True))

    def trend(after: Indicator, before: Indicator) -> bool:
        return TREND_RANK[after.trend_policy] < TREND_RANK[before.trend_policy]

    def tolerance(after: Indicator, before: Indicator) -> bool:
        differs = after.tolerance != before.tolerance
        return differs and _wider(ind_id, after, before, ctx, ctx.sum_modes(after))

    def blank(after: Indicator, before: Indicator) -> bool:
        return after.kind != "ratio" and before.blank_is_zero and not after.blank_is_zero

    def decimals(after: Indicator, before: Indicator) -> bool:
        return before.decimals != "stored" and after.decimals == "stored"

    effects: dict[str, list[str]] = {}
    checks = {"sum": sums, "trend": trend, "tolerance": tolerance, "blank": blank}
    for setting, weaker in {**checks, "decimals": decimals}.items():
        if weaker(new, was):
            alone = was.model_copy(update={setting: getattr(new, setting)})
            own = weaker(alone, was) or new.kind == was.kind
            effects.setdefault(setting if own else "kind", []).append(setting)
    if KIND_CHECKS[was.kind] - KIND_CHECKS[new.kind]:
        effects.setdefault("kind", []).append("kind")
    return effects


def _wider(
    ind_id: str, new: Indicator, was: Indicator, ctx: PlanContext, modes: Sequence[str]
) -> bool:
    """Whether some sum the indicator checks accepts a larger miss as rounding: each sum's
    tolerance worked out as sums.tolerance_of does, on the new figures, both ways."""
    hierarchy = ctx.hierarchy
    if hierarchy is None:
        return False
    rows = ctx.rows(ind_id)
    for parent, parts in hierarchy.parts.items():
        lines = [rows.get(area) for area in (parent, *parts)]
        for index, year in enumerate(new.years):
            if modes[index] == "none":
                continue
            values = [row[index] for row in lines if row is not None and len(row) > index]
            figures = [value for value in values if isinstance(value, Decimal)]
            column = (parent, year)
            if tolerance_of(ctx, new, figures, column) > tolerance_of(ctx, was, figures, column):
                return True
    return False


def _units(
    file: LoadedFile, new: TargetsFile, ctx: PlanContext, old_ctx: PlanContext
) -> Iterator[Problem]:
    """A unit declared (or declared again) not whole where the old side's, or the built-in
    one of that name, is whole: its figures no longer need to be whole numbers."""
    for name in new.units:
        unit, before = ctx.units.get(name), old_ctx.units.get(name)
        if unit is not None and before is not None and before.whole and not unit.whole:
            yield _problem(file, ("units", name, "whole"), True, False, ["whole"])


def _tasks(file: LoadedFile, new: TasksFile, old: TasksFile) -> Iterator[Problem]:
    """A group of offices made open (any office of its kinds belongs to it), or an open group
    given more kinds: offices that were outside it are now its members."""
    for name, group in new.groups.items():
        before = old.groups.get(name)
        if before is None or not group.open:
            continue
        if not before.open:
            yield _problem(file, ("groups", name, "open"), False, True, ["open"])
        elif set(group.kinds) - set(before.kinds):
            kinds = ("groups", name, "kinds")
            yield _problem(file, kinds, before.kinds, group.kinds, ["kinds"])


def _problem(
    file: LoadedFile,
    path: tuple[str, ...],
    old: object,
    new: object,
    effects: list[str],
) -> Problem:
    line, column = file.sourcemap.key(path) or file.sourcemap.nearest(path)
    args: dict[str, Arg] = {
        "setting": ".".join(path),
        "old": _shown(old),
        "new": _shown(new),
        "effect": ",".join(effects),
    }
    return Problem(Location(file.display, line, column), ".".join(path), args)


def _shown(value: object) -> str:
    """A setting as the file writes it; not set, or removed, as a neutral key that the
    message says in words (CHECK_WEAKENED's localize)."""
    if value is None:
        return NOT_SET.key
    if value == REMOVED.key:
        return REMOVED.key
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return shown(value if not isinstance(value, Mapping) else dict(value))
