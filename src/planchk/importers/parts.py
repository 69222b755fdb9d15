"""其中 lists that name only their first part: 其中：公务用车购置费 over 公务用车运行费.

A 三公经费 table splits 公务用车购置及运行费 into its two parts and prints 其中： once, before
the first; the second part stands on the next row, indented under the first or not at all.
Read as a row of its own it would be a part of the whole's level (a false PC101: the whole
is 35, its one "part" 30). A row right after an 其中 row is taken as the next part of the same
list where, with it, the list adds up to the whole exactly in every column the whole prints:
the numbers say so, not the form (an indented town under its county after an 其中 row that
does not complete it stays the county's part).

Two more decisions, by labels and numbers together:

- The rows printed as the list's continuation, indented deeper than the 其中 row and than the
  whole (the text under the part's name: 　　　城中村改造 under 其中：老旧小区改造), with no
  serial marker, are the next parts of the list where the list with them stays within the
  whole in every column or matches it exactly in one (8.5 + 6.0 under 东湖区 20.0: a partial
  list, never the whole's one "part" of 6.0). All of them or none: indented towns under their
  county add up to it (the guard above) or, with the 其中 part, exceed it. (Indentation is
  compared, not measured: a document's reader gives one level for any indent.)
- A list that adds up to its whole and is followed by rows that add up to its last part (合计
  3000, 其中：市本级 600, 县区 2400, then the counties of 县区) is the whole's split into levels,
  not an 其中 list: its rows are plain rows, named by their part, and the levels reader nests
  the counties under 县区.
- Rows right after the 其中 row named as its part is, by the word their names end in
  (其中：中央资金 630 over 省级资金 400, 市县资金: each a 资金), are the list's next parts,
  whatever their numbers (a list over its whole is PC109's to report, never a reason to read
  省级资金 as an area, nor to miss 合计 at the bottom). An area's name (甲镇, 东城区, 市本级)
  never continues a list so.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import attrgetter

from planchk.importers.shapes import Row

_ROLE = attrgetter("role")
# Rows after an 其中 row that may complete its list: an 其中 list of up to six parts (the
# funds of a 农业生产发展资金, each printed on its row after 其中： once). Widened from 3 only
# behind the guard below, which looks further than this window: rows after the 其中 row that
# add up to the whole on their own are its parts (a county's five towns), never 其中 parts.
_MOST = 5
_GUARD = 60  # rows after an 其中 row looked at for parts that add up to the whole on their own
# The end of an area's name: a row so named is an area, whatever word it shares with a part.
_AREA_END = re.compile(r"(?:省|市|区|县|州|盟|旗|镇|乡|村|街道|社区|本级|园区|管委会|办事处)$")
_KIND = 2  # the characters that say what a part is: 资金, 经费, 补助, 项目


def continue_of_which(rows: Sequence[Row], ratios: frozenset[int]) -> None:
    """Mark the rows that complete an 其中 list as 其中 parts (role and part name); the
    columns of percentages (`ratios`) are no sums."""
    # the 其中 rows found in a list of the roles at C speed (most tables print none, and the
    # others a few); _complete changes only rows it is then skipped past
    roles = list(map(_ROLE, rows))
    whole: Row | None = None
    position = 0
    while (start := _next_of_which(roles, position)) is not None:
        if start > position:
            whole = rows[start - 1]  # the row before the list: the last that is no 其中 row
        position = start
        while position < len(rows) and rows[position].role == "of_which":
            position += 1
        if whole is not None:
            position += _complete(
                whole, rows[start:position], rows[position : position + _GUARD], ratios
            )


def _next_of_which(roles: list[str], position: int) -> int | None:
    try:
        return roles.index("of_which", position)
    except ValueError:
        return None


def _complete(
    whole: Row, listed: Sequence[Row], after: Sequence[Row], ratios: frozenset[int]
) -> int:
    """How many of the rows `after` an 其中 list complete it (0: none). Where some of them
    add up to the whole on their own, they are its parts (a county over its towns, the 其中
    row printed between; one town equal to its county after an 其中 part of 0), and the list
    stays as printed."""
    if _some_first_rows_add_up(whole, _same_level(after), ratios):
        return _by_name(whole, listed, after)  # 省级资金 400 + 甲镇 600 under 合计 1000
    count = _by_sum(whole, listed, after, ratios)
    if count and _split_into_levels([*listed, *after[:count]], after[count:], ratios):
        return count
    return count or _by_form(whole, listed, after, ratios) or _by_name(whole, listed, after)


def _by_sum(whole: Row, listed: Sequence[Row], after: Sequence[Row], ratios: frozenset[int]) -> int:
    """How many rows right after the list complete it exactly in every column (0: none)."""
    if listed[0].indent > whole.indent:  # the list printed under its whole: a row back at
        # the whole's level is the whole's sibling, whatever its numbers add up to
        after = list(itertools.takewhile(lambda row: row.indent > whole.indent, after))
    after = after[:_MOST]
    for count in range(1, len(after) + 1):
        rows = after[:count]
        if any(row.role != "row" for row in rows):
            return 0
        if _adds_up(whole, [*listed, *rows], ratios):
            _mark(rows)
            return count
    return 0


def _by_name(whole: Row, listed: Sequence[Row], after: Sequence[Row]) -> int:
    """How many rows right after the list end in the word its first part ends in (其中：中央资金
    over 省级资金): the module's last decision."""
    kind = _kind(listed[0].part)
    deeper = listed[0].indent > whole.indent  # a row back at the whole's level is its sibling
    rows = list(
        itertools.takewhile(
            lambda row: (
                _aligned(row, whole.indent + 1 if deeper else 0)
                and kind is not None
                and _kind(row.name) == kind
            ),
            after[:_MOST],
        )
    )
    _mark(rows)
    return len(rows)


