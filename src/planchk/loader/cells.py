"""Table cells are numbers as printed, or blank: checked here, fast, for every row.

Pydantic passes table rows through unvalidated (see planchk.models.common.Row); a cell holding
text, a boolean or a list is reported here with the same code and arguments as any other value
of the wrong type.

A plan can hold 600,000 such cells (`["10", 1]` on every row): the first `limit` of a file
are reported, and one PC903 says how many more there are, as the cap says it of a rule's
findings (suppress.cap; fatal findings pass the cap, so the loader keeps to it itself).
Finding a cell's place and making its finding are most of the cost: the rest are counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from planchk.codes.meta import FINDINGS_CAPPED
from planchk.codes.schema import WRONG_TYPE
from planchk.findings import Arg, Location, Problem
from planchk.loader.schema_errors import value_kind
from planchk.loader.sourcemap import SourceMap
from planchk.registry import CodeInfo

_CELL_TYPES = frozenset({Decimal, type(None)})
# The default of max-findings-per-rule (config: tests/test_loader_cells.py keeps them equal).
MAX_FINDINGS = 1000

Wrong = tuple[tuple[str | int, ...], Any]  # a cell's data path and its value


def cell_problems(
    data: dict[str, Any], smap: SourceMap, limit: int = MAX_FINDINGS
) -> Iterator[tuple[CodeInfo, Problem]]:
    """Cells of the raw document that are neither numbers nor blank (other shapes: pydantic):
    the first `limit` (0: all), then one PC903 that counts the rest."""
    wrong = _wrong_cells(data)
    for loc, value in islice(wrong, limit) if limit > 0 else wrong:
        yield WRONG_TYPE, _problem(smap, loc, value)
    first = next(wrong, None)
    if first is not None:
        more = 1 + sum(1 for _ in wrong)
        at = _problem(smap, *first)
        rule = f"{WRONG_TYPE.code} {WRONG_TYPE.slug}"
        args: dict[str, Arg] = {"rule": rule, "count": more, "limit": limit}
        yield FINDINGS_CAPPED, Problem(at.location, at.path, args)


def _wrong_cells(data: dict[str, Any]) -> Iterator[Wrong]:
    """Each cell that is neither a number nor blank, with its path: no place, no finding."""
    for ind_id, rows in _tables(data):
        lists = [row for row in rows.values() if type(row) is list]
        if set(map(type, chain.from_iterable(lists))) <= _CELL_TYPES:
            continue  # every cell a number or blank: decided at C speed
        for area, row in rows.items():
            for index, value in enumerate(row if type(row) is list else ()):
                if type(value) not in _CELL_TYPES:
                    yield ("indicators", ind_id, "values", area, index), value


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
