"""Hostile inputs of issue 17, timed: how long planchk takes to refuse or to check each, and its
peak memory. Each case is one command in a fresh interpreter (wall time and peak RSS from wait4).

    python benchmarks/hostile.py            # every case, best of 3
    python benchmarks/hostile.py --repeat 1 --only xlsx
    python benchmarks/hostile.py --repeat 1 --only flood --python OTHER/.venv/bin/python

The figures are in benchmarks/README.md ("Hostile input").
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.launch import launched
from tests.workbooks import sheet_workbook

PY = sys.executable
TIMEOUT = 900  # seconds: the uncapped floods on a busy machine
Case = Callable[[Path], list[str]]


def workbook(path: Path, data: str, dimension: str = "", merges: str = "") -> Path:
    return sheet_workbook(path, data, dimension or None, merges)


def _row(number: int, name: str, values: list[int]) -> str:
    from openpyxl.utils import get_column_letter

    cells = "".join(
        f'<c r="{get_column_letter(column)}{number}"><v>{value}</v></c>'
        for column, value in enumerate(values, 2)
    )
    first = f'<c r="A{number}" t="inlineStr"><is><t>{name}</t></is></c>'
    return f'<row r="{number}">{first}{cells}</row>'


def _import(path: Path) -> list[str]:
    # -o FILE.yaml: a path not ending in .yaml (/dev/null) names a plan directory
    return [PY, "-m", "planchk", "import", str(path), "--unit", "件", "-o", f"{path}.yaml"]


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


HEAD_TARGETS = "plan: {{title: 测试, period: [2021, 2022]}}\nareas:\n{areas}indicators:\n  x:\n"
INDICATOR = "    name: 指标\n    unit: 件\n    kind: flow\n    years: [2021, 2022]\n    values:\n"


def _targets(work: Path, name: str, areas: str, rows: str, extra: str = "") -> Path:
    directory = work / name
    directory.mkdir(exist_ok=True)
    text = HEAD_TARGETS.format(areas=areas) + INDICATOR + rows + extra
    (directory / "targets.yaml").write_text(text, encoding="utf-8")
    return directory


def wide(parts: int, command: str) -> Case:
    """One total with `parts` parts (rules/references.py was quadratic in them)."""

    def case(work: Path) -> list[str]:
        names = [f"区{i}" for i in range(parts)]
        areas = f"  全区: [{', '.join(names)}]\n"
        rows = f"      全区: [{parts}, {parts}]\n" + "".join(f"      {n}: [1, 1]\n" for n in names)
        plan = _targets(work, f"wide{parts}", areas, rows)
        return [PY, "-m", "planchk", *command.split(), str(plan), "-o", os.devnull]

    return case


def deep(levels: int, command: str) -> Case:
    """A hierarchy `levels` deep, one part per level (report asked each row its depth)."""

    def case(work: Path) -> list[str]:
        areas = "".join(f"  层{i}: [层{i + 1}]\n" for i in range(levels))
        rows = "".join(f"      层{i}: [1, 1]\n" for i in range(levels + 1))
        plan = _targets(work, f"deep{levels}", areas, rows)
        return [PY, "-m", "planchk", *command.split(), str(plan), "-o", os.devnull]

    return case


def waived(findings: int, waivers: int) -> Case:
    """`findings` falling flows (PC202 each), `waivers` of them waived one by one."""

    def case(work: Path) -> list[str]:
        names = [f"区{i}" for i in range(findings)]
        areas = f"  全区: [{', '.join(names)}]\n"
        rows = f"      全区: [{2 * findings}, {findings}]\n"
        rows += "".join(f"      {n}: [2, 1]\n" for n in names)
        extra = "waivers:\n" if waivers else ""
        extra += "".join(
            f"  - {{rule: PC202, where: indicators.x.values.区{i}.2022, reason: 已确认}}\n"
            for i in range(waivers)
        )
        plan = _targets(work, f"waived{findings}x{waivers}", areas, rows, extra)
        return [PY, "-m", "planchk", "validate", str(plan), "-f", "json", "-o", os.devnull]

    return case


def flood(findings: int, output_format: str, limit: int | None) -> Case:
    """`findings` falling flows written as `output_format`: capped by default, or every one
    (`limit` 0) in a configuration, to show the output is written in bounded memory."""

    def case(work: Path) -> list[str]:
        plan = work / f"waived{findings}x0"
        if not plan.exists():
            waived(findings, 0)(work)
        return _validate(work, plan, output_format, limit)

    return case


def _validate(work: Path, plan: Path, output_format: str, limit: int | None) -> list[str]:
    """validate PLAN written to a file, with a configured cap (`limit`) or the default."""
    command = [PY, "-m", "planchk", "validate", str(plan), "-f", output_format]
    if limit is not None:
        config = work / f"limit{limit}.toml"
        config.write_text(f"max-findings-per-rule = {limit}\n", encoding="utf-8")
        command += ["--config", str(config)]
    return [*command, "-o", str(work / f"out.{output_format}")]


def flood_baseline(findings: int, recorded: int) -> Case:
    """The capped JSON flood with a baseline that records `recorded` of its findings, spread
    over the table (--baseline used to switch the early cap off: every finding was held)."""

    def case(work: Path) -> list[str]:
        command = flood(findings, "json", None)(work)
        entries = [
            {"file": f"waived{findings}x0/targets.yaml", "code": "PC202",
             "path": f"indicators.x.values.区{i}.2022"}
            for i in range(0, findings, findings // recorded)
        ]  # fmt: skip
        baseline = work / f"baseline{recorded}.json"  # entries relative to its folder
        document = {"baseline_version": 1, "findings": entries}
        baseline.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return [*command[:-2], "--baseline", str(baseline), *command[-2:]]

    return case


def flood_write_baseline(findings: int, limit: int | None) -> Case:
    """The JSON flood writing a baseline of every finding (the cap lifted for it): with the
    default cap on the output, or none (`limit` 0)."""

    def case(work: Path) -> list[str]:
        command = flood(findings, "json", limit)(work)
        return [*command[:-2], "--write-baseline", str(work / "written.json"), *command[-2:]]

    return case


def negatives(findings: int, output_format: str, limit: int | None) -> Case:
    """`findings` negative counts (a PC307 each) written as `output_format`: capped, or every
    one (`limit` 0): the flood of a rule other than the trend rules, which counts what the
    cap leaves out too (findings.Tally)."""

    def case(work: Path) -> list[str]:
        directory = work / f"negatives{findings}"
        if not directory.exists():
            names = [f"区{i}" for i in range(findings)]
            areas = f"  全区: [{', '.join(names)}]\n"
            rows = f"      全区: [-{findings}, {findings}]\n"
            rows += "".join(f"      {n}: [-1, 1]\n" for n in names)
            _targets(work, directory.name, areas, rows)
        return _validate(work, directory, output_format, limit)

    return case


def cells(rows: int, first: str, block: bool = False) -> Case:
    """One total of `rows` parts, each row `[first, 1]`: a blank (`~`) or quoted text the row
    pre-reader sets aside (loader/rows.py), or (`block`) each row a block sequence the parser
    reads. The total's first year has no parts that add up (one PC101, or a PC022 per text
    cell, the loader listing the first 1,000)."""

    def case(work: Path) -> list[str]:
        name = f"cells{rows}{'block' if block else ''}{first.encode().hex()}"
        names = [f"区{i}" for i in range(rows)]
        areas = f"  全区: [{', '.join(names)}]\n"
        total = f"      全区: [{rows}, {rows}]\n"
        if block:
            body = "".join(f"      {n}:\n        - {first}\n        - 1\n" for n in names)
        else:
            body = "".join(f"      {n}: [{first}, 1]\n" for n in names)
        plan = _targets(work, name, areas, total + body)
        return [PY, "-m", "planchk", "validate", str(plan), "-f", "json", "-o", str(work / "o")]

    return case


def fatal_rows(rows: int, style: str) -> Case:
    """`rows` rows under one total, each giving a fatal finding of the loader's: `scalar`, a
    number where a row is due (PC022 from the schema, not a cell's); `duplicate`, each row
    typed twice (PC004); `lookalike`, each row again with an ideographic space after its
    name (PC015). The loader keeps the first `max-findings-per-rule` of a code and a file."""

    def case(work: Path) -> list[str]:
        names = [f"区{i}" for i in range(rows)]
        areas = f"  全区: [{', '.join(names)}]\n"
        body = f"      全区: [{rows}, {rows}]\n"
        if style == "scalar":
            body += "".join(f"      {n}: 1\n" for n in names)
        else:
            again = "" if style == "duplicate" else "\u3000"
            body += "".join(f"      {n}: [1, 1]\n      {n}{again}: [1, 1]\n" for n in names)
        plan = _targets(work, f"fatal{rows}{style}", areas, body)
        return [PY, "-m", "planchk", "validate", str(plan), "-f", "json", "-o", str(work / "o")]

    return case


def fatal_indicators(count: int, style: str) -> Case:
    """`count` small indicators, each with a schema error: `unknown`, a field no indicator
    has (PC021); `missing`, no unit (PC020); `invalid`, a kind that is none (PC023)."""

    def case(work: Path) -> list[str]:
        directory = work / f"indicators{count}{style}"
        directory.mkdir(exist_ok=True)
        unit = "" if style == "missing" else "    unit: 件\n"
        kind = "flw" if style == "invalid" else "flow"
        extra = "    colour: 红\n" if style == "unknown" else ""
        text = "plan: {title: 测试, period: [2021, 2022]}\nareas:\n  全区: [甲, 乙]\n"
        text += "indicators:\n" + "".join(
            f"  x{i}:\n    name: 指标{i}\n{unit}    kind: {kind}\n    years: [2021]\n{extra}"
            f"    values: {{全区: [2], 甲: [1], 乙: [1]}}\n"
            for i in range(count)
        )
        (directory / "targets.yaml").write_text(text, encoding="utf-8")
        return [
            PY,
            "-m",
            "planchk",
            "validate",
            str(directory),
            "-f",
            "json",
            "-o",
            str(work / "o"),
        ]

    return case


FLOOD = 600_000
CASES: dict[str, Case] = {
    "xlsx: one cell at XFD1048576 (5 KB)": xlsx_far_cell,
    "xlsx: merge A20:XFD1048576 (5 KB)": xlsx_far_merge,
    "xlsx: 200,000-cell table (at the limit)": xlsx_cells(199_000),
    "xlsx: 210,000-cell table (over the limit)": xlsx_cells(210_000),
    "validate: one total of 80,000 parts": wide(80_000, "validate -f json"),
    "report: one total of 80,000 parts": wide(80_000, "report -f html"),
    "report: 100,000 rows": wide(100_000, "report -f html"),
    "report: a hierarchy 20,000 levels deep": deep(20_000, "report -f html"),
    "validate: 100,000 findings, none waived": waived(100_000, 0),
    "validate: 100,000 findings, 2,000 waivers": waived(100_000, 2_000),
    "flood: 600,000 findings, capped, json": flood(FLOOD, "json", None),
    "flood: 600,000 findings, capped, sarif": flood(FLOOD, "sarif", None),
    "flood: 600,000 findings, uncapped, json": flood(FLOOD, "json", 0),
    "flood: 600,000 findings, uncapped, sarif": flood(FLOOD, "sarif", 0),
    "flood: 600,000 findings, capped, json, baseline of 100,000": flood_baseline(FLOOD, 100_000),
    "flood: 600,000 findings, --write-baseline, json": flood_write_baseline(FLOOD, None),
    "flood: 600,000 findings, --write-baseline, uncapped, json": flood_write_baseline(FLOOD, 0),
    # Uncapped at a quarter and half the flood: each finding costs the same (linear).
    "flood scale: 150,000 findings, uncapped, json": flood(150_000, "json", 0),
    "flood scale: 300,000 findings, uncapped, json": flood(300_000, "json", 0),
    "flood scale: 150,000 findings, uncapped, sarif": flood(150_000, "sarif", 0),
    "flood scale: 300,000 findings, uncapped, sarif": flood(300_000, "sarif", 0),
    "flood: 600,000 negatives (PC307), capped, json": negatives(FLOOD, "json", None),
    "flood: 600,000 negatives (PC307), uncapped, json": negatives(FLOOD, "json", 0),
    "rows: 600,000 rows [~, 1]": cells(FLOOD, "~"),
    'rows: 600,000 rows ["10", 1]': cells(FLOOD, '"10"'),
    "rows: 600,000 rows ['甲', 1]": cells(FLOOD, "'甲'"),
    "rows: 600,000 block rows - ~, - 1": cells(FLOOD, "~", block=True),
    'rows: 600,000 rows ["\\t", 1] (an escape: parsed)': cells(FLOOD, '"\\t"'),
    "fatal: 600,000 rows that are numbers (PC022)": fatal_rows(FLOOD, "scalar"),
    "fatal: 300,000 rows typed twice (PC004)": fatal_rows(FLOOD // 2, "duplicate"),
    "fatal: 300,000 rows typed twice, look-alike (PC015)": fatal_rows(FLOOD // 2, "lookalike"),
    "fatal: 100,000 indicators, an unknown field (PC021)": fatal_indicators(100_000, "unknown"),
    "fatal: 100,000 indicators, no unit (PC020)": fatal_indicators(100_000, "missing"),
    "fatal: 100,000 indicators, no such kind (PC023)": fatal_indicators(100_000, "invalid"),
}


def measure(command: list[str], repeat: int, work: Path) -> tuple[int, float, float, float]:
    """Exit code, best wall time, best CPU time (user and system: on a shared machine the
    steadier figure) and the peak RSS (MB) of `repeat` runs, each through benchmarks/launch.py
    (a child's peak starts at its parent's size, and this process holds the plans it wrote)."""
    best, cpu, peak, code = float("inf"), float("inf"), 0.0, 0
    for _ in range(repeat):
        code, seconds, used, megabytes = launched(
            command, str(work / "launched"), TIMEOUT, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        best, cpu, peak = min(best, seconds), min(cpu, used), max(peak, megabytes)
    return code, best, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="run the cases whose name holds this")
    parser.add_argument(
        "--python", default=PY, help="the interpreter whose planchk is measured (a before)"
    )
    args = parser.parse_args()
    print(f"{'case':<48} | exit | {'seconds':>7} | {'CPU s':>7} | {'MB':>5}")
    with tempfile.TemporaryDirectory() as directory:
        for name, case in CASES.items():
            if args.only in name:
                command = case(Path(directory))
                command[0] = args.python
                code, seconds, cpu, megabytes = measure(command, args.repeat, Path(directory))
                print(
                    f"{name:<48} | {code:>4} | {seconds:7.2f} | {cpu:7.2f} | {megabytes:5.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
