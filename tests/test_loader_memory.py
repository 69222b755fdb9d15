"""A loaded plan holds little per row (issue 17: a plan of 600,000 rows within 500 MB).

The loader keeps the plan's model, its text and its source map. A name is one string however
often the plan writes it, and the positions of a row's key and value are one int in the map of
their table: measured here with tracemalloc, which counts what Python allocates (no timing).
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from planchk.loader import LoadedFile, load_bytes
from planchk.models import TargetsFile

ROWS = 20_000
# Before: 640 bytes a row (a data path tuple for each key and each value, in two dicts, and a
# copy of each name per mention). Now about 310; the rest is headroom across versions.
BYTES_PER_ROW = 450


def plan(rows: int) -> bytes:
    names = [f"区{i}" for i in range(rows)]
    text = "plan: {title: 测试, period: [2021, 2022]}\nareas:\n"
    text += f"  全区: [{', '.join(names)}]\n"
    text += "indicators:\n  x:\n    name: 指标\n    unit: 件\n    kind: flow\n"
    text += "    years: [2021, 2022]\n    values:\n"
    text += f"      全区: [{2 * rows}, {rows}]\n" + "".join(f"      {n}: [2, 1]\n" for n in names)
    return text.encode("utf-8")


def load(raw: bytes) -> LoadedFile:
    return load_bytes(raw, Path("targets.yaml"), "targets.yaml")


def test_a_name_is_one_string_in_the_areas_and_the_rows() -> None:
    loaded = load(plan(3))
    model = loaded.model
    assert isinstance(model, TargetsFile)
    parts = model.areas["全区"]
    keys = list(model.indicators["x"].values)
    assert keys == ["全区", "区0", "区1", "区2"]
    assert all(key is part for key, part in zip(keys[1:], parts, strict=True))
    assert keys[0] is next(iter(model.areas))


def test_names_are_stripped_as_before_and_still_shared() -> None:
    raw = plan(2).replace("区1]".encode(), "'区1\u3000']".encode())
    model = load(raw).model
    assert isinstance(model, TargetsFile)
    assert model.areas["全区"] == ["区0", "区1"]  # the ideographic space is gone
    assert list(model.indicators["x"].values)[1] is model.areas["全区"][0]


def test_positions_of_rows_are_kept_and_found() -> None:
    loaded = load(plan(5))
    smap = loaded.sourcemap
    # line 11 is 全区's row, so 区3's is line 15: its key at column 7, its row at column 11
    assert smap.key(("indicators", "x", "values", "区3")) == (15, 7)
    assert smap.node(("indicators", "x", "values", "区3")) == (15, 11)
    assert smap.node(("indicators", "x", "values", "区3", 1)) == (15, 15)
    assert smap.key(("indicators", "x", "values")) == (10, 5)
    assert smap.node(("areas", "全区", 4)) == (3, 24)  # 区4 in `[区0, 区1, 区2, 区3, 区4]`
    assert smap.node(("indicators", "x", "values", "区9")) is None
    # a row that is not there: the table's own position (its first key)
    assert smap.nearest(("indicators", "x", "values", "区9")) == (11, 7)


def test_a_large_table_costs_a_bounded_number_of_bytes_per_row() -> None:
    raw = plan(ROWS)
    load(plan(10))  # imports, caches and the number cache's figures: not the plan's cost
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        loaded = load(raw)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert loaded.usable
    assert held / ROWS < BYTES_PER_ROW, f"{held / ROWS:.0f} bytes a row"
