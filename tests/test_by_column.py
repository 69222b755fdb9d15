"""The table reader's fast paths give what its general paths give: a row read by
importers.by_column is the row body.read_row reads from the same cells, on generated tables of
numbers, blanks, words, markers, totals, 其中 parts, notes, codes, merges and ragged rows; and a
label plain_label reads is read_label's."""

from __future__ import annotations

import dataclasses
import sys
from decimal import Decimal, InvalidOperation
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.importers import by_column
from planchk.importers.body import read_row
from planchk.importers.by_column import filled_cells, plain_rows
from planchk.importers.grid import Grid, GridCell
from planchk.importers.labels import plain_label, read_label
from planchk.importers.printed import is_blank, parse_number
from planchk.importers.shapes import Column, Row
from planchk.messages import PlanchkError

NAMES = [
    "甲镇", "1.镇1_1", "（一）乙县", "一、市本级", "①丙村", "(2)丁", "合计", "合計", "小计",
    "县区小计", "其中：专项资金", "其中", "Total", "total roads", "Sub-total", "subtotal",
    "合  计", "东 湖 区", "12", "3.5", "", "-", "Of which: rural", "s镇", "Grand Total", "全市",
    "1 .甲", "二、", "gamma", "ſ", "Ａ区", "1.2镇", "一、合计",
]  # fmt: skip
CELLS = [
    "", "", "12", "3.50", "0", "1,234.5", "(5)", "−3", "１２", "-", "—", "/", "…", ".", "待定",
    "已完成", "45%", "12..5", "约50", "1E3", "合计", "$1,200",
    # digits with a point or none, that Decimal reads or refuses (_direct): as parse_number?
    "1.", ".5", "1.2.3", "²", "٣", "①", "１２", "+1", "1_000", "12 ", "0.10",
]  # fmt: skip
FLAGS = [(False, False, 0)] * 6 + [(True, False, 0), (False, True, 2)]  # merged, bold, indent
KINDS = ["value", "value", "percent", "of_which", "text", "code", "year_sum"]


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[GridCell]], list[Column], int]:
    serial = draw(st.booleans())  # a 序号 column before the names
    first = draw(st.sampled_from([1, 3]))  # a side of a sheet starts further right
    area = first + serial
    width = draw(st.integers(1, 5))
    headers = {"text": draw(st.sampled_from(["备注", "属性"])), "code": "科目编码"}
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=width, max_size=width))
    columns = [
        Column(area + 1 + k, headers.get(kind, f"{2020 + k}年"), kind)  # type: ignore[arg-type]
        for k, kind in enumerate(kinds)
    ]
    if draw(st.booleans()):
        columns = [c for c in columns if c.index != area + width]  # a column under no header
    if draw(st.booleans()) and columns:
        columns[0] = dataclasses.replace(columns[0], header="说明", kind="text")
    body = []
    for number in range(draw(st.integers(1, 6))):
        texts = [draw(st.sampled_from(["", "1", "一", "（二）", "2."]))] if serial else []
        texts += [draw(st.sampled_from(NAMES))]
        texts += draw(st.lists(st.sampled_from(CELLS), min_size=width, max_size=width))
        if draw(st.integers(0, 9)) == 0:
            texts = texts[: draw(st.integers(1, len(texts)))]  # a CSV row that ends early
        flags = [draw(st.sampled_from(FLAGS)) for _ in texts]
        shift = draw(st.integers(0, 9)) == 0  # a row printed a column to the right
        body.append([
            GridCell(text, number + 5, first + shift + k, *flag)
            for k, (text, flag) in enumerate(zip(texts, flags, strict=True))
        ])  # fmt: skip
    return body, columns, area


def _slow(grid: Grid, cells: list[GridCell], columns: list[Column], area: int) -> Any:
    kinds = {column.index: column for column in columns}
    blank = dict.fromkeys(c.index for c in columns if c.kind not in ("text", "code"))
    try:
        return read_row(grid, cells, kinds, blank, area)
    except PlanchkError as error:
        return error


@pytest.mark.parametrize("distinct", [by_column._DISTINCT, -1])  # -1: read as they come
@settings(max_examples=400, deadline=None)
@given(tables())
def test_a_row_read_by_column_is_the_row_read_row_reads(
    distinct: int, table: tuple[list[list[GridCell]], list[Column], int]
) -> None:
    body, columns, area = table
    grid = Grid("t.csv", body)
    merges = any(cell.merged for cells in body for cell in cells)  # else: no row is asked
    with mock.patch.object(by_column, "_DISTINCT", distinct):
        fast_rows = plain_rows(body, columns, area, merges)
    for cells, fast in zip(body, fast_rows, strict=True):
        if fast is None:
            continue
        slow = _slow(grid, cells, columns, area)
        assert isinstance(slow, Row), (cells, slow)
        assert dataclasses.asdict(fast) == dataclasses.asdict(slow)
        assert list(fast.values) == list(slow.values)  # the same columns, in the same order
        assert [str(v) for v in fast.values.values()] == [str(v) for v in slow.values.values()]


