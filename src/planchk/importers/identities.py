"""Identities a table prints between its columns, written as `relations`.

An 其中 column is at most its whole. Where the headers name an identity, and it holds on the
clear majority of the rows (within the rounding of the printed digits), it is proposed (a
total column wherever it holds on one row at least):

    合计 = 新建 + 修缮加固                         a total column (合计, 小计, 总计)
    全年 = 一季度 + 二季度 + 三季度 + 四季度        the year beside its quarters, halves or months
    比上年增减 = 预算数 - 上年执行数                a difference column (增减, 调整数)
    增长 = 比上年增减 / 上年执行数 * 100           a growth rate (增长%, 增速, 增幅)
    完成率 = 完成数 / 任务数 * 100                 a completion rate (完成率, 执行率)
    财政资金占比 = 财政资金 / 总投入 * 100          a share of one column in another (占比, 比重),
    中央占比 = 中央资金 / 合计 * 100                the row's own total column among them
    占比 = 补助资金 / 补助资金[合计] * 100          each row's share of the total row
    补贴金额 = 补贴面积 * 补贴标准                 an amount, a quantity times a rate (标准, 单价)

The rows where a written identity fails are validate's findings; the log says on how many
rows each holds. Of the readings of a 占比 column, the one that holds on most rows is taken,
a share of another column before a share of the total row when both hold as often. The total
row is the table's first row (Table.rows puts it first wherever it is printed); its share of
itself, 100, is checked too, and tells a share of the total row from a share of a column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, DivisionByZero, InvalidOperation

from planchk.importers.shapes import Column, Row
from planchk.plan.numbers import half_unit

# 本年支出（合计）: a 合计 under a header over its parts, named by both
SUM_NAME = re.compile(r"(合计|小计|总计|共计|合計|小計|總計|total)[）)]?$", re.IGNORECASE)
CHANGE_NAME = re.compile(r"增减|增加额|减少额|差额|调整数|调增|调减|变动额|change", re.I)
GROWTH_NAME = re.compile(r"增长|增速|增幅|growth", re.I)
# What a title compares its figures with (FY2025 and change from FY2024, 及比2024年增减): the
# year named is not the table's, nor are its figures changes (importers.kinds).
COMPARED = re.compile(
    r"(?:and\s*)?(?:%\s*)?(?:change|increase|decrease|growth)\s*(?:from|over|on|since)\s*"
    r"(?:FY\s*)?(?:19|20)\d{2}"
    r"|[及和]?(?:比|较|与)\s*(?:上年|(?:19|20)\d{2}\s*年)(?:同期)?(?:相比)?(?:增减|增长|变化|变动)?",
    re.IGNORECASE,
)
RATE_DONE_NAME = re.compile(
    r"完成率|完成进度|执行率|到位率|完成预算|预算完成|为预算|completion", re.I
)  # 决算数 / 预算数: 完成预算%, 为预算%
SHARE_NAME = re.compile(r"占比|比重|所占比例|占.*比例|share", re.I)
# 补助标准（元/亩）, 单价, 定额: an amount per unit. 标准 only where a name ends with it:
# 高标准农田 and 标准化 are things counted, not rates (a 新建高标准农田 column read as a rate
# was never summed).
RATE_NAME = re.compile(
    r"(?<!高)标准\s*(?:[（(][^）)]*[）)])?\s*$|单价|定额|均价|权重|系数|得分|分值|评分|per\b|rate\b"
    r"|率\s*(?:[（(][^）)]*[）)])?\s*$",  # 覆盖率, 达标率（%）: a rate, whatever its unit
    re.I,
)
# A whole year printed beside its parts (全年, 全年合计, 年度计划): the sum of its quarters,
# halves or months, never of the other columns of the row (上年实际 beside them).
WHOLE_YEAR = re.compile(r"^(全年|全年度|年度|full[\s-]*year|annual)", re.I)
_NUMERAL = r"(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])"
# Each with how many parts make the year: three quarters done beside 全年任务 are a progress
# report, not the year's parts (a year that held on one row would make every other a PC106).
PERIODS = (
    (re.compile(r"^第?[一二三四1-4]\s*季度|^Q[1-4]\b", re.I), 4),
    (re.compile(r"^[上下]半年"), 2),
    (re.compile(rf"^{_NUMERAL}\s*月(份)?(?![\d至到—-])"), 12),
)
LAST_YEAR = re.compile(r"上年|去年|上一年|prior|last year", re.I)
MAJORITY = Decimal(2) / 3
HUNDRED = Decimal(100)
Values = Mapping[str, Decimal]
Test = Callable[[Values], bool]


@dataclass(frozen=True)
class Operand:
    id: str
    name: str
    columns: Mapping[int, int]  # year -> the grid's column index
    kind: str  # value, percent, of_which; "rate" for 标准/单价 columns
    unit: str
    row: Row | None = None  # read in this one row (the total row), not in each row checked
    titled: bool = False  # named by the table's title: its `change from FY2024` names no change

    @property
    def key(self) -> str:
        """The operand as a relation names it: 资金, or 资金[合计] for one row's value."""
        return self.id if self.row is None else f"{self.id}[{self.row.name}]"


