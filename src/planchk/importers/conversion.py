"""A number carried with its unit (planchk.importers.carried) in its column's unit, exactly.

A power of ten moves the printed digits without making any up: 3.5亿元 in 万元 is 35000, known
to the thousand (3.5E+4); 120.50万元 in 亿元 is 0.012050. Other ratios convert by the unit
table's factors.
"""

from __future__ import annotations

from decimal import Context, Decimal

from planchk.importers.carried import Carried
from planchk.plan.units import BUILT_IN, Unit


def exponent_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def convert(cell: Carried, target: str) -> Decimal | None:
    """The cell's number in `target`, exactly: a power of ten moves the printed digits (a
    figure known to the thousand is written whole: 3.5亿元 is 35000 万元)."""
    if cell.unit == target:
        return cell.number
    units = _units(cell, target)
    if units is None:
        return None
    moved = shifted(cell, target)
    if moved is None:
        return units[0].to(units[1], cell.number)
    places = exponent_of(moved)
    if places <= 0:
        return moved
    wide = Context(prec=len(moved.as_tuple().digits) + places + 2)
    return moved.quantize(Decimal(1), context=wide)


def shifted(cell: Carried, target: str) -> Decimal | None:
    """The cell's number in `target` with its printed digit moved along: 3.5亿元 in 万元 is
    3.5E+4, known to the thousand; None where no power of ten converts it. In a context as
    wide as the figure: a 40-digit cell would lose digits in Decimal's default 28."""
    units = _units(cell, target)
    if units is None:
        return None
    ratio = units[0].factor / units[1].factor
    shift = ratio.adjusted()
    if ratio != Decimal(1).scaleb(shift):
        return None
    wide = Context(prec=len(cell.number.as_tuple().digits) + abs(shift) + 2)
    return cell.number.scaleb(shift, context=wide)


def _units(cell: Carried, target: str) -> tuple[Unit, Unit] | None:
    """The cell's unit and `target`, where both are planchk's and of one measure."""
    source, into = BUILT_IN.get(cell.unit or ""), BUILT_IN.get(target)
    if source is None or into is None or source.dimension != into.dimension:
        return None
    return source, into
