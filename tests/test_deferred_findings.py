"""Deferred findings (findings.Deferred) give exactly the report that making each at once gives.

A rule that may fire on every cell yields a deferred problem; the engine makes it only if a
waiver, the baseline or the cap keeps it (suppress.cap.Later) and counts the rest. Each
generated plan is checked twice, as planchk does and with `engine.deferred` making every
finding as it comes, and the two reports must be equal: kept findings with their positions,
messages and severities, the PC903 summaries, waived and baselined findings, the exit code.
Besides the real rules (PC201 and PC202 defer), a rule yields deferred findings at random
cells in a random order, some twice, so that the cap meets findings out of report order, ties,
and several on one line (a cell sorts after its row: the bound the cap decides on).
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planchk import catalog, engine, formatters, registry
from planchk.config import Config
from planchk.findings import NEVER, Arg, Deferred, Finding, Problem, Severity
from planchk.formatters import RenderOptions
from planchk.formatters.report.view import build_view
from planchk.loader.discover import Discovery, discover
from planchk.models.common import Waiver
from planchk.registry import CodeInfo
from planchk.report import Report
from planchk.rules.context import PlanContext
from planchk.rules.deferring import CellDeferrer, given_args
from planchk.suppress.baseline import Key, key

YEARS = [2021, 2022, 2023, 2024]
RULES = list(catalog.rules())


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A plan of 1-8 areas under a total, one or two tables (a flow and a stock) whose values
    fall, swing and jump often, rows in flow or block style, some cells blank, negative or
    fractional (the rules that defer: PC201/202, PC301-302, PC402, PC701-702)."""
    areas = draw(st.integers(1, 8))
    years = YEARS[: draw(st.integers(2, 4))]
    figures = st.sampled_from(["0", "1", "2", "3", "4", "9", "40", "-1", "2.5"])
    cell = st.one_of(st.none(), figures) if draw(st.booleans()) else figures
    tables = {
        name: [
            draw(st.lists(cell, min_size=len(years), max_size=len(years)))
            for _ in range(areas + 1)  # the total's row first
        ]
        for name in draw(st.sampled_from([["x"], ["x", "y"], ["y", "x"]]))
    }
    return {
        "areas": areas,
        "years": years,
        "tables": tables,
        "block": draw(st.lists(st.booleans(), min_size=areas + 1, max_size=areas + 1)),
    }


def _row(values: list[str | None], block: bool) -> str:
    shown = ["null" if v is None else v for v in values]
    if block:
        return "".join(f"\n        - {v}" for v in shown)
    return f" [{', '.join(shown)}]"


def _targets(plan: dict[str, Any], waivers: list[str]) -> str:
    names = [f"区{i}" for i in range(plan["areas"])]
    text = "plan: {title: 测试, period: [2021, 2024]}\nareas:\n"
    text += f"  全区: [{', '.join(names)}]\nindicators:\n"
    for table, rows in plan["tables"].items():
        kind = "flow" if table == "x" else "stock"
        text += f"  {table}:\n    name: 指标{table}\n    unit: 件\n    kind: {kind}\n"
        text += f"    years: {plan['years']}\n    values:\n"
        for name, row, block in zip(["全区", *names], rows, plan["block"], strict=True):
            text += f"      {name}:{_row(row, block)}\n"
    if waivers:
        text += "waivers:\n" + "".join(f"  - {w}\n" for w in waivers)
    return text


def _shuffled_rule(seed: int, counting: bool = False) -> CodeInfo:
    """A rule (PC299, not registered) yielding deferred findings at random cells in random
    order, some cells twice; `counting`: it counts those the cap would only count
    (findings.Tally), as the trend rules do, however far out of order they come."""

    def check(ctx: PlanContext) -> Iterator[Deferred]:
        chooser, defer = random.Random(seed), CellDeferrer(ctx, given_args)
        cells = [
            (ind_id, area, index)
            for ind_id, indicator in ctx.indicators()
            for area in indicator.values
            for index in range(len(indicator.years))
        ]
        picked = chooser.choices(cells, k=chooser.randint(0, 2 * len(cells)))
        for ind_id, area, index in picked:
            if counting and ctx.tally.after < NEVER and ctx.counted(ind_id, area):
                ctx.tally.count += 1
                continue
            args: dict[str, Arg] = {"name": "n", "indicator": ind_id, "area": area}
            args |= {"from_year": 1, "to_year": 2, "old": 2, "new": 1, "change": -1}
            yield defer(ind_id, area, index, partial(dict, args))

    info = registry.get("PC201")
    return dataclasses.replace(info, code="PC299", slug="shuffled-cells", check=check)


