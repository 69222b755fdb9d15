"""Rows read before parsing (loader/rows.py) give exactly what the parser gives.

Each text is composed twice, with the rows set aside and with the parser reading every
number, and everything the loader keeps must be equal: values with their printed digits,
positions of nodes and keys, problems. The cases also say whether the quick way was taken,
so that a regression to always parsing everything would show too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.loader import compose as compose_module
from planchk.loader import rows as rows_module
from planchk.loader.compose import Composed, compose
from planchk.loader.rows import _ROW, Prelexed, prelex
from planchk.loader.scalars import number_cache, resolve_plain
from planchk.loader.sourcemap import VALUE_MASK
from planchk.plan.names import all_own_forms, lookalike_form
from tests.paths import DATA


def canonical(value: Any) -> Any:
    """Data with each number's printed text (Decimal("1.0") == Decimal("1"), yet not here)."""
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    if isinstance(value, Decimal):
        return ("number", str(value))
    return (type(value).__name__, value)


def fresh(text: str, quick_rows: bool = True) -> Composed:
    # The number cache is shared: a figure cached by one way must not answer for the other.
    number_cache.clear()
    return compose(text, "t", quick_rows)


def assert_same(quick: Composed, slow: Composed) -> None:
    assert canonical(quick.data) == canonical(slow.data)
    assert quick.sourcemap.members == slow.sourcemap.members
    assert quick.problems == slow.problems
    assert quick.empty == slow.empty


def compose_both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Composed, bool]:
    """The quick composition (checked against the slow one) and whether it stayed quick."""
    runs: list[bool] = []
    run = compose_module._Composer.run

    def spy(self: Any, text: str, quick_rows: bool = True) -> Composed:
        runs.append(quick_rows)
        return run(self, text, quick_rows)

    with monkeypatch.context() as patch:
        patch.setattr(compose_module._Composer, "run", spy)
        quick = fresh(text)
    assert_same(quick, fresh(text, quick_rows=False))
    return quick, runs == [True] and prelex(text) is not None


def test_the_seed_plan_is_read_the_quick_way(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DATA / "targets.yaml").read_text(encoding="utf-8")
    composed, stayed_quick = compose_both(text, monkeypatch)
    assert stayed_quick
    row = composed.data["indicators"]["contract_turnover"]["values"]["青云谱区"]
    assert [str(v) for v in row] == ["6.0", "7.0", "8.3"]


