"""The table reader's fast paths read a whole table as its general paths do: on generated
printed tables (a title, a unit line, year columns with or without a unit of their own, a
column of percentages, a 备注 column, a total at the top or the
bottom or none, groups under 一、/（一） headings with 1./（1）/① members, 小计 rows, 其中
rows, blanks, dashes, words, notes, traditional characters and full-width digits, bold and
indented names), read_table gives the same table, or the same refusal, with the fast paths
as with them replaced by the row-by-row reading they stand for (body.read_row for every row,
each name simplified and compared in turn)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from planchk.importers import body, by_column
from planchk.importers.grid import Grid, GridCell
from planchk.importers.layout import read_table
from planchk.importers.printed import simplified
from planchk.importers.shapes import Row, Table
from planchk.messages import PlanchkError

TOTALS = ["合计", "合計", "总计", "全市", "合  计", "Total"]
GROUP_MARKERS = ["一、", "（一）", "", "二、"]
MEMBER_MARKERS = ["1.", "（1）", "①", "", "2、"]
NAMES = [
    "甲镇",
    "乙镇",
    "丙乡",
    "东湖区",
    "東湖區",
    "市本级",
    "县本级",
    "城区",
    "Ａ区",
    "s镇",
    "其他",
]
BLANKS = ["", "-", "—", "/", "…", "待定"]
NOTES = ["", "", "新建", "续建项目"]
RATES = ["95%", "100", "87.5%", "", "-", "１００%"]
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@st.composite
def tables(draw: st.DrawFn) -> Grid:
    years = draw(st.integers(1, 3))
    noted = draw(st.booleans())
    lines: list[list[str]] = []
    if draw(st.booleans()):
        lines.append(["2024年任务分解表"])
    if draw(st.booleans()):
        lines.append(["单位：万元"])
    unit = draw(st.sampled_from(["", "（万亩）", "（个）"]))  # a column's own unit (个: exact sums)
    rate = draw(st.booleans())  # a column of percentages: never summed
    headers = [f"{2024 + y}年{unit}" for y in range(years)] + ["完成率（%）"] * rate
    lines.append(["地区", *headers, *(["备注"] if noted else [])])
    flags: dict[int, tuple[bool, int]] = {}  # a line's name cell: bold, indent
    body_lines: list[list[str]] = []
    grand = [Decimal(0)] * years
    for group in range(draw(st.integers(1, 3))):
        sums = _group(draw, years, group, body_lines, flags)
        grand = [g + s for g, s in zip(grand, sums, strict=True)]
    total = [draw(st.sampled_from(TOTALS)), *_printed(draw, grand)]
    where = draw(st.sampled_from(["top", "bottom", "none"]))
    if where == "bottom" and draw(st.integers(0, 3)) == 0:  # 合　计 first, 合計 last
        body_lines.insert(0, [draw(st.sampled_from(TOTALS)), *_printed(draw, grand)])
    body_lines = (
        [total, *body_lines] if where == "top" else [*body_lines, total] if where == "bottom"
        else body_lines
    )  # fmt: skip
    if rate:
        body_lines = [[*line, draw(st.sampled_from(RATES))] for line in body_lines]
    start = len(lines)
    lines += [line + ([draw(st.sampled_from(NOTES))] if noted else []) for line in body_lines]
    if draw(st.booleans()):
        lines.append(
            [draw(st.sampled_from(["注：本表资金已下达。", "填表人：张三", "附：省级统筹 100"]))]
        )
    rows = []
    for number, line in enumerate(lines, 1):
        bold, indent = flags.get(number - 1 - start, (False, 0))
        rows.append([
            GridCell(text, number, column, False, bold and column == 1, indent * (column == 1))
            for column, text in enumerate(line, 1)
        ])  # fmt: skip
    return Grid("t.csv", rows, merges=False)


def _group(
    draw: st.DrawFn, years: int, group: int, lines: list[list[str]],
    flags: dict[int, tuple[bool, int]],
) -> list[Decimal]:  # fmt: skip
    """A group's lines (a heading or a subtotal above, its members, 其中 rows, a 小计 below),
    added to `lines`; its sums."""
    members = [_figures(draw, years) for _ in range(draw(st.integers(1, 4)))]
    sums = [sum((m[y] for m in members), Decimal(0)) for y in range(years)]
    heading = draw(st.sampled_from(GROUP_MARKERS)) + draw(st.sampled_from(NAMES)) + str(group)
    subtotal_row = draw(st.sampled_from(["above", "below", "heading only"]))
    if subtotal_row == "above":
        lines.append([heading, *_printed(draw, sums)])
        flags[len(lines) - 1] = (draw(st.booleans()), 0)
    else:
        lines.append([heading, *[""] * years])
    member_marker = draw(st.sampled_from(MEMBER_MARKERS))
    for number, figures in enumerate(members):
        name = member_marker + draw(st.sampled_from(NAMES)) + f"{group}_{number}"
        if draw(st.integers(0, 6)) == 0:  # 县本级 in each county: named with its group's
            name = member_marker + "县本级"
        lines.append([name, *_printed(draw, figures)])
        flags[len(lines) - 1] = (False, draw(st.sampled_from([0, 0, 1, 2])))
        if draw(st.integers(0, 5)) == 0:  # an 其中 row under it
            lines.append(["其中：" + draw(st.sampled_from(NAMES)), *_printed(draw, figures)])
    if subtotal_row == "below":
        subtotal = draw(st.sampled_from(["小计", "小計", "县区小计", "合计", "合  計"]))
        lines.append([subtotal, *_printed(draw, sums)])
    return sums


def _figures(draw: st.DrawFn, years: int) -> list[Decimal]:
    return [Decimal(draw(st.integers(0, 400))) / 10 for _ in range(years)]


def _printed(draw: st.DrawFn, figures: Sequence[Decimal]) -> list[str]:
    texts = []
    for figure in figures:
        text = str(figure)
        form = draw(st.integers(0, 11))
        if form == 0:
            text = draw(st.sampled_from(BLANKS))
        elif form == 1:
            text = text.translate(FULL_WIDTH)
        texts.append(text)
    return texts


def _row_by_row(rows: Sequence[Row], name: str) -> list[Row]:
    return [row for row in rows if simplified(row.name) == simplified(name)]


@contextmanager
def _general_paths() -> Iterator[None]:
    with (
        mock.patch.object(body, "plain_rows", lambda rows, *_: [None] * len(rows)),
        mock.patch.object(body, "_named_as", _row_by_row),
    ):
        yield


def _read(grid: Grid) -> Any:
    try:
        table = read_table(grid)
    except PlanchkError as error:
        return ("refused", str(error))
    return _summary(table)


def _summary(table: Table) -> Any:
    return (
        table.title, table.unit, table.header_rows, table.area_header, table.columns,
        table.total_found, table.total and table.total.name,
        [dataclasses.asdict(row) for row in table.rows],
        [list(map(str, row.values.values())) for row in table.rows],  # 1.0 is not 1
        table.areas, table.of_which, table.ignored, table.dropped, table.said, table.aliases,
        table.skipped, table.signed, table.sums,
    )  # fmt: skip


@pytest.mark.parametrize("distinct", [by_column._DISTINCT, -1])  # -1: figures as they come
@settings(max_examples=400, deadline=None)
@given(tables())
def test_a_table_is_read_by_the_fast_paths_as_row_by_row(distinct: int, grid: Grid) -> None:
    with mock.patch.object(by_column, "_DISTINCT", distinct):
        fast = _read(grid)
    with _general_paths():
        slow = _read(grid)
    assert fast == slow


def test_the_generated_tables_are_read_and_refused_both() -> None:
    """The generator makes tables the reader reads, with levels and 其中 parts, and tables it
    refuses: the differential test above compares both kinds."""
    settled = settings(max_examples=400, database=None, deadline=None)
    refused = find(tables(), lambda grid: _read(grid)[0] == "refused", settings=settled)
    assert _read(refused)[0] == "refused"
    nested = find(tables(), lambda grid: _levels(_read(grid)) >= 2, settings=settled)
    assert _levels(_read(nested)) >= 2
    parts = find(
        tables(), lambda grid: _read(grid)[0] != "refused" and _read(grid)[9], settings=settled
    )
    assert _read(parts)[9]


def _levels(result: Any) -> int:
    """How many areas have parts (the total and a subtotal: 2)."""
    return 0 if result[0] == "refused" else len(result[8])
