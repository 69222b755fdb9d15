"""Units of measure: what they measure, how they convert, whether they count whole things.

Counts (家, 件, 个) are exact whole numbers, so a count table has no rounding slack; currency
(元, 万元, 亿元) and area (亩, 万亩) convert by a factor, so a revision from 亿元 to 万元 is a unit
change and not a 10,000-fold jump.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from planchk.plan.numbers import tidy  # importable from here too, where it used to live


@dataclass(frozen=True)
class Unit:
    name: str
    dimension: str  # units convert only within one dimension
    factor: Decimal  # how many base units of the dimension one of this unit is
    whole: bool = False  # values are counts of whole things

    def to(self, other: Unit, value: Decimal) -> Decimal:
        """`value` in this unit, expressed in `other` (same dimension), without spare zeros."""
        return tidy(value * self.factor / other.factor)


def _counts(*names: str) -> dict[str, Unit]:
    # Counts of different things never convert into each other (家 is not 件): each count
    # unit is its own dimension.
    return {name: Unit(name, name, Decimal(1), whole=True) for name in names}


def _scaled(dimension: str, **factors: int | str) -> dict[str, Unit]:
    return {name: Unit(name, dimension, Decimal(f)) for name, f in factors.items()}


BUILT_IN: Mapping[str, Unit] = {
    **_counts(
        "家",
        "件",
        "个",
        "项",
        "户",
        "人",
        "人次",
        "名",
        "所",
        "座",
        "台",
        "套",
        "处",
        "场",
        "次",
        "篇",
        "株",
        "棵",
        "辆",
        "张",
        "条",
        "份",
        "批",
        "间",
        "床",
        "家次",
        "项次",
    ),
    # English count units, as an English unit line prints them ((households), (number of
    # persons)): whole things as 户 and 人 are, each its own dimension.
    **_counts(
        "number",
        "households",
        "persons",
        "people",
        "units",
        "projects",
        "schools",
        "cases",
        "beneficiaries",
        "students",
        "jobs",
        "enterprises",
        "villages",
        "items",
        "vehicles",
        "beds",
    ),
    **_scaled("currency", 元=1, 千元=1000, 万元=10_000, 百万元=1_000_000, 亿元=100_000_000),
    **_scaled("currency-usd", 美元=1, 万美元=10_000, 亿美元=100_000_000),
    **{
        f"USD {name}": Unit(f"USD {name}", "currency-usd", Decimal(factor))
        for name, factor in (("thousand", 1000), ("million", 1_000_000), ("billion", 10**9))
    },
    **_scaled("area-mu", 亩=1, 万亩=10_000),
    **_scaled(
        "area-m2", 平方米=1, 万平方米=10_000, 公顷=10_000, 平方公里=1_000_000, 平方千米=1_000_000
    ),
    **_scaled("length", 米=1, 公里=1000, 千米=1000),
    **_scaled("mass", 千克=1, 公斤=1, 吨=1000, 万吨=10_000_000),
    **_scaled("energy", 千瓦时=1, 万千瓦时=10_000, 亿千瓦时=100_000_000),
    **_scaled("percent", **{"%": "0.01", "‰": "0.001", "个百分点": "0.01"}),
}


class UnitTable:
    """The built-in units plus those a plan declares for itself."""

    def __init__(self, extra: Mapping[str, Unit] | None = None) -> None:
        self._units = {**BUILT_IN, **(extra or {})}

    def get(self, name: str) -> Unit | None:
        return self._units.get(name.strip())

    def convertible(self, a: Unit, b: Unit) -> bool:
        return a.dimension == b.dimension