QUICK = {
    "rows": "a:\n  x: [1, 2, 3]\n  y: [4, 5.50, 6]\n",
    "a comment after the row": "x: [1, 2]  # 注释\n",
    "windows line ends": "a:\r\n  x: [1, 2]\r\n  y: [3, 4]\r\n",
    "spaces inside": "x: [ 1 ,2 ,  3 ]\n",
    "signs and zeros": "x: [+1, -0, -2.50, 0.0, 0]\n",
    "no newline at the end": "x: [1, 2]",
    "one row quick, one not": "x: [1, 010]\ny: [1, 2]\n",
    "commented-out row": "# x: [1, 2]\ny: [3]\n",
    "a key with a colon": "'a: b': [1, 2]\n",
    "inside a flow mapping": "a: {b: [1],\n  c: [3, 4]\n}\n",
    "inside a flow sequence": "a: [\n  b: [1, 2]\n]\n",
    "items of a list": "- a: [1, 2]\n- b: [3]\n",
    "a row under a list item": "a:\n- [0]\n- b: [1, 2]\n",
    "a plain multi-line scalar": "t: abc\n  y [1, 2]\nx: [5]\n",
    "a line separator (a line break to YAML 1.1)": "a: x\u2028b: [1, 2]\n",
    "a list of names": "全区: [区0, 区1,乙街道 ,  丙 ]\n区0: [1, 2]\n",
    "names, then rows under them": "areas:\n  全区: [甲, 乙]\nv:\n  甲: [1, 2]\n  乙: [3, 4]\n",
    "names that are not their own form": "a: [ｉ１, i1, 區, x_2]\n",
    "a name twice": "a: [甲, 甲]\nb: [甲]\n",
    "words near the reserved ones": "a: [nulls, Trueish, yes, No]\n",
    "names in a flow mapping": "a: {b: [x],\n  c: [y, z]\n}\n",
    "rows run together": "v:\n  甲: [1, 2]\n  乙: [3, 4]\n  丙: [5]\nw: [1]\n",
    "runs with windows line ends": "v:\r\n  甲: [1, 2]\r\n  乙: [3, 4]\r\n  丙: [5]\r\n",
    "a run broken by a comment": "v:\n  a: [1]\n  b: [2]  # 注\n  c: [3]\n  d: [4]\n",
    "a run broken by a blank line": "v:\n  a: [1]\n  b: [2]\n\n  c: [3]\n  d: [4]\n",
    "runs at two depths": "v:\n  a: [1]\n  b: [2]\nw:\n  c:\n    d: [3]\n    e: [4]\n  f: [5]\n",
    "a run under a list item": "- a: [1]\n  b: [2]\n  c: [3]\n",
    "a run after a name list": "a: [x, y]\nb: [1]\nc: [2]\n",
    "keys spaced otherwise": "v:\n  甲:  [1]\n  乙: [2]\n  丙:   [ 3 ]\n",
    "a key after the run that repeats no name": "v:\n  a: [1]\n  b: [2]\n  'c d': [3]\n",
    "a line separator before a run": "a: x\u2028b: [1, 2]\nc: [3]\nd: [4]\n",
    # Blanks and quoted text (issue 17: 600,000 rows `[~, 1]` were all parsed).
    "blanks": "v:\n  甲: [~, 1]\n  乙: [null, Null]\n  丙: [ NULL ,~ ]\nw: [~]\n",
    "blanks run together": "v:\n" + "".join(f"  区{n}: [~, {n}]\n" for n in range(5)),
    "quoted cells": "x: [\"10\", '甲', \"\", '', 'it''s', \"a, b\", ' # x ', \"[1]\"]\n",
    "quoted cells with a comment": "x: ['a', \"b\"]  # 注\ny: [1]\n",
    "quoted cells run together": "v:\n  甲: ['1', \"2\"]\n  乙: [\"x y\", '']\n  丙: ['\\\\']\n",
    "a tab and a no-break space quoted": "x: [\"a\tb\", '\u00a0']\n",
    "a null that starts a name": "a: [nullx, b]\nc: [1]\n",
}
SLOW = {
    "odd figures only": "x: [010, 1.2.3, 5.]\n",
    "inside a block scalar": "note: |\n  a: [1, 2]\nx: [3, 4]\n",
    "inside a quoted string": "t: 'abc\n  y: [1, 2]\n  '\nx: [5]\n",
    "inside a double-quoted string": 't: "abc\n  y: [1, 2]\n  "\nx: [5]\n',
    "the tag already in the text": "t: '!planchk-row'\nx: [1, 2]\n",
    "a %TAG directive": "%TAG ! tag:example.com,2000:\n---\nx: [1, 2]\n",
    "a duplicate key": "x: [1]\nx: [2]\n",
    "too deep": "".join(f"{' ' * i}k{i}:\n" for i in range(40)) + " " * 40 + "x: [1]\n",
    "a figure too long": "x: [" + "1" * 41 + "]\ny: [2]\n",
    "an anchor": "x: &a [1, 2]\n",
    "a tab before the row": "x:\t[1, 2]\n",
    "a comment glued to the row": "x: [1, 2]#c\n",
    "syntax error after rows": "x: [1, 2]\ny: [3, 4\n",
    # Found by fuzz/fuzz_loader.py: the reader refuses a control character in a row's comment.
    "a control character in a row's comment": "x: [1, 2]  # a\x0e\ny: [3]\n",
    "a word YAML reads as no text": "a: [x, true]\n",
    "null among the names": "a: [null, x]\nb: [1]\n",
    "the names' tag already in the text": "t: '!planchk-row-names'\nx: [a]\n",
    "names starting with a digit or quoted": "a: [1区, 'x']\n",
    "names and numbers mixed": "a: [x, 1]\n",
    "a run in a flow mapping (not a mapping of rows)": "a: {\n  b: [1]\n  c: [2]\n}\n",
    "a run that repeats a key": "v:\n  a: [1]\n  b: [2]\n  a: [3]\n",
    "a key after the run that repeats one": "v:\n  a: [1]\n  b: [2]\n  d: x\n  b: [4]\n",
    "a run's key spelt like an earlier one": "v:\n  ｂ: [0]\n  a: [1]\n  b: [2]\n",
    "a run whose key is not its own form": "v:\n  a: [1]\n  ｂ: [2]\n",
    "a run after a plain scalar": "t: abc\n  a: [1]\n  b: [2]\n",
    "a run in a block scalar": "t: |\n  a: [1]\n  b: [2]\nx: [3]\n",
    "a key too long for YAML in a run": "v:\n  a: [1]\n  " + "镇" * 1100 + ": [2]\n  b: [3]\n",
    "an escape in double quotes": 'x: ["\\t", 1]\n',
    "a bad escape in double quotes": 'x: ["\\q", 1]\n',
    "a control character in quotes": "x: ['\x07', 1]\n",
    "a byte-order mark in quotes": "x: ['\ufeff', 1]\n",
    "a quote left open": "x: ['a, 1]\ny: [2]\n",
    "a quoted key-value pair in a row": "x: ['a': 1]\n",
    "null among the names, first": "a: [null, x]\nb: [1]\n",
    "a trailing comma": "x: [1, ~,]\n",
}


