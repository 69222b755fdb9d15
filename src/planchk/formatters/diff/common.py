"""What every diff format needs: cell changes grouped by indicator, the rest by section."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from planchk import messages
from planchk.diff import DiffReport
from planchk.diff.changes import Change

CELL_KINDS = frozenset({"cell-changed", "cell-filled", "cell-blanked", "cell-precision"})


class CellRow(NamedTuple):  # a tuple: 100,000 of them are made for a diff of as many cells
    area: str
    year: str
    old: str
    new: str
    change: str
    direction: int  # +1 up, -1 down, 0 neither
    note: str


def cell_tables(diff: DiffReport) -> dict[str, list[CellRow]]:
    """indicator id -> its changed cells as table rows, in report order."""
    tables: dict[str, list[CellRow]] = defaultdict(list)
    for change in diff.changes:
        if change.kind in CELL_KINDS:
            tables[str(change.args["indicator"])].append(_row(change))
    return dict(tables)


def other_changes(diff: DiffReport) -> list[Change]:
    return [c for c in diff.changes if c.kind not in CELL_KINDS]


def summary(diff: DiffReport) -> str:
    return messages.DIFF_SUMMARY(
        changes=messages.CHANGES(len(diff.changes)),
        introduced=len(diff.introduced),
        resolved=len(diff.resolved),
        remaining=len(diff.remaining),
    )


def _row(change: Change) -> CellRow:
    args = change.args
    difference = args.get("difference")
    if change.kind == "cell-changed":
        text = f"{difference:+} ({args['relative']})"
        direction = 1 if str(difference)[0] != "-" else -1
    else:
        words = {"cell-filled": messages.DIFF_FILLED, "cell-blanked": messages.DIFF_BLANKED}
        text, direction = words.get(change.kind, messages.DIFF_PRECISION).text, 0
    note = ""
    if args.get("total") == "yes":
        parts = args.get("parts_changed") or messages.DIFF_NONE.text
        note = messages.DIFF_TOTAL_NOTE(parts=parts)
    return CellRow(
        area=str(args["area"]),
        year=str(args["year"]),
        old=str(args.get("old", "")),
        new=str(args.get("new", "")),
        change=text,
        direction=direction,
        note=note,
    )
