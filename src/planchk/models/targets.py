"""The targets file: plan metadata, the area hierarchy, breakdown tables and headline goals."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from planchk.models.common import (
    Integer,
    IsoDate,
    Name,
    Number,
    Period,
    Row,
    StrictModel,
    Waiver,
    span_of,
)
from planchk.models.settings import SumMode, SumSetting, ToleranceSetting

Kind = Literal["stock", "flow", "ratio", "change"]
TrendPolicy = Literal["non_decreasing", "growth_expected", "free"]
BlankMode = Literal["zero", "missing"]
DecimalsMode = Literal["printed", "stored"]
Comparator = Literal[">", ">=", "<", "<=", "=="]

# What a kind implies when the indicator does not say: a stock (a count of enterprises) may
# not fall, a flow (applications per year) is expected to grow, a change (比上年增减, 调整数:
# the difference of two amounts) may fall and may be negative. (A ratio is never summed; the
# sum mode of the others defaults to the totals rules' `default-sum` option, exact.)
DEFAULT_TREND: dict[str, TrendPolicy] = {
    "stock": "non_decreasing",
    "flow": "growth_expected",
    "ratio": "free",
    "change": "free",
}


class PlanInfo(StrictModel):
    title: Name
    document_number: Name | None = Field(default=None, description="e.g. 青政办发〔2021〕23号")
    issuer: Name | None = None
    issued: IsoDate | None = None
    period: list[Integer] | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="First and last year: [2021, 2023]. None for a plan whose tables name no "
        "year (each indicator's period a label).",
    )

    @model_validator(mode="after")
    def _period_in_order(self) -> PlanInfo:
        if self.period is not None and self.period[0] > self.period[1]:
            raise PydanticCustomError(
                "planchk_period", "the period's first year comes after its last year"
            )
        return self


class UnitDef(StrictModel):
    """A unit the built-in table does not know, e.g. 万株 = 10000 株."""

    dimension: Name = Field(description="What it measures, e.g. 株; units convert within one.")
    factor: Number = Field(
        default=Decimal(1), description="How many base units one of this unit is."
    )
    whole: StrictBool = Field(default=False, description="Values must be whole numbers.")


class Indicator(StrictModel):
    name: Name = Field(description="The indicator as the plan names it, e.g. 发明专利申请量.")
    table: Name | None = Field(default=None, description="The printed table title.")
    unit: Name = Field(description="As printed in 单位：…, e.g. 家, 亿元, %.")
    kind: Kind = Field(
        description="stock (a level that accumulates: enterprises, 累计), flow (an amount per "
        "year), ratio (a share or rate: never summed) or change (a difference such as "
        "比上年增减 or 调整数: summed, and may be negative)."
    )
    sum: SumSetting | None = Field(
        default=None,
        description="How the parts relate to their total: exact (=), at_least (parts may "
        "over-allocate), at_most (part may stay unallocated), none; one for every year, or by "
        "year ({2024: at_least, 2025: exact}: a year not named takes the default). Default: "
        "the `default-sum` option of sum-mismatch (exact); a ratio is never summed.",
    )
    trend: TrendPolicy | None = Field(
        default=None,
        description="non_decreasing (a fall is an error), growth_expected (a fall is a "
        "warning) or free. Default from kind: stock non_decreasing, flow growth_expected.",
    )
    tolerance: ToleranceSetting | None = Field(
        default=None,
        description="Largest difference between parts and total to accept as rounding: one "
        "for every sum, by year ({2024: 501}: every sum of that year), or by area and year "
        "({甲县: {2024: 501}}: the sum of 甲县's parts in 2024 only); the forms mix, an area's "
        "own first; a sum not named takes the default: what the printed digits allow.",
    )
    blank: BlankMode | None = Field(
        default=None,
        description="What a blank cell (null, printed blank, -, / or …) means: zero (the "
        "default: nothing here, counted as 0 in sums; a blank total over parts that hold "
        "amounts is still a finding) or missing (a value not given: each blank is a finding "
        "and its column's sum is not checked). A ratio's blank is always missing.",
    )
    decimals: DecimalsMode | None = Field(
        default=None,
        description="What the figures' decimals are: printed (the default: digits someone "
        "chose to print, so figures printed with different decimals may miss a digit: PC403) "
        "or stored (read from spreadsheet cells in the General format, which show each value "
        "as stored: 3.5, 4.25 and 10 differ in decimals and say nothing about the digits "
        "typed). planchk import writes stored where it read such cells.",
    )
    years: list[Period] = Field(
        min_length=1,
        description="The years of the columns, in order: [2021, 2022, 2023]; or, for a table "
        "that names no year, its one period's label as printed: [下达资金]; or, for a table "
        "printed for a period of years as a whole (2024—2026年目标任务), that period: "
        "[2024-2026]. Trend and period rules need years, and skip an indicator with a label "
        "or a period; a goal for the same period is checked against its figure.",
    )
    values: dict[Name, Row] = Field(
        description="One row per area: a value per year, in the order of `years`."
    )

    @model_validator(mode="after")
    def _one_label_or_years(self) -> Indicator:
        if len(self.years) > 1 and not all(isinstance(y, int) for y in self.years):
            raise PydanticCustomError(
                "planchk_years", "a period label stands alone: years are all numbers, or one label"
            )
        return self

    @property
    def span(self) -> tuple[int, int] | None:
        """The first and last years of an indicator of one period of years (2024-2026)."""
        return span_of(self.years[0]) if len(self.years) == 1 else None

    @property
    def dated(self) -> list[int] | None:
        """The years, or None for an indicator of one period with a label and no year."""
        years = [y for y in self.years if isinstance(y, int)]
        return years if len(years) == len(self.years) else None

    notes: dict[Name, Name] = Field(
        default_factory=dict,
        description="Text printed with a row (a 备注 column, a cell that holds words such as "
        "待定 instead of a number): area -> text. Shown in reports; never a number.",
    )
    period_total: dict[Name, Number] = Field(
        default_factory=dict,
        description="Each area's figure for the whole period as the table prints it beside "
        "the years (a 2024-2026年合计 or 合计 column): area -> figure. It is the sum of the "
        "area's years, within the rounding of the printed digits: validate checks it "
        "(PC111, PC112). Never summed into another total itself.",
    )

    @property
    def blank_is_zero(self) -> bool:
        """Whether a blank cell counts as 0 in sums and relations."""
        return self.kind != "ratio" and self.blank != "missing"

    def sum_modes(self, default: SumMode) -> list[SumMode]:
        """The sum mode of each year, in the order of `years`: `sum: {2024: at_least}` names
        some years, the others (and an indicator with no `sum`) take `default`."""
        if not isinstance(self.sum, dict):
            return [self.sum or default] * len(self.years)
        return [self.sum.get(year, default) for year in self.years]

    @property
    def trend_policy(self) -> TrendPolicy:
        return self.trend or DEFAULT_TREND[self.kind]


class Goal(StrictModel):
    text: Name = Field(description="The goal's wording as printed.")
    indicator: Name | None = Field(default=None, description="The indicator it sets, if any.")
    area: Name | None = Field(default=None, description="Default: the top of the hierarchy.")
    year: Integer | None = Field(
        default=None, description="The year the goal is for; or give `period` instead."
    )
    period: list[Integer] | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="A goal for the years from the first to the last, as a whole "
        "(到2026年，新建高标准农田3.6万亩 in a 2024-2026 plan: [2024, 2026]): a flow's table "
        "meets it with the sum of those years, a stock's or a ratio's with the last year.",
    )
    op: Comparator = Field(
        description="超过/突破/高于 >, 达到/不低于/不少于 >=, 不超过/控制在 <=; == for a figure "
        "stated with no comparator (新建高标准农田3.6万亩)."
    )
    value: Number
    unit: Name
    restated: list[Name] = Field(
        default_factory=list,
        description="Other sentences of the plan that state this goal again, as printed "
        "(e.g. under its task); each must say the same as `op`, `value` and `unit`.",
    )

    @model_validator(mode="after")
    def _year_or_period(self) -> Goal:
        if (self.year is None) == (self.period is None):
            raise PydanticCustomError(
                "planchk_goal_year", "a goal names its `year` or its `period`: one of the two"
            )
        if self.period is not None and self.period[0] > self.period[1]:
            raise PydanticCustomError(
                "planchk_period", "the period's first year comes after its last year"
            )
        return self

    @property
    def last_year(self) -> int:
        """The year the goal is reached in: its year, or its period's last."""
        return self.year if self.year is not None else (self.period or [0, 0])[1]

    @property
    def when(self) -> int | str:
        """The year, or the period as printed in messages and reports: 2024–2026."""
        return self.year if self.year is not None else "–".join(map(str, self.period or ()))


class TargetsFile(StrictModel):
    plan: PlanInfo
    areas: dict[Name, list[Name]] = Field(
        default_factory=dict,
        description="Each parent and the parts that add up to it; parts can be parents too.",
    )
    of_which: dict[Name, list[Name]] = Field(
        default_factory=dict,
        description="其中 rows: an area -> the rows printed under it as 其中 (of which). Each is "
        "part of that area's value, not a sibling: together they are at most the whole, and "
        "they are never added into any total.",
    )
    aliases: dict[Name, Name] = Field(
        default_factory=dict, description="Other names of areas: alias -> name in `areas`."
    )
    units: dict[Name, UnitDef] = Field(default_factory=dict)
    indicators: dict[Name, Indicator] = Field(default_factory=dict)
    goals: dict[Name, Goal] = Field(default_factory=dict)
    relations: list[Name] = Field(
        default_factory=list,
        description="Relations between indicators, checked per area and year, e.g. "
        "'total = new + renovated', 'key <= all', 'funds = households * standard'; a name "
        "with a row in brackets is that row's value: 'share = funds / funds[合计] * 100'.",
    )
    waivers: list[Waiver] = Field(default_factory=list)
