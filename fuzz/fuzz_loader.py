"""Coverage-guided fuzzing of the loader and the rules with atheris (not run in CI).

    python -m venv .fuzz && .fuzz/bin/pip install atheris -e .
    .fuzz/bin/python fuzz/fuzz_loader.py /tmp/fuzz-found fuzz/corpus -max_total_time=300

Each input is a plan file's bytes, placed as targets.yaml or tasks.yaml (the first byte
chooses) and checked the way `planchk validate` checks it. Any exception other than the
findings planchk reports is a bug: atheris stops and writes the input to crash-*. The text
is also composed with and without the pre-reader of number rows and name lists
(planchk.loader.rows), which must give the same values, positions and problems.
The seed corpus (fuzz/corpus: the bundled plan, the example plans and tests/bad_inputs/,
each behind the byte that chooses its file) stays as it is; new inputs go to the first
directory named.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from planchk.engine import check_paths
    from planchk.formatters import RenderOptions, get
    from planchk.loader.compose import Composed, compose
    from planchk.loader.scalars import number_cache

WORK = Path(tempfile.mkdtemp(prefix="planchk-fuzz-"))
TARGETS = (Path(__file__).resolve().parent.parent / "data" / "targets.yaml").read_bytes()


def check(data: bytes) -> None:
    if not data:
        return
    name = "tasks.yaml" if data[0] % 2 else "targets.yaml"
    (WORK / "tasks.yaml").unlink(missing_ok=True)
    (WORK / "targets.yaml").write_bytes(TARGETS if name == "tasks.yaml" else data[1:])
    if name == "tasks.yaml":
        (WORK / "tasks.yaml").write_bytes(data[1:])
    report = check_paths([WORK / name])
    for fmt in ("text", "json", "sarif"):
        get(fmt)(report, RenderOptions())
    same_both_ways(data[1:])


def same_both_ways(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    quick, slow = _fresh(text, quick_rows=True), _fresh(text, quick_rows=False)
    if _shape(quick) != _shape(slow):
        raise AssertionError("the row pre-reader changed what the file says")


def _fresh(text: str, quick_rows: bool) -> Composed:
    number_cache.clear()  # so that neither way's figures answer for the other's
    return compose(text, "fuzz", quick_rows)


def _shape(composed: Composed) -> object:
    return (
        repr(composed.data),  # repr keeps each Decimal's printed digits
        composed.sourcemap.members,
        composed.problems,
        composed.empty,
    )


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
