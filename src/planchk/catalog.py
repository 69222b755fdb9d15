"""The complete catalogue of finding codes: every family, imported here explicitly.

Nothing is discovered by scanning folders: a family that is not imported here does not run,
and its codes are unknown to configuration, waivers and the outputs. Whatever needs every
code (the engine, configuration, waivers, the formats that list rules) asks this module.
"""

from __future__ import annotations

from planchk.codes import input as input_codes
from planchk.codes import meta as meta_codes
from planchk.codes import schema as schema_codes
from planchk.registry import CodeInfo, all_codes, get, resolve, rules
from planchk.rules import (
    coverage,
    goal_readings,
    goal_wording,
    goals,
    hierarchy,
    numbering,
    period_totals,
    plausibility,
    plausible_totals,
    references,
    relations,
    tasks,
    totals,
    trends,
    units,
    years,
)

FAMILY_MODULES = (
    input_codes,
    schema_codes,
    references,
    hierarchy,
    totals,
    period_totals,
    relations,
    trends,
    coverage,
    years,
    units,
    goals,
    goal_wording,
    goal_readings,
    tasks,
    numbering,
    plausibility,
    plausible_totals,
    meta_codes,
)

__all__ = [
    "FAMILY_MODULES",
    "CodeInfo",
    "all_codes",
    "coverage",
    "get",
    "goal_readings",
    "goal_wording",
    "goals",
    "hierarchy",
    "numbering",
    "plausibility",
    "plausible_totals",
    "references",
    "relations",
    "resolve",
    "rules",
    "tasks",
    "totals",
    "trends",
    "units",
    "years",
]
