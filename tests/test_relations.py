"""The relation language (planchk.plan.relations): what it reads, and why it refuses the rest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planchk.errors import RelationError
from planchk.messages import RELATION_PROBLEMS
from planchk.plan.relations import MAX_DEPTH, THIS_ROW, evaluate, parse

NAMES = {"total": "total", "a": "a", "b": "b", "合计": "total"}
VALUES = {"total": Decimal(10), "a": Decimal(4), "b": Decimal(6)}


def lookup(name: str, row: str) -> tuple[Decimal, Decimal] | None:
    value = VALUES.get(name) if row == THIS_ROW else ROWS.get((name, row))
    return None if value is None else (value, Decimal(0))


ROWS = {("a", "全区"): Decimal(40), ("total", "全区"): Decimal(100)}


def row_of(indicator: str, written: str) -> str | None:
    """The rows the tests' tables have: 全区, also called 合计 (an alias)."""
    area = {"合计": "全区"}.get(written, written)
    return area if (indicator, area) in ROWS else None


@pytest.mark.parametrize(
    ("text", "op", "left", "right"),
    [
        ("total = a + b", "==", 10, 10),
        ("合计 ≥ a × 2", ">=", 10, 8),
        ("a <= -(b - 10) ÷ 1", "<=", 4, 4),
        ("total / 2 < b * 1.5", "<", 5, 9),
        ("total * 0.5 = a + 1", "==", 5, 5),  # the numbers a value may hold: 0.5, 1
    ],
)
def test_a_relation_is_read_and_evaluated(text: str, op: str, left: int, right: int) -> None:
    relation = parse(text, NAMES)
    assert relation.op == op
    values = [evaluate(side, lookup) for side in (relation.left, relation.right)]
    assert [value[0] if value else None for value in values] == [Decimal(left), Decimal(right)]


@pytest.mark.parametrize(
    ("text", "problem", "args"),
    [
        ("total = a + c", "unknown-name", {"name": "c"}),
        ("total a + b", "no-comparator", {"token": "a"}),
        ("total = a + b b", "unexpected", {"token": "b"}),
        ("total = a + * b", "unexpected", {"token": "*"}),
        ("total = a & b", "unexpected", {"token": "&"}),
        ("total = a * １２", "number", {"token": "１２"}),  # full-width: the values refuse them too
        ("total = a * ٣", "number", {"token": "٣"}),
        ("total = a * 012", "number", {"token": "012"}),  # a leading zero, as in a value
        ("total = a * " + "9" * 41, "number", {"token": "9" * 41}),  # longer than any value
        ("total = a +", "incomplete", {}),
        ("total", "incomplete", {}),
        ("total = (a b)", "unclosed", {}),
        ("total = " + "(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1), "too-deep",
         {"depth": MAX_DEPTH}),
        ("total = " + "-" * (MAX_DEPTH + 1) + "a", "too-deep", {"depth": MAX_DEPTH}),
    ],
)  # fmt: skip
def test_a_relation_that_cannot_be_read_says_why(
    text: str, problem: str, args: dict[str, object]
) -> None:
    with pytest.raises(RelationError) as raised:
        parse(text, NAMES)
    assert raised.value.problem == problem
    assert raised.value.args_ == args
    assert problem in RELATION_PROBLEMS  # every problem has its message
    RELATION_PROBLEMS[problem](**args)  # and the message takes exactly these arguments


def test_nesting_up_to_the_limit_is_read() -> None:
    deepest = "(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH
    assert parse(f"total = {deepest}", NAMES).refs() == ["total", "a"]


def test_a_name_may_start_with_digits_and_a_number_may_not_be_a_name() -> None:
    names = {"2022年目标": "2022年目标", "2021年完成数": "2021年完成数", "增减": "增减"}
    relation = parse("增减 = 2022年目标 - 2021年完成数 * 1.5", names)
    assert relation.refs() == ["增减", "2022年目标", "2021年完成数"]
    right = relation.right
    assert right.right is not None
    assert right.right.right is not None
    assert right.right.right.value == Decimal("1.5")  # 1.5 is still a number
    spaced = parse("增减 = 2022 - 2021年完成数", names).right  # 2022 alone is a number
    assert spaced.left is not None
    assert spaced.right is not None
    assert (spaced.left.kind, spaced.left.value, spaced.right.name) == (
        "num", Decimal(2022), "2021年完成数",
    )  # fmt: skip
    with pytest.raises(RelationError) as raised:
        parse("增减 = 2x", names)
    assert raised.value.args_ == {"name": "2x"}


def test_a_name_with_a_row_in_brackets_reads_that_row_in_every_row_checked() -> None:
    relation = parse("b = a / a[合计] * 100 + total[全区] - 94", NAMES, row_of)
    assert relation.cells() == [("b", ""), ("a", ""), ("a", "全区"), ("total", "全区")]
    assert relation.refs() == ["b", "a", "total"]
    assert relation.per_row() == ["b", "a"]
    assert relation.fixed() == [("a", "全区"), ("total", "全区")]  # 合计 is 全区's alias
    right = evaluate(relation.right, lookup)
    assert right is not None
    assert right[0] == Decimal(4) / 40 * 100 + 100 - 94  # a is 4 here, 40 in 全区
    spaced = parse("b = a [ 合计 ]", NAMES, row_of)  # spaces around the row are layout
    assert spaced.fixed() == [("a", "全区")]


@pytest.mark.parametrize(
    ("text", "problem", "args"),
    [
        ("b = a[乙街道]", "unknown-row", {"name": "a", "row": "乙街道"}),
        ("b = b[全区]", "unknown-row", {"name": "b", "row": "全区"}),  # b has no such row
        ("b = a[]", "no-row", {"name": "a"}),
        ("b = a[合计 * 2", "unclosed-row", {"name": "a"}),
        ("b = [合计]", "unexpected", {"token": "[合计]"}),  # a row needs its indicator
        ("b = a] * 2", "unexpected", {"token": "]"}),
        ("b = c[合计]", "unknown-name", {"name": "c"}),
    ],
)
def test_a_row_that_cannot_be_found_is_refused(
    text: str, problem: str, args: dict[str, object]
) -> None:
    with pytest.raises(RelationError) as raised:
        parse(text, NAMES, row_of)
    assert (raised.value.problem, raised.value.args_) == (problem, args)
    RELATION_PROBLEMS[problem](**args)  # the message takes exactly these arguments
