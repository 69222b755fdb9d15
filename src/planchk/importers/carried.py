"""Cells that carry their own unit or a bound: 120万元, 3.5亿元, 2.5万亩, ≥95%, 不低于96, 5以内.

Printed tables often write the unit or a bound in the cell itself. Read as text, such a cell
is no number, and a row of them looks like a header row: a plan read wrong without a word.
So before the table is laid out (planchk.importers.layout) every such cell is read as its
number (`lift`), remembering what it carried; planchk.importers.settled then converts each
unit into its column's. A bound is kept as the cell's note (`bound_notes`), and on the total
row it says how the parts add up (`total_sums`: the indicator's `sum:`). A unit planchk's unit
table does not know, or words around the number (约50, 7左右), leave the cell as text, read as
before. A row's name cell (its first text that is no number or 序号), the header rows, and a
bound over a unit under a header of standards (补助标准: 5万元以上) are never read so: a row
labelled 5万元以下, or a header of brackets, keeps its words.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, repeat
from operator import add, itemgetter, methodcaller
from typing import Literal

from planchk.importers import texts
from planchk.importers.continuation import is_serial_header
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import serial_marker
from planchk.importers.printed import normalized, parse_number, simplified
from planchk.importers.shapes import Column, Row
from planchk.importers.units import PERCENT as _PERCENT
from planchk.importers.units import unit_line
from planchk.plan.comparators import AFTER_WORDS, SYMBOLS, WORDS
from planchk.plan.numbers import plain
from planchk.plan.units import BUILT_IN

Bound = Literal["at_least", "at_most"]
_SERIAL_ALONE = re.compile(
    r"^\s*[（(]?\s*[一二三四五六七八九十百零〇0-9０-９①-⑳]+\s*[）)]?\s*[、.．]?\s*$"
)
Place = tuple[int, int]  # (row, column) of the grid
# The words and signs of planchk's comparators (plan.comparators: what goals and relations
# read), and the forms only cells print: ≧ ≦ (full-width tables), 大于等于, 小于等于.
_SIGNS = {**SYMBOLS, **WORDS, "≧": ">=", "≦": "<=", "大于等于": ">=", "小于等于": "<="}
_BOUNDS: dict[str, Bound] = {
    word: "at_least" if sign in (">", ">=") else "at_most"
    for word, sign in _SIGNS.items()
    if sign != "=="
}
_BEFORE = "|".join(re.escape(w) for w in sorted(_BOUNDS, key=len, reverse=True))  # 不低于 first
_AFTER: dict[str, Bound] = {
    word: "at_least" if sign == ">=" else "at_most" for word, sign in AFTER_WORDS.items()
}
_CELL = re.compile(
    rf"^(?P<before>{_BEFORE})?(?P<number>[+-]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)"
    rf"(?P<unit>[^\d.,]*?)(?P<after>{'|'.join(sorted(_AFTER, key=len, reverse=True))})?$"
)
# A cell that could carry a unit or bound holds a digit; plain numbers among them are told apart
# after (parse_number), so this screen only passes over the texts with no digit at all.
_CANDIDATE = re.compile(r"\d")


@dataclass(frozen=True)
class Carried:
    """A cell printed with its unit or bound: what it printed, and what it says."""

    text: str  # as printed
    number: Decimal  # the number, as printed (its digits)
    unit: str | None  # a unit of the unit table (万元), not %: a % stays in the cell's text
    bound: Bound | None
    percent: bool  # printed with %: left to the reading of percentages


@functools.lru_cache(maxsize=1 << 16)  # a table repeats its cells: each text is read once
def read_cell(text: str) -> Carried | None:
    """What a cell says when it is a number with a unit or a bound; None for a plain number, a
    percentage alone, words, or a unit planchk does not know (kept as text, as before)."""
    plain_text = simplified(normalized(text))
    found = _CELL.match(plain_text)
    if found is None:
        return None
    before, after, unit = found.group("before"), found.group("after"), found.group("unit")
    bound = _bound(before, after)
    if bound == "":  # ≥5以下: two bounds that disagree
        return None
    percent = unit in _PERCENT
    if unit and not percent and unit not in BUILT_IN:
        return None
    if not bound and (percent or not unit):
        return None  # 45% or 12: read as before
    number = parse_number(found.group("number"))
    if number is None:  # pragma: no cover - the pattern admits only numbers
        return None
    return Carried(text, number, None if percent or not unit else unit, bound or None, percent)


def _bound(before: str | None, after: str | None) -> Bound | Literal[""] | None:
    """The bound a cell's words say (控制在5以内, ≥95, 95以上); "" where they disagree."""
    said = {_BOUNDS.get(before or ""), _AFTER.get(after or "")} - {None}
    if len(said) > 1:
        return ""
    return said.pop() if said else None


