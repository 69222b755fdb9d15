"""The diff formats' fast paths write what their plain forms write (issue 17: a diff of
100,000 changed cells): a change's JSON straight from it, a Markdown cell that needs no escape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from planchk.config import overrides
from planchk.diff import Comparison
from planchk.diff.changes import Change
from planchk.escape import markdown
from planchk.findings import Arg
from planchk.formatters import RenderOptions
from planchk.formatters.diff import json as diff_json
from planchk.formatters.diff.markdown import _escape
from planchk.formatters.streamed import INDENT, encoded
from tests.paths import DATA

TEXTS = st.text(alphabet=st.sampled_from("甲区a W1.+-%:/@<>&*_[]|~!#`\\\x1b\u202e\n\"'"))
ARGS = st.one_of(
    TEXTS,
    st.integers(),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.none(),
    st.tuples(TEXTS, st.integers()),
)


@given(TEXTS)
def test_a_markdown_cell_is_escaped_as_markdown_escapes_it(text: str) -> None:
    assert _escape(text) == markdown(text)


CELL_ARGS = st.fixed_dictionaries(
    {
        "indicator": TEXTS,
        "area": TEXTS,
        "year": st.integers(min_value=1990, max_value=2100) | TEXTS,
        "old": TEXTS,
        "new": TEXTS,
        "difference": st.decimals(allow_nan=False, allow_infinity=False, places=3),
        "relative": TEXTS,
    },
    optional={"total": st.just("yes"), "parts_changed": TEXTS, "values": ARGS, "n": ARGS},
)


@given(
    st.sampled_from(["cell-changed", "cell-filled", "cell-blanked", "cell-precision"]),
    TEXTS,
    CELL_ARGS,
    st.integers(min_value=0, max_value=3),
)
def test_a_change_is_written_as_its_dict_would_be(
    kind: str, path: str, args: dict[str, Arg], depth: int
) -> None:
    change = Change(kind, path, args)
    newline = "\n" + INDENT * depth
    assert diff_json.encoded_change(change, newline) == encoded(diff_json._change(change), newline)


def test_the_written_diff_json_is_json_dumps_of_the_document(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    targets = new / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[301, 49, 53.5]", 1)
    targets.write_text(text.replace("[13, ", "[14, ", 1), encoding="utf-8")
    diff = Comparison([str(old), str(new)], [], overrides.resolve(None)).run()
    assert [c.args["area"] for c in diff.changes if c.kind == "cell-changed"]
    written = "".join(diff_json.pieces(diff, RenderOptions()))
    document = diff_json.diff_document(diff)  # every array a list, every change a dict
    assert written == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
