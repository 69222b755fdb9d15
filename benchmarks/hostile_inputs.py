"""The hostile inputs of benchmarks/hostile_cases.py: every file of tests/bad_inputs/ through
`validate`, inputs that cannot be files in git (devices, FIFOs, a sparse 100 MB file, hostile
TOML and baselines, foreign output encodings, names that are not UTF-8) and the hostile
workbooks through `import`; and the `Run` each case makes."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from tests.small_plans import MINIMAL_TARGETS

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CORPUS = ROOT / "tests" / "bad_inputs"
Check = Callable[[], str]  # after the run: what went wrong, or ""


@dataclass
class Run:
    """One command (planchk's arguments), the exit codes it may give, and what to check after."""

    args: list[str]
    exits: tuple[int, ...]
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    check: Check | None = None
    prefix: list[str] = field(default_factory=list)  # setpriv, or a shell for two at once
    shell: str = ""  # instead of args: a shell line ({planchk} is the command)


Make = Callable[[Path], Run]


def planchk_command() -> list[str]:
    return [PY, "-m", "planchk"]


def fresh(work: Path, name: str) -> Path:
    directory = work / name
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def plan_dir(work: Path, name: str, text: str = MINIMAL_TARGETS) -> Path:
    directory = fresh(work, name)
    (directory / "targets.yaml").write_text(text, encoding="utf-8")
    return directory


def unchanged(path: Path) -> Check:
    before = path.read_bytes()
    return lambda: "" if path.read_bytes() == before else f"{path.name} was changed"


# --- the corpus ------------------------------------------------------------------------------


def corpus_cases() -> dict[str, Make]:
    """One case per file of tests/bad_inputs/, placed as tests/test_bad_inputs.py places it."""
    expected = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    return {f"corpus: {name}": _corpus(name, expected[name]["exit"]) for name in sorted(expected)}


def _corpus(name: str, exit_code: int) -> Make:
    def make(work: Path) -> Run:
        kind = name.split(".")[-2]
        directory = fresh(work, name)
        shutil.copyfile(CORPUS / name, directory / f"{kind}.yaml")
        if kind == "tasks":
            (directory / "targets.yaml").write_text(MINIMAL_TARGETS, encoding="utf-8")
        return Run(["validate", str(directory / f"{kind}.yaml"), "-f", "json"], (exit_code,))

    return make


# --- inputs that cannot live in git ------------------------------------------------------------


def _sparse(work: Path) -> Run:
    path = fresh(work, "sparse") / "targets.yaml"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    return Run(["validate", str(path)], (2,))


def _loop(work: Path) -> Run:
    directory = fresh(work, "loop")
    (directory / "a.yaml").symlink_to(directory / "b.yaml")
    (directory / "b.yaml").symlink_to(directory / "a.yaml")
    return Run(["validate", str(directory / "a.yaml")], (2,))


def _unreadable(work: Path) -> Run:
    path = plan_dir(work, "unreadable") / "targets.yaml"
    path.chmod(0)
    # Root reads any file unless it gives up the right to (tests/test_bad_inputs.py).
    root = os.geteuid() == 0 and shutil.which("setpriv") is not None
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if root else []
    return Run(["validate", str(path)], (2,), prefix=prefix)


def _fifo_plan(work: Path) -> Run:
    fifo = fresh(work, "fifo-plan") / "targets.yaml"
    os.mkfifo(fifo)
    return Run(["validate", str(fifo)], (2,))


def _deep_baseline(work: Path) -> Run:
    baseline = work / "deep-baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    return Run(["validate", str(plan_dir(work, "p")), "--baseline", str(baseline)], (2,))


def _device(device: str, as_baseline: bool) -> Make:
    def make(work: Path) -> Run:
        if as_baseline:
            return Run(["validate", str(plan_dir(work, "p")), "--baseline", device], (2,))
        return Run(["validate", device], (2,))

    return make


TOML = {
    "arrays": "select = " + "[" * 5000 + "]" * 5000 + "\n",
    "inline tables": "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    "5000 digits": "fail_on = " + "9" * 5000 + "\n",
}


def _toml(content: str, parent: bool) -> Make:
    def make(work: Path) -> Run:
        directory = fresh(work, f"toml{len(content)}{parent}")
        plan = plan_dir(directory, "p")
        if parent:  # someone else's pyproject.toml above the plan: not planchk's, exit 0
            (directory / "pyproject.toml").write_text("[tool.other]\n" + content, "utf-8")
            return Run(["validate", "."], (0,), cwd=plan)
        (directory / "planchk.toml").write_text(content, encoding="utf-8")
        return Run(["validate", str(plan), "--config", str(directory / "planchk.toml")], (2,))

    return make


def _max_bytes(value: str) -> Make:
    return lambda work: Run(
        ["validate", str(plan_dir(work, "p"))], (2,), env={"PLANCHK_MAX_BYTES": value}
    )


BROKEN = MINIMAL_TARGETS.replace("[6, 8]", "[6, 9]").replace("甲街道", "甲街道\U0001f600")


def _encoding(encoding: str) -> Make:
    return lambda work: Run(
        ["validate", str(plan_dir(work, "broken", BROKEN))],
        (1,),
        env={"PYTHONIOENCODING": encoding},
    )


def _bytes_name(command: str) -> Make:
    def make(work: Path) -> Run:
        directory = os.fsencode(work) + b"/\xff\xfe\xb0\xa1"
        os.makedirs(directory, exist_ok=True)
        with open(directory + b"/targets.yaml", "wb") as file:
            file.write(BROKEN.encode("utf-8"))
        name = os.fsdecode(directory)
        args = {"validate": [name], "report": [name, "-f", "markdown"], "diff": [name, name]}
        return Run([command, *args[command]], (0, 1))

    return make


def reader_cases() -> dict[str, Make]:
    cases: dict[str, Make] = {
        "reader: missing path": lambda w: Run(["validate", str(w / "nowhere" / "t.yaml")], (2,)),
        "reader: a sparse 100 MB plan": _sparse,
        "reader: a symbolic link loop": _loop,
        "reader: an unreadable plan": _unreadable,
        "reader: a FIFO no one writes to as plan": _fifo_plan,
        "reader: a baseline nested 100,000 deep": _deep_baseline,
    }
    for device in ("/dev/zero", "/dev/urandom"):
        cases[f"reader: {device} as plan"] = _device(device, False)
        cases[f"reader: {device} as baseline"] = _device(device, True)
    for name, content in TOML.items():
        cases[f"reader: TOML {name} in --config"] = _toml(content, False)
        cases[f"reader: TOML {name} in a parent pyproject"] = _toml(content, True)
    for value in ("²", "١٢٣", "9" * 5000, "-1", "0", "1e6"):
        cases[f"reader: PLANCHK_MAX_BYTES={value[:8]}"] = _max_bytes(value)
    for encoding in ("ascii", "gbk", "latin-1"):
        cases[f"stream: PYTHONIOENCODING={encoding}"] = _encoding(encoding)
    for command in ("validate", "report", "diff"):
        cases[f"stream: {command} of a directory not UTF-8"] = _bytes_name(command)
    return cases


# --- workbooks -------------------------------------------------------------------------------

TABLE = "".join(
    f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{name}</t></is></c>'
    f'<c r="B{r}"><v>{value}</v></c></row>'
    for r, (name, value) in enumerate(
        [("地区", "2021"), ("全区", "3"), ("甲街道", "1"), ("乙街道", "2")], 1
    )
)
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
DIAGONAL = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(10, 80))


