"""The plan's goals from its statements: each linked to the table it names, a repeated goal
read once, a goal stated again with other figures kept as `restated` (PC507 reports it)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from planchk.importers.build import Imported
from planchk.importers.plandoc import texts
from planchk.importers.plandoc.goal_links import link
from planchk.importers.plandoc.goal_parts import of_which_row
from planchk.importers.plandoc.goal_readings import weigh
from planchk.importers.plandoc.goal_statement import Statement, base_year, key
from planchk.importers.plandoc.kinds import Guess
from planchk.plan.goal_text import LEVEL_VERBS, TARGET_VERBS, in_table_unit, same_measure
from planchk.plan.units import UnitTable

# what an id cannot hold: a bracket's aside, spaces, and the signs of the relation language;
# the goal's words stay (新增研发平台 is not 研发平台, which may be another goal)
_NOT_IN_ID = re.compile(r"[（(][^）)]*[）)]|[\s.+\-*/=<>()]")
_MEAN = re.compile(r"年均|年平均|平均每年|每年平均")  # a mean: of no one year, nor the sum
# 每年新建0.5万亩 over 2024—2026: 0.5万亩 in each of them; 年度新增建设用地控制在500亩以内 too
# (not 2024年度, a year's name)
_EACH = re.compile(r"每年|(?<![\d〇零一二三四五六七八九])年度")
_INCREASE = re.compile(r"新增|增加|净增")  # of a stock: last year minus the base, not a level


@dataclass
class GoalSet:
    imported: Imported  # the tables the goals may name
    source: str
    notes: list[str]
    places: dict[str, str]
    found: dict[str, dict[str, Any]] = field(default_factory=dict)  # goal id -> its entry
    first: dict[tuple[str, int | None, int], tuple[str, Statement]] = field(default_factory=dict)
    units: UnitTable = field(default_factory=UnitTable)
    kinds: dict[str, Guess] = field(default_factory=dict)  # indicator id -> its kind, and why
    unlinked: set[str] = field(default_factory=set)  # the goals' texts said to link to none
    # the last goal linked to a table, as weighed: the whole a 其中 part after it is of
    whole: tuple[Statement, str] | None = None

    def add(self, statement: Statement, year: int) -> None:
        if self._unread(statement):
            return
        if statement.first is not None and _EACH.search(statement.subject):
            for each in range(statement.first, year + 1):  # its figure in each year, not summed
                self.add(dataclasses.replace(statement, first=None, year=each), each)
            return
        said = len(self.notes)
        ind_id, area = self._indicator(statement), None
        if ind_id is not None:  # 累计, or a cap 到2026年 alone made the period's: which reading
            statement, ind_id = self._weigh(statement, ind_id)
        elif statement.part:  # 其中高效节水灌溉1.2万亩: its whole's table's 其中 row
            statement, ind_id, area = self._part(statement)
            year = statement.year or year
        if ind_id is not None and area is None:
            self.whole = (statement, ind_id)
        where = statement.place
        what = (f"{ind_id}@{area}" if area else ind_id or key(statement), statement.first, year)
        known = self.first.get(what)
        if known is not None:
            self._again(known, statement)
            return
        if ind_id is None and len(self.notes) == said and statement.text not in self.unlinked:
            self.unlinked.add(statement.text)  # once for a 每年 goal's years
            place = f"{self.source}: {where}"
            self.notes.append(texts.GOAL_UNLINKED(place=place, text=statement.text))
        goal_id = self._new_id(None if area else ind_id, statement)
        self.first[what] = (goal_id, statement)
        entry: dict[str, Any] = {"text": statement.text}
        if ind_id is not None:
            entry["indicator"] = ind_id
        if area is not None:
            entry["area"] = area
        if statement.first is None:
            entry["year"] = year
        else:
            entry["period"] = [statement.first, year]
        entry.update(op=statement.op, **self._figure(statement, ind_id))
        self.found[goal_id] = entry
        self.places[f"goals.{goal_id}"] = where

    def _part(self, statement: Statement) -> tuple[Statement, str | None, str | None]:
        """A 其中 part no table's name says: the 其中 row of its whole's table under the whole's
        area (planchk.importers.plandoc.goal_parts), read as its whole is (its year, or its
        period); else not linked."""
        if self.whole is None or self.whole[0].paragraph is not statement.paragraph:
            return statement, None, None
        whole, ind_id = self.whole
        row = of_which_row(statement.subject, self._top(), self.imported.of_which)
        if row is None or not same_measure(
            statement.unit, self.imported.indicators[ind_id].unit, self.units
        ):
            return statement, None, None
        read = dataclasses.replace(
            statement, year=whole.year, first=whole.first, running=False, guessed=False
        )
        return read, ind_id, row

    def _weigh(self, statement: Statement, ind_id: str) -> tuple[Statement, str | None]:
        """The reading of a linked goal its table checks (planchk.importers.plandoc.
        goal_readings): the goal as read, or as a year's; None for the table where no reading
        is safe. What was weighed is said in the log."""
        place = f"{self.source}: {statement.place}"
        guess = self.kinds.get(ind_id)
        if statement.op == "==" and not statement.running and (guess is None or not guess.weak):
            return statement, ind_id  # 到2026年，新建…: the years' sum, as a flow's words say
        weighed = weigh(statement, self.imported.indicators[ind_id], self._top(), self.units, place)
        if weighed.note is not None:
            self.notes.append(weighed.note)
        if weighed.statement is None:
            return statement, None
        return weighed.statement, ind_id

    def _top(self) -> str | None:
        """The area a goal that names none is about: the hierarchy's one top, if it has one."""
        parts = {part for names in self.imported.areas.values() for part in names}
        tops = [area for area in self.imported.areas if area not in parts]
        return tops[0] if len(tops) == 1 else None

    def _unread(self, statement: Statement) -> bool:
        """A goal that no reading of a table checks safely, said and left out: a yearly mean
        (年均新建0.5万亩), a change since a base year (比2020年增加40家)."""
        place = f"{self.source}: {statement.place}"
        base = base_year(statement)
        if base is not None:
            self.notes.append(texts.GOAL_OVER_BASE(place=place, text=statement.text, base=base))
        elif _MEAN.search(statement.subject):
            self.notes.append(texts.GOAL_MEAN(place=place, text=statement.text))
        else:
            return False
        return True

    def _figure(self, statement: Statement, ind_id: str | None) -> dict[str, Any]:
        """The goal's value and unit: in its table's unit where that differs (新建3.6万亩 or
        不少于3.6万亩 beside a table in 亩 is 36000 亩, 3万个 beside one in 个 30000: the text
        keeps the printed figure and its digits), so that the text's usual larger unit is no
        warning; as printed where it names no table."""
        value, unit = statement.value, statement.unit
        if ind_id is not None:
            table = self.imported.indicators[ind_id].unit
            converted = in_table_unit(value, unit, table, self.units)
            if converted is not None:  # never None for a linked goal: _indicator made sure
                value, unit = converted, table
        return {"value": value, "unit": unit}

    def _indicator(self, statement: Statement) -> str | None:
        """The table the goal names, when its unit converts to the table's (a goal in 亿元 is
        not about a table of 家, whatever the words)."""
        if statement.growth:
            return None
        names = [(i, ind.name) for i, ind in self.imported.indicators.items()]
        ind_id = link(statement, names)
        whole = self.whole[1] if self.whole is not None else None
        if ind_id is None or (statement.part and ind_id == whole):
            return None  # 其中高标准农田示范区 says its whole's name: a part of it, not it again
        if self.imported.indicators[ind_id].kind == "stock" and _INCREASE.search(
            statement.subject
        ):  # 新增高新技术企业30家 beside 120/135/150: an increase is no level
            place = f"{self.source}: {statement.place}"
            self.notes.append(
                texts.GOAL_INCREASE_OF_STOCK(place=place, text=statement.text, id=ind_id)
            )
            return None
        fits = self._measured(statement, ind_id)
        if statement.plain and fits:  # its years must be the table's: no goal-year-missing
            fits = _kind_fits(statement, self.imported.indicators[ind_id].kind)
            indicator = self.imported.indicators[ind_id]
            years, last = indicator.years, statement.year or 0
            needed = range(statement.first or last, last + 1)
            if statement.running and indicator.kind == "stock":
                needed = range(last, last + 1)  # 累计建成…: the level by then
            fits = fits and statement.year is not None and all(y in years for y in needed)
        if fits and statement.first is not None and self._cumulative(ind_id, statement):
            if statement.running:  # 累计建成…150个, the table's last year: it prints running totals
                self._running_totals(ind_id, statement)
            elif not statement.guessed:  # 2024—2026年新建: the years' sum; 到2026年: weighed
                place = f"{self.source}: {statement.place}"
                self.notes.append(
                    texts.GOAL_CUMULATIVE(place=place, text=statement.text, id=ind_id)
                )
                return None
        return ind_id if fits else None

    def _running_totals(self, ind_id: str, statement: Statement) -> None:
        """A table whose kind no word decided, and whose last year is a running total's figure
        (累计建成…达到150个) that its years' sum is not: the goal's 累计 decides it, as the
        word in the table's title would: a stock, each year the level by then."""
        self.imported.indicators[ind_id].kind = "stock"
        self.kinds[ind_id] = Guess("stock", f"累计 in the goal `{statement.text}`")

    def _measured(self, statement: Statement, ind_id: str) -> bool:
        """Whether the goal's figure is in a unit its table's converts to exactly (a goal in
        亿元 is not about a table of 家, whatever the words); a figure no exact factor brings
        into the table's unit is said and left unlinked, never compared approximately."""
        unit, table = statement.unit, self.imported.indicators[ind_id].unit
        if not same_measure(unit, table, self.units):
            return False
        if in_table_unit(statement.value, unit, table, self.units) is None:
            place = f"{self.source}: {statement.place}"
            self.notes.append(
                texts.GOAL_NO_EXACT_UNIT(
                    place=place, text=statement.text, id=ind_id, unit=unit, table=table
                )
            )
            return False
        return True

    def _cumulative(self, ind_id: str, statement: Statement) -> bool:
        """Whether a period's goal meets its table only if the table is cumulative: a flow
        that no word decided (the kind a reviewer should check) whose total row's last year
        is the goal's figure, and whose years add up to another. Linked, its check would say
        that the table misses the goal because of a guess; said instead."""
        indicator, guess = self.imported.indicators[ind_id], self.kinds.get(ind_id)
        if indicator.kind != "flow" or guess is None or not guess.weak:
            return False
        top = self._top()
        row = indicator.values.get(top) if top is not None else None
        target = in_table_unit(statement.value, statement.unit, indicator.unit, self.units)
        if row is None or None in row or target is None:
            return False
        at = dict(zip(indicator.years, row, strict=False))
        years = range(statement.first or 0, (statement.year or 0) + 1)
        total = sum((at[year] or Decimal(0) for year in years if year in at), Decimal(0))
        return at.get(statement.year or 0) == target and total != target

    def _again(self, known: tuple[str, Statement], statement: Statement) -> None:
        goal_id, earlier = known
        place = f"{self.source}: {statement.place}"
        same = (earlier.value, earlier.unit) == (statement.value, statement.unit)
        # a plain figure (新建3.6万亩) says what a floor of it (≥3.6万亩) says: PC503's reading,
        # whichever the plan states first
        ops = {earlier.op, statement.op}
        if same and (len(ops) == 1 or ops == {">=", "=="}):
            self.notes.append(texts.GOAL_REPEATED(place=place, text=statement.text, goal=goal_id))
            return
        restated = self.found[goal_id].setdefault("restated", [])
        restated.append(statement.text)
        self.places[f"goals.{goal_id}.restated.{len(restated) - 1}"] = statement.place
        self.notes.append(
            texts.GOAL_RESTATED(place=place, text=statement.text, goal=goal_id, first=earlier.place)
        )

    def _new_id(self, ind_id: str | None, statement: Statement) -> str:
        """The indicator's id, else the goal's words without brackets and spaces: 新增研发平台,
        独角兽、瞪羚企业累计."""
        base = ind_id or _NOT_IN_ID.sub("", statement.subject)
        base = base.strip("_、，") or "goal"
        if base in self.found and not statement.word and statement.first is None:
            base = f"{base}_{statement.year}"  # 其中2024年1.0万亩 beside its period's goal
        goal_id, counter = base, 2
        while goal_id in self.found:
            goal_id, counter = f"{base}_{counter}", counter + 1
        return goal_id


_LEVEL = re.compile("|".join(LEVEL_VERBS))
_INCREMENT = re.compile("|".join(v for v in TARGET_VERBS if v not in LEVEL_VERBS))


def _kind_fits(statement: Statement, kind: str) -> bool:
    """Whether a goal stated with a verb can be the table's figure: what is added (新建, 新增,
    完成: a flow's or a change's years) never a stock's level, and a level (建成, 培育) never
    what a flow's years add. A 绩效目标表's row that names no verb fits any table, and a
    running total (累计新建, 累计建成) a stock's level or what a flow's years add up to."""
    if statement.running:
        return kind in ("stock", "flow", "change")
    verb = _INCREMENT.search(statement.subject) or _LEVEL.search(statement.subject)
    if verb is None:  # only a listed row states no verb: its name is the table's
        return True
    if verb.group(0) in LEVEL_VERBS:
        return kind == "stock"
    return kind in ("flow", "change")