@pytest.mark.parametrize("text", QUICK.values(), ids=QUICK.keys())
def test_quick_cases(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert compose_both(text, monkeypatch)[1]


@pytest.mark.parametrize("text", SLOW.values(), ids=SLOW.keys())
def test_cases_the_parser_decides(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not compose_both(text, monkeypatch)[1]


FIGURES = st.sampled_from(
    ["0", "1", "12", "-3", "+4", "0.5", "6.0", "010", "1.2.3", "5.", "~", "null", "'7'", '"x"']
)
KEYS = st.sampled_from(["甲", "乙街道", "'a: b'", "c#d", '"e f"', "g", "h"])


NAMES = st.sampled_from(["区0", "甲", "ｉ１", "區", "a_b", "true", "Null", "1区", "x.y", "'q'"])


@st.composite
def rows(draw: st.DrawFn) -> str:
    items = FIGURES if draw(st.booleans()) else st.one_of(NAMES, FIGURES)
    figures = draw(st.lists(items, min_size=1, max_size=5))
    separator = draw(st.sampled_from([", ", ",", " , "]))
    inner = separator.join(figures)
    shapes = ["[{}]", "[ {} ]", "[{}]  # 注", "[{}]#x", "&a [{}]", "[{}] # \x0e", "[{}]\x85"]
    return draw(st.sampled_from(shapes)).format(inner)


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> list[str]:
    lines: list[str] = []
    for key in draw(st.lists(KEYS, min_size=1, max_size=4, unique=True)):
        shape = draw(
            st.sampled_from(["row", "row", "nested", "block", "quoted", "comment", "flow"])
            if depth < 2
            else st.sampled_from(["row", "block", "quoted", "comment"])
        )
        if shape == "row":
            lines.append(f"{key}: {draw(rows())}")
        elif shape == "nested":
            lines.append(f"{key}:")
            lines += ["  " + line for line in draw(documents(depth + 1))]
        elif shape == "block":
            lines += [f"{key}: |", f"  x: {draw(rows())}"]
        elif shape == "quoted":
            lines += [f"{key}: 'text", f"  x: {draw(rows())}", "  '"]
        elif shape == "comment":
            lines += [f"# {key}: {draw(rows())}", f"{key}: {draw(rows())}"]
        else:
            lines += [f"{key}: {{a: {draw(rows())},", f"  b: {draw(rows())}", "}"]
    return lines


@settings(max_examples=300, deadline=None)
@given(documents(), st.sampled_from(["\n", "\r\n"]))
def test_any_document_composes_the_same_both_ways(lines: list[str], newline: str) -> None:
    text = newline.join(lines) + newline
    assert_same(fresh(text), fresh(text, quick_rows=False))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789+-. e_x", min_size=1, max_size=8))
def test_a_figure_set_aside_is_one_the_resolver_reads_as_a_number(token: str) -> None:
    number_cache.clear()
    pieces = _ROW.split(f"x: [{token}]\n")
    if len(pieces) > 1 and (pieces[2] or "?")[0] in "+-0123456789":  # a row of numbers
        figure = token.strip(" ")  # as YAML reads the item of a flow sequence
        value = resolve_plain(figure)
        assert isinstance(value, Decimal)
        assert str(value) == str(Decimal(figure))


# What may sit between quotes: separators, quotes, escapes, what the reader refuses.
QUOTED = st.text(alphabet=" ,'\"\\#:[]{}~甲a1\t\x07\x85\ufeff\u00a0\U0001f600n", max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["'", '"', ""]), QUOTED), min_size=1, max_size=3))
def test_quoted_cells_compose_as_the_parser_reads_them(cells: list[tuple[str, str]]) -> None:
    """Any text between quotes, escapes and refused characters included: the pre-reader
    either reads the row as the parser does or leaves it to the parser (problems too)."""
    inner = ", ".join(f"{quote}{text}{quote}" for quote, text in cells)
    for text in (f"x: [{inner}]\ny: [1]\n", f"v:\n  a: [{inner}]\n  b: [{inner}]\n"):
        assert_same(fresh(text), fresh(text, quick_rows=False))


@settings(max_examples=200, deadline=None)
@given(documents(), st.sampled_from(["\n", "\r\n"]), st.integers(min_value=1, max_value=80))
def test_the_text_read_in_pieces_gives_what_it_gives_whole(
    lines: list[str], newline: str, chunk: int
) -> None:
    """Pieces of a line or two: every row near a piece's end, runs cut at each (a piece's
    first row leads a run of its own): the same values and places as the parser's."""
    text = newline.join(lines) + newline
    whole = prelex(text)
    saved = rows_module.CHUNK
    rows_module.CHUNK = chunk
    try:
        pieces = prelex(text)
        composed = fresh(text)
    finally:
        rows_module.CHUNK = saved
    assert (pieces is None) == (whole is None)
    assert_same(composed, fresh(text, quick_rows=False))


