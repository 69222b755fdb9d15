"""The writer's sweep over a mapping of rows (writer._Writer.table: every figure of a table
in one %-format, every name of the areas tree at once) writes the very bytes that writing
each row on its own (flow, text_of) writes: the file import writes does not depend on the
fast way. Hypothesis-made tables of figures (exponents, signs of zero, blanks, rows of
several widths) and of names (any text, quoted or plain)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.importers import writer
from planchk.importers.writer import targets_text, targets_written

FIGURES = st.one_of(
    st.none(),
    st.decimals(allow_nan=False, allow_infinity=False, places=None),
    st.decimals(allow_nan=False, allow_infinity=False, places=1, min_value=0, max_value=10**6),
    st.sampled_from([Decimal("-0"), Decimal("-0.0"), Decimal("1E+2"), Decimal("1234567890123.5")]),
)
NAMES = st.one_of(
    st.text(max_size=6),
    st.text(alphabet="镇甲乙县1_（）、·", min_size=1, max_size=6),
    st.sampled_from(["a: b", "null", "1.5", " lead", "yes", "[x]", "- z", "Ａ", "'q", ""]),
)


def _document(rows: dict[str, list[Any]], areas: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "plan": {"title": "t", "period": [2024, 2026]},
        "areas": areas,
        "indicators": {
            "x": {"name": "x", "unit": "万元", "kind": "flow", "years": [2024], "values": rows},
        },
    }


def _row_by_row(document: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> str:
    """The file as the writer writes it with no sweep: each row an entry of its own."""
    with monkeypatch.context() as patched:
        patched.setattr(writer._Writer, "table", lambda *args: None)
        return targets_text(document, ["header"])


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(NAMES, st.lists(FIGURES, min_size=1, max_size=4), min_size=1, max_size=8),
    st.dictionaries(NAMES, st.lists(NAMES, min_size=1, max_size=4), min_size=1, max_size=4),
)
def test_the_sweep_writes_what_each_row_alone_writes(
    rows: dict[str, list[Any]], areas: dict[str, list[str]]
) -> None:
    document = _document(rows, areas)
    with pytest.MonkeyPatch.context() as monkeypatch:
        expected = _row_by_row(document, monkeypatch)
    assert targets_text(document, ["header"]) == expected
    assert targets_written(document, ["header"]).text == expected


@pytest.mark.parametrize("width", [1, 3, 10])
def test_a_large_table_of_one_width_is_written_row_by_row_alike(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows: dict[str, list[Any]] = {
        f"镇{n}": [None if (n + y) % 7 == 0 else Decimal(n * 10 + y) / 10 for y in range(width)]
        for n in range(2000)
    }
    rows["镇3"][0] = Decimal("-0.5")  # a figure below 1 with its sign
    areas = {"全市": [k for k in rows if k != "全市"]}
    document = _document(rows, areas)
    text = targets_text(document, ["header"])
    assert text == _row_by_row(document, monkeypatch)
    assert "  镇7: [null" in text or width == 1  # a blank written null
    assert "  镇3: [-0.5" in text
