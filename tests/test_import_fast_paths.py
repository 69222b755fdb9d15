"""The fast paths of import (benchmarks/imports.py) give what the general paths give: a row of
the written file, a CSV cell's indentation, a number read twice, an escaped note."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.escape import visible_lines
from planchk.importers.csvgrid import read_csv
from planchk.importers.labels import clean_name
from planchk.importers.pages import (
    _DATE,
    _NOTE,
    _SIGN_OFF,
    _may_be_note,
    _may_be_signed,
    is_sign_off,
)
from planchk.importers.printed import normalized, parse_number
from planchk.importers.writer import _flow, scalar


def test_a_row_of_numbers_and_blanks_is_written_as_scalar_writes_each() -> None:
    row = [Decimal("6.0"), None, Decimal("1E+1"), Decimal("-0.50"), Decimal("1.2E-7")]
    assert _flow(row) == "[6.0, null, 10, -0.50, 0.00000012]"
    assert _flow(row) == "[" + ", ".join(scalar(v) for v in row) + "]"
    assert _flow([Decimal(1), "待定"]) == "[1, 待定]"
    zeros = [Decimal("-0"), Decimal("-0.0"), Decimal("-0.5"), Decimal("-10"), None]
    assert _flow(zeros) == "[0, 0.0, -0.5, -10, null]"


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


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        st.one_of(
            st.sampled_from("注备说资数来填制审联表甲镇１ｎｏｔｅＳ（(一1.:："),
            st.characters(codec="utf-8"),
        ),
        max_size=6,
    )
)
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
@given(
    st.text(
        st.one_of(
            st.sampled_from("填制编报审复经统单部财主分负领联电日表人：:2025年月１ 1.镇-"),
            st.characters(codec="utf-8"),
        ),
        max_size=8,
    )
)
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
    ):
        assert _may_be_signed(text), text
        assert is_sign_off(text), text
    for text in ("1.镇1_1", "甲镇", "合计", "A县", ""):
        assert not _may_be_signed(text), text
        assert not is_sign_off(text), text
