"""Every rule family, imported here explicitly so that the catalogue is complete and ordered.

Nothing is discovered by scanning folders: a family that is not imported here does not run.
"""

from planchk import discover, engine, waivers
from planchk.loader import codes as load_codes
from planchk.loader import schema_errors
from planchk.rules import (
    coverage,
    goals,
    plausibility,
    references,
    relations,
    tasks,
    totals,
    trends,
    units,
)

__all__ = [
    "coverage",
    "discover",
    "engine",
    "goals",
    "load_codes",
    "plausibility",
    "references",
    "relations",
    "schema_errors",
    "tasks",
    "totals",
    "trends",
    "units",
    "waivers",
]