def _made_at_once(info: CodeInfo, problem: Deferred, severity: Severity) -> Finding:
    return info.finding(problem.problem())  # configured (severity) by the engine as any other


WAIVERS = [
    "{rule: PC202, where: indicators.x.values.区1.2022, reason: 已确认}",
    "{rule: trends, where: '*.区2.*', reason: 已确认}",
    "{rule: PC201, where: indicators.y.values.区0.2023, reason: 已确认}",
    "{rule: PC202, where: indicators.x.values.区9.2021, reason: 无此格}",
]


@st.composite
def settings_of_runs(draw: st.DrawFn) -> dict[str, Any]:
    """A cap (0: none), waivers in the plan and the configuration, a severity override, the
    share of findings a baseline records, and the seed of the shuffled rule."""
    return {
        "limit": draw(st.sampled_from([0, 1, 2, 3, 1000])),
        "waivers": draw(st.lists(st.sampled_from(WAIVERS), unique=True, max_size=3)),
        "config_waived": draw(st.booleans()),
        "as_error": draw(st.booleans()),
        "seed": draw(st.integers(0, 10**6)),
        "recorded": draw(st.sampled_from([0.0, 0.2, 0.6])),
        "counting": draw(st.booleans()),
        "min_drop": draw(st.sampled_from([None, Decimal(0), Decimal(30), Decimal(60)])),
    }


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans(), run=settings_of_runs())
def test_deferred_findings_give_the_report_made_findings_give(
    tmp_path_factory: pytest.TempPathFactory, plan: dict[str, Any], run: dict[str, Any]
) -> None:
    plan_dir = tmp_path_factory.mktemp("plan")
    (plan_dir / "targets.yaml").write_text(_targets(plan, run["waivers"]), encoding="utf-8")
    shuffled = _shuffled_rule(run["seed"], run["counting"])
    rules = [*RULES, shuffled]
    minimum = run["min_drop"]
    config = Config(
        options={} if minimum is None else {"PC202": {"min-drop-percent": minimum}},
        max_findings_per_rule=run["limit"],
        severity={"PC202": Severity.ERROR} if run["as_error"] else {},
        waivers=(Waiver(rule="PC202", where="*.区3.*", reason="配置"),)
        if run["config_waived"]
        else (),
    )
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(catalog, "rules", lambda: iter(rules))
        patched.setitem(registry._CODES, shuffled.code, shuffled)  # the formats look it up
        baseline = _baseline(plan_dir, config, random.Random(run["seed"]), run["recorded"])
        found = discover([plan_dir], config.max_bytes)
        lazy = engine.check_discovery(found, config, baseline=baseline)
        patched.setattr(engine, "deferred", _made_at_once)
        eager = engine.check_discovery(found, config, baseline=baseline)
        if run["limit"] == 0 and run["counting"]:  # uncapped: carried unmade until written
            assert _outputs(found, lazy) == _outputs(found, eager)
    assert tuple(lazy.findings) == eager.findings
    assert len(lazy.findings) == len(eager.findings)
    assert lazy.baselined == eager.baselined
    assert lazy.counts() == eager.counts()
    assert lazy.unusable == eager.unusable
    for level in Severity:
        assert lazy.exit_code(level) == eager.exit_code(level)


def _outputs(found: Discovery, report: Report) -> dict[str, str | bytes]:
    """The report in every format of validate (as written, piece by piece) and of report."""
    out: dict[str, str | bytes] = {}
    for level in (Severity.INFO, Severity.ERROR):  # the summaries, JUnit's failures
        options = RenderOptions(fail_on=level, suggestions=True)
        for name in formatters.FORMATS:
            if name != "sarif" or level == Severity.ERROR:  # its rules: a tenth of a second
                out[f"{name} {level}"] = "".join(formatters.get_pieces(name)(report, options))
    view = build_view(found, report)
    for name in formatters.REPORT_FORMATS:
        written = formatters.get_report_pieces(name)(view)
        out[name] = written if isinstance(written, bytes) else "".join(written)
    return out


def _baseline(
    plan_dir: Path, config: Config, chooser: random.Random, share: float
) -> Counter[Key] | None:
    """Entries for a share of the uncapped findings (1 or 2 each), or no baseline."""
    if not share:
        return None
    every = engine.check_paths([plan_dir], dataclasses.replace(config, max_findings_per_rule=0))
    known: Counter[Key] = Counter()
    for finding in every.findings:
        if chooser.random() < share:
            known[key(finding)] += chooser.randint(1, 2)
    known[(os.path.abspath(plan_dir / "targets.yaml"), "PC202", "indicators.x.none")] += 1
    return known


