"""Properties that hold for any plan, checked on plans hypothesis generates.

- validate never raises, and a plan whose parents are the sums of their parts has no sum finding;
- diff(A, A) is empty;
- diff(B, A) is the inverse of diff(A, B);
- any mutation of a valid file's text ends validate and diff with exit 0, 1 or 2, no traceback.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.main import get_command

from planchk.cli import app
from planchk.config import Config
from planchk.diff import diff_sides
from planchk.diff.sides import path_side
from planchk.engine import check_paths
from tests.cli_runner import CliRunner
from tests.paths import DATA

runner = CliRunner()
NAMES = [f"{a}{b}街道" for a in "东西南北中" for b in "甲乙丙丁"]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass
class Plan:
    """A plan as data, written out as planchk's YAML."""

    parts: dict[str, list[str]]
    years: list[int]
    tables: dict[str, dict[str, list[Decimal | None]]] = field(default_factory=dict)

    def text(self) -> str:
        lines = [f"plan: {{title: 生成的方案, period: [{self.years[0]}, {self.years[-1]}]}}"]
        lines.append("areas:")
        lines += [f"  {parent}: [{', '.join(kids)}]" for parent, kids in self.parts.items()]
        lines.append("indicators:")
        for ind_id, rows in self.tables.items():
            lines += [f"  {ind_id}:", "    name: 指标", "    unit: 万元", "    kind: flow"]
            lines.append(f"    years: [{', '.join(map(str, self.years))}]")
            lines.append("    values:")
            for area, row in rows.items():
                cells = ", ".join("~" if v is None else str(v) for v in row)
                lines.append(f"      {area}: [{cells}]")
        return "\n".join(lines) + "\n"


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    names = iter(draw(st.permutations(NAMES)))
    top = "全区"
    parts: dict[str, list[str]] = {top: [next(names) for _ in range(draw(st.integers(1, 4)))]}
    for child in list(parts[top]):
        if draw(st.booleans()):
            parts[child] = [next(names) for _ in range(draw(st.integers(1, 3)))]
    first = draw(st.integers(2019, 2025))
    plan = Plan(parts, list(range(first, first + draw(st.integers(1, 4)))))
    places = draw(st.sampled_from([0, 1, 2]))
    for index in range(draw(st.integers(1, 3))):
        plan.tables[f"indicator_{index}"] = _table(draw, plan, places)
    return plan


def _table(draw: st.DrawFn, plan: Plan, places: int) -> dict[str, list[Decimal | None]]:
    quantum = Decimal(1).scaleb(-places)
    rows: dict[str, list[Decimal | None]] = {}

    def fill(area: str) -> list[Decimal | None]:
        if area in plan.parts:
            kids = [fill(kid) for kid in plan.parts[area]]
            rows[area] = [
                sum((k[y] or Decimal(0) for k in kids), Decimal(0)) for y in range(len(plan.years))
            ]
        else:
            values = draw(
                st.lists(st.integers(0, 10**6), min_size=len(plan.years), max_size=len(plan.years))
            )
            rows[area] = [Decimal(v) * quantum for v in values]
        return rows[area]

    fill("全区")
    return rows


def write(directory: Path, plan: Plan) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "targets.yaml").write_text(plan.text(), encoding="utf-8")
    return directory


@SETTINGS
@given(plans())
def test_validate_never_raises_and_exact_sums_pass(plan: Plan) -> None:
    with TemporaryDirectory() as work:
        report = check_paths([write(Path(work), plan)])
    assert not report.unusable
    assert not [f for f in report.findings if f.code in ("PC101", "PC102", "PC999")]


@SETTINGS
@given(plans())
def test_diff_of_a_plan_with_itself_is_empty(plan: Plan) -> None:
    with TemporaryDirectory() as work:
        a = write(Path(work) / "a", plan)
        b = write(Path(work) / "b", plan)
        diff = diff_sides(path_side(a, 10**8), path_side(b, 10**8), Config())
    assert diff.changes == ()
    assert diff.introduced == diff.resolved == ()


@st.composite
def revisions(draw: st.DrawFn) -> tuple[Plan, Plan]:
    old = draw(plans())
    new = Plan(
        dict(old.parts),
        list(old.years),
        {k: {a: list(r) for a, r in t.items()} for k, t in old.tables.items()},
    )
    table = draw(st.sampled_from(sorted(new.tables)))
    rows = new.tables[table]
    for _ in range(draw(st.integers(1, 4))):
        area = draw(st.sampled_from(sorted(rows)))
        year = draw(st.integers(0, len(new.years) - 1))
        rows[area][year] = draw(st.one_of(st.none(), st.decimals(0, 10**6, places=1)))
    if draw(st.booleans()):
        del rows[draw(st.sampled_from(sorted(rows)))]
    if draw(st.booleans()) and len(new.tables) > 1:
        del new.tables[draw(st.sampled_from(sorted(new.tables)))]
    return old, new


