"""At most so many findings of one rule in one file (planchk.suppress.cap), then one PC903."""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planchk import catalog, engine, registry
from planchk.cli import app
from planchk.config import Config
from planchk.findings import Arg, Finding, Location, Problem, Severity
from planchk.report import Report
from planchk.suppress.baseline import Held, Key, key, without_baseline
from planchk.suppress.cap import Capper, capped
from tests.cli_runner import CliRunner
from tests.small_plans import MINIMAL_TARGETS, write_plan

runner = CliRunner()


def _finding(code: str, file: str, line: int, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        code=code, slug="x", severity=severity, message="m",
        location=Location(file, line, 1), path=f"p{line}",
    )  # fmt: skip


def test_each_rule_and_file_keeps_its_first_findings_and_one_summary() -> None:
    many = [_finding("PC201", "a.yaml", n, Severity.WARNING) for n in range(1, 6)]
    many[3] = _finding("PC201", "a.yaml", 4, Severity.ERROR)  # a dropped one is an error
    other_file = [_finding("PC201", "b.yaml", n) for n in (1, 2)]
    other_code = [_finding("PC101", "a.yaml", n) for n in (7, 8, 9)]
    shown = capped([*many, *other_file, *other_code], limit=2)
    kept = [(f.code, f.location.file, f.location.line) for f in shown if f.code != "PC903"]
    assert kept == [
        ("PC201", "a.yaml", 1), ("PC201", "a.yaml", 2),
        ("PC201", "b.yaml", 1), ("PC201", "b.yaml", 2),
        ("PC101", "a.yaml", 7), ("PC101", "a.yaml", 8),
    ]  # fmt: skip
    summaries = {(f.args["rule"], f.location.line): f for f in shown if f.code == "PC903"}
    assert sorted((rule, line) for rule, line in summaries) == [("PC101 x", 9), ("PC201 x", 3)]
    pc201 = summaries[("PC201 x", 3)]
    assert (pc201.args["count"], pc201.args["limit"], pc201.severity) == (3, 2, Severity.ERROR)
    assert summaries[("PC101 x", 9)].args["count"] == 1


def test_waived_and_fatal_findings_are_never_dropped_and_zero_means_all() -> None:
    waived = [replace(_finding("PC201", "a.yaml", n), waived="accepted") for n in range(1, 4)]
    fatal = [replace(_finding("PC003", "a.yaml", n), fatal=True) for n in range(1, 4)]
    assert capped([*waived, *fatal], limit=1) == [*waived, *fatal]
    assert capped(waived, limit=5) is waived  # nothing left out: the same sequence
    many = [_finding("PC201", "a.yaml", n) for n in range(1, 50)]
    assert capped(many, limit=0) == many


def _unbalanced(tmp_path: Path, limit: int | None) -> tuple[int, list[dict[str, Any]]]:
    plan = write_plan(tmp_path / "plan", MINIMAL_TARGETS.replace("[10, 20]", "[11, 21]"))
    if limit is not None:
        (tmp_path / "planchk.toml").write_text(
            f"max-findings-per-rule = {limit}\n", encoding="utf-8"
        )
    result = runner.invoke(
        app, ["validate", str(plan), "-f", "json", "--config", str(tmp_path / "planchk.toml")]
        if limit is not None else ["validate", str(plan), "-f", "json"],
    )  # fmt: skip
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_the_cap_keeps_the_exit_code_and_says_how_many_more(tmp_path: Path) -> None:
    code_all, every = _unbalanced(tmp_path / "all", None)
    assert [f["code"] for f in every].count("PC101") == 2  # two years out of balance
    code_capped, shown = _unbalanced(tmp_path / "capped", 1)
    assert code_capped == code_all == 1
    assert [f["code"] for f in shown].count("PC101") == 1
    summary = next(f for f in shown if f["code"] == "PC903")
    assert summary["severity"] == "error"
    assert summary["args"]["count"] in (1, "1")


def _shuffled_findings(seed: int) -> list[Finding]:
    """Findings of three rules in two files, in no order, some waived, some fatal, some with
    the same place (the stable sort decides between those)."""
    chooser = random.Random(seed)
    made = []
    for number in range(400):
        finding = _finding(
            chooser.choice(["PC201", "PC202", "PC101"]),
            chooser.choice(["a.yaml", "b.yaml"]),
            chooser.randint(1, 60),
            chooser.choice(list(Severity)),
        )
        finding = replace(finding, message=f"m{number}")  # tells equal places apart
        if chooser.random() < 0.1:
            finding = replace(finding, waived="已确认")
        elif chooser.random() < 0.03:
            finding = replace(finding, fatal=True)
        made.append(finding)
    return made


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("limit", [0, 1, 3, 40, 500])
def test_capping_as_they_come_gives_what_capping_them_all_gives(seed: int, limit: int) -> None:
    findings = _shuffled_findings(seed)
    whole = Report.build(list(capped(Report.build(findings, []).findings, limit)), [])
    capper = Capper(limit)
    for finding in findings:
        capper.add(finding)
    early = Report.build(capper.findings(), []).findings
    if limit:  # at most `limit` active ones of each of the six (rule, file) pairs
        passed = sum(f.fatal or f.waived is not None for f in findings)
        assert capper.held <= 6 * limit + passed
    streamed = Report.build(list(capped(early, limit, capper.overflow)), [])
    assert streamed.findings == whole.findings
    summaries = {f.args["rule"]: f.args["count"] for f in whole.findings if f.code == "PC903"}
    assert all(isinstance(count, int) and count > 0 for count in summaries.values())


