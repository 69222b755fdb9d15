"""Code columns: budget tables print each row's subject code (科目编码) beside its name.

The government budget subject codes nest by prefix: a 类 has 3 digits (201 一般公共服务支出),
its 款 5 (20101 人大事务), their 项 7 (2010101 行政运行). A table prints the code in one column,
or split into 类 | 款 | 项 columns (201 | 01 | 01, the 类 often left blank under its first row).
Where codes are printed, they say the levels more surely than indentation or serial markers:
a row is under the nearest row printed above it whose code is a prefix of its own, so that
each 类 is checked against its own 款 and never added again into the 合计.

The name stays the area (people name 科目 by their names in the text); each code is kept as
that area's alias, so that another table or a goal can name the row by its code. Codes of
places (360102 东湖区) that do not nest are aliases too, and leave the levels to the names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planchk.importers.grid import GridCell
from planchk.importers.labels import clean_name
from planchk.importers.printed import normalized
from planchk.importers.shapes import Row

# 科目编码, 功能分类科目编码, 科目代码, 编码, 代码, 行政区划代码, 项目编码; 类 / 款 / 项 alone.
_CODE_HEADER = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}(?:编码|代码|代号)|科目号|[类款项])$")
_DIGITS = re.compile(r"^\d+$")
_SPLIT_PART = 2  # a 款 or a 项 is two digits (01), printed 1 where a sheet stored a number


@dataclass(frozen=True)
class Codes:
    header: str  # the code column's header as printed (类 / 款 / 项 joined by " / ")
    nested: bool  # some code is the prefix of another: the levels follow the codes


def is_code_column(headers: Sequence[str], cells: Iterable[GridCell]) -> bool:
    """A column after the names headed as codes (区划代码), whose cells are all digits."""
    named = any(_CODE_HEADER.match(normalized(clean_name(text))) for text in headers if text)
    return named and all(_DIGITS.match(normalized(c.text)) for c in cells)


def code_columns(header: Sequence[Sequence[GridCell]], area_column: int) -> list[int]:
    """The columns left of the names whose header names a code (科目编码, 类 | 款 | 项)."""
    found = []
    for column in range(1, area_column):
        texts = [clean_name(c.text) for row in header for c in row if c.column == column]
        if any(_CODE_HEADER.match(normalized(text)) for text in texts if text):
            found.append(column)
    return found


def read_codes(
    header: Sequence[Sequence[GridCell]],
    body: Sequence[Sequence[GridCell]],
    rows: Sequence[Row],
    area_column: int,
    after: Sequence[int] = (),
) -> Codes | None:
    """Each row's code (row.code), and the level it gives the row (as its indent), where the
    table has a code column before the names, or `after` them; None where it has none."""
    columns = code_columns(header, area_column) or _unheaded(body, area_column) or list(after)
    if not columns:
        return None
    last: list[str] = []
    for cells, row in zip(body, rows, strict=True):
        parts = _parts(cells, columns)
        if parts is None or not any(parts):
            continue
        # a 款 row under its 类 may leave the 类 blank: it is the last one printed
        first = next(i for i, part in enumerate(parts) if part)
        parts = [*(last[i] if i < len(last) else "" for i in range(first)), *parts[first:]]
        last = parts
        row.code = "".join(parts)
    coded = {row.code for row in rows if row.code}
    nested = any(code[:end] in coded for code in coded for end in range(1, len(code)))
    if nested:
        for row in rows:
            if row.code:
                row.indent = sum(row.code[:end] in coded for end in range(1, len(row.code)))
                row.marker = None  # the serial marker read from the code cell means nothing
    texts = [clean_name(c.text) for row in header for c in row if c.column in columns]
    return Codes(" / ".join(dict.fromkeys(t for t in texts if t)), nested)


def _parts(cells: Sequence[GridCell], columns: Sequence[int]) -> list[str] | None:
    """The digits of a row's code cells, in column order; None where one holds no code."""
    by_column = {c.column: normalized(c.text) for c in cells if c.text}
    parts = [by_column.get(column, "") for column in columns]
    if any(part and not _DIGITS.match(part) for part in parts):
        return None
    return [
        part.zfill(_SPLIT_PART) if position and part else part
        for position, part in enumerate(parts)
    ]


def _unheaded(body: Sequence[Sequence[GridCell]], area_column: int) -> list[int]:
    """A column with no code header whose cells are all codes of three digits or more, one
    the prefix of another (201 over 20101): a serial column (1, 2, ... 10, 11) is never that."""
    for column in range(1, area_column):
        texts = [normalized(c.text) for cells in body for c in cells if c.column == column]
        codes = {text for text in texts if text}
        if len(codes) < 2 or not all(_DIGITS.match(t) and len(t) >= 3 for t in codes):
            continue
        if any(code[:end] in codes for code in codes for end in range(3, len(code))):
            return [column]
    return []


def aliases(rows: Sequence[Row]) -> dict[str, str]:
    """Each code -> the name of its row as the file keeps it; a code printed twice names
    neither row (it would say two things: `printed_twice` says which, for the log)."""
    twice = printed_twice(rows)
    return {row.code: row.name for row in rows if row.code and row.code not in twice}


def printed_twice(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """Each code printed on more than one row -> those rows, in order. A 科目 has one code:
    two rows with one code are a typing error in one of them (or a row printed twice), and
    neither may take the code from the other silently."""
    by_code: dict[str, list[Row]] = {}
    for row in rows:
        if row.code is not None:
            by_code.setdefault(row.code, []).append(row)
    return {code: found for code, found in by_code.items() if len(found) > 1}
