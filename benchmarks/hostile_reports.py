"""`report` and `diff` on the largest plans of benchmarks/hostile.py (issue 17: their outputs
were built whole): each format in a fresh process through benchmarks/launch.py, its exit code,
wall and CPU time and peak memory.

    python benchmarks/hostile_reports.py                    # every plan and format (~15 min
                                                            # on a loaded 2-core machine)
    python benchmarks/hostile_reports.py --only "100,000 rows"
    python benchmarks/hostile_reports.py --only "xlsx: 20,000" --only "diff -f text: 100,000 f"
    PYTHONPATH=OLD/src python benchmarks/hostile_reports.py ...   # another checkout's planchk

The plans: one total of 100,000 and of 80,000 parts, a hierarchy 20,000 levels deep,
100,000 falling rows (100,000 findings before the cap), and (report only) data/ with 10,000
tasks, each led by an unknown office. `diff` compares each with a revision
in which every part's last value changed (every row a changed cell). Figures:
benchmarks/README.md ("report and diff on the largest plans").
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.hostile import deep, waived, wide
from benchmarks.launch import launched

TIMEOUT = 300.0


def _revised(plan: Path) -> Path:
    """The plan with each part's last value changed: 1 -> 3 and 2 -> 4."""
    new = plan.with_name(plan.name + "-new")
    if not new.exists():
        shutil.copytree(plan, new)
        text = (new / "targets.yaml").read_text(encoding="utf-8")
        text = text.replace(", 1]", ", 3]").replace(", 2]", ", 4]")
        (new / "targets.yaml").write_text(text, encoding="utf-8")
    return new


def _tasks(work: Path, count: int) -> str:
    """data/ with a task table of `count` tasks, each led by an office no list names (PC031,
    capped at 1,000): the report looked through every finding for each task and role."""
    plan = work / f"tasks{count}"
    if not plan.exists():
        plan.mkdir()
        data = Path(__file__).resolve().parent.parent / "data"
        shutil.copy(data / "targets.yaml", plan)
        head = (data / "tasks.yaml").read_text(encoding="utf-8").split("sections:")[0]
        tasks = "".join(
            f"      - number: {n}\n        title: 任务{n}\n        lead: [区某局{n}]\n"
            "        responsible: [区科工局]\n        text_offices: [区科工局]\n"
            for n in range(1, count + 1)
        )
        text = head + "sections:\n  - number: 一\n    title: 任务\n    tasks:\n" + tasks
        (plan / "tasks.yaml").write_text(text, encoding="utf-8")
    return str(plan)


def commands(work: Path) -> dict[str, list[str]]:
    plans = {
        "100,000 rows": wide(100_000, "validate")(work)[4],
        "80,000 parts": wide(80_000, "validate")(work)[4],
        "20,000 levels": deep(20_000, "validate")(work)[4],
        "100,000 findings": waived(100_000, 0)(work)[4],
    }
    found: dict[str, list[str]] = {}
    for name, plan in plans.items():
        for fmt in ("html", "markdown", "xlsx"):
            out = str(work / f"report.{fmt}")
            found[f"report -f {fmt}: {name}"] = ["report", plan, "-f", fmt, "-o", out]
        new = str(_revised(Path(plan)))
        for fmt in ("text", "json", "markdown"):
            out = str(work / f"diff.{fmt}")
            found[f"diff -f {fmt}: {name}"] = ["diff", plan, new, "-f", fmt, "-o", out]
    for fmt in ("html", "markdown", "xlsx"):
        out = str(work / f"report.{fmt}")
        found[f"report -f {fmt}: 10,000 tasks"] = ["report", _tasks(work, 10_000), "-f", fmt]
        found[f"report -f {fmt}: 10,000 tasks"] += ["-o", out]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run the cases whose name holds this (repeat it for several)",
    )
    args = parser.parse_args()
    print(f"{'case':<40} | exit | seconds |   CPU s |    MB")
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        for name, arguments in commands(work).items():
            if args.only and not any(part in name for part in args.only):
                continue
            command = [sys.executable, "-m", "planchk", *arguments]
            with open(os.devnull, "w") as null:
                code, seconds, cpu, megabytes = launched(
                    command, str(work / "launched"), TIMEOUT, stdout=null, stderr=null
                )
            print(
                f"{name:<40} | {code:>4} | {seconds:7.2f} | {cpu:7.2f} | {megabytes:5.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
