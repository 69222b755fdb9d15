"""The fast paths of import (benchmarks/imports.py) give what the general paths give: a row of
the written file, a CSV cell's indentation, a number read twice, an escaped note."""

from __future__ import annotations

import gc
import re
import weakref
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.escape import visible_lines
from planchk.importers import csvgrid
from planchk.importers.csvgrid import read_csv
from planchk.importers.grid import GridCell, collector_paused
from planchk.importers.halves import _SIDES, _name_columns, _numbers, _split
from planchk.importers.labels import _ANY_MARKER, _LAYOUT_SPACE, _MARKER_STARTS, clean_name
from planchk.importers.pages import (
    _DATE,
    _MAY_BE_NOTE,
    _MAY_BE_SIGNED,
    _NOTE,
    _NOTE_STARTS,
    _SIGN_OFF,
    _SIGN_OFF_STARTS,
    is_sign_off,
    may_end,
)
from planchk.importers.printed import (
    _SIMPLIFIED,
    has_digit,
    is_blank,
    normalized,
    parse_number,
    simplified,
)
from planchk.importers.writer import _figures
from planchk.importers.yamltext import flow, scalar
from planchk.plan.numbers import MAX_DIGITS


def test_a_row_of_numbers_and_blanks_is_written_as_scalar_writes_each() -> None:
    row = [Decimal("6.0"), None, Decimal("1E+1"), Decimal("-0.50"), Decimal("1.2E-7")]
    assert flow(row) == "[6.0, null, 10, -0.50, 0.00000012]"
    assert flow(row) == "[" + ", ".join(scalar(v) for v in row) + "]"
    assert flow([Decimal(1), "待定"]) == "[1, 待定]"
    zeros = [Decimal("-0"), Decimal("-0.0"), Decimal("-0.5"), Decimal("-10"), None]
    assert flow(zeros) == "[0, 0.0, -0.5, -10, null]"


