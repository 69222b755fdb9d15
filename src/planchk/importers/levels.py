"""The levels inside one table: which rows are subtotals, and of which rows.

Printed tables nest (合计 → 市本级/县区级 → 县 → 乡镇), and say so in three ways, read here in
this order:

1. The form of the labels: serial markers (一、 over （一） over 1.), indentation, bold. A row
   whose form ranks above the rows after it is their subtotal, down to the next row of its
   rank or above.
2. Headings and 小计 rows: a row with a name and no numbers heads the rows under it, and the
   小计 (合计) row that closes them carries its numbers; a 小计 with no heading above it is
   the subtotal of the rows since the last one, unless its form ranks above the next row's
   (二、县区小计 over 1. 东湖县): then it heads the rows after it, as any such row does.
3. The numbers, where the form says nothing: a row that is the sum of the rows right under it
   (two or more), exactly or within the rounding of the printed digits, is their subtotal, if
   the levels found this way make the table add up.

The result is a tree of rows: each subtotal is checked against its own parts, and never added
again into its parent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from itertools import repeat
from operator import attrgetter, is_not
from typing import cast

from planchk.importers.labels import is_bare_subtotal
from planchk.importers.peers import is_peer
from planchk.importers.shapes import Row
from planchk.plan.numbers import half_unit, rounding_allowance

_MARKER = attrgetter("marker")
LIMIT = 400  # the most rows one subtotal found by its numbers may add up
ZERO = Decimal(0)
_NOT_NONE: Callable[[object], bool] = partial(is_not, None)  # a value, not a blank


@dataclass(slots=True)  # one per row of a table: made and read faster with slots
class Node:
    row: Row
    children: list[Node] = field(default_factory=list)
    rank: tuple[int, int, int] = (0, 0, 0)
    heading: bool = False  # opened by a heading row, closed by its 小计
    closes: Row | None = None  # the 小计 row that closed it, whose numbers it took


Halves = dict[tuple[int, int], Decimal]  # (id of a row, column) -> half a unit of its value
# whether a row is the sum of some rows: exactly (True), or within the rounding of its digits
Close = Callable[[Row, Sequence[Row], bool], bool]


def adds_up(counts: frozenset[int], ratios: frozenset[int] = frozenset()) -> Close:
    """Whether a row is the sum of some rows in every column where it has a value (a blank
    part counts as zero), within the rounding of the printed digits (exactly, in the columns
    of counts), and is not all zero. A percentage (完成%, 增长%) is never a sum: its columns
    are left out."""
    return lambda total, parts, exact: _close(total, parts, counts, ratios, exact)


def _close(
    total: Row, parts: Sequence[Row], counts: frozenset[int], ratios: frozenset[int], exact: bool
) -> bool:
    found = False
    dicts = [row.values for row in parts]
    for index, declared in total.values.items():
        if declared is None or index in ratios:
            continue
        # each part's value in the column, blanks left out: at C speed (a subtotal of fifty
        # towns is asked this in each of its columns, and every row is some subtotal's part);
        # the sum tried first, as most columns hold no blank (None: no sum)
        values = cast("list[Decimal]", list(map(dict.get, dicts, repeat(index))))
        try:
            summed = sum(values, ZERO)
        except TypeError:  # a blank's None: left out
            values = list(filter(_NOT_NONE, values))
            summed = sum(values, ZERO)
        if not values:
            return False
        found = found or declared != 0
        miss = abs(summed - declared)
        if not miss:
            continue  # the common case: no rounding to work out
        if exact or index in counts:
            return False
        if miss > rounding_allowance([declared, *values]):
            return False
    return found


def nest(rows: Sequence[Row], total: Row, close: Close) -> list[Node]:
    """The rows under `total` as a forest: its direct parts, each with its own parts."""
    ranks = _ranks(rows)
    top = Node(total, rank=(-1, -1, -1))
    stack = [top]
    last = len(rows) - 1
    ends: dict[int, int] = {}  # a 小计 heading the rows after it by its numbers: its last row
    # one pass, with the rank, heading and opening tests written out (a call each was most
    # of the time of a table of 10^5 rows)
    for position, row in enumerate(rows):
        rank = ranks[position]
        node = Node(row, [], rank, row.role == "row" and row.bare)  # a heading: no numbers
        if ends:  # the group of such a 小计 ends with the rows it adds up
            _end_groups(stack, ends, position)
        # a 小计 heads the rows after it when its form ranks above the next row's (二、县区小计
        # over 1. 东湖县), as any row's does, or where its numbers say so; else it closes the
        # rows before it
        if row.role == "subtotal" and not (position < last and rank < ranks[position + 1]):
            count = _heads_below(stack, node, rows, position, close)
            if not count:
                _close_group(stack, node, top)
                continue
            node.heading, ends[id(node)] = True, position + count
        # `node` goes under the open row that ranks above it, or under a heading of its rank
        # that no 小计 has closed yet (a heading over rows printed like it)
        while len(stack) > 1:
            parent = stack[-1]
            if parent.rank < rank or (parent.heading and parent.rank == rank and not node.heading):
                break
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    _by_numbers(top, close)
    return top.children


def _ranks(rows: Sequence[Row]) -> list[tuple[int, int, int]]:
    """Each row's rank by its form: its marker kind in the order the table first prints them
    (the first is the highest; no marker ranks below them all), its indent, bold above not."""
    kinds = dict.fromkeys(map(_MARKER, rows))
    kinds.pop(None, None)
    order: dict[str | None, int] = {kind: position for position, kind in enumerate(kinds)}
    below = len(order)  # no marker (None is no key)
    return [(order.get(row.marker, below), row.indent, 0 if row.bold else 1) for row in rows]


def _end_groups(stack: list[Node], ends: dict[int, int], position: int) -> None:
    for depth in range(1, len(stack)):
        if ends.get(id(stack[depth]), position) < position:
            stack[depth].heading = False
            del stack[depth:]
            return


def _heads_below(
    stack: list[Node], subtotal: Node, rows: Sequence[Row], position: int, close: Close
) -> int:
    """How many rows right after a 小计 that names its group (县（区）小计, with 市本级 printed
    before it) it heads, by its numbers: where no heading is open for it to close, the rows
    since the last subtotal do not add up to it, and the rows after it (down to the next
    subtotal, at most LIMIT) do; else, where fewer than two rows stand before it (a subtotal of
    one row is none), all the rows after it, whether they add up or not. 0: it closes
    the rows before it, as a 小计 does."""
    row = subtotal.row
    if is_bare_subtotal(row.name):
        return 0
    depth = len(stack) - 1
    while depth > 0 and stack[depth].rank >= subtotal.rank:
        if stack[depth].heading:
            return 0  # an open heading: the 小计 carries its numbers
        depth -= 1
    siblings = stack[depth].children
    before = [n.row for n in siblings[_since_last(siblings) :]]
    if before and close(row, before, False):
        return 0
    end = position + 1
    while end < len(rows) and end - position <= LIMIT and rows[end].role == "row":
        end += 1
    after = [Node(r) for r in reversed(rows[position + 1 : end])]  # nearest last, as _parts
    count = _parts(row, after, close, {})
    # no subtotal of one row: it heads what follows, checked against it (validate says)
    return count or (len(after) if len(before) < 2 else 0)


def _since_last(siblings: Sequence[Node]) -> int:
    """Where the rows since the last subtotal start among `siblings`."""
    start = len(siblings)
    while start > 0 and siblings[start - 1].closes is None and not siblings[start - 1].children:
        start -= 1
    return start


def _close_group(stack: list[Node], subtotal: Node, top: Node) -> None:
    """A 小计 row: the numbers of the nearest open heading at its rank or above; with no
    heading, a subtotal of the rows since the last subtotal at its level."""
    for depth in range(len(stack) - 1, 0, -1):
        heading = stack[depth]
        if heading.heading and heading.rank <= subtotal.rank:
            heading.row.values = dict(subtotal.row.values)
            heading.closes = subtotal.row
            heading.heading = False
            del stack[depth:]
            return
    while len(stack) > 1 and stack[-1].rank >= subtotal.rank:
        stack.pop()
    siblings = stack[-1].children
    start = _since_last(siblings)
    subtotal.children = siblings[start:]
    subtotal.closes = subtotal.row
    del siblings[start:]
    siblings.append(subtotal)
    if is_bare_subtotal(subtotal.row.name) and subtotal.children:
        first, last = subtotal.children[0].row.name, subtotal.children[-1].row.name
        subtotal.row.name = f"{subtotal.row.name}（{first}至{last}）"


def _by_numbers(parent: Node, close: Close) -> None:
    """Where the form did not nest a parent's parts and they do not add up to it, find the
    subtotals among them by their numbers; keep what makes the parent add up."""
    for child in parent.children:
        if child.children:
            _by_numbers(child, close)
    flat = [child.row for child in parent.children]
    if len(flat) < 3 or any(child.children for child in parent.children):
        return
    if close(parent.row, flat, True):
        return
    # exact subtotals first, for the whole table: a row within rounding of the rows under it
    # (4 over 2 and 1) must not take rows that an exact subtotal above it adds up to
    for rounding in (False, True):
        nested = _collapse(parent.children, close, rounding)
        if len(nested) == len(parent.children):
            continue
        rows = [n.row for n in nested]
        exactly = close(parent.row, rows, True)  # an exact sum before one within rounding
        if exactly or (close(parent.row, rows, False) and not close(parent.row, flat, False)):
            parent.children = nested
            return


def _collapse(nodes: list[Node], close: Close, rounding: bool) -> list[Node]:
    """From the last row up: a row that is the sum of the two or more rows right under it (as
    they stand, with their own subtotals) takes them as its parts: exactly, or else within the
    rounding of the printed digits (100.00 over three towns of 33.33), whose miss validate
    then reports as rounding. The sums of one column are run first, and the whole row
    compared only where that column matches."""
    after: list[Node] = []  # the rows below the current one, nearest last
    halves: Halves = {}  # each value's half unit, worked out once, not once per row above it
    for printed in reversed(nodes):
        node = printed
        count = _parts(node.row, after, close, halves if rounding else None)
        if count and is_peer(node.row, [n.row for n in after[-count:]]):
            count = 0
        if count:  # a new node: the rows stay as they are if the parent will not add up
            node = dataclasses.replace(printed, children=list(reversed(after[-count:])))
            del after[-count:]
        after.append(node)
    return list(reversed(after))


def _parts(row: Row, after: list[Node], close: Close, halves: Halves | None) -> int:
    """How many rows right under `row` it is the sum of (0: none); an exact sum first, then,
    given `halves`, one within rounding."""
    key = next((i for i, v in row.values.items() if v), None)
    if key is None:
        return 0
    for exact in (True, False) if halves is not None else (True,):
        halved = None if exact else halves
        count = _run(row.values[key], key, after, halved)
        while count and not close(row, [n.row for n in after[-count:]], exact):
            count = _run(row.values[key], key, after, halved, count + 1)
        if count:
            return count
    return 0


def _run(
    target: Decimal | None, key: int, after: list[Node], halves: Halves | None, start: int = 2
) -> int:
    """The fewest rows (at least `start`) right under a row whose `key` column adds up to it:
    exactly (`halves` None), or within half a unit of each printed last digit and three
    standard deviations of independent roundings (planchk.plan.numbers.rounding_allowance,
    checked in full by `close` on the whole row)."""
    if target is None:
        return 0
    worst = half_unit(target)
    squares = worst * worst
    running = ZERO
    for count in range(1, min(len(after), LIMIT) + 1):
        row = after[-count].row
        value = row.values.get(key) or ZERO
        running += value
        if halves is not None:
            half = halves.get((id(row), key))
            if half is None:
                half = halves[id(row), key] = half_unit(value)
            worst, squares = worst + half, squares + half * half
        if count < start:
            continue
        miss = abs(running - target)
        if miss == 0 or not (halves is None or miss > worst or miss * miss > 3 * squares):
            return count
    return 0