def _import(path: Path, exits: tuple[int, ...]) -> Run:
    out = path.with_name(path.name + ".yaml")
    return Run(["import", str(path), "--unit", "件", "-o", str(out)], exits)


def _sheet(
    name: str, data: str, dimension: str | None, merges: str, exits: tuple[int, ...]
) -> Make:
    def make(work: Path) -> Run:
        from tests.workbooks import sheet_workbook

        return _import(sheet_workbook(work / name, data, dimension, merges), exits)

    return make


def _over_the_cell_limit(work: Path) -> Run:
    from tests.workbooks import sheet_workbook

    from planchk.importers.grid import MAX_CELLS

    many = "".join(
        f'<row r="{r}"><c r="C{r}"><v>{r}</v></c><c r="D{r}"><v>{r}</v></c></row>'
        for r in range(5, 5 + MAX_CELLS // 2)
    )
    return _import(sheet_workbook(work / "many.xlsx", TABLE + many, None, ""), (2,))


def _number_format(value: float, number_format: str) -> Make:
    def make(work: Path) -> Run:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in (["地区", "2021年"], ["全区", value], ["甲街道", value]):
            sheet.append(row)
        sheet["B2"].number_format = sheet["B3"].number_format = number_format
        path = work / f"format{len(number_format)}.xlsx"
        book.save(path)
        return _import(path, (0, 2))

    return make


def workbook_cases() -> dict[str, Make]:
    merge = '<mergeCell ref="A20:XFD1048576"/>'
    return {
        "xlsx: the control table": _sheet("t.xlsx", TABLE, "A1:B4", "", (0,)),
        "xlsx: dimension A1:XFD1048576": _sheet("far.xlsx", TABLE + FAR, "A1:XFD1048576", "", (2,)),
        "xlsx: a cell at XFD1048576, no dimension": _sheet(
            "far2.xlsx", TABLE + FAR, None, "", (2,)
        ),
        "xlsx: far cells, no dimension": _sheet("diag.xlsx", TABLE + DIAGONAL, None, "", (2,)),
        "xlsx: far cells, a false dimension": _sheet(
            "diag2.xlsx", TABLE + DIAGONAL, "A1:B4", "", (2,)
        ),
        "xlsx: merge A20:XFD1048576": _sheet("merge.xlsx", TABLE, "A1:B4", merge, (2,)),
        "xlsx: a blank merge C20:H400": _sheet(
            "blank.xlsx", TABLE, None, '<mergeCell ref="C20:H400"/>', (0,)
        ),
        "xlsx: one pair of cells over the cell limit": _over_the_cell_limit,
        "xlsx: 1e30 formatted 0.00": _number_format(1e30, "0.00"),
        "xlsx: a format of 300 decimals": _number_format(1.5, "0." + "0" * 300),
        "xlsx: a percent format": _number_format(2.25, "#,##0.0%"),
    }
