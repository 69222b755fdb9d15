"""Hostile inputs of issue 17, timed: how long planchk takes to refuse or to check each, and its
peak memory. Each case is one command in a fresh interpreter (wall time and peak RSS from wait4).

    python benchmarks/hostile.py            # every case, best of 3
    python benchmarks/hostile.py --repeat 1 --only xlsx

The figures are in benchmarks/README.md ("Hostile input").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

PY = sys.executable
Case = Callable[[Path], list[str]]
SHEET = "xl/worksheets/sheet1.xml"
HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def workbook(path: Path, data: str, dimension: str = "", merges: str = "") -> Path:
    """A one-sheet workbook whose worksheet XML is `data` (its rows), written by hand."""
    import openpyxl

    openpyxl.Workbook().save(path)
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    merged = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    xml = f"{HEAD}{declared}<sheetData>{data}</sheetData>{merged}</worksheet>"
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts[SHEET] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, content in parts.items():
            new.writestr(name, content)
    return path


def _row(number: int, name: str, values: list[int]) -> str:
    from openpyxl.utils import get_column_letter

    cells = "".join(
        f'<c r="{get_column_letter(column)}{number}"><v>{value}</v></c>'
        for column, value in enumerate(values, 2)
    )
    first = f'<c r="A{number}" t="inlineStr"><is><t>{name}</t></is></c>'
    return f'<row r="{number}">{first}{cells}</row>'


def _import(path: Path) -> list[str]:
    return [PY, "-m", "planchk", "import", str(path), "--unit", "件", "-o", os.devnull]


def xlsx_far_cell(work: Path) -> list[str]:
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return _import(workbook(work / "far.xlsx", _row(1, "地区", [2021]) + far, "A1:XFD1048576"))


def xlsx_far_merge(work: Path) -> list[str]:
    merge = '<mergeCell ref="A20:XFD1048576"/>'
    return _import(workbook(work / "merge.xlsx", _row(1, "地区", [2021]), "A1:B1", merge))


def xlsx_cells(count: int) -> Case:
    """A table of `count` cells: years across, areas down, each total the sum of its parts."""

    def case(work: Path) -> list[str]:
        years = 20
        areas = max(1, count // (years + 1) - 1)
        rows = [_row(1, "地区", list(range(2001, 2001 + years)))]
        rows.append(_row(2, "全区", [areas] * years))
        rows += [_row(3 + i, f"区{i}", [1] * years) for i in range(areas)]
        return _import(workbook(work / f"cells{count}.xlsx", "".join(rows)))

    return case


CASES: dict[str, Case] = {
    "xlsx: one cell at XFD1048576 (5 KB)": xlsx_far_cell,
    "xlsx: merge A20:XFD1048576 (5 KB)": xlsx_far_merge,
    "xlsx: 200,000-cell table (at the limit)": xlsx_cells(199_000),
    "xlsx: 210,000-cell table (over the limit)": xlsx_cells(210_000),
}


def measure(command: list[str], repeat: int) -> tuple[int, float, float]:
    """Exit code, best wall time and the peak RSS (MB) of `repeat` runs."""
    best, peak, code = float("inf"), 0.0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        best = min(best, time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
    return code, best, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="run the cases whose name holds this")
    args = parser.parse_args()
    print(f"{'case':<48} | exit | {'seconds':>7} | {'MB':>5}")
    with tempfile.TemporaryDirectory() as directory:
        for name, case in CASES.items():
            if args.only in name:
                code, seconds, megabytes = measure(case(Path(directory)), args.repeat)
                print(f"{name:<48} | {code:>4} | {seconds:7.2f} | {megabytes:5.0f}", flush=True)


if __name__ == "__main__":
    main()