def test_csv_indentation_is_read_with_or_without_quotes(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('地区,2024年\n合计,3\n  甲,1\n"\u3000乙",2\n', encoding="utf-8")
    cells = [(c.text, c.row, c.column, c.indent) for row in read_csv(path, None, 10**6).rows
             for c in row]  # fmt: skip
    assert ("甲", 3, 1, 2) in cells
    assert ("乙", 4, 1, 2) in cells
    assert ("合计", 2, 1, 0) in cells
    plain = tmp_path / "p.csv"
    plain.write_text("地区,2024年\n合计,3\n甲,1\n", encoding="utf-8")
    assert [c.indent for row in read_csv(plain, None, 10**6).rows for c in row] == [0] * 6


def test_a_number_read_again_keeps_its_printed_digits() -> None:
    for _ in range(2):
        assert str(parse_number("6.0")) == "6.0"
        assert str(parse_number("6.00")) == "6.00"
        assert parse_number("1,234.5") == Decimal("1234.5")
        assert parse_number("待定") is None


def test_notes_are_escaped_as_before_and_printable_ones_kept() -> None:
    assert visible_lines("合计\n甲\u202e乙") == "合计\n甲\\u202e乙"
    assert visible_lines("合计 (row 4)\n  甲") == "合计 (row 4)\n  甲"
    assert visible_lines("x\ufffey") == "x\\ufffey"


def _near(alphabet: str, size: int) -> st.SearchStrategy[str]:
    """Texts of the characters a screen looks for, mixed with any others."""
    mixed = st.one_of(st.sampled_from(alphabet), st.characters(codec="utf-8"))
    return st.text(mixed, max_size=size)


def _may_be_note(text: str) -> bool:
    return _MAY_BE_NOTE.match(text) is not None


def _may_be_signed(text: str) -> bool:
    return _MAY_BE_SIGNED.match(text) is not None


def _note_in_str_methods(text: str) -> bool:
    """The note screen as it was written before it was a pattern: the reference."""
    start = text[:1]
    unified = "\u4e00" <= start <= "\u9fff"
    return start.isalpha() if start.isascii() else not unified or start in _NOTE_STARTS


def _signed_in_str_methods(text: str) -> bool:
    """The sign-off screen in str methods: the reference."""
    start = text[:1]
    if start.isascii() and not start.isspace():
        if not start.isdigit():
            return False
        digits = 0
        for character in text:
            if not character.isascii():
                return True
            if digits == 4 and not character.isspace():
                return character == "-"  # 2025-1-10; 2025年 is not ASCII
            if character.isdigit():
                digits += 1
            elif not character.isspace():
                return False
        return False
    return not "\u4e00" <= start <= "\u9fff" or start in _SIGN_OFF_STARTS


_SCREENED = "年年-注备说资数来填制编报审复经统单部财主分负领联电日附表甲镇１ｎｏｔｅＳ（(一1.:："
_SCREENED += "2025年 \t\x1c\x1f\u3000a-"


@settings(max_examples=500, deadline=None)
@given(_near(_SCREENED, 8))
def test_the_screens_as_patterns_pass_what_the_str_methods_passed(text: str) -> None:
    assert _may_be_note(text) == _note_in_str_methods(text)
    assert _may_be_signed(text) == _signed_in_str_methods(text)
    assert may_end(text) == (_may_be_note(text) or _may_be_signed(text))


@settings(max_examples=200, deadline=None)
@given(_near("注备说资数来填制审联表甲镇１ｎｏｔｅＳ（(一1.:：", 6))
def test_a_row_passed_over_as_no_note_is_none(text: str) -> None:
    # split_body asks _NOTE only of rows whose first character may start a note
    if _NOTE.match(normalized(text)):
        assert _may_be_note(text)


def test_notes_in_any_form_are_still_asked() -> None:
    for text in ("注：本表", "资料来源：统计局", "ｎｏｔｅ: x", "Source: x", "\uf9ec"):
        assert _may_be_note(text), text
    for text in ("1.镇", "(1)县", "甲镇", "合计", ""):
        assert not _may_be_note(text), text


@settings(max_examples=200, deadline=None)
@given(_near("填制编报审复经统单部财主分负领联电日表人：:2025年月１ 1.镇-", 8))
def test_a_row_passed_over_as_no_sign_off_is_none(text: str) -> None:
    # is_sign_off asks its patterns only of texts whose first characters may start one
    plain = clean_name(normalized(text))
    if _SIGN_OFF.match(plain) or _DATE.match(plain):
        assert _may_be_signed(text)


def test_sign_offs_in_any_form_are_still_asked() -> None:
    for text in (
        "填表人：张三",
        "联系电话：1",
        "2025年1月10日",
        "２０２５年1月",
        " 2025年1月",
        "日期：",
        "2 025年1月",
        "20２5年1月",
    ):
        assert _may_be_signed(text), text
        assert is_sign_off(text), text
    passed = ("1.镇1_1", "20.镇1_1", "123.镇", "1000.镇1000_1", "2025 .镇", "甲镇", "合计", "A县")
    for text in (*passed, ""):
        assert not _may_be_signed(text), text
        assert not is_sign_off(text), text


_SOME_SPACES = st.text(st.sampled_from(' \u3000\t,\n\r"甲a1'), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_SOME_SPACES)
def test_a_csv_indentation_is_found_as_the_pattern_finds_it(text: str) -> None:
    # csvgrid._indented asks for a space first, then a pattern that starts with its own set
    # of characters: the same answer as the pattern over the whole text
    assert csvgrid._indented(text) == bool(re.search(r'(?:^|[,\n\r])"?[ \u3000\t]', text))


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.one_of(st.sampled_from(" \u3000\t\xa0合计东湖区a1（"), st.characters()), max_size=8)
)
def test_a_name_without_spaces_is_cleaned_as_the_pattern_cleans_it(text: str) -> None:
    assert clean_name(text) == _LAYOUT_SPACE.sub("", text.strip())


def _name_columns_cell_by_cell(body: list[list[GridCell]]) -> list[int]:
    """halves._name_columns as it was written, a cell at a time: the reference."""
    names: dict[int, int] = {}
    numbers: dict[int, int] = {}
    for cells in body:
        for cell in cells:
            if not cell.text or is_blank(cell.text):
                continue
            counts = numbers if parse_number(normalized(cell.text)) is not None else names
            if counts is names and has_digit(cell.text):
                continue
            counts[cell.column] = counts.get(cell.column, 0) + 1
    return [
        column
        for column, count in sorted(names.items())
        if count > numbers.get(column, 0) and numbers.get(column + 1, 0) > names.get(column + 1, 0)
    ]


_CELL_TEXTS = st.one_of(
    st.sampled_from(
        ["", "-", "—", "12", "1,234.5", "１２", "(3)", "甲镇", "镇1", "收入", "x", "①"]
    ),
    st.text(st.sampled_from("甲1２.,-—/（）a ①"), max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELL_TEXTS, min_size=1, max_size=5), max_size=6))
def test_side_by_side_columns_are_counted_as_cell_by_cell(texts: list[list[str]]) -> None:
    # halves._name_columns counts each (column, text) pair once at C speed and classifies
    # each distinct pair once: the same columns as asking every cell
    body = [[GridCell(t, r, c) for c, t in enumerate(row, 1)] for r, row in enumerate(texts, 1)]
    assert _name_columns(body) == _name_columns_cell_by_cell(body)