def test_a_table_of_distinct_figures_is_read_as_they_come_as_read_row_reads_it() -> None:
    """Past _DISTINCT texts the rows are read as they come (no lookup): every row the same
    as read_row's, the printed digits kept (1.10 stays 1.10), and rows of dashes, signs and
    words still looked up or left to read_row."""
    columns = [Column(2 + k, f"{2020 + k}年", "value", 2020 + k) for k in range(3)]
    lines = [[f"{n}.镇{n}", f"{n}.10", f"{n}", ""] for n in range(1, 6000)]
    lines[5000][2], lines[5100][3], lines[5200][1] = "-", "待定", "-5.0"
    lines[5300][1:] = [".", "１２", "1."]
    lines[5400][1:] = ["1.2.3", "2", "3"]
    body = [[GridCell(t, n, c) for c, t in enumerate(line, 1)] for n, line in enumerate(lines)]
    original, direct = by_column._Reader._direct, []

    def spy(self: Any, found: tuple[str, ...]) -> Any:
        values = original(self, found)
        direct.append(values is not None)
        return values

    with mock.patch.object(by_column._Reader, "_direct", spy):
        fast = plain_rows(body, columns, 1, False)
    # 1 + 2 texts a row: past 4096 from the 2049th row on, but the 5 rows above
    assert sum(direct) == len(body) - 2049 - 5
    grid = Grid("t.csv", body)
    for cells, row in zip(body, fast, strict=True):
        if row is not None:
            slow = _slow(grid, cells, columns, 1)
            assert dataclasses.asdict(row) == dataclasses.asdict(slow)
            assert list(map(str, row.values.values())) == list(map(str, slow.values.values()))
    assert [fast[n] is None for n in (5000, 5100, 5200, 5300, 5400)] == [
        False, True, False, False, True,
    ]  # fmt: skip
    printed = {
        n: [str(value) for value in row.values.values()]
        for n in (1, 5000, 5200, 5300)
        if (row := fast[n]) is not None
    }
    assert printed == {
        1: ["2.10", "2", "None"],  # the printed digits kept
        5000: ["5001.10", "None", "None"],  # a dash: a blank
        5200: ["-5.0", "5201", "None"],
        5300: ["None", "12", "1"],
    }


def test_a_text_of_digits_decimal_reads_is_the_number_parse_number_reads() -> None:
    """_direct's premise: a text of characters str.isdigit accepts, with points, that
    Decimal reads (or refuses) is the Decimal parse_number reads, digits as printed (or
    read_row's: no lookup, no number). Every such character, alone and among ASCII digits."""
    digits = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdigit()]
    assert len(digits) > 700  # ², ①, ٣, １ ...: not ASCII alone
    read = 0
    for digit in digits:
        for text in (digit, "1" + digit, digit + ".5", "2." + digit, digit + "."):
            try:
                number = Decimal(text)
            except InvalidOperation:
                continue  # left to the lookup and read_row, as any other row
            read += 1
            assert str(parse_number(text)) == str(number), text
    assert read > 300


def test_plain_rows_are_read_by_column_and_the_others_left_to_read_row() -> None:
    columns = [Column(2, "2024年", "value", 2024), Column(3, "备注", "text")]
    rows = [["合计", "3", ""], ["1.甲镇", "1", "新建"], ["2.乙镇", "2", ""], ["3.丙镇", "待定", ""]]
    body = [[GridCell(t, n, c) for c, t in enumerate(row, 1)] for n, row in enumerate(rows, 4)]
    fast = plain_rows(body, columns, 1)
    assert [row is None for row in fast] == [False, False, False, True]  # 待定: read_row's
    assert fast[0] is not None
    assert fast[1] is not None
    assert fast[2] is not None
    assert (fast[0].role, fast[0].values, fast[0].bare) == ("total", {2: Decimal(3)}, False)
    assert (fast[1].name, fast[1].marker, fast[1].values, fast[1].notes) == (
        "甲镇", "1.", {2: Decimal(1)}, ["新建"],
    )  # fmt: skip
    assert fast[2].bare is False
    assert fast[2].notes == []


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.sampled_from(NAMES),
        st.text(st.sampled_from("1.、（）一合计小其中oOtsS甲計 \u3000"), max_size=6),
        st.text(max_size=6),
    )
)
def test_a_plain_label_is_read_as_read_label_reads_it(text: str) -> None:
    label = plain_label(text)
    if label is not None:
        assert label == read_label(text)
        assert label.role == "row"


@settings(max_examples=200, deadline=None)
@given(tables())
def test_a_column_s_filled_cells_are_its_cells_that_are_no_blank(
    table: tuple[list[list[GridCell]], list[Column], int],
) -> None:
    body = table[0]
    filled = filled_cells(body)
    width = max(cell.column for cells in body for cell in cells)
    for index in range(width + 2):
        cells = [c for cells in body for c in cells if c.column == index and not is_blank(c.text)]
        assert list(filled(index)) == cells
        assert list(filled(index)) == cells  # asked again: from the first row again