def lift(grid: Grid) -> tuple[Grid, dict[Place, Carried]]:
    """The grid with each cell that carries a unit or bound printed as its number (a % kept),
    and what each of them carried; the grid itself when no cell does."""
    carried: dict[Place, Carried] = {}
    header = _header_rows(grid.rows)
    body = grid.rows[header:]
    quiet = _quiet(body)
    if all(quiet):  # nearly every table of figures: no cell says a unit or a bound
        return grid, carried
    kept = _kept_columns(grid.rows[:header])
    rows = grid.rows[:header] + [
        cells if still else _lifted_row(cells, carried, kept)
        for cells, still in zip(body, quiet, strict=True)
    ]
    if not carried:
        return grid, carried
    lifted = copy.copy(grid)  # a reader's own kind of grid stays that kind
    lifted.rows = rows
    return lifted, carried


_TEXT = itemgetter(0)  # a GridCell's text
_AFTER_FIRST = itemgetter(slice(1, None))  # a row's cells after its first
_NO_POINT = methodcaller("replace", ".", "")
_SAMPLE = 64  # rows


def _quiet(body: Sequence[Sequence[GridCell]]) -> list[bool]:
    """Whether each row is one _lifted_row would leave as it is, told at C speed for a row
    whose cells after the first (never lifted: a name or a serial comes first) print only
    digits and points, or nothing: such a text is no number with a unit or a bound
    (read_cell: its NFKC form is digits, points and commas, at most a plain number). Each
    row is False (asked cell by cell, as before) where the first rows are not all such rows:
    a table with a percentage, a sign, a comma or a name in its second column pays for no
    screen."""
    if not all(_still(body[:_SAMPLE])):
        return [False] * len(body)
    return [True] * len(body) if _all_still(body) else _still(body)


def _still(rows: Sequence[Sequence[GridCell]]) -> list[bool]:
    # each row's texts after the first run together, "0" after them (a row with none, a
    # heading, is still too), its points taken out: digits alone, or not
    rests = map("".join, map(map, repeat(_TEXT), map(_AFTER_FIRST, rows)))
    return list(map(str.isdigit, map(_NO_POINT, map(add, rests, repeat("0")))))


def _all_still(rows: Sequence[Sequence[GridCell]]) -> bool:
    """Whether every row is still, told at once: the texts after each row's first cell, all
    run together, print only digits and points (what _still asks of each row's, with no
    join, concatenation and test per row: 0.02 s at 10^6 cells)."""
    rests = map(_TEXT, chain.from_iterable(map(_AFTER_FIRST, rows)))
    return ("".join(rests) + "0").replace(".", "").isdigit()


def _header_rows(rows: list[list[GridCell]]) -> int:
    """How many rows from the top are never lifted: the title and unit lines (one row may hold
    both: 表3 …,,单位：个), the first row of two texts or more that are no unit line (a
    table's header comes before its figures), and the row under it when it holds no plain
    number and starts blank, merged or with the header's own first cell (地区 | 5万元以下 |
    5万元以上 under 地区 | 项目数 | 项目数): categories by bracket stay headers."""
    for position, cells in enumerate(rows):
        if sum(1 for cell in cells if cell.text and unit_line(cell.text) is None) >= 2:
            below = rows[position + 1] if position + 1 < len(rows) else []
            first = cells[0].text.strip() if cells else ""
            second = (
                bool(below)
                and (not below[0].text or below[0].merged or below[0].text.strip() == first)
                and not any(parse_number(cell.text) is not None for cell in below if cell.text)
            )
            return position + 1 + second
    return len(rows)


