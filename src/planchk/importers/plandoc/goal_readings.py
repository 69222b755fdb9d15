"""Which reading of a goal its table is checked with, where the text leaves two.

A running total (`到2026年，累计新建高标准农田3.6万亩`) is a stock's level that year, or what a
flow's years add up to by then; from which year, the text does not say where it names only the
year: the plan's years, or earlier ones too. A cap on what the years add (`到2026年，全县新增建设
用地控制在500亩以内`) is the amount of the plan's years up to 2026, as a land-use plan means it
(`到2020年，新增建设用地规模控制在…以内` bounds the years of the plan together, its figures growing
from one target year to the next), or 2026's own, as a yearly cap (年度新增建设用地) is.

Where the text says which (每年/年度 a year's, each; 累计/规划期内/三年 or `2024—2026年` the
period's, and so 总量 or a cap beside caps of each year in its paragraph), that is the reading.
So is an exact figure 到YYYY年 alone dates (`到2026年，全区新建社区嵌入式服务设施55个`) beside a
table whose kind no word decided: what the plan's years add up to by then, or, where the
table's figure of that year is the goal's and their sum is not, that year's own (the table
may print running totals).
Where it does not, no error is raised on a guess: the goal is checked with the reading the
table's figures allow, an error stays only where every reading fails, and the log names both
readings with the table's figures.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from planchk.importers.build import ImportedIndicator
from planchk.importers.plandoc import texts
from planchk.importers.plandoc.folding import fold
from planchk.importers.plandoc.goal_statement import Statement
from planchk.plan.comparators import compare
from planchk.plan.goal_text import in_table_unit
from planchk.plan.numbers import half_unit, rounding_allowance
from planchk.plan.units import UnitTable

# a cap of each year in the same paragraph (每年新增建设用地不超过200亩, 年度…控制在…以内): the
# text tells the years' caps from the one 到2026年 states, which is then the period's
_YEARLY_CAP = re.compile(
    r"(?:每年|(?<![\d〇零一二三四五六七八九])年度)[^，,。；;]*?(?:不超过|不高于|不多于|不大于|控制在|以内|以下)"
)

# 新增建设用地总量控制在1500亩以内: the years' amount together, as 累计 says it
_TOGETHER = re.compile(r"总量|总规模|总额|合计")


@dataclasses.dataclass(frozen=True)
class Weighed:
    """A goal as its table is to check it (None: not linked), and what the log says of it."""

    statement: Statement | None
    note: str | None = None


def weigh(
    statement: Statement,
    indicator: ImportedIndicator,
    top: str | None,
    units: UnitTable,
    place: str,
) -> Weighed:
    """The reading of a linked goal its table checks: a running total against a stock, its
    level by the year; against a flow, the sum of the plan's years up to it where that meets
    it or where even the plan's years alone exceed it (wrong whichever years it counts), else
    not linked; a cap whose period 到YYYY年 alone gave, the period's where the sum meets it,
    else the year's own; an exact figure so dated (asked only where the table's kind is a
    guess), likewise. `top` is the area the goal is about (the hierarchy's one top)."""
    if statement.running and indicator.kind == "stock":
        return Weighed(dataclasses.replace(statement, first=None, guessed=False))
    weighed = statement.guessed and indicator.kind in ("flow", "change")
    if not weighed or not (statement.running or statement.op in ("<=", "<", "==")):
        return Weighed(statement)
    figures = _figures(statement, indicator, top, units)
    if figures is None or _meets(figures, statement.op):
        return Weighed(statement)  # a blank year or no one top: the check says nothing either
    if statement.running or statement.op == "==":
        read = _running if statement.running else _exact
        return read(statement, indicator, figures, place)
    said = fold(statement.paragraph.printed)  # 以內 as 以内: a plan in traditional characters
    if _YEARLY_CAP.search(said) or _TOGETHER.search(fold(statement.subject)):
        return Weighed(statement)  # 每年…不超过200亩 beside it, or 总量: the text says
    total, own, _, _ = figures
    note = texts.GOAL_CAP_READINGS(
        place=place, text=statement.text, id=indicator.id, year=statement.year, own=own,
        span=f"{statement.first}–{statement.year}", total=total, unit=indicator.unit,
    )  # fmt: skip
    return Weighed(dataclasses.replace(statement, first=None, guessed=False), note)


def _running(
    statement: Statement,
    indicator: ImportedIndicator,
    figures: tuple[Decimal, Decimal, Decimal, Decimal],
    place: str,
) -> Weighed:
    """A running total the sum of the plan's years does not meet: wrong whichever years it
    counts where that sum is already more than an exact figure or a cap (linked: PC501);
    else only years before the plan's could make up the rest, and it is not linked."""
    total, _, target, _ = figures
    if statement.op in ("==", "<=", "<") and total > target:
        return Weighed(statement)
    note = texts.GOAL_RUNNING_READINGS(
        place=place, text=statement.text, id=indicator.id, total=total, unit=indicator.unit,
        span=f"{statement.first}–{statement.year}", first=statement.first,
    )  # fmt: skip
    return Weighed(None, note)


def _exact(
    statement: Statement,
    indicator: ImportedIndicator,
    figures: tuple[Decimal, Decimal, Decimal, Decimal],
    place: str,
) -> Weighed:
    """An exact goal (到2026年，新建…55个) whose period only 到YYYY年 gave: the years' sum
    misses it, so it is the year's own where that figure meets it (a table of each year's
    level, or of what that year builds), said in the log; else the period's (PC501 on the
    sum: every reading fails)."""
    total, own, target, allowance = figures
    if abs(own - target) > allowance:
        return Weighed(statement)
    note = texts.GOAL_YEAR_READINGS(
        place=place, text=statement.text, id=indicator.id, year=statement.year, own=own,
        span=f"{statement.first}–{statement.year}", total=total, unit=indicator.unit,
    )  # fmt: skip
    return Weighed(dataclasses.replace(statement, first=None, guessed=False), note)


def _figures(
    statement: Statement, indicator: ImportedIndicator, top: str | None, units: UnitTable
) -> tuple[Decimal, Decimal, Decimal, Decimal] | None:
    """The sum of the goal's years at its area, its last year's figure, the goal's figure and
    how far an exact goal may honestly miss (half a unit of its printed digits, and the
    table's rounding where its unit is not a count), all in the table's unit."""
    row = indicator.values.get(top) if top is not None else None
    target = in_table_unit(statement.value, statement.unit, indicator.unit, units)
    if row is None or target is None or statement.first is None or statement.year is None:
        return None
    at = dict(zip(indicator.years, row, strict=False))
    values = [at.get(year) for year in range(statement.first, statement.year + 1)]
    printed = [value for value in values if value is not None]
    if len(printed) < len(values):
        return None
    half = in_table_unit(half_unit(statement.value), statement.unit, indicator.unit, units)
    table = units.get(indicator.unit)
    allowance = (half or Decimal(0)) + (
        Decimal(0) if table is not None and table.whole else rounding_allowance(printed)
    )
    return sum(printed, Decimal(0)), printed[-1], target, allowance


def _meets(figures: tuple[Decimal, Decimal, Decimal, Decimal], op: str) -> bool:
    """Whether the sum of the goal's years meets it as planchk.rules.goals checks it (a strict
    goal at its figure exactly is PC502's warning, not this)."""
    actual, _, target, allowance = figures
    if op == "==":
        return abs(actual - target) <= allowance
    return actual == target or compare(actual, op, target)
