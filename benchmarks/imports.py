"""Import against validate: how long `planchk import` takes on a CSV of N cells, beside how
long `planchk validate` takes on the targets file it writes (each in a fresh interpreter, best
of --repeat runs, in wall time and in CPU time), and the peak resident memory of each. The
table is a printed one: a title, a unit line, a header of ten years, a total row, then groups
of towns under county subtotal rows (（1） markers) over towns (1. markers), numbers printed
with one decimal. Like a real
yearbook table, every row is its own and nearly every figure text is distinct, so that
import's caches of read texts are not flattered and validate finds nothing to report.

    python benchmarks/imports.py --cells 1e6 --repeat 3
    python benchmarks/imports.py --cells 1e6 --stages
    python benchmarks/imports.py --cells 1e6 --cycling

--cycling writes the table this benchmark used before 2026-11-30: figures cycling through 97
texts (counties repeating one another's rows), in which validate finds about 29,000 falls,
swings and equal rows. Import reads each distinct text once, so the table flatters its
caches; but validate too spends less on it than on a million distinct figures (2.4 s
against 3.0 s at 10^6 cells, 2026-11-30), and its ratio is the higher of the two.

--stages also times each step of the import inside this process (CPU seconds, best of
--repeat: reading the CSV into cells, the table reader, building the indicators, writing
the file, the check that loads it back), and the start of a fresh `planchk import` and
`planchk validate` on a table of one county (interpreter and imports, nearly all of it).

Both commands are measured alike: each in a fresh interpreter, its CPU time (user + system,
start-up included), on the same plan (the file import wrote is the file validate reads).
planchk's modules are byte-compiled first, as `pip install` leaves them (run.py does the
same): these machines set PYTHONDONTWRITEBYTECODE, under which every start of an editable
install would compile each module it imports again, import's more numerous modules more.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

YEARS = 10
TOWNS = 50  # per county


def table(cells: int, cycling: bool = False) -> str:
    """The benchmark's table: every figure grows year by year and every row is its own
    (printed with one decimal), a plan validate finds nothing in. `cycling` makes the figures
    cycle instead (97 distinct texts; a town's falls where its count wraps round, and counties
    repeat one another's rows), so that validate finds about 29,000 things in the file."""
    rows = max(cells // YEARS, TOWNS + 2)
    counties = max(rows // (TOWNS + 1), 1)
    figure = _cycling_figure if cycling else _figure
    lines = [
        "基准测试任务分解表",
        "单位：万元",
        "地区," + ",".join(f"{2020 + y}年" for y in range(YEARS)),
    ]
    body: list[str] = []
    grand = [Decimal(0)] * YEARS
    for county in range(counties):
        towns = [[figure(county, town, year) for year in range(YEARS)] for town in range(TOWNS)]
        sums = [sum((t[year] for t in towns), Decimal(0)) for year in range(YEARS)]
        grand = [g + s for g, s in zip(grand, sums, strict=True)]
        body.append(f"（{county + 1}）县{county + 1}," + ",".join(map(str, sums)))
        body += [
            f"{county + 1}.镇{county + 1}_{t + 1}," + ",".join(map(str, row))
            for t, row in enumerate(towns)
        ]
    lines.append("合计," + ",".join(map(str, grand)))
    return "\n".join(lines + body) + "\n"


def _figure(county: int, town: int, year: int) -> Decimal:
    return (Decimal(1000 + county * TOWNS + town) * (10 + year) / 100).quantize(Decimal("0.1"))


def _cycling_figure(county: int, town: int, year: int) -> Decimal:
    return Decimal(1 + (county * 7 + town * 3 + year) % 97) / 10


def best(command: list[str], repeat: int) -> tuple[float, float, float]:
    """The best wall time, the best CPU time (user + system) and the largest peak resident
    memory (MB) of `repeat` runs: on a shared machine the wall time waits for other work, the
    CPU time much less. wait4 gives the child's own figures (RUSAGE_CHILDREN's peak would be
    the largest of every child so far)."""
    walls, cpus, peaks = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, used = os.wait4(child.pid, 0)
        child.returncode = 0  # reaped by wait4: Popen must not wait for it again
        walls.append(time.perf_counter() - start)
        cpus.append(used.ru_utime + used.ru_stime)
        peaks.append(used.ru_maxrss / 1024)  # KB on Linux
    return min(walls), min(cpus), max(peaks)


# The steps of an import, by the functions planchk.importers' modules call for each (looked
# up in the calling module's namespace at each call, so wrapping them there times them where
# they are called). A name a module does not hold (the code of another day) is left out.
STEPS = {
    ("planchk.importers", "read_grids"): "csv",
    ("planchk.importers.sheets", "split_stacked"): "tables",
    ("planchk.importers.sheets", "sides"): "tables",
    ("planchk.importers.sheets", "read_tables"): "tables",
    ("planchk.importers", "add_table"): "build",
    ("planchk.importers", "targets_written"): "write",
    ("planchk.importers", "check_readable"): "check",
    # where they were called before importers/__init__.py was split (2026-11-30)
    ("planchk.importers", "split_stacked"): "tables",
    ("planchk.importers", "sides"): "tables",
    ("planchk.importers", "read_tables"): "tables",
}


def stages(source: Path, repeat: int) -> dict[str, float]:
    """CPU seconds of each step of importing `source` in this process, best of `repeat`."""
    import importlib

    from planchk import importers
    from planchk.importers.plandir import run_import

    held = {}
    for module_name, name in STEPS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if hasattr(module, name):
            held[module_name, name] = module
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent: dict[str, float] = {}
        for (_, name), module in held.items():
            step = STEPS[module.__name__, name]
            setattr(module, name, _timed(getattr(module, name), step, spent))
        start = time.process_time()
        try:
            run_import([source], importers.Options(), None)
        finally:
            for (_, name), module in held.items():
                setattr(module, name, getattr(module, name).__wrapped__)
        total = time.process_time() - start
        spent["between"] = total - sum(spent.values())  # the rest: notes, the title, freeing
        spent["total"] = total
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
        gc.collect()
    return best


def _timed(function: Callable[..., Any], step: str, spent: dict[str, float]) -> Any:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[step] = spent.get(step, 0.0) + time.process_time() - start

    timed.__wrapped__ = function  # type: ignore[attr-defined]
    return timed


def starts(folder: Path, repeat: int) -> tuple[float, float]:
    """CPU seconds of a fresh `planchk import` and `planchk validate` of one county."""
    source, target = folder / "small.csv", folder / "small.yaml"
    source.write_text(table(TOWNS * YEARS), encoding="utf-8")
    planchk = [sys.executable, "-m", "planchk"]
    imported = best([*planchk, "import", str(source), "-o", str(target)], repeat)[1]
    return imported, best([*planchk, "validate", str(target), "-f", "json"], repeat)[1]


def byte_compile() -> None:
    """Compile planchk's modules as `pip install` does (see the module's docstring)."""
    import planchk

    compileall.compile_dir(str(Path(planchk.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cells", type=float, default=1e6)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="time each step in-process too")
    parser.add_argument(
        "--cycling",
        action="store_true",
        help="the old table: figures cycling through 97 texts (validate finds ~29,000 things)",
    )
    args = parser.parse_args()
    byte_compile()
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "table.csv", Path(folder) / "targets.yaml"
        source.write_text(table(int(args.cells), args.cycling), encoding="utf-8")
        if args.stages:
            spent = stages(source, args.repeat)
            print("in one process, CPU s: " + ", ".join(f"{k} {v:.2f}" for k, v in spent.items()))
            imported_start, validated_start = starts(Path(folder), args.repeat)
            print(f"start (one county), CPU s: import {imported_start:.2f}, validate "
                  f"{validated_start:.2f}")  # fmt: skip
        planchk = [sys.executable, "-m", "planchk"]
        imported = best([*planchk, "import", str(source), "-o", str(target)], args.repeat)
        validated = best([*planchk, "validate", str(target), "-f", "json"], args.repeat)
        kind = "cycling figures" if args.cycling else "distinct figures"
        for what, index in (("wall", 0), ("CPU", 1)):
            print(f"{int(args.cells)} cells ({kind}), {what}: import {imported[index]:.2f} s, "
                  f"validate {validated[index]:.2f} s, import/validate "
                  f"{imported[index] / validated[index]:.2f}")  # fmt: skip
        print(f"{int(args.cells)} cells ({kind}), peak memory: import {imported[2]:.0f} MB, "
              f"validate {validated[2]:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
