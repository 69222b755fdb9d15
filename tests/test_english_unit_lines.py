"""English unit lines (importers.units): a multiplier word is a multiplier, a count word is a
count, and a note in brackets that names no unit ((continued), (preliminary)) is none."""

from __future__ import annotations

import pytest

from planchk.importers.units import title_unit, unit_line


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("(number)", "number"),
        ("(in numbers)", "number"),
        ("(persons)", "persons"),
        ("(units)", "units"),
        ("(number of households)", "households"),
        ("(thousands of persons)", "thousands of persons"),
        ("(in thousands)", "thousand"),
        ("(US$ thousand)", "USD thousand"),
        ("(in thousands of US dollars)", "USD thousand"),
        ("(UGX million)", "UGX million"),
        ("(KES thousand)", "KES thousand"),
        ("(KSh million)", "KSh million"),
        ("(MK million)", "MK million"),
        ("Amounts in GH¢ thousand", "GH¢ thousand"),
        ("单位：个（行政村）", "个"),  # a qualifier in brackets after the unit: the unit is 个
        ("单位：万元（含中央资金）", "万元"),
        ("单位：（行政村）", None),
        ("Amounts in USD million", "USD million"),
        ("Figures are in thousands.", "thousand"),
        ("[单位：千米]", "千米"),
        ("【单位：万元】", "万元"),
        ("Amounts in the districts", None),
        ("(Total grant)", None),
        ("(abc million)", None),
        ("(continued)", None),
        ("(preliminary)", None),
        ("(Revised)", None),
        ("(1)", None),
        ("(percent change)", None),
    ],
)
def test_an_english_unit_line(line: str, unit: str | None) -> None:
    assert unit_line(line) == unit


def test_a_title_keeps_a_note_that_names_no_unit() -> None:
    assert title_unit("Jobs created, 2024 (preliminary)") == (
        "Jobs created, 2024 (preliminary)",
        None,
    )
    assert title_unit("Jobs created, 2024 (in numbers)") == ("Jobs created, 2024", "number")