def _kind(name: str) -> str | None:
    """The word a part's name ends in (资金 of 中央资金), or None for an area's name."""
    if len(name) <= _KIND or _AREA_END.search(name):
        return None
    return name[-_KIND:]


def _mark(rows: Sequence[Row]) -> None:
    for row in rows:
        row.role, row.part = "of_which", row.name


def _split_into_levels(listed: Sequence[Row], after: Sequence[Row], ratios: frozenset[int]) -> bool:
    """Whether a list that completes its whole (`listed`, its continuation marked) is the
    whole's split into levels: two or more rows after it add up to its last part exactly. If
    so, its rows become plain rows named by their part, for the levels reader to nest."""
    last = listed[-1]
    following = list(itertools.takewhile(lambda row: row.role == "row", after))
    if len(following) < 2 or not _some_first_rows_add_up(last, following[1:], ratios, following[0]):
        return False
    for row in listed:
        row.role, row.name, row.part = "row", row.part or row.name, ""
    return True


def _by_form(
    whole: Row, listed: Sequence[Row], after: Sequence[Row], ratios: frozenset[int]
) -> int:
    """How many rows right after the list continue it by their form (the module's first
    decision): all the rows printed aligned under the 其中 row's part name, or none."""
    depth = max(listed[0].indent, whole.indent) + 1
    rows = list(itertools.takewhile(lambda row: _aligned(row, depth), after[: _MOST + 1]))
    if not rows or len(rows) > _MOST or any(row.indent != rows[0].indent for row in rows):
        return 0
    if not _within(whole, [*listed, *rows], ratios):
        return 0
    _mark(rows)
    return len(rows)


def _aligned(row: Row, depth: int) -> bool:
    return row.role == "row" and not row.bare and row.marker is None and row.indent >= depth


def _within(whole: Row, parts: Sequence[Row], ratios: frozenset[int]) -> bool:
    """Whether `parts` stay within the whole in every column it prints, or match it exactly
    in one (the others' excess is then PC109's to report, not a reason to misread the list)."""
    printed = {i: v for i, v in whole.values.items() if v is not None and i not in ratios}
    sums = {
        i: sum((v for p in parts if (v := p.values.get(i)) is not None), Decimal(0))
        for i in printed
    }
    if not sums:
        return False
    return all(sums[i] <= printed[i] for i in printed) or any(
        sums[i] == printed[i] for i in printed
    )


def _same_level(after: Sequence[Row]) -> Iterable[Row]:
    """The rows after an 其中 list at the level of the first of them, up to the first row of a
    level above it or of another kind: the candidates for the whole's parts. A row indented
    deeper (a town under its county) and a later 其中 row (the county's own) are no such part."""
    level: int | None = None
    for row in after:
        if row.role == "of_which":
            continue
        if row.role != "row" or (level is not None and row.indent < level):
            return
        if level is None:
            level = row.indent
        if row.indent == level:
            yield row


def _some_first_rows_add_up(
    whole: Row, rows: Iterable[Row], ratios: frozenset[int], first: Row | None = None
) -> bool:
    """Whether the first rows of `rows`, some number of them, add up to the whole exactly in
    every column it prints (`_adds_up` of each count, in one pass of running sums); given
    `first`, the rows after it, added to it."""
    printed = {i: value for i, value in whole.values.items() if value is not None}
    printed = {i: value for i, value in printed.items() if i not in ratios}
    if not printed:
        return False
    sums = dict.fromkeys(printed, Decimal(0))
    seen: set[int] = set()
    if first is not None:
        for index in printed:
            if (value := first.values.get(index)) is not None:
                sums[index] += value
                seen.add(index)
    for row in rows:
        for index in printed:
            value = row.values.get(index)
            if value is not None:
                sums[index] += value
                seen.add(index)
        # a blank is zero in a sum: a column the whole prints as 0 needs no part printed
        if sums == printed and seen and all(i in seen or printed[i] == 0 for i in printed):
            return True
    return False


def _adds_up(whole: Row, parts: Sequence[Row], ratios: frozenset[int]) -> bool:
    values = whole.values.items()
    printed = {i: value for i, value in values if value is not None and i not in ratios}
    if not printed:
        return False
    filled = False
    for index, value in printed.items():
        got = [v for part in parts if (v := part.values.get(index)) is not None]
        if sum(got, Decimal(0)) != value or (not got and value != 0):  # a blank is zero
            return False
        filled = filled or bool(got)
    return filled
