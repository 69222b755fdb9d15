"""Table cells are numbers as printed, or blank: checked here, fast, for every row.

Pydantic passes table rows through unvalidated (see planchk.models.common.Row); a cell holding
text, a boolean or a list is reported here with the same code and arguments as any other value
of the wrong type.

A plan can hold 600,000 such cells (`["10", 1]` on every row): the first `limit` of a file
are reported, and one PC903 says how many more there are (loader.capped: fatal findings pass
the run's cap, so the loader keeps to it itself). Finding a cell's place and making its
finding are most of the cost: the rest are counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from typing import Any

from planchk.codes.schema import WRONG_TYPE
from planchk.findings import Location, Problem
from planchk.loader.capped import FileCap
from planchk.loader.schema_errors import not_a_list, value_kind
from planchk.loader.sourcemap import SourceMap

_CELL_TYPES = frozenset({Decimal, type(None)})
# The default of max-findings-per-rule (config: tests/test_loader_cells.py keeps them equal).
MAX_FINDINGS = 1000

Wrong = tuple[tuple[str | int, ...], Any]  # a cell's data path and its value


def add_cells(data: dict[str, Any], smap: SourceMap, cap: FileCap) -> None:
    """Cells of the raw document that are neither numbers nor blank (other shapes: pydantic),
    into the file's cap: as many as it keeps, then the rest counted without a place each."""
    wrong = _wrong_cells(data)
    for loc, value in wrong:
        if not cap.room(WRONG_TYPE):
            cap.left_out(WRONG_TYPE, _problem(smap, loc, value), 1 + sum(1 for _ in wrong))
            return
        cap.add(WRONG_TYPE, _problem(smap, loc, value))


def rows_for_schema(data: dict[str, Any], smap: SourceMap, cap: FileCap) -> dict[str, Any]:
    """The document for the schema to check, less the rows that are not lists (a number
    where a row is due), each of which goes into the file's cap as the finding the schema
    gives it (PC022, a list expected): 600,000 such rows were 600,000 errors of pydantic's,
    1 GB. The document itself is left as it is (the loader reports from it)."""
    bad = [
        (ind_id, rows) for ind_id, rows in _tables(data) if not all(map(_is_list, rows.values()))
    ]
    if not bad:
        return data
    checked, indicators = dict(data), dict(data["indicators"])
    checked["indicators"] = indicators
    for ind_id, rows in bad:
        indicators[ind_id] = {
            **indicators[ind_id],
            "values": dict(filter(_row_is_list, rows.items())),
        }
    wrong = (
        (("indicators", ind_id, "values", area), row)
        for ind_id, rows in bad
        for area, row in rows.items()
        if type(row) is not list
    )
    for loc, row in wrong:
        if not cap.room(WRONG_TYPE):
            cap.left_out(WRONG_TYPE, not_a_list(smap, loc, row), 1 + sum(1 for _ in wrong))
            break
        cap.add(WRONG_TYPE, not_a_list(smap, loc, row))
    return checked


def _is_list(value: object) -> bool:
    return type(value) is list


def _row_is_list(item: tuple[str, object]) -> bool:
    return type(item[1]) is list


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