@dataclass(frozen=True)
class Found:
    text: str
    holds: int
    rows: int
    kept: bool = True  # written as a relation; else only said in the log


def identities(operands: Sequence[Operand], rows: Sequence[Row]) -> Iterator[Found]:
    """The relations the headers name and the rows bear out."""
    amounts = [o for o in operands if o.kind == "value"]
    plain = [o for o in amounts if not (SUM_NAME.search(o.name) or _change(o))]
    years = [o for o in plain if WHOLE_YEAR.search(o.name) and any(_periods(o, plain))]
    plain = [o for o in plain if o not in years]  # 全年 beside its quarters: no part
    totals = [o for o in amounts if SUM_NAME.search(o.name) or o in years]
    candidates = [_total(total, plain, rows) for total in totals]
    sums = {text for text, _, _ in candidates}
    changes = [o for o in amounts if _change(o)]
    candidates += [_best(_differences(change, plain), rows) for change in changes]
    for rate in (o for o in operands if o.kind == "percent"):
        if GROWTH_NAME.search(rate.name) or CHANGE_NAME.search(rate.name):  # % Change
            candidates.append(_best(_growths(rate, changes, plain), rows))
        elif SHARE_NAME.search(rate.name):  # of a column, the row's 合计 or the total row
            wholes = [o for o in amounts if not _change(o)]
            options = itertools.chain(_shares(rate, plain, wholes), _of_total(rate, wholes, rows))
            candidates.append(_best(options, rows))
        elif RATE_DONE_NAME.search(rate.name):
            candidates.append(_best(_shares(rate, plain, plain), rows))
    for rate in (o for o in operands if o.kind == "rate"):
        candidates.append(_best(_products(rate, plain), rows))
    for text, used, test in candidates:
        if text:
            holds, count = _tally(used, test, rows)
            if count >= 2 and holds >= MAJORITY * count:
                yield Found(text, holds, count)
            elif text in sums and count:
                # a 合计 column beside its categories is their sum whatever most rows say: a
                # list of two projects, one of them wrong, must not lose its only check. One
                # that holds on no row is no such sum (a 合计 of other columns): said, not kept.
                yield Found(text, holds, count, kept=holds > 0)


def _change(operand: Operand) -> bool:
    name = COMPARED.sub(" ", operand.name) if operand.titled else operand.name
    return CHANGE_NAME.search(name) is not None


def _total(
    total: Operand, plain: Sequence[Operand], rows: Sequence[Row]
) -> tuple[str, Sequence[Operand], Test]:
    """A total column: the sum of the year's parts beside it (its quarters, halves or months,
    whichever holds most), else of every plain column in its unit."""
    periods = [_sum(total, parts) for parts in _periods(total, plain)]
    if periods:
        return _best(iter(periods), rows)
    parts = [o for o in plain if o.unit == total.unit]
    return _sum(total, parts) if parts else ("", (), lambda values: False)


def _periods(total: Operand, plain: Sequence[Operand]) -> Iterator[list[Operand]]:
    """The year's parts beside `total`: all its quarters, both halves, or all twelve months."""
    for period, count in PERIODS:
        parts = [o for o in plain if o.unit == total.unit and period.search(o.name)]
        if len(parts) == count:
            yield parts


def _best(
    options: Iterator[tuple[str, Sequence[Operand], Test]], rows: Sequence[Row]
) -> tuple[str, Sequence[Operand], Test]:
    """Of several readings (which two columns a difference is of), the one that holds most."""
    scored = [(_tally(used, test, rows)[0], text, used, test) for text, used, test in options]
    if not scored:
        return "", (), lambda values: False
    best = max(scored, key=lambda item: item[0])
    return best[1], best[2], best[3]


def _tally(used: Sequence[Operand], test: Test, rows: Sequence[Row]) -> tuple[int, int]:
    """On how many rows (and years) the identity holds, of those where it can be checked."""
    years = set.intersection(*(set(o.columns) for o in used)) if used else set()
    holds = count = 0
    for row in rows:
        for year in years:
            values = {o.key: (o.row or row).values.get(o.columns[year]) for o in used}
            if any(value is None for value in values.values()):
                continue
            count += 1
            try:
                holds += test(values)  # type: ignore[arg-type]
            except (DivisionByZero, InvalidOperation, ZeroDivisionError):
                count -= 1
    return holds, count


