"""Keys that look alike (PC015) in any order and any mix of spellings, and the fast way of
plan.names.lookalike_form agreeing with the form worked out in full."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.escape import INVISIBLE, visible
from planchk.loader.compose import compose
from planchk.plan.names import full_form, lookalike_form


def _found(*keys: str, quick_rows: bool = True) -> list[tuple[str, int, str]]:
    """(code, line, first spelling) of each problem of a mapping of `keys`, one per line."""
    text = "values:\n" + "".join(f'  "{key}": [{n}, 1]\n' for n, key in enumerate(keys))
    composed = compose(text, "t.yaml", quick_rows=quick_rows)
    return [
        (info.code, problem.location.line, str(problem.args.get("first", "")))
        for info, problem in composed.problems
    ]


@pytest.mark.parametrize("quick_rows", [True, False])
@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        pytest.param(("i1", "i1\u3000", "ｉ１"), [("PC015", 3, "i1"), ("PC015", 4, "i1")],
                     id="plain first: each later spelling names it"),
        pytest.param(("i1\u3000", "i1", "ｉ１"),
                     [("PC015", 3, "i1\u3000"), ("PC015", 4, "i1\u3000")],
                     id="variant first: each later spelling names the variant"),
        pytest.param(("區甲", "區甲", "区甲"), [("PC004", 3, ""), ("PC015", 4, "區甲")],
                     id="a variant twice is a duplicate, then a look-alike"),
        pytest.param(("甲\u200b", "乙", "甲"), [("PC015", 4, "甲\u200b")],
                     id="another key between the two spellings"),
        pytest.param(("甲 乙", "丙", "丁"), [], id="a name with a space has no twin"),
        pytest.param(("甲", "乙", "甲"), [("PC004", 4, "")], id="a plain duplicate"),
    ],
)  # fmt: skip
def test_lookalike_keys_in_any_order(
    keys: tuple[str, ...], expected: list[tuple[str, int, str]], quick_rows: bool
) -> None:
    # The message shows each spelling as escape.visible writes it.
    assert _found(*keys, quick_rows=quick_rows) == [(c, n, visible(f)) for c, n, f in expected]


def test_keys_after_an_unpaired_variant_are_still_checked() -> None:
    """A plan with one key that is not its own form keeps finding later look-alikes."""
    assert _found("甲 乙", "丙", "丙\u00a0", "丁", "ｘ", "x") == [
        ("PC015", 4, "丙"),
        ("PC015", 7, "ｘ"),
    ]


# Text drawn from what the form changes and what it leaves: ASCII, CJK, variants, full-width
# forms, compatibility ideographs, combining marks, invisible and space characters.
ALPHABET = (
    st.sampled_from(
        list("aZ 1\t_-甲区區縣ｉ１Ａ\u3000\u00a0\u2028\u0301é\ufa10\u2160") + sorted(INVISIBLE)
    )
    | st.characters()
)


@settings(max_examples=500)
@given(st.text(ALPHABET, max_size=8))
def test_the_fast_way_gives_the_full_form(name: str) -> None:
    form = lookalike_form(name)
    assert form == full_form(name)
    if form == name:
        assert form is name  # the composer's fast path relies on no copy being made
