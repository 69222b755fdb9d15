"""Write a targets file the way people keep them: block mappings, one table row per line.

The text is produced here rather than by yaml.dump so that numbers keep their printed digits
(6.0 stays 6.0, never 6.0 by accident of float) and rows stay on one line in flow style; each
scalar is quoted exactly as YAML needs, by the same rules PyYAML's safe dumper applies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate, chain
from typing import Any

from planchk.escape import visible
from planchk.importers.yamltext import (
    NONE,
    PLAIN,
    ROW_TYPES,
    TEXT,
    flow,
    plain_lines,
    scalar,
    text_of,
)
from planchk.plan.numbers import MAX_DIGITS

# scalar: where plandoc.write and the tests have taken it from
__all__ = ["DataPath", "Rows", "Written", "scalar", "targets_text", "targets_written"]

TOP_ORDER = (
    "plan",
    "areas",
    "of_which",
    "aliases",
    "units",
    "indicators",
    "goals",
    "relations",
    "waivers",
)
INDENT = "  "


DataPath = tuple[str | int, ...]
Rows = dict[str, list[Decimal | None]]


@dataclass
class Written:
    """The file, and what the check that loads it back needs (importers.readback)."""

    text: str  # the file
    skeleton: str | None  # the file less the rows set aside (None: no row was)
    aside: dict[DataPath, Rows]  # those rows, by the data path of their mapping


def targets_text(document: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    return "\n".join(_Writer(None).lines(document, header)) + "\n"


def targets_written(document: Mapping[str, Any], header: Sequence[str] = ()) -> Written:
    """The targets file, with the rows it knows good set aside for the check that loads it
    back (importers.readback): rows of numbers and blanks (_figures) or of names (the areas
    tree), under keys (_sure) whose lines read back as their very values. The check parses
    the rest of the file (the skeleton, written from the document less those rows) and puts
    the rows in."""
    aside: dict[DataPath, Rows] = {}
    text = "\n".join(_Writer(aside).lines(document, header)) + "\n"
    if not aside:
        return Written(text, None, aside)
    skeleton = "\n".join(_Writer(None).lines(_without(document, aside), header)) + "\n"
    return Written(text, skeleton, aside)


def _without(document: Mapping[str, Any], aside: dict[DataPath, Rows]) -> Any:
    """The document less the rows set aside; what holds none of them is not copied."""
    tree: dict[Any, Any] = {}  # the paths as a tree: each step's node, _ASIDE at an end
    for path, rows in aside.items():
        node = tree
        for step in path:
            node = node.setdefault(step, {})
        node[_ASIDE] = rows
    return _pruned(document, tree)


_ASIDE = object()  # in _without's tree, a mapping's rows set aside (no key is this object)


def _pruned(value: Any, tree: dict[Any, Any]) -> Any:
    rows = tree.get(_ASIDE)
    if rows is not None:
        return {k: v for k, v in value.items() if k not in rows} if len(rows) < len(value) else {}
    if isinstance(value, Mapping):
        return {k: _pruned(v, tree[k]) if k in tree else v for k, v in value.items()}
    return [_pruned(v, tree[n]) if n in tree else v for n, v in enumerate(value)]


class _Writer:
    """Lines of YAML; with `aside`, the table rows that the check need not parse are recorded
    there (by their mapping's data path) as they are written."""

    def __init__(self, aside: dict[DataPath, Rows] | None) -> None:
        self.aside = aside

    def lines(self, document: Mapping[str, Any], header: Sequence[str]) -> list[str]:
        # A file name may hold a control character that YAML refuses even in a comment.
        lines = [f"# {visible(line)}".rstrip() for line in header]
        keys = [k for k in TOP_ORDER if document.get(k)] + [
            k for k in document if k not in TOP_ORDER and document[k]
        ]
        for key in keys:
            if lines:
                lines.append("")
            path = (key,) if type(key) is str else None
            lines.extend(self.entry(key, document[key], 0, path))
        return lines

    def entry(self, key: Any, value: Any, depth: int, path: DataPath | None) -> list[str]:
        """`key: value` at `depth`; `path` is the value's (None: no row under it is set aside,
        as under a key that is not text)."""
        # a key is a string (the most written scalar: every area of every table)
        label = f"{INDENT * depth}{text_of(key) if type(key) is str else scalar(key)}:"
        if type(value) is list and value and type(value[0]) in ROW_TYPES:
            return [f"{label} {flow(value)}"]  # a table's row: no Mapping (an ABC) checks
        if isinstance(value, Mapping):
            if all(type(k) is int and not isinstance(v, Mapping | list) for k, v in value.items()):
                # {} or a year's setting (sum: {2024: at_least, 2025: exact}): one line, as typed
                pairs = ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
                return [f"{label} {{{pairs}}}"]
            spaced = depth == 0 and key == "indicators"  # a blank line between tables
            return [label, *self.mapping(value, depth + 1, spaced, path)]
        if isinstance(value, list | tuple):
            if value and all(isinstance(v, Mapping) for v in value):
                return [label, *self.sequence(value, depth + 1, path)]
            return [f"{label} {flow(value)}"]
        return [f"{label} {scalar(value)}"]

    def mapping(
        self, value: Mapping[Any, Any], depth: int, spaced: bool, path: DataPath | None
    ) -> list[str]:
        if not spaced:
            table = self.table(value, depth, path)
            if table is not None:
                return table
        lines: list[str] = []
        for key, item in value.items():
            if spaced and lines:
                lines.append("")
            below = (*path, key) if path is not None and type(key) is str else None
            lines.extend(self.entry(key if type(key) is int else str(key), item, depth, below))
        return lines

    def sequence(
        self, items: Sequence[Mapping[str, Any]], depth: int, path: DataPath | None
    ) -> list[str]:
        lines: list[str] = []
        pad = INDENT * depth
        for index, item in enumerate(items):
            entry: list[str] = []
            for key, value in item.items():
                below = (*path, index, key) if path is not None and type(key) is str else None
                entry.extend(self.entry(str(key), value, depth + 1, below))
            if entry:
                entry[0] = f"{pad}- {entry[0].lstrip()}"
            lines.extend(entry)
        return lines

    def table(
        self, value: Mapping[Any, Any], depth: int, path: DataPath | None
    ) -> list[str] | None:
        """A mapping of text keys to rows (of numbers and blanks, or of names), written in
        one sweep; None for any other mapping. The rows whose lines read back as their very
        values, keyed by keys that do (_sure), are set aside."""
        rows = list(value.values())
        if set(map(type, rows)) != _LIST or not all(rows) or set(map(type, value)) != TEXT:
            return None
        cells = tuple(chain.from_iterable(rows))  # every figure or name, once
        kinds = set(map(type, cells))
        if kinds <= ROW_TYPES:
            bodies, good = _figure_rows(rows, cells, kinds)
        elif kinds == TEXT:
            bodies, good = _name_rows(rows, cells)
        else:
            return None
        pad = INDENT * depth
        keys, sure = _texts(list(value))
        lines = [f"{pad}{key}: {body}" for key, body in zip(keys, bodies, strict=True)]
        if self.aside is not None and path is not None and len(path) < _DEEPEST:
            if all(sure) and all(good):  # nearly every table: the rows as they are
                self.aside[path] = dict(value)
                return lines
            named = zip(value, rows, sure, good, strict=True)
            aside = {k: row for k, row, s, ok in named if s and ok}
            if aside:
                self.aside[path] = aside
        return lines


_LIST = {list}
# Rows are set aside only well above the loader's limit on nesting (loader.compose.MAX_DEPTH).
_DEEPEST = 8


def _figure_rows(
    rows: list[list[Any]], cells: tuple[Any, ...], kinds: set[type]
) -> tuple[list[str], list[bool]]:
    """Rows of numbers and blanks (`cells`: all of them, row after row) as flow writes them,
    and whether each reads back as its very values: nearly always all, decided at once."""
    widths = set(map(len, rows))
    if len(widths) == 1:  # rows of one width (nearly every table): every figure in one call
        row = "[" + ", ".join(["%s"] * widths.pop()) + "]"
        written = "\n".join([row] * len(rows)) % cells
    else:
        written = "\n".join(["[" + ", ".join(map(str, row)) + "]" for row in rows])
    if NONE in kinds:  # no figure's text holds None: each blank is written null
        written = written.replace("None", "null")
    bodies = written.split("\n")
    if _figures(written):  # nearly every table (the brackets are no figure's characters)
        return bodies, [True] * len(rows)
    good = list(map(_figures, bodies))
    return [b if ok else flow(r) for b, ok, r in zip(bodies, good, rows, strict=True)], good


def _name_rows(rows: list[list[str]], cells: tuple[str, ...]) -> tuple[list[str], list[bool]]:
    """Lists of names (the areas tree; `cells`: all the names, row after row) as flow writes
    them, and whether each name reads back as itself (_sure)."""
    names, sure = _texts(list(cells))
    if all(sure):  # nearly every tree: each name plain
        ends = list(accumulate(map(len, rows)))
        spans = zip([0, *ends], ends, strict=False)  # the starts run one ahead
        return ["[" + ", ".join(names[a:b]) + "]" for a, b in spans], [True] * len(rows)
    texts = [list(map(text_of, row)) for row in rows]
    good = [all(map(_sure, row)) for row in texts]
    return ["[" + ", ".join(row) + "]" for row in texts], good


def _texts(names: list[str]) -> tuple[list[str], list[bool]]:
    """Each name's text as text_of writes it, and whether it is _sure: for names all plain
    CJK (nearly every table), found at once by one match of them all, one per line."""
    many = len(names) >= _MANY  # worth one match of them all (its pattern compiled first)
    if many and max(map(len, names)) <= _KEY and plain_lines().fullmatch("\n".join(names)):
        return names, [True] * len(names)
    texts = list(map(text_of, names))
    return texts, list(map(_sure, texts))


# Each character a figure may hold, as x (bodies are ASCII: str.translate's fast way).
_DIGITS = str.maketrans(dict.fromkeys("-.0123456789", "x"))
_TOO_LONG = "x" * (MAX_DIGITS + 1)


def _figures(bodies: str) -> bool:
    """Whether every figure in `bodies` (rows of numbers and blanks written as flow writes
    them) is its Decimal's own text, which the loader reads back as that very Decimal.

    The text of a finite Decimal reads back as that Decimal, the same digits and exponent
    (decimal's to-string and from-string are inverses). Where it holds no letter (an
    exponent's E, NaN, Infinity), no sign of zero and no more characters than the loader
    reads as a number, it is a NUMBER (plan.numbers): a plain scalar the loader reads as
    Decimal(text); and null, a blank, is read as None. flow writes such a row as this
    text too (scalar() would write an exponent out and a zero's sign dropped: "-0" also
    finds a negative figure below 1, which then takes that way)."""
    if "E" in bodies or "N" in bodies or "I" in bodies or "-0" in bodies:
        return False
    return _TOO_LONG not in bodies.translate(_DIGITS)  # figures are apart: ", " or a line


_MANY = 200
_KEY = 256  # characters of a key's text, well within YAML's 1024 for a key written `key: value`
# A name written plain that YAML reads as that text wherever it stands, in a flow sequence
# or as a key: CJK (yamltext.PLAIN), or letters, digits and a few signs that are no YAML indicator.
_SIMPLE = re.compile(r"[A-Za-z](?:[A-Za-z0-9 _.()&/-]*[A-Za-z0-9_.)])?")


def _sure(text: str) -> bool:
    """Whether a key's or a name's text (as text_of writes it) is one the check may take as
    read: one line (printable: no line break of any kind), well within YAML's 1024
    characters for a key, and plain in a form YAML reads only as itself, or quoted (by the
    safe dumper, on one line). tests/test_import_check.py proves it for any text."""
    if not text or len(text) > _KEY or not text.isprintable():
        return False  # an empty name ('') too: the check reads it the slow way
    return text[0] in "'\"" or bool(PLAIN.fullmatch(text) or _SIMPLE.fullmatch(text))
