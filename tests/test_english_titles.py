"""An English table's numbering in its document is no part of the indicator's name."""

from __future__ import annotations

import pytest

from planchk.importers.layout import indicator_name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Table 3. Grants by County", "Grants by County"),
        ("Table 3.1 Grants by County", "Grants by County"),
        ("Table A-1: Grants", "Grants"),
        ("Annex II: Grants", "Grants"),
        ("Table 1 - Grants", "Grants"),
        ("Appendix B Grants by State", "Grants by State"),
        ("Table TOP 10 counties", "Table TOP 10 counties"),  # TOP is a word, not a number
        ("Tables of grants", "Tables of grants"),
        ("=指标", "=指标"),  # what is left (=) names nothing: the title stays
    ],
)
def test_the_numbering_is_left_out(title: str, name: str) -> None:
    assert indicator_name(title) == name
