"""How a finding shows the two sides of a relation: as a person would print them.

The check runs on exact values; what a finding prints is another matter. Decimal keeps the
finest operand's digits in a sum (2.500 + 4.50 is 7.000, shown under a printed 7.0 as if known
to a thousandth) and runs a quotient to the arithmetic context's hundred digits (200 / 3000 *
100 is 6.666…). A side is shown

- when it is one figure: as printed;
- when it is a sum or difference of figures: as planchk.plan.numbers.shown_sum shows a column's
  sum, with its least precise figure's decimals, and at least those of the other side when that
  is one printed figure (7.0 against 2.500 + 4.50 shows 7.0); only zeros are dropped;
- when it multiplies or divides: rounded to one decimal more than the other side is printed with
  (a growth rate printed 6.7 is set against 6.67), or than its finest figure where both sides
  are computed, its trailing zeros dropped down to the other side's decimals (42.0 against
  42.00 is shown 42.0 against 42.0 only when the two are equal).

Where that rounding would show two sides equal that are not, each gets one digit more until
they differ, so that a finding never reads "6.7 against 6.7".
"""

from __future__ import annotations

from decimal import Decimal

from planchk.plan.numbers import decimals, exact, shown_added, trimmed
from planchk.plan.relations import Lookup, Node, Relation

MORE_DIGITS = 20  # past this, two different values are shown exactly


def shown_sides(
    relation: Relation, left: Decimal, right: Decimal, lookup: Lookup
) -> tuple[Decimal, Decimal]:
    """The two exact sides of `relation`, as a finding shows them."""
    beside_left, beside_right = _figure(relation.left, lookup), _figure(relation.right, lookup)
    for more in range(MORE_DIGITS):
        shown = (
            _side(relation.left, left, lookup, beside_right, more),
            _side(relation.right, right, lookup, beside_left, more),
        )
        if (shown[0] == shown[1]) == (left == right):
            return shown
    return left, right


def _figure(node: Node, lookup: Lookup) -> Decimal | None:
    """The printed figure a side is, if it is one."""
    if node.kind == "num":
        return node.value
    if node.kind == "ref":
        found = lookup(node.name, node.row)
        return None if found is None else found[0]
    return None


def _side(node: Node, value: Decimal, lookup: Lookup, beside: Decimal | None, more: int) -> Decimal:
    if node.kind in ("num", "ref"):
        return value
    figures = [found[0] for cell in node.cells() if (found := lookup(*cell)) is not None]
    if _additive(node):  # known to its least precise figure's digits, as a column's sum
        return shown_added(value, figures, beside)
    floor = decimals(beside) if beside is not None else 0
    places = (floor if beside is not None else max(map(decimals, figures), default=0)) + 1
    places += more
    with exact():
        if decimals(value) > places:
            value = value.quantize(Decimal(1).scaleb(-places))
        if decimals(value) < floor:
            return value.quantize(Decimal(1).scaleb(-floor))
        return trimmed(value, floor)


def _additive(node: Node) -> bool:
    """Whether a side only adds and subtracts (numbers and figures, signs, parentheses)."""
    if node.kind in ("num", "ref"):
        return True
    if node.kind not in ("+", "-", "neg"):
        return False
    return all(_additive(child) for child in (node.left, node.right) if child is not None)
