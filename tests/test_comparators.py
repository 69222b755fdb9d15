"""The one comparator vocabulary (planchk.plan.comparators): spellings, words, meaning."""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest

from planchk.models.targets import Comparator
from planchk.plan import comparators, goal_text, relations
from planchk.plan.comparators import SYMBOLS, WORDS, compare

ONE, TWO = Decimal(1), Decimal(2)


@pytest.mark.parametrize(
    ("op", "below", "equal", "above"),
    [(">", False, False, True), (">=", False, True, True), ("<", True, False, False),
     ("<=", True, True, False), ("==", False, True, False)],
)  # fmt: skip
def test_each_comparator_means_what_it_says(op: str, below: bool, equal: bool, above: bool) -> None:
    assert (compare(ONE, op, TWO), compare(ONE, op, ONE), compare(TWO, op, ONE)) == (
        below,
        equal,
        above,
    )


def test_the_models_comparators_are_the_ones_evaluated() -> None:
    for op in get_args(Comparator):
        compare(ONE, op, ONE)  # no KeyError
    assert set(SYMBOLS.values()) == set(get_args(Comparator))
    assert set(WORDS.values()) <= set(get_args(Comparator))  # a goal's wording never says ==


def test_a_spelling_not_a_comparator_is_refused() -> None:
    with pytest.raises(KeyError):
        compare(ONE, "≥", ONE)  # a relation's spelling, not yet read as >=


def test_relations_and_goal_wording_read_the_same_vocabulary() -> None:
    assert relations.COMPARATORS is SYMBOLS
    assert goal_text.COMPARATOR_WORDS is WORDS  # importers.plandoc reads it by this name
    assert relations.parse("a ≥ b", {"a": "a", "b": "b"}).op == ">="
    wording = goal_text.read_wording("高新技术企业不低于130家")
    assert wording is not None
    assert (wording.word, wording.op) == ("不低于", ">=")


def test_the_old_names_evaluate_through_compare() -> None:
    assert relations.holds("<", ONE, TWO)
    assert not relations.holds("<", TWO, ONE)
    assert goal_text.satisfies(TWO, ">", ONE)
    assert not goal_text.satisfies(ONE, ">", TWO)
    assert comparators.__all__ == ["SYMBOLS", "WORDS", "Comparator", "compare"]
