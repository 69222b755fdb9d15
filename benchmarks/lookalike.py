"""What the look-alike key check (PC015, plan.names.lookalike_form) costs validate.

    python benchmarks/lookalike.py                 # 10^6 cells, best of 3
    python benchmarks/lookalike.py --cells 1e5 --repeat 5

Each measurement is `check_paths` on a generated plan in a fresh interpreter (no warm caches),
taken as CPU time inside the process (steadier than wall time on a shared machine): once as
planchk is, once with the composer's look-alike form replaced by the name itself, which leaves
every key its own form, so that the check finds nothing and costs almost nothing. The two run
alternately, and the best of each is compared. A plan whose area names are CJK (the generated
plans') and one whose keys are all ASCII are both measured.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable

MEASURE = """
import sys, time
from pathlib import Path
from planchk.engine import check_paths
from planchk.loader import compose
if sys.argv[2] == "off":  # (_lookalike_form: the composer before the check's fast path)
    for name in ("lookalike_form", "_lookalike_form"):
        if hasattr(compose, name):
            setattr(compose, name, lambda name: name)
start = time.process_time()
report = check_paths([Path(sys.argv[1])], suggest=False)
print(time.process_time() - start, len(report.findings))
"""


def generate(directory: Path, cells: int, ascii_names: bool) -> Path:
    subprocess.run(
        [PY, str(HERE / "generate.py"), str(directory), "--cells", str(cells)], check=True
    )
    if ascii_names:  # the same plan with its area names spelt in ASCII
        targets = directory / "targets.yaml"
        text = targets.read_text(encoding="utf-8")
        for cjk, latin in (("全省", "province"), ("市", "city"), ("乙", "d")):
            text = text.replace(cjk, latin)
        targets.write_text(text, encoding="utf-8")
    return directory


def best(python: str, plan: Path, repeat: int) -> dict[str, float]:
    seconds = {"on": float("inf"), "off": float("inf")}
    for _ in range(repeat):
        for variant in ("on", "off"):
            out = subprocess.run(
                [python, "-c", MEASURE, str(plan), variant],
                check=True, capture_output=True, text=True,
            ).stdout.split()  # fmt: skip
            seconds[variant] = min(seconds[variant], float(out[0]))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=float, default=1e6)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--python", default=PY, help="the interpreter whose planchk is measured")
    args = parser.parse_args()
    print(f"{'plan':<34} | {'check on':>8} | {'off':>8} | cost")
    with tempfile.TemporaryDirectory() as directory:
        for label, ascii_names in (("CJK area names", False), ("ASCII area names", True)):
            plan = generate(Path(directory) / label.split()[0], int(args.cells), ascii_names)
            seconds = best(args.python, plan, args.repeat)
            cost = seconds["on"] / seconds["off"] - 1
            name = f"{int(args.cells):,} cells, {label}"
            print(f"{name:<34} | {seconds['on']:7.2f}s | {seconds['off']:7.2f}s | {cost:+.1%}")


if __name__ == "__main__":
    main()
