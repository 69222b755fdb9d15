"""Typing slips: how a printed figure can differ from the one that was meant.

A reviewer who sees that a column does not add up wants to know which cell is wrong. Most
errors in typed tables are slips of the hand: one digit wrong (3.68 for 3.66), two adjacent
digits swapped (3.68 for 3.86), a digit dropped or typed twice (120 for 1200, 1220 for 120),
the decimal point in the wrong place (0.5 for 5.0), a value in the wrong unit (万元 typed into
an 亿元 table: 10,000 times too large), a minus sign. Given the printed figure and the figure
that would make the table consistent, `classify` says which slip, if any, turns one into the
other, and how plausible that slip is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planchk.plan.numbers import tidy

# Plausibility of each kind of slip, from studies of typing errors in numeric data entry:
# transpositions and single wrong digits are the most common, unit and sign errors rarer.
WEIGHTS = {
    "swap": 0.90,
    "digit": 0.85,
    "column": 0.80,  # a value typed into the neighbouring year's column (see corrections)
    "shift": 0.75,
    "dropped": 0.70,
    "doubled": 0.70,
    "extra": 0.65,
    "unit": 0.65,
    "sign": 0.60,
}
UNIT_FACTORS = (Decimal(10_000), Decimal(100_000_000))  # 万, 亿: 元 vs 万元 vs 亿元
SHIFT_FACTORS = (Decimal(10), Decimal(100), Decimal(1000))


@dataclass(frozen=True)
class Slip:
    kind: str  # a key of WEIGHTS, which says how plausible it is


def printed(value: Decimal, like: Decimal) -> str:
    """`value` written with as many decimals as `like` was, when that loses nothing."""
    exponent = like.as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        quantized = value.quantize(Decimal(1).scaleb(exponent))
        if quantized == value:
            return str(quantized)
    return str(tidy(value))


def classify(old: Decimal, new: Decimal) -> Slip | None:
    """The slip that typed `old` where `new` was meant, or None if no single slip does."""
    if old == new:
        return None
    if new == -old:
        return _slip("sign")
    kind = _digit_slip(printed(old, old).lstrip("-"), printed(new, old).lstrip("-"))
    if kind is None and old != 0:
        kind = _scale_slip(abs(new / old))
    if kind is None or (old < 0) != (new < 0):
        return None
    return _slip(kind)


def _slip(kind: str) -> Slip:
    return Slip(kind)


def _digit_slip(old: str, new: str) -> str | None:
    """Slips that keep the decimal point where it is: compare the digit strings."""
    if len(old) == len(new):
        return _same_length_slip(old, new) if old.find(".") == new.find(".") else None
    if len(new) == len(old) + 1 and _one_removed(new, old):
        return "dropped"  # a digit of the intended figure was not typed
    if len(old) == len(new) + 1:
        for i in range(len(old)):
            if old[:i] + old[i + 1 :] == new and old[i].isdigit():
                neighbours = old[i - 1 : i] + old[i + 1 : i + 2]
                return "doubled" if old[i] in neighbours else "extra"
    return None


def _same_length_slip(old: str, new: str) -> str | None:
    differ = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    if len(differ) == 1:
        return "digit"
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i = differ[0]
        if old[i] == new[i + 1] and old[i + 1] == new[i] and "." not in old[i : i + 2]:
            return "swap"
    return None


def _one_removed(longer: str, shorter: str) -> bool:
    return any(
        longer[:i] + longer[i + 1 :] == shorter and longer[i].isdigit() for i in range(len(longer))
    )


def _scale_slip(ratio: Decimal) -> str | None:
    for factor in UNIT_FACTORS:
        if ratio in (factor, 1 / factor):
            return "unit"
    for factor in SHIFT_FACTORS:
        if ratio in (factor, 1 / factor):
            return "shift"
    return None
