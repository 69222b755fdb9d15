"""Small plans written to a directory and checked: the minimal targets and tasks files most
rule cases start from, and the findings of a check as (code, line, column)."""

from __future__ import annotations

from pathlib import Path

from planchk.engine import check_paths
from planchk.findings import Finding
from planchk.report import Report

# The smallest plan most cases start from: a district, two sub-areas, one count indicator.
MINIMAL_TARGETS = """\
plan: {title: 测试方案, period: [2021, 2022]}
areas:
  全区: [甲街道, 乙街道]
indicators:
  x:
    name: 测试指标
    unit: 件
    kind: flow
    years: [2021, 2022]
    values:
      全区: [10, 20]
      甲街道: [4, 12]
      乙街道: [6, 8]
"""

# The smallest tasks file: one office leading one task in one section.
MINIMAL_TASKS = """\
offices:
  区科工局: {kind: department}
sections:
  - number: 一
    title: 示例任务组
    tasks:
      - {number: 1, title: 示例任务, lead: [区科工局]}
"""


def write_plan(directory: Path, targets: str | None = None, tasks: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    if targets is not None:
        (directory / "targets.yaml").write_text(targets, encoding="utf-8")
    if tasks is not None:
        (directory / "tasks.yaml").write_text(tasks, encoding="utf-8")
    return directory


def check_texts(directory: Path, targets: str | None = None, tasks: str | None = None) -> Report:
    return check_paths([write_plan(directory, targets, tasks)])


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


def where(findings: list[Finding] | tuple[Finding, ...]) -> list[tuple[str, int, int]]:
    return [(f.code, f.location.line, f.location.column) for f in findings]


# A task that lists one cooperating office twice in the same list (its finding says so).
COOPERATING_TWICE = """\
offices:
  区金融办: {kind: department}
  区财政局: {kind: department}
sections:
  - number: 一
    title: 第一部分
    tasks:
      - number: 1
        title: 任务一
        lead: [区金融办]
        cooperating: [区财政局, 区财政局]
"""