# Headers of a column of descriptions, not amounts: 补助标准 | 5万元以上 is a standard, in words.
_DESCRIBING = re.compile(r"标准|条件|档次|范围|类别|类型")
# A column of words (建设内容 | 管网12公里, 3座): a count in it is the text's, never lifted.
_WORDS = re.compile(r"内容")


@dataclass(frozen=True)
class _Kept:
    """Columns the header says are no figures: a 序号 column (its 一 names no row), and
    columns of standards or conditions (a bound over a unit there is words: 5万元以上)."""

    serial: frozenset[int]
    describing: frozenset[int]
    words: frozenset[int] = frozenset()


def _kept_columns(header: Sequence[Sequence[GridCell]]) -> _Kept:
    serial: set[int] = set()
    describing: set[int] = set()
    words: set[int] = set()
    for cells in header:
        if len({cell.text for cell in cells if cell.text}) < 2:
            continue  # a title (merged over the columns, 补助标准表) or a unit line: no header
        for cell in cells:
            if cell.text and is_serial_header(cell.text):
                serial.add(cell.column)
            elif cell.text and _DESCRIBING.search(simplified(cell.text)):
                describing.add(cell.column)
            if cell.text and _WORDS.search(simplified(cell.text)):
                words.add(cell.column)
    return _Kept(frozenset(serial), frozenset(describing), frozenset(words))


def _lifted_row(
    cells: list[GridCell], carried: dict[Place, Carried], kept: _Kept
) -> list[GridCell]:
    named = False  # the row's name (its first text that is no number or serial) is never lifted
    changed: list[GridCell] | None = None
    for position, cell in enumerate(cells):
        text = cell.text
        if not text or (text[0].isdigit() and text[-1].isdigit()):
            continue  # blank, or a plain number: most cells
        if not named:
            serial = cell.column in kept.serial or (position == 0 and _serial_alone(text))
            named = not serial and parse_number(normalized(text).rstrip("%")) is None
            continue
        lifted = _CANDIDATE.search(text) and cell.column not in kept.words
        said = read_cell(text) if lifted else None
        if said is None or (said.bound and said.unit and cell.column in kept.describing):
            continue
        carried[(cell.row, cell.column)] = said
        if changed is None:
            changed = list(cells)
        text = plain(said.number) + ("%" if said.percent else "")
        changed[position] = GridCell(
            text, cell.row, cell.column, cell.merged, cell.bold, cell.indent
        )
    return cells if changed is None else changed


def _serial_alone(text: str) -> bool:
    """一, 1. or （一） printed alone before the name (序号), not 一、甲县: a name with its marker,
    after which 2亿元 is a figure (it was read as the name, so kept as text: a blank)."""
    return serial_marker(text) is not None and _SERIAL_ALONE.match(text) is not None


def bound_notes(
    rows: Sequence[Row], carried: dict[Place, Carried], columns: Sequence[Column]
) -> None:
    """Each cell's bound as printed, kept as the cell's note beside its value."""
    values = {c.index for c in columns if c.kind not in ("text", "code")}
    by_row: dict[int, list[tuple[int, Carried]]] = {}
    for (number, column), cell in carried.items():
        if cell.bound and column in values:
            by_row.setdefault(number, []).append((column, cell))
    for row in rows:
        for column, cell in by_row.get(row.number, ()):
            row.bounds[column] = cell.text


def total_sums(
    total: Row, carried: dict[Place, Carried], columns: Sequence[Column]
) -> tuple[dict[int, Bound], list[str]]:
    """How each column's parts add up to a total printed with a bound (≥1000: at least), and
    the log's line for each; a ratio's total is never a sum."""
    sums: dict[int, Bound] = {}
    said: list[str] = []
    for column in columns:
        cell = carried.get((total.number, column.index))
        if cell is None or cell.bound is None or column.kind not in ("value", "of_which"):
            continue
        sums[column.index] = cell.bound
        line = texts.SUM_AT_LEAST if cell.bound == "at_least" else texts.SUM_AT_MOST
        said.append(line(header=column.header, name=total.name, text=cell.text))
    return sums, said
