"""The label of each column of a printed header of one, two or more rows.

A header printed over several rows names a column by the texts stacked over it: 2025年 over
中央 over 一般. A merged cell spans its columns: an XLSX grid holds its text in every cell it
covers; a CSV prints it once, at the left, and leaves blanks to its right. Each column is
labelled (upper, lower) for importers.columns, which reads a year, a category and a unit from
the two: with three rows or more, the upper label holds every level above the lowest, a year
first (2025年 / 中央), so that nothing printed over a column is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.grid import GridCell
from planchk.importers.labels import clean_name

# The header rows a table may print: 2025年 over 中央 over 一般, or deeper.
MOST_HEADER_ROWS = 5
# A level that only dates its columns (2025年 over 中央 | 省级, FY2025, 2025年度): the year
# of every column under it, not a category's name.
_YEAR_ONLY = re.compile(r"^(?:FY\s*)?(?:19|20)\d{2}\s*(?:年度?)?$", re.IGNORECASE)
_DATE = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月|[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?$)")
_FORM_LINE = re.compile(r"[:：]")  # 填报单位：县财政局 | 日期：2025-03-01: no header's text
# The levels above the lowest that name categories nest as a category under another does.
_NESTED = "·{}"


def header_labels(header: Sequence[Sequence[GridCell]]) -> dict[int, tuple[str, str]]:
    """Column -> (upper header text, lower header text)."""
    if len(header) > 2:
        return _stacked_labels(header)
    labels: dict[int, tuple[str, str]] = {}
    lower = {c.column: clean_name(c.text) for c in header[-1]}
    upper: dict[int, str] = {}
    if len(header) == 2:
        # a text in the upper of two rows carries on to the right over blank cells, as a
        # merged header cell spans its columns
        carried = ""
        for cell in sorted(header[0], key=lambda c: c.column):
            text = clean_name(cell.text)
            carried = text or (carried if lower.get(cell.column) else "")
            upper[cell.column] = carried
    for column in sorted(set(lower) | set(upper)):
        top, bottom = upper.get(column, ""), lower.get(column, "")
        if top or bottom:
            labels[column] = (top, bottom) if top != bottom else ("", bottom)
    return labels


def spans_header(
    cells: Sequence[GridCell], header: Sequence[Sequence[GridCell]], names: GridCell | None
) -> bool:
    """Whether a row over the header rows found so far is an upper level of the header: over
    two rows, or with one text, as a merged cell prints it (2025年 over 中央 | 省级). Its own
    texts (an XLSX repeats a merged cell's text in the cells it covers: not its own) are
    none a form's line (填报单位：…); each stands over a column the row under it heads,
    over the areas' column, which leaves its text to the rows below (县区 merged down), or
    over a column no row below prints in (备注 merged down); a single text stands over the
    columns of figures, right of the areas' (a title starts at the areas' column or before)."""
    own = [c for c in cells if not c.merged]
    under = {c.column for c in header[0] if c.text}
    below = {c.column for row in header for c in row if c.text}
    first = min(under, default=0)
    area = names.column if names is not None else first
    if any(_FORM_LINE.search(c.text) for c in own) or not own:
        return False
    if len(own) == 1:  # one text: spanning the figures, never a date (2025年3月)
        text = own[0].text
        return own[0].column > area and own[0].column in under and not _DATE.search(text)
    return all(c.column in under or c.column < first or c.column not in below for c in own)


def _stacked_labels(header: Sequence[Sequence[GridCell]]) -> dict[int, tuple[str, str]]:
    """Three header rows or more: each column's levels, top to bottom, as two labels."""
    levels = _levels(header)
    labels: dict[int, tuple[str, str]] = {}
    for column, texts in sorted(levels.items()):
        said: list[str] = []
        for text in texts:  # a cell merged down prints its text in each row of an XLSX
            if text and (not said or said[-1] != text):
                said.append(text)
        if said:
            labels[column] = (_upper(said[:-1]), said[-1])
    return labels


def _levels(header: Sequence[Sequence[GridCell]]) -> dict[int, list[str]]:
    """Each column's text in each header row; a blank takes the text to its left in its row
    where the rows below print something there (the merged cell spans it), up to the column
    where a row above starts a text of its own (a new group: its merge ends there)."""
    rows = [{c.column: clean_name(c.text) for c in row} for row in header]
    columns = sorted({column for row in rows for column in row})
    levels: dict[int, list[str]] = {column: [] for column in columns}
    for depth, row in enumerate(rows):
        carried = ""
        for column in columns:
            starts = any(above.get(column) for above in rows[:depth])
            below = any(under.get(column) for under in rows[depth + 1 :])
            text = row.get(column, "")
            carried = text or ("" if starts or not below else carried)
            levels[column].append(carried)
    return levels


def _upper(texts: Sequence[str]) -> str:
    """The levels above the lowest as one label: a year first, then the categories, each
    joined as the areas of a name column are (资金 over 中央: 资金·中央)."""
    years = [text for text in texts if _YEAR_ONLY.match(text)]
    names = [text for text in texts if not _YEAR_ONLY.match(text)]
    category = names[0] + "".join(_NESTED.format(name) for name in names[1:]) if names else ""
    return " / ".join(part for part in (years[0] if years else "", category) if part)
