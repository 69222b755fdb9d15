"""Table cells are numbers as printed, or blank: checked here, fast, for every row.

Pydantic passes table rows through unvalidated (see planchk.models.common.Row); a cell holding
text, a boolean or a list is reported here with the same code and arguments as any other value
of the wrong type.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from typing import Any

from planchk.codes.schema import WRONG_TYPE
from planchk.findings import Location, Problem
from planchk.loader.schema_errors import value_kind
from planchk.loader.sourcemap import SourceMap
from planchk.registry import CodeInfo

_CELL_TYPES = frozenset({Decimal, type(None)})


def cell_problems(data: dict[str, Any], smap: SourceMap) -> Iterator[tuple[CodeInfo, Problem]]:
    """Cells of the raw document that are neither numbers nor blank (other shapes: pydantic)."""
    for ind_id, rows in _tables(data):
        lists = [row for row in rows.values() if type(row) is list]
        if set(map(type, chain.from_iterable(lists))) <= _CELL_TYPES:
            continue  # every cell a number or blank: decided at C speed
        for area, row in rows.items():
            for index, value in enumerate(row if type(row) is list else ()):
                if type(value) not in _CELL_TYPES:
                    yield (
                        WRONG_TYPE,
                        _problem(smap, ("indicators", ind_id, "values", area, index), value),
                    )


def _tables(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    indicators = data.get("indicators")
    if isinstance(indicators, dict):
        for ind_id, indicator in indicators.items():
            if isinstance(indicator, dict) and isinstance(indicator.get("values"), dict):
                yield ind_id, indicator["values"]


def _problem(smap: SourceMap, loc: tuple[str | int, ...], value: Any) -> Problem:
    line, column = smap.nearest(loc)
    found_kind, found = value_kind(value)
    field = ".".join(str(p) for p in loc[:-1]) + f"[{loc[-1]}]"
    args = {"field": field, "expected": "number", "found_kind": found_kind, "found": found}
    return Problem(Location(smap.file, line, column), ".".join(map(str, loc)), args)