SUMMARY = "indicators.x.values.区3.2022"  # where the summary of PC202 points


def _falling_table(tmp_path: Path, waivers: str = "") -> None:
    """200 rows that fall once each (a PC202 each), the last one twice."""
    rows = "".join(f"      区{i}: [3, 2, {1 if i == 199 else 2}]\n" for i in range(200))
    names = ", ".join(f"区{i}" for i in range(200))
    text = "plan: {title: 测试, period: [2021, 2023]}\nareas:\n"
    text += f"  全区: [{names}]\nindicators:\n  x:\n    name: 指标\n    unit: 件\n"
    text += "    kind: flow\n    years: [2021, 2022, 2023]\n    values:\n"
    text += "      全区: [600, 600, 600]\n"
    (tmp_path / "targets.yaml").write_text(text + rows + waivers, encoding="utf-8")


def _spied(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The paths of the deferred findings the engine makes, and of those the rules yield."""
    made: list[str] = []
    yielded: list[str] = []
    real = engine.deferred

    def spy(info: CodeInfo, problem: Deferred, severity: Severity) -> Any:
        def make(cell: Any) -> Any:
            made.append(problem.path)
            return problem.make(cell)

        yielded.append(problem.path)
        return real(info, problem._replace(make=make), severity)

    monkeypatch.setattr(engine, "deferred", spy)
    return made, yielded


def test_a_falling_table_makes_only_the_findings_the_cap_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """201 falls, a cap of 3: 3 kept plus the first left out (the summary's place) are
    yielded and made; the rule counts the other 197 (findings.Tally) and yields none of them."""
    _falling_table(tmp_path)
    made, yielded = _spied(monkeypatch)
    report = engine.check_paths([tmp_path], Config(max_findings_per_rule=3))
    kept = [f.path for f in report.findings if f.code == "PC202"]
    assert kept == [f"indicators.x.values.区{i}.2022" for i in range(3)]
    (summary,) = [f for f in report.findings if f.code == "PC903" and f.path == SUMMARY]
    assert summary.args["count"] == 198
    assert summary.args["rule"] == "PC202 trend-flow-decrease"
    assert made == [f"indicators.x.values.区{i}.2022" for i in range(4)]
    assert yielded == made


@pytest.mark.parametrize(
    "waivers",
    [
        "waivers:\n  - {rule: PC202, where: indicators.x.values.区150.2022, reason: 已确认}\n",
        "waivers:\n  - {rule: trends, where: '*.区9?.*', reason: 已确认}\n",
    ],
)
def test_a_waiver_of_the_rule_makes_it_yield_every_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, waivers: str
) -> None:
    """A waiver may match any finding of its code: none is counted unseen, and the waived
    ones are kept beside the 3 the cap keeps."""
    _falling_table(tmp_path, waivers)
    made, yielded = _spied(monkeypatch)
    report = engine.check_paths([tmp_path], Config(max_findings_per_rule=3))
    assert len(yielded) == 201
    waived = [f.path for f in report.findings if f.waived is not None]
    assert len(waived) == (1 if "区150" in waivers else 10)
    (summary,) = [f for f in report.findings if f.code == "PC903" and f.path == SUMMARY]
    assert summary.args["count"] == 201 - 3 - len(waived)
    assert len(made) == 4 + len(waived)


def test_a_fall_the_baseline_holds_is_held_unmade_the_others_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _falling_table(tmp_path)
    yielded = _spied(monkeypatch)[1]
    entry = (os.path.abspath(tmp_path / "targets.yaml"), "PC202", "indicators.x.values.区7.2022")
    report = engine.check_paths(
        [tmp_path], Config(max_findings_per_rule=3), baseline=Counter({entry: 1})
    )
    assert yielded == [f"indicators.x.values.区{i}.2022" for i in (0, 1, 2, 3)]
    assert report.baselined == 1
    (summary,) = [f for f in report.findings if f.code == "PC903" and f.path == SUMMARY]
    assert summary.args["count"] == 201 - 3 - 1


def test_what_the_baseline_takes_unmade_its_entry_holds_no_more() -> None:
    """Held.take holds back a rule's one finding at a path; the entry (counted once) then
    holds nothing else: a second take, or another finding offered there, passes on."""
    from planchk.findings import Location
    from planchk.suppress.baseline import Held

    path = "indicators.x.values.区1.2022"
    held = Held(Counter({(os.path.abspath("p/targets.yaml"), "PC202", path): 1}))
    assert held.paths("p/targets.yaml", "PC202") == {path}
    assert held.paths("p/targets.yaml", "PC201") == frozenset()
    assert not held.take("p/targets.yaml", "PC202", "indicators.x.values.区2.2022")
    assert held.take("p/targets.yaml", "PC202", path)
    assert held.held == 1
    assert not held.take("p/targets.yaml", "PC202", path)
    info = registry.get("PC202")
    args: dict[str, Arg] = {"name": "n", "indicator": "x", "area": "区1", "from_year": 2021}
    args |= {"to_year": 2022, "old": 2, "new": 1, "change": -1}
    other = info.finding(Problem(Location("p/targets.yaml", 5, 7), path, args))
    assert held.offer(1, other) == (1, other)
    assert held.held == 1


# Rules that defer, and a row that gives one of their findings in 2021 (a total over 200 such).
FLOODS = {
    "PC302": ("    blank: missing\n", "[~, 2, 3]"),  # a value not given
    "PC307": ("", "[-1, 2, 3]"),  # a negative count
    "PC402": ("", "[1.5, 2, 3]"),  # a fractional count
}


@pytest.mark.parametrize("code", sorted(FLOODS))
def test_each_deferring_rule_counts_what_the_cap_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    """One finding of `code` in each of 200 rows, a cap of 3: the 3 kept and the first left
    out are yielded and made, the rule counts the other 196 (findings.Tally). Uncapped, all
    200 are reported, in row order."""
    extra, row = FLOODS[code]
    names = [f"区{i}" for i in range(200)]
    text = "plan: {title: 测试, period: [2021, 2023]}\nareas:\n"
    text += f"  全区: [{', '.join(names)}]\nindicators:\n  x:\n    name: 指标\n    unit: 件\n"
    text += f"    kind: stock\n{extra}    years: [2021, 2022, 2023]\n    values:\n"
    text += "      全区: [1000, 1000, 1000]\n" + "".join(f"      {n}: {row}\n" for n in names)
    (tmp_path / "targets.yaml").write_text(text, encoding="utf-8")
    paths = [f"indicators.x.values.{name}.2021" for name in names]
    made, yielded = _spied(monkeypatch)
    report = engine.check_paths(
        [tmp_path], Config(select=frozenset({code}), max_findings_per_rule=3)
    )
    assert [f.path for f in report.findings if f.code == code] == paths[:3]
    (summary,) = [f for f in report.findings if f.code == "PC903"]
    assert summary.args["count"] == 197
    assert made == yielded == paths[:4]
    uncapped = engine.check_paths(
        [tmp_path], Config(select=frozenset({code}), max_findings_per_rule=0)
    )
    assert [f.path for f in uncapped.findings] == paths
    first = text.splitlines().index(f"      区0: {row}") + 1  # each on its row's line
    assert [f.location.line for f in uncapped.findings] == list(range(first, first + 200))


def test_a_finding_that_fails_to_be_made_as_it_is_written_is_a_pc999(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Uncapped, a deferred finding is made as the report is written: a bug in making it is
    reported where it was (PC999, fatal: exit 2), as the engine reports a rule that fails
    while it runs, never a traceback that ends the output."""

    def broken(ctx: PlanContext, ind_id: str, area: str, index: int, extra: Any) -> Any:
        raise ValueError(area)

    def check(ctx: PlanContext) -> Iterator[Deferred]:
        defer = CellDeferrer(ctx, broken)
        yield from (defer(ind_id, "区1", 0) for ind_id, _ in ctx.indicators())

    failing = dataclasses.replace(registry.get("PC201"), code="PC298", check=check)
    _falling_table(tmp_path)
    monkeypatch.setattr(catalog, "rules", lambda: iter([failing]))
    monkeypatch.setitem(registry._CODES, failing.code, failing)
    monkeypatch.delenv("PLANCHK_DEBUG", raising=False)
    report = engine.check_paths([tmp_path], Config(max_findings_per_rule=0))
    assert report.exit_code(Severity.ERROR) == 1  # nothing made yet: one PC298 error
    written = json.loads(formatters.get("json")(report, RenderOptions()))
    (failure,) = written["findings"]
    assert (failure["code"], failure["fatal"], failure["line"]) == ("PC999", True, 13)  # 区1's row
    assert "PC298" in failure["message"]
    assert "ValueError: 区1" in failure["message"]
    assert report.exit_code(Severity.ERROR) == 2
    assert report.unusable
