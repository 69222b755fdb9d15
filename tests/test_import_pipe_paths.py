"""The fast paths around the table reader (benchmarks/imports.py) give what the general paths
give: a CSV's records as csv.reader reads them, and an indicator's values as when each row
was asked for each column. Each general path is written out here as the reference."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.importers.build import _values
from planchk.importers.csvgrid import records
from planchk.importers.shapes import Row

# --- a CSV's records --------------------------------------------------------------------------


def _csv_reader(text: str) -> list[list[str]] | str:
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return str(error)


def _records(text: str) -> list[list[str]] | str:
    try:
        return records(text)
    except csv.Error as error:
        return str(error)


_CSV_TEXTS = st.text(st.sampled_from(',\n\r" 甲1.\x00\t\u3000\x0b\x85\u2028'), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(_CSV_TEXTS)
def test_records_are_those_csv_reader_reads(text: str) -> None:
    assert _records(text) == _csv_reader(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "a,b\n1,2\n",
        "a,b\n1,2",
        "a,b\r\n1,2\r\n",
        "a,b\r\n1,2\n3,4\r\n",
        "a,b\r1,2\r",  # old Mac line ends: csv.reader's own way
        "a,\n,\n\n,b",
        '"a,b",c\n',
        "a\x00b\n",
    ],
)
def test_records_of_line_ends_blanks_and_quotes(text: str) -> None:
    assert _records(text) == _csv_reader(text)


def test_a_field_past_csvs_limit_is_refused_as_csv_reader_refuses_it() -> None:
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(8)
        for text in ("a,123456789\n", "123456789\n1,2\n", "12345678,1\n"):
            assert _records(text) == _csv_reader(text), text
        assert isinstance(_records("a,123456789\n"), str)  # the reader's error, as before
    finally:
        csv.field_size_limit(limit)


# --- an indicator's values ------------------------------------------------------------------


def _row(name: str, values: dict[int, Decimal | None]) -> Row:
    return Row(name=name, number=1, values=values)


_VALUES = st.dictionaries(
    st.integers(1, 4), st.one_of(st.none(), st.decimals(allow_nan=False, places=1)), max_size=4
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["甲", "乙", "丙"]), _VALUES), max_size=6),
    st.lists(st.integers(1, 4), min_size=1, max_size=4, unique=True),
)
def test_values_are_taken_as_each_row_asked_for_each_column(
    named: list[tuple[str, dict[int, Decimal | None]]], indices: list[int]
) -> None:
    rows = [_row(name, values) for name, values in named]
    wanted = {row.name: list(map(row.values.get, indices)) for row in rows}
    got = _values(rows, indices)
    assert got == wanted
    assert list(got) == list(wanted)  # the same order: a repeated name where it came first
