"""Measure planchk against PyYAML on synthetic plans of 10^3 to 10^6 cells, in one run.

    python benchmarks/run.py                 # all sizes (about four minutes)
    python benchmarks/run.py --sizes 1e3 1e4 # some sizes
    python benchmarks/run.py --repeat 5      # more runs per figure (the best one counts)

Every figure is one command in a fresh interpreter: wall time and the peak resident memory of
that process (from wait4). Ratios compare figures of the same run, so a busy machine moves
them less than it moves the seconds. References: `yaml.load(..., Loader=CSafeLoader)` and
bare `yaml.parse` event streaming of the same file.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable

LOAD = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
PARSE = (
    "import sys, yaml\n"
    "for _ in yaml.parse(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader): pass"
)


@dataclass
class Figure:
    seconds: float
    megabytes: float

    def __str__(self) -> str:
        return f"{self.seconds:7.2f} s {self.megabytes:6.0f} MB"


def measure(command: list[str], repeat: int) -> Figure:
    """The best of `repeat` runs: wall time and peak RSS of the process itself."""
    best: Figure | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited with {code}")
        figure = Figure(elapsed, usage.ru_maxrss / 1024)
        if best is None or figure.seconds < best.seconds:
            best = Figure(figure.seconds, max(figure.megabytes, best.megabytes if best else 0))
    assert best is not None
    return best


def generate(
    directory: Path, cells: int, errors: float = 0.0, extra: list[str] | None = None
) -> Path:
    subprocess.run(
        [PY, str(HERE / "generate.py"), str(directory), "--cells", str(cells),
         "--errors", str(errors), *(extra or [])],
        check=True,
    )  # fmt: skip
    return directory


def size_row(cells: int, work: Path, repeat: int) -> dict[str, Figure]:
    plan = generate(work / f"a{cells}", cells)
    other = generate(work / f"b{cells}", cells, errors=0.001)
    targets = str(plan / "targets.yaml")
    return {
        "parse": measure([PY, "-c", PARSE, targets], repeat),
        "load": measure([PY, "-c", LOAD, targets], repeat),
        "validate": measure([PY, "-m", "planchk", "validate", str(plan), "-f", "json"], repeat),
        "diff": measure([PY, "-m", "planchk", "diff", str(plan), str(other), "-f", "json"], repeat),
    }


def other_plans(cells: int, work: Path, repeat: int) -> dict[str, tuple[Figure, Figure]]:
    """validate on plans unlike the clean count plan, each against `yaml.parse` of itself:
    money tables printed with 2 decimals, and a draft where 1% of the rows are mistyped
    (thousands of findings, each with its part cells and, in JSON, suggested corrections)."""
    money = generate(work / f"m{cells}", cells, extra=["--decimals", "2"])
    draft = generate(work / f"e{cells}", cells, errors=0.01)
    figures = {}
    for label, plan, fmt in (
        ("2 decimals", money, "json"),
        ("1% rows wrong, text", draft, "text"),
        ("1% rows wrong, json", draft, "json"),
    ):
        validate = [PY, "-m", "planchk", "validate", str(plan), "-f", fmt]
        parse = [PY, "-c", PARSE, str(plan / "targets.yaml")]
        figures[label] = (measure(validate, repeat), measure(parse, repeat))
    return figures


def data_row(repeat: int) -> tuple[Figure, Figure | None]:
    data = ROOT / "data"
    planchk = measure([PY, "-m", "planchk", "validate", str(data)], repeat)
    beside = Path(PY).parent / "yamllint"
    yamllint = str(beside) if beside.exists() else shutil.which("yamllint")
    if yamllint is None:
        return planchk, None
    files = [str(data / "targets.yaml"), str(data / "tasks.yaml")]
    return planchk, measure([yamllint, *files], repeat)


IMPORTS = (
    "import sys, runpy; sys.argv = ['planchk', 'validate', sys.argv[1], '-f', 'json']\n"
    "try:\n    runpy.run_module('planchk', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "heavy = ['rich', 'planchk.diff', 'openpyxl', 'planchk.formatters.sarif']\n"
    "print(' '.join(m for m in heavy if m in sys.modules) or 'none')"
)


def imports_row() -> tuple[str, float]:
    """Heavy modules `validate -f json` imports, and its import time (python -X importtime)."""
    data = str(ROOT / "data")
    done = subprocess.run([PY, "-c", IMPORTS, data], capture_output=True, text=True, check=False)
    timed = subprocess.run(
        [PY, "-X", "importtime", "-c", IMPORTS, data], capture_output=True, text=True, check=False
    )
    total = sum(
        int(line.split("|")[1])
        for line in timed.stderr.splitlines()
        if line.startswith("import time:")
        and "|" in line
        and not line.split("|")[2].startswith("  ")
        and line.split("|")[1].strip().isdigit()
    )
    return done.stdout.strip().splitlines()[-1], total / 1e6


def report_others(cells: int, others: dict[str, tuple[Figure, Figure]]) -> None:
    print()
    print(f"other plans of {cells} cells | validate          | yaml.parse        | ratio")
    for label, (validate, parse) in others.items():
        ratio = validate.seconds / parse.seconds
        print(f"{label:>26} | {validate} | {parse} | {ratio:5.2f}")


def report(rows: dict[int, dict[str, Figure]], data: tuple[Figure, Figure | None]) -> None:
    print(
        f"{'cells':>9} | {'yaml.parse':>17} | {'yaml.load':>17} | {'validate':>17} | {'diff':>17}"
    )
    for cells, row in rows.items():
        print(f"{cells:>9} | {row['parse']} | {row['load']} | {row['validate']} | {row['diff']}")
    print()
    print(f"{'cells':>9} | validate/load | validate/parse | memory validate/load | diff/validate")
    for cells, row in rows.items():
        v, p, lo, d = row["validate"], row["parse"], row["load"], row["diff"]
        print(
            f"{cells:>9} | {v.seconds / lo.seconds:13.2f} | {v.seconds / p.seconds:14.2f} | "
            f"{v.megabytes / lo.megabytes:20.2f} | {d.seconds / v.seconds:13.2f}"
        )
    sizes = list(rows)
    print()
    for small, large in itertools.pairwise(sizes):
        if small >= 10_000:
            growth = rows[large]["validate"].seconds / rows[small]["validate"].seconds
            times = large / small
            print(f"validate {small} -> {large} cells: {times:.0f}x cells, {growth:.2f}x time")
    planchk, yamllint = data
    print()
    print(f"data/: planchk validate {planchk.seconds:.2f} s", end="")
    if yamllint is not None:
        print(
            f", yamllint {yamllint.seconds:.2f} s, ratio {planchk.seconds / yamllint.seconds:.2f}"
        )
    else:
        print(" (yamllint not installed: pip install yamllint)")
    heavy, seconds = imports_row()
    print(f"validate -f json on data/: imports {seconds:.2f} s; heavy modules imported: {heavy}")


def byte_compile() -> None:
    """Compile planchk's modules as `pip install` does. An editable install under
    PYTHONDONTWRITEBYTECODE (set on these machines) would otherwise compile every module
    at every start, 50 ms that no installed planchk pays (yamllint's are compiled)."""
    import planchk

    compileall.compile_dir(str(Path(planchk.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=float, default=[1e3, 1e4, 1e5, 1e6])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="planchk-bench-") as work:
        rows = {int(size): size_row(int(size), Path(work), args.repeat) for size in args.sizes}
        report(rows, data_row(max(args.repeat, 5)))
        largest = int(max(args.sizes))
        report_others(largest, other_plans(largest, Path(work), args.repeat))


if __name__ == "__main__":
    main()
