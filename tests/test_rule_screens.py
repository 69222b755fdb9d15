"""The quick screens of the rules find what the rules' plain loops find (issue 17: the rules'
cost at 600,000 parts).

Each screen decides at C speed that a family, a table or a hierarchy has nothing to report:
the plausibility rules' row extremes (now taken over the values that are there in a table with
blanks), PC705's count of distinct rows, PC301's "every area has its row" and the cycle
search (PC034) that skips areas without parts.
Generated plans are checked as planchk does and with each screen switched off (the rule's plain
loop, as it was before), and the reports must be equal, positions and messages included.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planchk.engine import check_paths
from planchk.plan.hierarchy import Hierarchy
from planchk.report import Report
from planchk.rules import coverage, plausibility
from planchk.rules.context import PlanContext

YEARS = [2021, 2022, 2023]
FIGURES = ["0", "1", "2", "9", "10", "40", "100", "400", "-1", "2.5"]


@st.composite
def plans(draw: st.DrawFn) -> str:
    """A targets file: a total over 2-7 areas (one of them a parent of two more, some parts
    listed twice or under a second parent, a part that is its own ancestor now and then),
    one or two tables whose rows have blanks, zeros and negatives, some rows missing."""
    count = draw(st.integers(2, 7))
    names = [f"区{i}" for i in range(count)]
    areas: dict[str, list[str]] = {"全区": list(names), "区0": ["街0", "街1"]}
    for _ in range(draw(st.integers(0, 2))):  # a part listed again, here or elsewhere
        parent = draw(st.sampled_from(sorted(areas)))
        areas[parent].append(draw(st.sampled_from([*names, "街0", "全区"])))
    every = ["全区", *names, "街0", "街1"]
    cell = st.one_of(st.none(), st.sampled_from(FIGURES)) if draw(st.booleans()) else None
    figures = cell if cell is not None else st.sampled_from(FIGURES)
    text = "plan: {title: 测试, period: [2021, 2023]}\nareas:\n"
    text += "".join(f"  {parent}: [{', '.join(parts)}]\n" for parent, parts in areas.items())
    text += "indicators:\n"
    for table in draw(st.sampled_from([["x"], ["x", "y"]])):
        text += f"  {table}:\n    name: 指标{table}\n    unit: 万元\n    kind: flow\n"
        text += f"    years: {YEARS}\n    values:\n"
        for name in every:
            if draw(st.integers(0, 9)) == 0:
                continue  # a missing row (PC301)
            row = draw(st.lists(figures, min_size=3, max_size=3))
            if draw(st.booleans()):  # rows alike, for PC705
                row = ["10", "20", "40"]
            shown = ["~" if value is None else value for value in row]
            text += f"      {name}: [{', '.join(shown)}]\n"
    return text


def _unscreened(ctx: PlanContext) -> dict[str, list[plausibility.Family]]:
    """The families without their extremes: every part row goes through the plain loop."""
    return {
        ind_id: [dataclasses.replace(f, lows=None, highs=None) for f in found]
        for ind_id, found in _screened(ctx).items()
    }


_screened = plausibility.families


def _plain_cycles(self: Hierarchy) -> list[list[str]]:
    """Hierarchy.cycles as it was, every part visited (the reference)."""
    found: list[list[str]] = []
    reported: set[frozenset[str]] = set()
    state: dict[str, int] = {}
    for start in self.parts:
        if start in state:
            continue
        path, pending = [start], [iter(self.parts[start])]
        state[start] = 1
        while pending:
            child = next(pending[-1], None)
            if child is None:
                state[path.pop()] = 2
                pending.pop()
            elif state.get(child) == 1:
                cycle = path[path.index(child) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    found.append(cycle)
            elif child not in state:
                state[child] = 1
                path.append(child)
                pending.append(iter(self.parts.get(child, ())))
    return found


def _seen(report: Report) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.location.line, f.location.column, f.message) for f in report.findings]


def _check(text: str) -> list[tuple[str, int, int, str]]:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "targets.yaml").write_text(text, encoding="utf-8")
        return _seen(check_paths([Path(directory)]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_screens_report_what_the_plain_loops_report(text: str) -> None:
    screened = _check(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plausibility, "families", _unscreened)
        patch.setattr(Hierarchy, "cycles", _plain_cycles)
        # PC301's screen is an all() at C speed: made to fail, its loop decides
        patch.setattr(coverage, "all", lambda _: False, raising=False)
        plain = _check(text)
    assert screened == plain


def test_a_table_with_blanks_still_reports_its_swings_and_jumps(tmp_path: Path) -> None:
    """Blanks no longer switch the screens off: a share swing, a growth out of line and a
    copied row are reported in a table with blank cells (extremes of the values there)."""
    text = """\
plan: {title: 测试, period: [2021, 2023]}
areas:
  全区: [甲, 乙, 丙, 丁]
indicators:
  x:
    name: 指标
    unit: 万元
    kind: flow
    years: [2021, 2022, 2023]
    values:
      全区: [100, 110, 200]
      甲: [60, 10, ~]
      乙: [~, 50, 1]
      丙: [5, 25, 95]
      丁: [5, 25, 95]
"""
    found = [(code, line) for code, line, _, _ in _check(text)]
    assert ("PC701", 12) in found  # 甲: 60% of 2021, 9% of 2022
    assert ("PC702", 13) in found  # 乙: x0.02 while the total grows x1.82
    assert ("PC705", 15) in found  # 丁 repeats 丙
