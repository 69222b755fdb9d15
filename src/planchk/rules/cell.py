"""One value of a breakdown table, with where it stands (PlanContext.cell gives them)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Cell:
    """One value of a breakdown table with where it stands."""

    indicator: str
    area: str  # the row's name as typed
    year: int | str  # a year, or the label of an indicator's one period
    index: int  # position in the row
    value: Decimal | None

    @property
    def path(self) -> str:
        return f"indicators.{self.indicator}.values.{self.area}.{self.year}"

    @property
    def source(self) -> tuple[str | int, ...]:
        return ("indicators", self.indicator, "values", self.area, self.index)
