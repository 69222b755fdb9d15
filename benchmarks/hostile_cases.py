"""Every hostile case of issue 17 measured one by one against its bounds: each in a fresh
process, its exit code, wall and CPU time and peak memory, flagged when it takes over 10 s or
500 MB, exits with a code it should not, prints a traceback, or writes where it should not.

    python benchmarks/hostile_cases.py                 # every case, once (about two minutes)
    python benchmarks/hostile_cases.py --only corpus   # the cases whose name holds this

The cases: every file of tests/bad_inputs/ through `validate` (its exit code from cases.yaml),
inputs that cannot be files in git (devices, FIFOs, a sparse 100 MB file, hostile TOML and
baselines, foreign output encodings, names that are not UTF-8), the hostile workbooks through
`import`, hostile `-o` targets, hostile names through every output, and the shadowed diff
revision. The scale cases (tens of thousands of rows or findings) are benchmarks/hostile.py's.
tests/test_hostile_cases.py checks that every corpus file is a case here. Figures:
benchmarks/README.md ("Each hostile case against its bounds").
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.hostile_inputs import (
    Make,
    Run,
    corpus_cases,
    planchk_command,
    reader_cases,
    workbook_cases,
)
from benchmarks.hostile_outputs import name_cases, output_cases
from benchmarks.launch import launched

MAX_SECONDS = 10.0
MAX_MB = 500.0
TIMEOUT = 60.0


def all_cases() -> dict[str, Make]:
    return {
        **corpus_cases(),
        **reader_cases(),
        **workbook_cases(),
        **output_cases(),
        **name_cases(),
    }


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Measured:
    code: int
    seconds: float
    cpu: float
    megabytes: float
    problems: list[str]


def measure(run: Run, work: Path) -> Measured:
    """Run one case in its own process (a shell for two at once) through benchmarks/launch.py:
    wall and CPU time, and the peak memory of the process or the largest child it waited for."""
    out, err = work / "stdout", work / "stderr"
    env = {**os.environ, **run.env}
    if run.shell:
        command = ["sh", "-c", run.shell.replace("{planchk}", " ".join(planchk_command()))]
    else:
        command = [*run.prefix, *planchk_command(), *run.args]
    with out.open("wb") as stdout, err.open("wb") as stderr:
        code, seconds, cpu, megabytes = launched(
            command, str(work / "launched"), TIMEOUT, cwd=run.cwd, env=env, stdout=stdout,
            stderr=stderr,
        )  # fmt: skip
    return Measured(code, seconds, cpu, megabytes, _problems(run, code, err))


def _problems(run: Run, code: int, err: Path) -> list[str]:
    problems = []
    if code not in run.exits:
        problems.append(f"exit {code}, expected {'/'.join(map(str, run.exits))}")
    if b"Traceback" in err.read_bytes():
        problems.append("a traceback")
    if run.check is not None and (wrong := run.check()):
        problems.append(wrong)
    return problems


def _flags(measured: Measured) -> Iterator[str]:
    if measured.seconds > MAX_SECONDS:
        yield f"OVER {MAX_SECONDS:.0f} s"
    if measured.megabytes > MAX_MB:
        yield f"OVER {MAX_MB:.0f} MB"
    yield from (problem.upper() for problem in measured.problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run the cases whose name holds this")
    args = parser.parse_args()
    print(f"{'case':<60} | exit | seconds |   CPU s |    MB | flags")
    worst = [0.0, 0.0, 0.0]
    count = flagged = 0
    for name, make in all_cases().items():
        if args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as directory:
            measured = measure(make(Path(directory)), Path(directory))
        flags = ", ".join(_flags(measured))
        count, flagged = count + 1, flagged + bool(flags)
        worst = [
            max(a, b)
            for a, b in zip(
                worst, [measured.seconds, measured.cpu, measured.megabytes], strict=True
            )
        ]
        print(
            f"{name[:60]:<60} | {measured.code:>4} | {measured.seconds:7.2f} | "
            f"{measured.cpu:7.2f} | {measured.megabytes:5.0f} | {flags}",
            flush=True,
        )
    print(
        f"{count} cases, {flagged} flagged; the largest: {worst[0]:.2f} s, "
        f"{worst[1]:.2f} s CPU, {worst[2]:.0f} MB"
    )


if __name__ == "__main__":
    main()