INVERSE = {
    "row-added": "row-removed", "row-removed": "row-added",
    "indicator-added": "indicator-removed", "indicator-removed": "indicator-added",
    "cell-filled": "cell-blanked", "cell-blanked": "cell-filled",
    "cell-changed": "cell-changed", "cell-precision": "cell-precision",
}  # fmt: skip


@SETTINGS
@given(revisions())
def test_diff_reversed_is_the_inverse(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    with TemporaryDirectory() as work:
        a, b = write(Path(work) / "a", old), write(Path(work) / "b", new)
        forward = diff_sides(path_side(a, 10**8), path_side(b, 10**8), Config())
        backward = diff_sides(path_side(b, 10**8), path_side(a, 10**8), Config())
    there = {(c.path, c.kind, c.args.get("old"), c.args.get("new")) for c in forward.changes}
    back = {
        (c.path, INVERSE[c.kind], c.args.get("new"), c.args.get("old")) for c in backward.changes
    }
    assert there == back
    assert sorted(f.path for f in forward.introduced) == sorted(f.path for f in backward.resolved)
    assert sorted(f.path for f in forward.resolved) == sorted(f.path for f in backward.introduced)


SEED_TEXT = (DATA / "targets.yaml").read_text(encoding="utf-8")
TASKS_TEXT = (DATA / "tasks.yaml").read_text(encoding="utf-8")
MEANINGFUL = string.printable + "：，、【】［］｛｝：# \t\r\n&*!|>'\"%@`-~?"


@st.composite
def mutations(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from([SEED_TEXT, TASKS_TEXT]))
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "replace"]))
        if action == "insert":
            text = (
                text[:position]
                + draw(st.text(MEANINGFUL, min_size=1, max_size=4))
                + text[position:]
            )
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)) :]
        elif action == "duplicate":
            start = text.rfind("\n", 0, position) + 1
            end = text.find("\n", position) + 1 or len(text)
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = (
                text[:position]
                + draw(st.sampled_from(["1e3", "NO", "*a", "&a", "!!str", "---", "- x", ": :"]))
                + text[position + 1 :]
            )
    return text


# typer builds the click command from the app anew on every invoke, two fifths of this
# property's time; its 240 commands (all in English) share one, as do the tables' below.
COMMAND = get_command(app)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_files_end_cleanly(text: str) -> None:
    with TemporaryDirectory() as work:
        plan = Path(work) / "new"
        plan.mkdir()
        name = (
            "tasks.yaml"
            if "sections:" in text[:2000] and "indicators" not in text[:2000]
            else "targets.yaml"
        )
        (plan / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        if name == "tasks.yaml":
            (plan / "targets.yaml").write_text(SEED_TEXT, encoding="utf-8")
        for args in (
            ["validate", str(plan), "-f", "json"],
            ["diff", str(DATA), str(plan), "-f", "json"],
            ["report", str(plan), "-f", "markdown"],
        ):
            result = runner.invoke_command(COMMAND, args)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                args,
                repr(result.exception),
            )
            assert result.exit_code in (0, 1, 2)
            assert "Traceback" not in result.output
            if "json" in args:
                json.loads(result.stdout)


SEED_CSV = "\n".join(
    ["（三）发明专利申请量指导性任务分解表", "单位：件", "县  区,2021年,2022年,2023年",
     "青云谱区,513,565,609", "三家店街办,13,75,85", "洪都街办,300,50,53", "集聚区,20,120,125",
     "注：数据为预计数。"]
)  # fmt: skip
CSV_MEANINGFUL = "0123456789,.%-—：:（）()年合计其中单位\n \t\"'"


@st.composite
def csv_mutations(draw: st.DrawFn) -> str:
    text = SEED_CSV
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            insert = draw(st.text(CSV_MEANINGFUL, min_size=1, max_size=4))
            text = text[:position] + insert + text[position:]
        else:
            text = text[:position] + text[position + draw(st.integers(1, 20)) :]
    return text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_mutations())
def test_mutated_tables_import_cleanly(text: str) -> None:
    """A mutated table imports (and validates) or is refused with a message: never a crash."""
    with TemporaryDirectory() as work:
        source, target = Path(work) / "table.csv", Path(work) / "targets.yaml"
        source.write_text(text, encoding="utf-8")
        result = runner.invoke_command(COMMAND, ["import", str(source), "-o", str(target)])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert result.exit_code in (0, 2), result.output
        assert "Traceback" not in result.output
        if result.exit_code == 0:
            checked = runner.invoke_command(COMMAND, ["validate", str(target), "-f", "json"])
            assert checked.exit_code in (0, 1), checked.output  # what import writes, validate reads
        else:
            assert not target.exists()
            assert result.stderr.startswith("planchk: error: ")