def _near(left: Decimal, right: Decimal, slack: Decimal) -> bool:
    return abs(left - right) <= slack * Decimal("1.0001")


def _sum(total: Operand, parts: Sequence[Operand]) -> tuple[str, Sequence[Operand], Test]:
    def test(v: Values) -> bool:
        slack = half_unit(v[total.id]) + sum((half_unit(v[p.id]) for p in parts), Decimal(0))
        return _near(v[total.id], sum((v[p.id] for p in parts), Decimal(0)), slack)

    text = f"{total.id} = {' + '.join(p.id for p in parts)}"
    return text, [total, *parts], test


def _differences(
    change: Operand, plain: Sequence[Operand]
) -> Iterator[tuple[str, Sequence[Operand], Test]]:
    same = [o for o in plain if o.unit == change.unit]
    for new, old in itertools.permutations(same, 2):
        if LAST_YEAR.search(new.name) and not LAST_YEAR.search(old.name):
            continue

        def test(v: Values, new: Operand = new, old: Operand = old) -> bool:
            slack = half_unit(v[change.id]) + half_unit(v[new.id]) + half_unit(v[old.id])
            return _near(v[change.id], v[new.id] - v[old.id], slack)

        yield f"{change.id} = {new.id} - {old.id}", [change, new, old], test


def _growths(
    rate: Operand, changes: Sequence[Operand], plain: Sequence[Operand]
) -> Iterator[tuple[str, Sequence[Operand], Test]]:
    for change in changes:
        for base in (o for o in plain if o.unit == change.unit):
            yield _ratio(rate, change, base, f"{change.id} / {base.id} * 100")
    if not changes:
        for new, old in itertools.permutations(plain, 2):
            if new.unit != old.unit:
                continue

            def test(v: Values, new: Operand = new, old: Operand = old) -> bool:
                exact = (v[new.id] - v[old.id]) / v[old.id] * HUNDRED
                return _near(v[rate.id], exact, _rate_slack(v, rate, new, old))

            yield f"{rate.id} = ({new.id} - {old.id}) / {old.id} * 100", [rate, new, old], test


def _shares(
    rate: Operand, parts: Sequence[Operand], wholes: Sequence[Operand]
) -> Iterator[tuple[str, Sequence[Operand], Test]]:
    """A column over another; the whole may be the row's own 合计 column."""
    for done, target in itertools.product(parts, wholes):
        if done is not target and done.unit == target.unit:
            yield _ratio(rate, done, target, f"{done.id} / {target.id} * 100")


def _of_total(
    rate: Operand, amounts: Sequence[Operand], rows: Sequence[Row]
) -> Iterator[tuple[str, Sequence[Operand], Test]]:
    """Each row's share of the total row: 占比 = 资金 / 资金[合计] * 100."""
    total = rows[0] if rows else None
    if total is None or "[" in total.name or "]" in total.name:  # no row a relation can name
        return
    for part in amounts:
        whole = replace(part, row=total)
        yield _ratio(rate, part, whole, f"{part.id} / {whole.key} * 100")


def _ratio(
    rate: Operand, top: Operand, bottom: Operand, text: str
) -> tuple[str, Sequence[Operand], Test]:
    def test(v: Values) -> bool:
        exact = v[top.key] / v[bottom.key] * HUNDRED
        return _near(v[rate.id], exact, _rate_slack(v, rate, top, bottom))

    return f"{rate.id} = {text}", [rate, top, bottom], test


def _rate_slack(v: Values, rate: Operand, top: Operand, bottom: Operand) -> Decimal:
    """Half a unit of the rate's last digit, and what the rounding of the amounts moves it."""
    base = abs(v[bottom.key])
    moved = (half_unit(v[top.key]) + half_unit(v[bottom.key]) * abs(v[top.key]) / base) / base
    return half_unit(v[rate.id]) + moved * HUNDRED


def _products(
    rate: Operand, plain: Sequence[Operand]
) -> Iterator[tuple[str, Sequence[Operand], Test]]:
    for amount, quantity in itertools.permutations(plain, 2):
        for factor, written in ((Decimal(1), ""), (Decimal(10000), " / 10000")):

            def test(
                v: Values,
                amount: Operand = amount,
                quantity: Operand = quantity,
                f: Decimal = factor,
            ) -> bool:
                q, r = v[quantity.id], v[rate.id]
                slack = (
                    half_unit(v[amount.id]) + (half_unit(q) * abs(r) + half_unit(r) * abs(q)) / f
                )
                return _near(v[amount.id], q * r / f, slack)

            text = f"{amount.id} = {quantity.id} * {rate.id}{written}"
            yield text, [amount, quantity, rate], test


def operand_kind(column: Column) -> str:
    if column.kind == "value" and (
        RATE_NAME.search(column.name or "") or "/" in (column.unit or "")
    ):
        return "rate"
    return column.kind
