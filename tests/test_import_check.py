"""Import's check that what it writes, validate reads: the writer hands the loader the number
rows it set aside (writer._row), and the loader must then keep exactly what it keeps when it
reads the file alone: values with their printed digits, positions, problems."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.importers import _check_readable
from planchk.importers.writer import targets_text, targets_written
from planchk.loader import compose as compose_module
from planchk.loader import load_bytes
from planchk.loader.compose import Composed, compose
from planchk.loader.rows import MARK
from planchk.loader.scalars import number_cache
from planchk.messages import PlanchkError
from planchk.models import TargetsFile
from tests.test_loader_rows import assert_same


def _document(rows: dict[str, list[Any]]) -> dict[str, Any]:
    return {
        "plan": {"title": "t", "period": [2024, 2024]},
        "areas": {"全市": [k for k in rows if k != "全市"]},
        "indicators": {
            "x": {"name": "x", "unit": "万元", "kind": "flow", "years": [2024], "values": rows},
        },
    }


def _composed_both(document: dict[str, Any]) -> tuple[Composed, Composed, list[bool]]:
    """The check's composition (with the rows handed over) and the file's own; whether the
    composer took the handed rows (True) or parsed the text again (False) each time."""
    written = targets_written(document, ["header"])
    assert written.text == targets_text(document, ["header"])  # the file is the file
    runs: list[bool] = []
    run = compose_module._Composer.run

    def spy(self: Any, text: str, quick_rows: bool = True, given: Any = None) -> Composed:
        runs.append(given is not None)
        return run(self, text, quick_rows, given)

    number_cache.clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(compose_module._Composer, "run", spy)
        checked = compose(written.text, "t", prelexed=written.prelexed)
    number_cache.clear()
    return checked, compose(written.text, "t", quick_rows=False), runs


def test_rows_of_numbers_are_handed_over_and_read_as_the_file_reads() -> None:
    rows = {"全市": [Decimal("3.0"), Decimal("30")], "甲": [Decimal("1.0"), Decimal("10")]}
    rows["乙"] = [Decimal("2.0"), Decimal("20")]
    written = targets_written(_document(rows))
    assert written.prelexed is not None
    assert written.prelexed.rows == list(rows.values())
    assert written.prelexed.text.count(f"{MARK} []") == 3
    checked, alone, runs = _composed_both(_document(rows))
    assert runs == [True]  # the check parsed the text with the rows set aside, once
    assert_same(checked, alone)
    values = checked.data["indicators"]["x"]["values"]
    assert [str(v) for v in values["甲"]] == ["1.0", "10"]


@pytest.mark.parametrize(
    "row",
    [
        [Decimal("1E+3"), Decimal("2")],  # written out as 1000 by scalar: not its own text
        [Decimal("-0"), Decimal("2")],  # written 0
        [Decimal("-0.5"), Decimal("2")],  # a sign of zero in the text: scalar writes it
        [None, Decimal("2")],  # a blank
        [Decimal("1" * 41), Decimal("2")],  # longer than the loader sets aside
    ],
    ids=["exponent", "minus zero", "minus a half", "blank", "long"],
)
def test_rows_the_writer_does_not_hand_over_are_parsed(row: list[Any]) -> None:
    document = _document({"全市": row, "甲": row})
    written = targets_written(document)
    assert written.prelexed is None  # no row to hand over: the check reads the file alone
    checked, alone, _ = _composed_both(document)
    assert_same(checked, alone)


def test_a_key_with_a_hash_is_parsed_and_the_other_rows_handed_over() -> None:
    rows = {"全市": [Decimal("3")], "甲 #1": [Decimal("1")], "乙": [Decimal("2")]}
    written = targets_written(_document(rows))
    assert written.prelexed is not None
    assert written.prelexed.rows == [[Decimal("3")], [Decimal("2")]]
    checked, alone, runs = _composed_both(_document(rows))
    assert runs == [True]
    assert_same(checked, alone)


def test_a_file_that_holds_the_tag_is_read_as_it_is() -> None:
    rows = {"全市": [Decimal("3")], "甲": [Decimal("1")], "乙": [Decimal("2")]}
    document = _document(rows)
    document["plan"]["title"] = f"{MARK} []"
    assert targets_written(document).prelexed is None


def test_rows_handed_over_that_the_parser_does_not_meet_make_it_parse_the_file() -> None:
    rows = {"全市": [Decimal("3")], "甲": [Decimal("1")], "乙": [Decimal("2")]}
    written = targets_written(_document(rows))
    assert written.prelexed is not None
    written.prelexed.rows.append([Decimal("9")])  # one row more than the text sets aside
    loaded = load_bytes(written.text.encode(), Path("t.yaml"), "t", prelexed=written.prelexed)
    assert isinstance(loaded.model, TargetsFile)
    assert [[str(v) for v in r] for r in loaded.model.indicators["x"].values.values()] == [
        ["3"],
        ["1"],
        ["2"],
    ]


NUMBERS = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: abs(d) < Decimal("1E+30")
)
CELLS = st.one_of(st.none(), NUMBERS, st.sampled_from([Decimal("-0.0"), Decimal("1E+2")]))
NAMES = st.sampled_from(["甲", "乙街道", "a: b", "c #d", "e f", "g'h", "1.5", "null", "[x]"])


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(NAMES, st.lists(CELLS, min_size=1, max_size=4), min_size=1, max_size=6))
def test_any_table_is_checked_as_the_file_reads(rows: dict[str, list[Any]]) -> None:
    checked, alone, _ = _composed_both(_document({"全市": [Decimal(1)], **rows}))
    assert_same(checked, alone)


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ({"全市": [Decimal(3)], "甲镇": [Decimal(1)], "甲镇\u3000": [Decimal(2)]}, "U+3000"),
        ({"全市": [Decimal(3)], "甲镇": [Decimal(1), "待定"]}, "values.甲镇[1]"),
    ],
    ids=["look-alike keys", "text in a row"],
)
def test_the_check_still_refuses_what_validate_would_not_read(
    rows: dict[str, list[Any]], problem: str
) -> None:
    written = targets_written(_document(rows))
    assert written.prelexed is not None  # the rows of numbers alone are handed over
    with pytest.raises(PlanchkError) as raised:
        _check_readable(written)
    assert "cannot read back" in str(raised.value)
    assert problem in str(raised.value)


def test_a_number_too_long_to_set_aside_keeps_only_its_row_in_the_text() -> None:
    rows = {"全市": [Decimal("3")], "甲": [Decimal("1" * 41)], "乙": [Decimal("2")]}
    written = targets_written(_document(rows))
    assert written.prelexed is not None
    assert written.prelexed.rows == [[Decimal("3")], [Decimal("2")]]
    checked, alone, _ = _composed_both(_document(rows))
    assert_same(checked, alone)
