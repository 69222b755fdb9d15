"""Compare one indicator's table between revisions: settings, unit, years, rows and cells.

Rows are matched by area (through each side's aliases), cells by year. A change of unit is
reported once, and cells are compared after converting the old value into the new unit, so
8.3 亿元 -> 83000 万元 is no change of value. A changed total is reported with the parts of the
same year that moved with it.
"""

from __future__ import annotations

import dataclasses
import operator
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from planchk.codes.meta import NOT_SET
from planchk.diff.changes import Change
from planchk.models.targets import Indicator
from planchk.plan.hierarchy import Hierarchy
from planchk.plan.units import UnitTable

SETTINGS = ("name", "table", "kind", "sum", "trend", "tolerance")
Row = Sequence[Decimal | None]
Convert = Callable[[Decimal], Decimal]


def _shown(value: object) -> str:
    """A setting as the file writes it: a tolerance by year is {2024: 501}, not a repr; one
    not written is the neutral key of `not set` (said in words by the change's message)."""
    if value is None:
        return NOT_SET.key
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_shown(item)}" for key, item in value.items()) + "}"
    return str(value)


def compare_indicator(
    ind_id: str,
    before: Indicator,
    after: Indicator,
    hierarchies: tuple[Hierarchy, Hierarchy],
    units: tuple[UnitTable, UnitTable],
) -> Iterator[Change]:
    path = f"indicators.{ind_id}"
    for name in SETTINGS:
        a, b = getattr(before, name), getattr(after, name)
        if a != b:
            args = {"indicator": ind_id, "field": name, "old": _shown(a), "new": _shown(b)}
            yield Change("indicator-changed", f"{path}.{name}", args)
    convert, unit_change = _converter(ind_id, before, after, units)
    if unit_change is not None:
        yield unit_change
    for year in sorted(set(after.years) - set(before.years)):
        yield Change("year-added", f"{path}.years.{year}", {"indicator": ind_id, "year": year})
    for year in sorted(set(before.years) - set(after.years)):
        yield Change("year-removed", f"{path}.years.{year}", {"indicator": ind_id, "year": year})
    cells = list(_rows(ind_id, before, after, hierarchies, convert))
    yield from _with_totals(cells, hierarchies[1])


def _converter(
    ind_id: str, before: Indicator, after: Indicator, units: tuple[UnitTable, UnitTable]
) -> tuple[Convert | None, Change | None]:
    if before.unit == after.unit:
        return None, None
    old, new = units[0].get(before.unit), units[1].get(after.unit)
    args = {"indicator": ind_id, "old": before.unit, "new": after.unit}
    path = f"indicators.{ind_id}.unit"
    if old is not None and new is not None and old.dimension == new.dimension:
        return (lambda value: old.to(new, value)), Change("unit-changed", path, args)
    return None, Change("unit-changed-unconvertible", path, args)


def _rows(
    ind_id: str,
    before: Indicator,
    after: Indicator,
    hierarchies: tuple[Hierarchy, Hierarchy],
    convert: Convert | None,
) -> Iterator[Change]:
    old_rows = _by_area(before, hierarchies[0])
    new_rows = _by_area(after, hierarchies[1])
    shared_years = [y for y in after.years if y in before.years]
    old_index = {y: i for i, y in enumerate(before.years)}
    new_index = {y: i for i, y in enumerate(after.years)}
    path = f"indicators.{ind_id}.values"
    for area in [*new_rows, *(a for a in old_rows if a not in new_rows)]:
        old_row, new_row = old_rows.get(area), new_rows.get(area)
        if old_row is None and new_row is not None:
            yield Change("row-added", f"{path}.{area}", _row_args(ind_id, area, new_row))
        elif new_row is None and old_row is not None:
            yield Change("row-removed", f"{path}.{area}", _row_args(ind_id, area, old_row))
        elif old_row is not None and new_row is not None:
            if convert is None and before.years == after.years and _same_print(old_row, new_row):
                continue  # the common case, decided without looking at each cell
            for year in shared_years:
                old = _at(old_row, old_index[year])
                new = _at(new_row, new_index[year])
                change = _cell(_Where(ind_id, area, year), old, new, convert)
                if change is not None:
                    yield change


@dataclasses.dataclass(frozen=True)
class _Where:
    indicator: str
    area: str
    year: int | str


def _cell(
    where: _Where, old: Decimal | None, new: Decimal | None, convert: Convert | None
) -> Change | None:
    if old is None and new is None:
        return None
    path = f"indicators.{where.indicator}.values.{where.area}.{where.year}"
    # Not dataclasses.asdict, which deep-copies recursively: a fifth of `diff` on a table of
    # 100,000 changed rows.
    args: dict[str, str | int | Decimal] = {
        "indicator": where.indicator, "area": where.area, "year": where.year,
    }  # fmt: skip
    if old is None:
        return Change("cell-filled", path, {**args, "new": str(new)})
    if new is None:
        return Change("cell-blanked", path, {**args, "old": str(old)})
    comparable = convert(old) if convert else old
    if comparable != new:
        difference = new - comparable
        relative = f"{difference / comparable * 100:+.1f}%" if comparable else "—"
        args |= {"old": str(old), "new": str(new), "difference": difference, "relative": relative}
        return Change("cell-changed", path, args)
    if convert is None and str(old) != str(new):
        return Change("cell-precision", path, {**args, "old": str(old), "new": str(new)})
    return None


def _with_totals(cells: list[Change], hierarchy: Hierarchy) -> Iterator[Change]:
    """Mark changed totals and name the parts of the same year that changed with them."""
    changed: dict[str, set[str]] = defaultdict(set)  # by year, or by a period's label
    for change in cells:
        if change.kind.startswith("cell-"):
            changed[str(change.args["year"])].add(str(change.args["area"]))
    for change in cells:
        area = str(change.args.get("area", ""))
        if change.kind.startswith("cell-") and area in hierarchy.parts:
            moved = [p for p in hierarchy.parts[area] if p in changed[str(change.args["year"])]]
            extra = {"total": "yes", "parts_changed": "、".join(moved) or "none"}
            yield dataclasses.replace(change, args={**change.args, **extra})
        else:
            yield change


def _by_area(indicator: Indicator, hierarchy: Hierarchy) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for name, row in indicator.values.items():
        rows.setdefault(hierarchy.canonical(name) or name, row)
    return rows


def _same_print(a: Row, b: Row) -> bool:
    """Same values printed the same way (6.0 is not 6.00)."""
    if len(a) != len(b):
        return False
    # The loader shares one Decimal per distinct text, so equal texts are usually the very
    # same object: identity decides most rows at C speed.
    if all(map(operator.is_, a, b)):
        return True
    return a == b and list(map(str, a)) == list(map(str, b))


def _at(row: Row, index: int) -> Decimal | None:
    return row[index] if index < len(row) else None


def _row_args(ind_id: str, area: str, row: Row) -> dict[str, str]:
    values = "[" + ", ".join("blank" if v is None else str(v) for v in row) + "]"
    return {"indicator": ind_id, "area": area, "values": values}
