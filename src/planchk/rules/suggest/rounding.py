"""舍位平衡: which parts to round the other way so that a printed table balances.

A column printed to 0.01 whose parts miss their total by a cent is not wrong: each figure was
rounded on its own. Publishing offices balance such a table by rounding as many parts the other
way as the miss has units of the last digit, those whose rounding moved them least first (the
largest remainder). The printed figures do not keep their remainders, so the largest parts are
taken first: a unit of the last digit is the smallest share of them, and ties keep the table's
order.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from planchk.findings import Arg, Suggestion
from planchk.rules.context import PlanContext

MAX_MOVES = 3  # a rounding miss of more units than this is not shown part by part


def balancing(  # noqa: PLR0913, PLR0917  (one column of one level: all of it is needed)
    ctx: PlanContext,
    ind_id: str,
    parent: str,
    index: int,
    imbalance: Decimal,
    parts: Sequence[str],
) -> tuple[Suggestion, ...]:
    """The parts of `parent` to move by one unit of their last printed digit each, so that
    they add up to the total: -imbalance split into such units."""
    rows = ctx.rows(ind_id)
    cells = [(area, rows[area][index]) for area in parts if rows.get(area)]
    printed = [(area, value) for area, value in cells if value is not None and value != 0]
    if not printed or imbalance == 0:
        return ()
    step = max(Decimal(1).scaleb(_exponent(value)) for _, value in printed)
    moves, rest = divmod(abs(imbalance), step)
    if rest or not 0 < moves <= MAX_MOVES:
        return ()
    sign = -1 if imbalance > 0 else 1
    order = sorted(range(len(printed)), key=lambda i: (-abs(printed[i][1]), i))
    found = []
    for position in order[: int(moves)]:
        area, value = printed[position]
        cell = ctx.cell(ind_id, area, index)
        new = (value + sign * step).quantize(step)
        args: dict[str, Arg] = {
            "area": cell.area, "year": cell.year, "indicator": ind_id, "total": parent,
        }  # fmt: skip
        location = ctx.at_cell(cell).location
        found.append(Suggestion(cell.path, location, str(value), str(new), "rounding", 1.0, args))
    return tuple(found)


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0