def test_the_seed_plan_read_in_pieces_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DATA / "targets.yaml").read_text(encoding="utf-8")
    whole = prelex(text)
    monkeypatch.setattr(rows_module, "CHUNK", 100)
    pieces = prelex(text)
    assert whole is not None
    assert pieces is not None

    def every(prelexed: Prelexed) -> int:
        return len(prelexed.rows) + sum(len(run.rows) for run in prelexed.runs)

    assert every(pieces) == every(whole) > 20
    assert whole.runs  # the seed plan's tables run together
    assert_same(fresh(text), fresh(text, quick_rows=False))


def test_a_table_body_is_one_run_of_blank_lines() -> None:
    """600,000 rows were three parser events each; run together, the parser sees the first
    row tagged and blank lines, and the composer places every row as the parser would."""
    body = "".join(f"  区{n}: [{n}, 1]\n" for n in range(500))
    text = "v:\n" + body + "w: 1\n"
    prelexed = prelex(text)
    assert prelexed is not None
    assert prelexed.text == "v:\n  区0: !planchk-rows []\n" + "\n" * 499 + "w: 1\n"
    (run,) = prelexed.runs
    assert (run.line, run.key_column, run.keys.count(":")) == (2, 3, 500)
    assert run.keys.startswith("区0:区1:区2:")
    assert run.columns[:2] == [6, 6]  # "  区0: " and "  区1: "
    assert run.columns[-1] == 8
    assert run.rows[499] == [Decimal(499), Decimal(1)]
    quick = fresh(text)
    assert_same(quick, fresh(text, quick_rows=False))
    assert quick.sourcemap.key(("v", "区499")) == (501, 3)
    assert quick.sourcemap.node(("v", "区499")) == (501, 9)


def test_a_listed_name_and_the_key_of_its_row_are_one_string() -> None:
    composed = fresh("areas:\n  全区: [甲, 乙]\nvalues:\n  乙: [1]\n  甲: [2]\n")
    listed = composed.data["areas"]["全区"]
    keys = list(composed.data["values"])
    assert listed == ["甲", "乙"]
    assert listed[0] is keys[1]
    assert listed[1] is keys[0]


def test_a_list_of_names_is_set_aside_with_its_place() -> None:
    text = "a: 1\n全区: [区0, 区1]  # 注\nb: [x]\n"
    prelexed = prelex(text)
    assert prelexed is not None
    assert prelexed.names == [["区0", "区1"], ["x"]]
    assert prelexed.rows == []
    assert prelexed.text == "a: 1\n全区: !planchk-row-names []  # 注\nb: !planchk-row-names []\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=5))
def test_names_are_their_own_forms_together_exactly_when_each_is(names: list[str]) -> None:
    assert all_own_forms(names) == all(lookalike_form(name) == name for name in names)


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(st.sampled_from(["1", "-2.5", "~", "null", "甲", "'3'", "[4]"]), max_size=5),
    spaces=st.lists(st.sampled_from(["", " ", "  "]), min_size=12, max_size=12),
    block=st.booleans(),
)
def test_row_item_finds_each_item_where_node_does(
    items: list[str], spaces: list[str], block: bool
) -> None:
    """SourceMap.row_item (a report of 600,000 findings places each cell by it) gives what
    node() gives for each item of a plain one-line row, and None where node() has to parse
    (quotes, nesting, a block sequence) or there is no such item."""
    if block:
        row = "".join(f"\n    - {item}" for item in items) or " []"
    else:
        row = (
            " ["
            + spaces[0]
            + ",".join(
                f"{spaces[2 * i + 1]}{item}{spaces[2 * i + 2]}" for i, item in enumerate(items)
            )
            + "]"
        )
    text = f"v:\n  区0: [1, 2]\n  区1:{row}\n  区2: [3]\n"
    composed = fresh(text)
    smap = composed.sourcemap
    packed = smap.members[("v",)]["区1"] & VALUE_MASK
    plain = not block and not any(item[0] in "'[" for item in items)
    for index in range(len(items) + 1):
        found = smap.row_item(packed, index)
        if plain and index < len(items):
            assert found == smap.node(("v", "区1", index))
            assert found is not None
            assert text.splitlines()[found[0] - 1][found[1] - 1] in "-1甲~n"
        else:
            assert found is None or found == smap.node(("v", "区1", index))