def _baseline(findings: list[Finding], seed: int) -> Counter[Key]:
    """Entries for some of the findings' places, counted 1 to 3 times (a place holds up to a
    few findings that tie in report order), and one entry that matches nothing."""
    chooser = random.Random(seed + 1000)
    known: Counter[Key] = Counter()
    for finding in chooser.sample(findings, 80):
        known[key(finding)] += chooser.randint(1, 3)
    known[(os.path.abspath("a.yaml"), "PC999", "p1")] = 2
    return known


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("limit", [0, 1, 3, 40, 500])
def test_a_baseline_applied_as_they_come_gives_what_it_gives_over_them_all(
    seed: int, limit: int
) -> None:
    # A place (file, code, path) whose findings sit at different columns: the baseline
    # leaves out those first in report order, whichever came first.
    chooser = random.Random(seed)
    findings = [
        replace(f, location=Location(f.location.file, f.location.line, chooser.randint(1, 3)))
        for f in _shuffled_findings(seed)
    ]
    known = _baseline(findings, seed)
    whole = without_baseline(Report.build(findings, []), known)
    expected = Report.build(list(capped(whole.findings, limit)), [])
    held = Held(known)
    capper = Capper(limit, held)
    for finding in findings:
        capper.add(finding)
    early = Report.build(capper.findings(), []).findings
    streamed = Report.build(list(capped(early, limit, capper.overflow)), [])
    assert streamed.findings == expected.findings
    assert held.held == whole.baselined > 0
    if limit:
        passed = sum(f.fatal or f.waived is not None for f in findings)
        assert capper.held <= 6 * limit + passed


class _Alive(str):
    """A data path that counts how many findings (that share it) are still in memory."""

    alive = 0

    def __new__(cls, text: str) -> _Alive:
        _Alive.alive += 1
        return super().__new__(cls, text)

    def __del__(self) -> None:
        _Alive.alive -= 1


def _flood(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, total: int, most: list[int]) -> Path:
    """A plan whose PC202 yields `total` findings, one a line, at paths indicators.x.N;
    `most` gets the largest number of them alive at once while it runs."""
    args: dict[str, Arg] = {"name": "指标", "indicator": "x", "area": "甲街道", "from_year": 2021}
    args |= {"to_year": 2022, "old": Decimal(2), "new": Decimal(1), "change": Decimal(-1)}

    def flood(ctx: object) -> Iterator[Problem]:
        for number in range(total):
            most[0] = max(most[0], _Alive.alive)
            where = Location(str(plan / "targets.yaml"), number + 1, 1)
            yield Problem(where, _Alive(f"indicators.x.{number}"), args)

    rule = replace(registry.get("PC202"), check=flood, needs_areas=False)
    monkeypatch.setattr(catalog, "rules", lambda: iter([rule]))
    plan = write_plan(tmp_path / "plan", MINIMAL_TARGETS)
    return plan


def test_the_engine_holds_no_more_than_the_cap_of_a_rules_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule yielding 10^5 findings: while it runs, at most the cap of them are alive."""
    total, limit, most = 100_000, 1_000, [0]
    plan = _flood(tmp_path, monkeypatch, total, most)
    report = engine.check_paths([plan], Config(max_findings_per_rule=limit))
    assert _Alive.alive <= limit + 1  # the kept ones and the first left out (the summary's)
    assert limit <= most[0] <= limit + 2
    kept = [f for f in report.findings if f.code == "PC202"]
    assert [f.location.line for f in kept] == list(range(1, limit + 1))
    (summary,) = [f for f in report.findings if f.code == "PC903"]
    assert (summary.args["count"], summary.location.line) == (total - limit, limit + 1)
    assert report.exit_code(Severity.WARNING) == 1
    assert not any(f.fatal for f in report.findings)  # the rule ran to its end


def test_with_a_baseline_the_engine_still_holds_no_more_than_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--baseline used to switch the early cap off (every finding held until the end): now
    the baseline holds back what it records and the cap counts the rest as they come."""
    total, limit, most = 100_000, 1_000, [0]
    plan = _flood(tmp_path, monkeypatch, total, most)
    file = os.path.abspath(plan / "targets.yaml")
    recorded = [3, 7, 50_000, 99_999]  # findings on lines 4, 8, 50,001 and 100,000
    known = Counter((file, "PC202", f"indicators.x.{n}") for n in recorded)
    report = engine.check_paths([plan], Config(max_findings_per_rule=limit), baseline=known)
    assert most[0] <= limit + len(recorded) + 2
    assert report.baselined == len(recorded)
    kept = [f.location.line for f in report.findings if f.code == "PC202"]
    assert kept == [line for line in range(1, limit + 3) if line not in (4, 8)]
    (summary,) = [f for f in report.findings if f.code == "PC903"]
    assert summary.args["count"] == total - limit - len(recorded)
    assert summary.location.line == limit + 3
