"""Import's check that what it writes, validate reads: the file is loaded back with planchk's
own loader before it is written, and a file that would not load is never written.

Most of a large file is table rows, and the writer knows each of them good by construction
(writer._figures, writer._short: a row of figures each printed as its Decimal's own text,
keyed by a one-line key the writer quoted as YAML needs). So the check parses the skeleton
(the file less those rows), puts the rows in where the writer took them from, and runs the
loader's checks of the whole document on that: the schema, the cells, and the one check the
parser makes of keys that the rows' keys skip here (two keys that look alike, planchk.loader
.compose). The rows are the very values the file's lines read back as (tests/
test_import_check.py proves it for any table), so the document checked is the document
validate reads.

The quick way only ever says yes: when it finds anything wrong (a row that does not fit
where it was taken from, look-alike keys, a schema error), the file itself is loaded, and
what that load says decides, with its own message and position.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planchk.importers import texts
from planchk.importers.writer import DataPath, Rows, Written
from planchk.loader import DEFAULT_MAX_BYTES, LoadedFile, load_bytes
from planchk.messages import PlanchkError
from planchk.plan.names import all_own_forms, lookalike_form

DISPLAY = "imported.yaml"


def check_readable(written: Written) -> None:
    """Refuse (OUTPUT_INVALID) a written file that validate would not load."""
    loaded = None
    if written.skeleton is not None and _within_limit(written.text):
        loaded = quick_load(written)
    if loaded is None:
        raw = written.text.encode("utf-8")
        loaded = load_bytes(raw, Path(DISPLAY), DISPLAY, DEFAULT_MAX_BYTES)
    if not loaded.usable:
        problem = loaded.problems[0].message if loaded.problems else "unknown"
        raise PlanchkError(texts.OUTPUT_INVALID, problem=problem)


def _within_limit(text: str) -> bool:
    """Whether the file's UTF-8 bytes are within the loader's limit: surely so when even
    four bytes a character would be (the file is not encoded for the quick way: 8 MB at
    10^6 cells, 0.015 s)."""
    return len(text) * 4 <= DEFAULT_MAX_BYTES or len(text.encode("utf-8")) <= DEFAULT_MAX_BYTES


def quick_load(written: Written) -> LoadedFile | None:
    """The skeleton loaded with the rows set aside put back; None unless it is usable and
    every row went back in (the file itself then decides)."""
    assert written.skeleton is not None
    rows = _Rows(written.aside)
    raw = written.skeleton.encode("utf-8")
    loaded = load_bytes(raw, Path(DISPLAY), DISPLAY, DEFAULT_MAX_BYTES, complete=rows.put)
    return loaded if loaded.usable and rows.whole else None


class _Rows:
    """Puts the rows set aside into the parsed skeleton; `whole` says whether all went in
    where the file's own lines would have put them, with no key that looks like another."""

    def __init__(self, aside: dict[DataPath, Rows]) -> None:
        self.aside = aside
        self.whole = False
        self.forms: dict[str, str] = {}  # each name's look-alike form: tables repeat names

    def put(self, data: dict[str, Any]) -> None:
        for path, rows in self.aside.items():
            mapping = _at(data, path)
            if mapping is None or not rows.keys().isdisjoint(mapping):
                return
            mapping.update(rows)
            if not self.distinct(mapping):
                return
        self.whole = True

    def distinct(self, mapping: dict[str, Any]) -> bool:
        """Whether no two keys of `mapping` look alike (what compose's LOOKALIKE_KEY finds;
        a duplicate key it cannot hold)."""
        if all_own_forms(list(mapping)):  # nearly every table: each key its own form
            return True
        forms = self.forms
        seen = {forms.get(key) or forms.setdefault(key, lookalike_form(key)) for key in mapping}
        return len(seen) == len(mapping)


def _at(data: dict[str, Any], path: DataPath) -> dict[str, Any] | None:
    """The mapping at `path` in the parsed skeleton, if there is one. A top-level mapping
    that lost all its rows is not in the skeleton at all (the writer leaves out an empty
    part of the file, writer._Writer.lines): it is made here."""
    top = path[0]
    if len(path) == 1 and type(top) is str and top not in data:
        data[top] = {}
    node: Any = data
    for step in path:
        if type(node) is dict and type(step) is str:
            node = node.get(step)
        elif type(node) is list and type(step) is int and step < len(node):
            node = node[step]
        else:
            return None
    return node if type(node) is dict else None
