"""Figures as tables print them: signs, brackets and currency (importers.printed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planchk.importers.printed import accounting, normalized, parse_number


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("$1,200", "1200"),
        ("US$85.5", "85.5"),
        ("-$100", "-100"),
        ("($100)", "-100"),
        ("(1,234.50)", "-1234.50"),
        ("￥3,000", "3000"),  # full-width yen
        ("€12", "12"),
        ("−7", "-7"),  # U+2212
    ],
)
def test_a_figure_with_its_currency_sign_or_brackets(printed: str, number: str) -> None:
    read = parse_number(printed)
    assert read == Decimal(number)
    assert str(read) == number  # the printed digits are kept


@pytest.mark.parametrize("printed", ["$", "$abc", "1$", "$ 1 2 3,4", "($)", "US$", "甲$1"])
def test_what_only_looks_like_money_is_no_number(printed: str) -> None:
    assert parse_number(printed) is None


@pytest.mark.parametrize(
    ("printed", "plain"),
    [("(5.0%)", "-5.0%"), ("5.0%", "5.0%"), ("(12)", "-12"), ("$1,200", "1,200"), ("甲", "甲")],
)
def test_accounting_form_becomes_a_plain_signed_figure(printed: str, plain: str) -> None:
    assert accounting(normalized(printed)) == plain
