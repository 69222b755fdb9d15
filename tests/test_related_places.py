"""A finding lists the first MAX_RELATED related places, not one per part of a large column
(issue 17: 600,000 places were most of the time and memory of a plan of one total)."""

from __future__ import annotations

from pathlib import Path

from planchk.engine import check_paths
from planchk.findings import MAX_RELATED


def test_a_column_of_many_parts_lists_its_first_parts(tmp_path: Path) -> None:
    parts = MAX_RELATED + 50
    names = [f"区{n}" for n in range(parts)]
    text = (
        "plan: {title: 测试, period: [2024, 2025]}\n"
        f"areas:\n  全区: [{', '.join(names)}]\n"
        "indicators:\n  x:\n    name: 测试\n    unit: 件\n    kind: flow\n"
        "    years: [2024, 2025]\n    values:\n"
        f"      全区: [{parts + 7}, {parts}]\n" + "".join(f"      {n}: [1, 1]\n" for n in names)
    )
    (tmp_path / "targets.yaml").write_text(text, encoding="utf-8")
    report = check_paths([tmp_path / "targets.yaml"])
    (mismatch,) = [f for f in report.findings if f.code == "PC101"]
    assert mismatch.args["parts"] == parts
    first_row = 12  # 全区 is on line 11, 区0 on the next
    assert [(place.line, place.column) for place in mismatch.related] == [
        (first_row + n, 11 + len(str(n))) for n in range(MAX_RELATED)
    ]
