"""A plan's number grammar (planchk.plan.numbers), and the readers that must speak it alike.

The loader resolves a plain scalar with is_number and sets whole rows of numbers aside with a
regular expression (loader.rows); a goal's wording reads its figure with FIGURE. Where these
disagree, the same cell would be read two ways depending on the line it sits on.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planchk.loader.rows import prelex
from planchk.loader.scalars import resolve_plain
from planchk.plan.goal_text import read_wording
from planchk.plan.numbers import FIGURE, MAX_DIGITS, NUMBER, is_number, plain, tidy
from planchk.rules.suggest.slips import printed

# Digits, signs and points, and a letter and a full-width digit that must never be numbers.
TOKENS = st.text(alphabet="0123456789+-.e１", min_size=1, max_size=14)


@pytest.mark.parametrize(
    ("text", "number"),
    [("0", True), ("-12", True), ("+3.50", True), ("0.5", True), ("010", False),
     ("5.", False), (".5", False), ("1.2.3", False), ("1e3", False), ("1_000", False),
     ("１２", False), ("--1", False), ("", False), ("-", False)],
)  # fmt: skip
def test_what_a_plan_number_is(text: str, number: bool) -> None:
    assert is_number(text) is number
    assert (re.fullmatch(NUMBER, text) is not None) is number


@given(TOKENS)
def test_is_number_and_the_pattern_are_one_grammar(text: str) -> None:
    assert is_number(text) == (re.fullmatch(NUMBER, text) is not None)


def test_a_number_longer_than_a_plan_figure_is_text() -> None:
    longest = "9" * MAX_DIGITS
    assert is_number("-" + longest)
    assert not is_number(longest + "9")
    assert re.fullmatch(NUMBER, longest + "9")  # the length is is_number's, before Decimal


@given(TOKENS)
def test_a_row_is_set_aside_exactly_when_its_cells_are_numbers(text: str) -> None:
    found = prelex(f"a: [1, {text}]\n")
    assert (found is not None) == is_number(text)
    if found is not None:
        assert found.rows == [[Decimal(1), resolve_plain(text)]]


@given(st.from_regex(FIGURE, fullmatch=True))
def test_a_goal_reads_the_figure_it_prints(figure: str) -> None:
    wording = read_wording(f"力争超过{figure}家")
    assert wording is not None
    assert wording.value == Decimal(figure)


@pytest.mark.parametrize(
    ("value", "tidied", "plain_text"),
    [("21700.0000", "21700", "21700.0000"), ("1E+1", "10", "10"), ("1E-7", "1E-7", "0.0000001"),
     ("0.250", "0.25", "0.250"), ("-0", "-0", "0"), ("-1.50", "-1.5", "-1.50"),
     ("-0.00", "-0", "0.00"), ("-0E+2", "-0", "0")],
)  # fmt: skip
def test_a_decimal_back_to_text(value: str, tidied: str, plain_text: str) -> None:
    assert str(tidy(Decimal(value))) == tidied
    assert plain(Decimal(value)) == plain_text


def test_a_suggested_figure_is_written_like_the_one_it_replaces() -> None:
    assert printed(Decimal("12.5"), Decimal("3.00")) == "12.50"
    assert printed(Decimal("12.345"), Decimal("3.0")) == str(tidy(Decimal("12.345")))
    assert printed(Decimal("1200.000"), Decimal(7)) == "1200"
