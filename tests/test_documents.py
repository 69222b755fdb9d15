"""planchk import of plan documents: a Word file, a web page and a text export.

The seed text (../shared/seed/) and data/ rendered by the tests as .docx, .html and .txt import
into the plan data/ holds, with the same findings; documents with one thing wrong each get a
clear message and keep what could be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planchk.cli import app
from planchk.engine import check_paths
from planchk.loader import load_file
from planchk.models import TargetsFile, TasksFile
from planchk.report import Report
from tests import documents
from tests.conftest import DATA
from tests.seed_text import SEED

runner = CliRunner()
FORMATS = {"docx": documents.write_docx, "html": documents.write_html, "txt": documents.write_text}


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _import(document: Path, into: Path) -> tuple[Path, str]:
    result = _run("import", document, "-o", into)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return into, result.stderr


def plan_summary(directory: Path) -> dict[str, Any]:
    """What a plan holds, named as printed (ids aside): tables, goals, tasks, aliases, groups."""
    targets = load_file(directory / "targets.yaml", "t").model
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(targets, TargetsFile), directory
    assert isinstance(tasks, TasksFile), directory
    names = {i: ind.name for i, ind in targets.indicators.items()}
    return {
        "plan": targets.plan.model_dump(),
        "areas": targets.areas,
        "aliases": targets.aliases,
        "tables": {
            ind.name: (
                ind.table,
                ind.unit,
                ind.kind,
                ind.sum,
                ind.years,
                {area: [str(v) for v in row] for area, row in ind.values.items()},
            )
            for ind in targets.indicators.values()
        },
        "goals": sorted(
            (g.text, names.get(g.indicator or ""), g.year, g.op, str(g.value), g.unit)
            for g in targets.goals.values()
        ),
        "sections": [(s.number, s.title, [t.number for t in s.tasks]) for s in tasks.sections],
        "tasks": {
            t.number: (t.title, t.lead, t.responsible, t.cooperating, t.text_offices)
            for s in tasks.sections
            for t in s.tasks
        },
        "offices": sorted(tasks.offices),
        "groups": {name: group.model_dump() for name, group in tasks.groups.items()},
    }


def finding_summary(report: Report) -> list[tuple[Any, ...]]:
    """Each finding by code and by what it is about (area, office, year, task), not by id."""
    out = []
    for f in report.findings:
        a = f.args
        out.append(
            (
                f.code,
                a.get("name"),
                a.get("area"),
                a.get("year"),
                a.get("to_year"),
                a.get("task"),
                a.get("office"),
                a.get("offices"),
                a.get("text"),
            )
        )
    return sorted(out, key=repr)


@pytest.fixture(scope="module")
def expected() -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    return plan_summary(DATA), finding_summary(check_paths([DATA]))


def _same_as_data(directory: Path, expected: tuple[dict[str, Any], list[Any]]) -> None:
    summary, findings = expected
    got = plan_summary(directory)
    for key in summary:
        assert got[key] == summary[key], key
    assert finding_summary(check_paths([directory])) == findings


@pytest.mark.skipif(not SEED.is_file(), reason="the seed text (../shared/seed/) is absent")
def test_the_seed_text_imports_into_data(
    tmp_path: Path, expected: tuple[dict[str, Any], list[Any]]
) -> None:
    directory, said = _import(SEED, tmp_path / "plan")
    _same_as_data(directory, expected)
    assert "第32段" in said  # 三年力争新增…达到8个 restates a goal: read once, said so
    assert "洪都街道" in said  # the alias it proposes


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_data_rendered_as_a_document_imports_back(
    tmp_path: Path, suffix: str, expected: tuple[dict[str, Any], list[Any]]
) -> None:
    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", documents.data_blocks())
    directory, _ = _import(document, tmp_path / "plan")
    _same_as_data(directory, expected)


def test_a_gbk_page_with_navigation_reads_its_article(
    tmp_path: Path, expected: tuple[dict[str, Any], list[Any]]
) -> None:
    page = documents.write_html(tmp_path / "plan.htm", documents.data_blocks(), "gbk")
    directory, said = _import(page, tmp_path / "plan")
    _same_as_data(directory, expected)
    assert "gb18030" in said
    assert "#zoom" in said  # the article found among the navigation


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_the_imported_directory_is_laid_out_as_data(tmp_path: Path, suffix: str) -> None:
    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", documents.data_blocks())
    directory, _ = _import(document, tmp_path / "plan")
    targets = (directory / "targets.yaml").read_text(encoding="utf-8")
    assert "      洪都街办:   [300, 50, 53]\n" in targets  # rows aligned as data/ aligns them
    assert "# The hierarchy, declared once" in targets
    assert "kind: stock" in targets  # 高新技术企业数量: a count, by its name
    tasks = (directory / "tasks.yaml").read_text(encoding="utf-8")
    assert "  各街办、镇、集聚区: {areas_under: 青云谱区}\n" in tasks
