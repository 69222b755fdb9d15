"""The fast paths around the table reader (benchmarks/imports.py) give what the general paths
give: a CSV's records as csv.reader reads them, the cells lifted with their unit or bound
as when every row was asked, and an indicator's figures as when each row was asked for each.
Each general path is written out here as the reference."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.importers import build, carried
from planchk.importers.csvgrid import records
from planchk.importers.grid import Grid, GridCell
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


# --- cells lifted with their unit or bound ---------------------------------------------------


def _lift_every_row(grid: Grid) -> tuple[list[list[GridCell]], dict[carried.Place, object]]:
    """carried.lift as it was: every row below the header asked, cell by cell."""
    said: dict[carried.Place, carried.Carried] = {}
    header = carried._header_rows(grid.rows)
    kept = carried._kept_columns(grid.rows[:header])
    rows = [
        cells if n < header else carried._lifted_row(cells, said, kept)
        for n, cells in enumerate(grid.rows)
    ]
    return rows, dict(said)


def _grid(texts: list[list[str]]) -> Grid:
    cells = [
        [GridCell(text, row, column) for column, text in enumerate(line, 1)]
        for row, line in enumerate(texts, 1)
    ]
    return Grid("t.csv", cells, merges=False)


def _same_as_every_row_asked(grid: Grid) -> None:
    lifted, said = carried.lift(grid)
    rows, wanted = _lift_every_row(grid)
    assert lifted.rows == rows
    assert said == wanted
    if not wanted:
        assert lifted is grid  # nothing carried: the grid itself, as before


# digits of other kinds (str.isdigit, not all of them ASCII or \d), points, and cells that
# carry a unit or a bound, a percentage, words, serials and names
_CELL_TEXTS = st.sampled_from(
    [
        "", "甲县", "合计", "一", "（一）", "1.", "一、甲县", "1.镇1_1", "12", "3.5", ".5", "5.",
        ".", "1,200", "-3", "１２", "①", "⑴", "⒈", "¹2", "٣", "❶", "120万元", "3.5亿元", "≥95",
        "不低于96", "95%以上", "5以内", "45%", "约50", "7左右", "5万元以下", "２.5万亩",
        "１２０萬元", "待定", "-", "10万元以上", "2024年", "补助标准", "项目数", "序号", "地区",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_CELL_TEXTS, min_size=1, max_size=5), min_size=1, max_size=8))
def test_cells_are_lifted_as_when_every_row_was_asked(texts: list[list[str]]) -> None:
    _same_as_every_row_asked(_grid(texts))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(_CELL_TEXTS, min_size=1, max_size=4), min_size=1, max_size=6))
def test_rows_below_a_quiet_start_are_lifted_as_when_every_row_was_asked(
    tail: list[list[str]],
) -> None:
    figures = [["甲县", "12", "3.5", ""]] * (carried._SAMPLE + 6)  # the screen's sample, and more
    _same_as_every_row_asked(_grid([["地区", "2024年", "2025年", "2026年"], *figures, *tail]))


def test_a_table_of_cells_with_units_is_still_lifted() -> None:
    texts = [["地区", "2024年", "2025年"], ["合计", "120万元", "3.5亿元"], ["甲县", "12", "≥95"]]
    lifted, said = carried.lift(_grid(texts))
    assert [[c.text for c in row] for row in lifted.rows] == [
        ["地区", "2024年", "2025年"], ["合计", "120", "3.5"], ["甲县", "12", "95"],
    ]  # fmt: skip
    assert {place: (c.number, c.unit, c.bound) for place, c in said.items()} == {
        (2, 2): (Decimal(120), "万元", None),
        (2, 3): (Decimal("3.5"), "亿元", None),
        (3, 3): (Decimal(95), None, "at_least"),
    }


# --- an indicator's figures taken from the rows -----------------------------------------------

_VALUES = st.dictionaries(
    st.integers(1, 6), st.one_of(st.none(), st.decimals(allow_nan=False, places=1)), max_size=6
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["甲县", "乙县", "丙县", "合计"]), _VALUES), max_size=6),
    st.lists(st.integers(1, 6), min_size=1, max_size=5),
)
def test_figures_are_taken_as_each_row_asked_in_turn(
    rows: list[tuple[str, dict[int, Decimal | None]]], indices: list[int]
) -> None:
    """build._values: at C speed where every row holds each column, else None for a column a
    row does not hold, as when each row was asked for each column; a name printed twice keeps
    its last row."""
    made = [Row(name, number, values) for number, (name, values) in enumerate(rows, 1)]
    wanted = {row.name: [row.values.get(i) for i in indices] for row in made}
    assert build._values(made, indices) == wanted


def test_figures_of_rows_that_hold_every_column_and_of_one_that_does_not() -> None:
    full = [Row("甲县", 1, {2: Decimal(1), 3: None}), Row("乙县", 2, {3: Decimal(2), 2: None})]
    assert build._values(full, [3, 2]) == {"甲县": [None, Decimal(1)], "乙县": [Decimal(2), None]}
    short = [*full, Row("丙县", 3, {2: Decimal(5)})]
    assert build._values(short, [2, 3])["丙县"] == [Decimal(5), None]
    assert build._values(short, [3]) == {"甲县": [None], "乙县": [Decimal(2)], "丙县": [None]}
