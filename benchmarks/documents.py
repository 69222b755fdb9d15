"""Time `planchk import` of a plan document: the seed text and data/ as .docx, .html and .txt.

    python benchmarks/documents.py            # best of 5 runs each
    python benchmarks/documents.py --repeat 9

Each figure is the whole command in a fresh interpreter (start-up, reading, writing the plan
directory), the best of --repeat runs, and the least CPU time a run took (on a loaded machine
the wall-clock time also holds the waits for a core); beside it, the import alone inside one
process (the reader and the plan, without start-up or writing). The documents are written by
the tests' renderer (tests/documents.py), so they hold exactly the plan in data/.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import documents  # noqa: E402
from tests.seed_text import SEED  # noqa: E402

from planchk.importers.build import Options  # noqa: E402
from planchk.importers.plandoc import import_path  # noqa: E402

PLANCHK = [sys.executable, "-m", "planchk"]


def best(seconds: list[float]) -> str:
    return f"{min(seconds) * 1000:6.0f} ms"


def command_time(document: Path, work: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock seconds of each run, and the CPU seconds (user + system) it took: on a
    machine others are using, the CPU time is what the command itself costs."""
    times, cpu = [], []
    for run in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*PLANCHK, "import", str(document), "-o", str(work / f"out{run}")],
                       check=True, capture_output=True)  # fmt: skip
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times, cpu


def in_process_time(document: Path, repeat: int) -> list[float]:
    import_path(document, Options())  # the readers' modules imported once
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        import_path(document, Options())
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        blocks = documents.data_blocks()
        inputs = {
            "data/ as .docx": documents.write_docx(work / "plan.docx", blocks),
            "data/ as .html": documents.write_html(work / "plan.html", blocks),
            "data/ as .txt": documents.write_text(work / "plan.txt", blocks),
        }
        if SEED.is_file():
            inputs = {"seed text": SEED, **inputs}
        print(f"{'document':<16} {'planchk import':>14} {'its CPU time':>13} {'import alone':>13}")
        for number, (name, document) in enumerate(inputs.items()):
            # import -o DIR makes DIR, not its parents: each document's runs get a folder
            runs = work / f"runs{number}"
            runs.mkdir()
            whole, cpu = command_time(document, runs, args.repeat)
            alone = in_process_time(document, args.repeat)
            print(f"{name:<16} {best(whole):>14} {best(cpu):>13} {best(alone):>13}")


if __name__ == "__main__":
    main()
