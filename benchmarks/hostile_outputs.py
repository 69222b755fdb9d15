"""The hostile output targets and names of benchmarks/hostile_cases.py: `-o` onto devices,
FIFOs, sockets, directories and inputs, two imports into one file at once, names that are
markup, formulas or controls through every output format, and a revision shadowed by a path."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

from benchmarks.hostile_inputs import (
    ROOT,
    Check,
    Make,
    Run,
    fresh,
    plan_dir,
    unchanged,
)
from tests.small_plans import MINIMAL_TARGETS

# --- output targets --------------------------------------------------------------------------


def _device_target(work: Path) -> Path:
    """A character device to write to: a copy of /dev/null as root (so that a regression
    replaces the copy, not the machine's), else /dev/null itself, which no one else can replace."""
    if os.geteuid() != 0:
        return Path(os.devnull)
    import stat

    null = work / "null"
    if not null.exists():
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return null


def _still_a_device(path: Path) -> Check:
    import stat

    return lambda: "" if stat.S_ISCHR(path.stat().st_mode) else f"{path} was replaced"


def _to_device(command: str) -> Make:
    def make(work: Path) -> Run:
        null = _device_target(work)
        if command == "import":
            table = work / "t.csv"
            table.write_text("单位：家\n地区,2021年\n合计,3\n甲,1\n乙,2\n", encoding="utf-8")
            return Run(["import", str(table), "-o", str(null)], (0,), check=_still_a_device(null))
        args = ["validate", str(ROOT / "data"), "-f", "json", "-o", str(null)]
        return Run(args, (0,), check=_still_a_device(null))

    return make


def _to_fifo(work: Path) -> Run:
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()

    def check() -> str:
        reader.join(5)
        return "" if received and received[0].lstrip().startswith(b"{") else "nothing read"

    return Run(["validate", str(ROOT / "data"), "-f", "json", "-o", str(fifo)], (0,), check=check)


def _to_socket(work: Path) -> Run:
    import socket
    import stat

    path = work / "s"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))

    def check() -> str:
        server.close()
        return "" if stat.S_ISSOCK(path.stat().st_mode) else "the socket was replaced"

    return Run(["validate", str(ROOT / "data"), "-o", str(path)], (2,), check=check)


def _onto_input(command: str) -> Make:
    def make(work: Path) -> Run:
        plan = plan_dir(work, f"onto-{command}")
        targets = plan / "targets.yaml"
        other = plan_dir(work, "other", MINIMAL_TARGETS.replace("[10, 20]", "[10, 21]"))
        csv = work / "onto.csv"
        csv.write_text("地区,2021\n全区,3\n甲,1\n乙,2\n", encoding="utf-8")
        args = {
            "validate": ["validate", str(plan), "-o", str(targets)],
            "baseline": ["validate", str(targets), "--write-baseline", str(targets)],
            "report": ["report", str(plan), "-f", "markdown", "-o", str(targets)],
            "diff": ["diff", str(plan), str(other), "-o", str(targets)],
            "import": ["import", str(csv), "-o", str(csv)],
        }[command]
        return Run(args, (2,), check=unchanged(csv if command == "import" else targets))

    return make


def _through_link(work: Path) -> Run:
    plan = plan_dir(work, "linked")
    (work / "alias.yaml").symlink_to(plan / "targets.yaml")
    args = ["validate", str(plan), "-o", str(work / "alias.yaml")]
    return Run(args, (2,), check=unchanged(plan / "targets.yaml"))


def _missing_folder(work: Path) -> Run:
    """-o in a folder that does not exist: made, as ruff --output-file and pytest --junitxml
    make theirs, and the output written whole into it (it was refused before 2026-11-29)."""
    folder = fresh(work, "empty")
    target = folder / "no-such-folder" / "x.txt"
    args = ["validate", str(ROOT / "data"), "-o", str(target)]

    def check() -> str:
        written = target.read_text(encoding="utf-8") if target.is_file() else ""
        return "" if "Passed." in written else "the output was not written whole"

    return Run(args, (0,), check=check)


def _two_imports(work: Path) -> Run:
    """Two `import --into` of different tables into one file at once: both updates land."""
    target = work / "into.yaml"
    target.write_text(MINIMAL_TARGETS, encoding="utf-8")
    for name in ("甲表", "乙表"):
        (work / f"{name}.csv").write_text(
            f"{name}\n单位：件\n地区,2021年\n全区,3\n甲街道,1\n乙街道,2\n", encoding="utf-8"
        )
    one = "{planchk} import " + str(work / "{name}.csv") + f" --into {target} -o {target}"
    line = " & ".join(one.replace("{name}", name) for name in ("甲表", "乙表")) + " & wait"

    def check() -> str:
        text = target.read_text(encoding="utf-8")
        return "" if "甲表" in text and "乙表" in text else "an update was lost"

    return Run([], (0,), shell=line, check=check)


def output_cases() -> dict[str, Make]:
    cases: dict[str, Make] = {
        "output: validate -o a character device": _to_device("validate"),
        "output: import -o a character device": _to_device("import"),
        "output: -o a FIFO": _to_fifo,
        "output: -o /dev/stdout": lambda w: Run(
            ["validate", str(ROOT / "data"), "-o", "/dev/stdout"], (0,)
        ),
        "output: -o a directory": lambda w: Run(
            ["validate", str(ROOT / "data"), "-o", str(w)], (2,)
        ),
        "output: -o a socket": _to_socket,
        "output: -o through a link to an input": _through_link,
        "output: -o in a missing folder": _missing_folder,
        "output: two imports --into one file at once": _two_imports,
    }
    for command in ("validate", "baseline", "report", "diff", "import"):
        cases[f"output: {command} onto its input"] = _onto_input(command)
    return cases


# --- names that are markup, formulas or controls; a revision shadowed by a path ---------------


def _names(command: str, fmt: str) -> Make:
    def make(work: Path) -> Run:
        from tests.test_hostile_names import plan

        old = plan(work / "names-old")
        out = ["-o", str(work / f"names.{fmt}")]
        if command == "diff":
            new = plan(work / "names-new", last=3)
            return Run(["diff", str(old), str(new), "-f", fmt, "--exit-code", *out], (1,))
        return Run([command, str(old), "-f", fmt, *out], (0, 1))

    return make


def _shadowed_revision(work: Path) -> Run:
    repo = fresh(work, "repo")
    shutil.copytree(ROOT / "data", repo / "data", dirs_exist_ok=True)
    git = ["git", "-C", str(repo), "-c", "user.name=b", "-c", "user.email=b@example.org"]
    for args in (["init", "-q"], ["add", "data"], ["commit", "-qm", "v1"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    shutil.copytree(repo / "data", repo / "origin" / "main", dirs_exist_ok=True)
    return Run(["diff", "origin/main", "data/", "--fail-on-new", "error"], (2,), cwd=repo)


def name_cases() -> dict[str, Make]:
    cases: dict[str, Make] = {}
    for fmt in ("text", "github", "junit", "json", "sarif"):
        cases[f"names: validate -f {fmt}"] = _names("validate", fmt)
    for fmt in ("html", "markdown", "xlsx"):
        cases[f"names: report -f {fmt}"] = _names("report", fmt)
    for fmt in ("text", "markdown", "json"):
        cases[f"names: diff -f {fmt}"] = _names("diff", fmt)
    cases["diff: a directory named like the base revision"] = _shadowed_revision
    return cases