FIGURES = st.decimals(allow_nan=True, allow_infinity=True, places=None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), FIGURES), min_size=1, max_size=4), min_size=1))
def test_figures_are_taken_as_read_as_each_one_asked_alone(rows: list[list[Any]]) -> None:
    # writer._figures asks every row's text at once (letters, a sign of zero, a run of 41
    # characters of figures): the same answer as asking each figure's own text
    texts = [["null" if v is None else str(v) for v in row] for row in rows]
    bodies = "\n".join(", ".join(row) for row in texts)
    one_by_one = all(
        len(t) <= MAX_DIGITS and not any(c in t for c in "ENI") and not t.startswith("-0")
        for row in texts
        for t in row
    )
    assert _figures(bodies) == one_by_one


@pytest.mark.parametrize("figure", ["1.5", "1" * 40, "1" * 41, "-" + "2" * 39, "-" + "2" * 40])
def test_a_figure_longer_than_the_loader_reads_as_a_number_is_not_taken_as_read(
    figure: str,
) -> None:
    assert _figures(f"2, {figure}\n3") == (len(figure) <= MAX_DIGITS)


def _split_reading_the_body(rows: list[list[GridCell]]) -> tuple[int, list[int]] | None:
    """halves._split as it was written, the body read before the header: the reference."""
    header = next((i for i in range(len(rows) - 1) if _numbers(rows[i + 1]) >= 2), None)
    if header is None:
        return None
    names = _name_columns(rows[header + 1 :])
    cells = {c.column: clean_name(c.text) for c in rows[header] if c.text}
    if len(names) != 2 or names[0] not in cells or names[1] not in cells:
        return None
    left = [cells[c] for c in sorted(cells) if names[0] < c < names[1]]
    right = [cells[c] for c in sorted(cells) if c > names[1]]
    sides = [_SIDES.match(cells[c]) for c in names]
    if not left or not right or (left != right and not all(sides)):
        return None
    return header, names


_HEADERS = st.sampled_from(["", "项目", "金额", "收入", "支出", "地区", "2024年", "预算数"])
_BODY = st.sampled_from(["", "甲", "乙镇", "税收收入", "12", "3.5", "-", "1号"])


@settings(max_examples=500, deadline=None)
@given(st.integers(2, 7).flatmap(
    lambda width: st.tuples(
        st.lists(_HEADERS, min_size=width, max_size=width),
        st.lists(st.lists(_BODY, min_size=width, max_size=width), min_size=1, max_size=4),
    )
))  # fmt: skip
def test_side_by_side_tables_are_found_as_when_the_body_was_read_first(
    table: tuple[list[str], list[list[str]]],
) -> None:
    # halves._split asks the header first whether two of its columns could part it
    header, body = table
    texts = [header, *body]
    rows = [[GridCell(t, r, c) for c, t in enumerate(row, 1)] for r, row in enumerate(texts, 1)]
    assert _split(rows) == _split_reading_the_body(rows)


def test_side_by_side_tables_are_still_found() -> None:
    texts = [
        ["收入", "金额", "支出", "金额"],
        ["税收", "10", "教育", "8"],
        ["非税", "2", "卫生", "4"],
    ]
    rows = [[GridCell(t, r, c) for c, t in enumerate(row, 1)] for r, row in enumerate(texts, 1)]
    assert _split(rows) == (0, [1, 3])
    texts = [["项目", "预算", "项目", "预算"], ["甲", "1", "乙", "2"], ["丙", "3", "丁", "4"]]
    rows = [[GridCell(t, r, c) for c, t in enumerate(row, 1)] for r, row in enumerate(texts, 1)]
    assert _split(rows) == (0, [1, 3])


_LABELS = st.text(
    st.one_of(st.sampled_from("一十〇（(1０①⑳、.）)計總鄉镇甲 "), st.characters()), max_size=6
)


@settings(max_examples=500, deadline=None)
@given(_LABELS)
def test_a_label_passed_over_for_markers_has_none(text: str) -> None:
    # read_label asks the marker pattern only of labels starting as a marker may
    if _ANY_MARKER.match(text):
        assert text[:1] in _MARKER_STARTS


@settings(max_examples=500, deadline=None)
@given(_LABELS)
def test_traditional_characters_are_simplified_as_translate_does(text: str) -> None:
    assert simplified(text) == text.translate(_SIMPLIFIED)


class _Cycle:
    me: _Cycle | None = None


class _Refused(Exception):
    pass


def _read_and_refuse(made: list[weakref.ref[_Cycle]]) -> None:
    """A pause in which a reference cycle is made and a refusal raised, as a reader may."""
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a pause inside a pause leaves the collector to the outer
            pass
        assert not gc.isenabled()
        cycle = _Cycle()
        cycle.me = cycle
        made.append(weakref.ref(cycle))
        raise _Refused


def test_the_collector_is_paused_while_a_table_is_read_and_only_then() -> None:
    made: list[weakref.ref[_Cycle]] = []
    assert gc.isenabled()
    with pytest.raises(_Refused):
        _read_and_refuse(made)
    assert gc.isenabled()
    gc.collect()
    assert made[0]() is None  # what the pause let be is collected afterwards
