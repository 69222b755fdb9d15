"""planchk diff: changes matched by identity, the finding delta, git revisions, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.diff import fork
from planchk.report import Report
from tests.cli_runner import CliRunner
from tests.paths import DATA

runner = CliRunner()


@pytest.fixture(autouse=True, params=["in-process", "forked"])
def new_side_in(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every diff test runs twice: both sides read here, and the new one in a forked child
    (what `planchk diff` does with large plans on two cores) - the results must not differ."""
    monkeypatch.setattr(fork, "MIN_BYTES", 0 if request.param == "forked" else 10**15)
    if request.param == "forked":
        monkeypatch.setattr(fork, "_cpus", lambda: 2)
    return str(request.param)


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    shutil.copytree(DATA, tmp_path / "old")
    shutil.copytree(DATA, tmp_path / "new")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "old", tmp_path / "new"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def diff(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["diff", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def kinds(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(c["kind"], c["path"]) for c in document["changes"]]


def test_identical_revisions_have_no_differences(
    sides: tuple[Path, Path], seed_report: Report
) -> None:
    code, document = diff("old", "new", "--exit-code")
    assert code == 0
    assert document["changes"] == []
    assert document["findings"]["introduced"] == []
    assert document["findings"]["resolved"] == []
    remaining = [(f["code"], f["path"]) for f in document["findings"]["remaining"]]
    assert remaining == [(f.code, f.path) for f in seed_report.findings]  # what validate says
    assert document["schema_version"] == 1


def test_one_changed_cell(sides: tuple[Path, Path]) -> None:
    edit(sides[1] / "targets.yaml", "[0.05, 0.098, 0.119]", "[0.05, 0.98, 0.119]")
    code, document = diff("old", "new", "--exit-code")
    assert code == 1
    [change] = document["changes"]
    assert change["kind"] == "cell-changed"
    assert change["path"] == "indicators.contract_turnover.values.洪都街办.2022"
    assert change["args"]["old"] == "0.098"
    assert change["args"]["new"] == "0.98"
    assert change["args"]["difference"] == "0.882"
    assert change["args"]["relative"] == "+900.0%"
    introduced = document["findings"]["introduced"]
    assert [(f["code"], f["path"]) for f in introduced] == [
        ("PC101", "indicators.contract_turnover.values.青云谱区.2022"),
        ("PC202", "indicators.contract_turnover.values.洪都街办.2023"),  # 0.98 -> 0.119
    ]


def test_a_moved_up_total_is_shown_with_the_parts_that_moved(sides: tuple[Path, Path]) -> None:
    edit(sides[1] / "targets.yaml", "[513, 565, 609]", "[513, 565, 619]")
    edit(sides[1] / "targets.yaml", "[20, 120, 125]", "[20, 120, 135]")
    _, document = diff("old", "new")
    total = next(c for c in document["changes"] if c["args"]["area"] == "青云谱区")
    assert total["args"]["total"] == "yes"
    assert total["args"]["parts_changed"] == "集聚区"
    assert document["findings"]["introduced"] == []  # the sum still holds


def test_added_and_removed_areas(sides: tuple[Path, Path]) -> None:
    targets = sides[1] / "targets.yaml"
    edit(targets, "青云谱镇, 集聚区]", "青云谱镇, 集聚区, 新区]")
    edit(
        targets,
        "      集聚区:     [26, 28, 33]\n",
        "      集聚区:     [26, 28, 33]\n      新区:       [0, 0, 0]\n",
    )
    edit(targets, "岱山街办, 青云谱镇", "岱山街办, 青云谱镇")
    _, document = diff("old", "new")
    assert ("area-added", "areas.新区") in kinds(document)
    assert ("row-added", "indicators.high_tech_enterprises.values.新区") in kinds(document)
    _, reverse = diff("new", "old")
    assert ("area-removed", "areas.新区") in kinds(reverse)
    assert ("row-removed", "indicators.high_tech_enterprises.values.新区") in kinds(reverse)


def test_an_added_year(sides: tuple[Path, Path]) -> None:
    targets = sides[1] / "targets.yaml"
    edit(targets, "period: [2021, 2023]", "period: [2021, 2024]")
    edit(targets, "      青云谱区:   [99, 111, 130]", "      青云谱区:   [99, 111, 130, 150]")
    edit(targets, "years: [2021, 2022, 2023]", "years: [2021, 2022, 2023, 2024]")
    _, document = diff("old", "new")
    assert ("plan-changed", "plan.period") in kinds(document)
    assert ("year-added", "indicators.high_tech_enterprises.years.2024") in kinds(document)
    assert not [k for k, _ in kinds(document) if k.startswith("cell-")]


def test_a_unit_change_with_conversion_is_no_change_of_value(sides: tuple[Path, Path]) -> None:
    targets = sides[1] / "targets.yaml"
    edit(
        targets,
        "    unit: 亿元\n    kind: flow             # turnover",
        "    unit: 万元\n    kind: flow             # turnover",
    )
    converted = {
        "[6.0, 7.0, 8.3]": "[60000, 70000, 83000]",
        "[1.5, 1.74, 2.17]": "[15000, 17400, 21800]",  # 21700 would be the same value
        "[0.05, 0.098, 0.119]": "[500, 980, 1190]",
        "[3.5, 3.86, 4.4]": "[35000, 38600, 44000]",
        "[0.5, 0.58, 0.69]": "[5000, 5800, 6900]",
        "[0.15, 0.374, 0.407]": "[1500, 3740, 4070]",
        "[0.1, 0.116, 0.188]": "[1000, 1160, 1880]",
        "[0.2, 0.232, 0.326]": "[2000, 2320, 3260]",
    }
    for before, after in converted.items():
        edit(targets, before, after)
    _, document = diff("old", "new")
    assert kinds(document)[0] == ("unit-changed", "indicators.contract_turnover.unit")
    cells = [c for c in document["changes"] if c["kind"].startswith("cell-")]
    assert [(c["args"]["area"], c["args"]["year"]) for c in cells] == [("三家店街办", 2023)]
    assert cells[0]["args"]["difference"] == "100"  # 2.17亿元 = 21700万元, now 21800


def test_goal_rewording(sides: tuple[Path, Path]) -> None:
    edit(sides[1] / "targets.yaml", "力争高新技术企业超过130家", "力争高新技术企业达到130家")
    edit(sides[1] / "targets.yaml", '    op: ">"\n    value: 130', '    op: ">="\n    value: 130')
    _, document = diff("old", "new")
    assert kinds(document) == [
        ("goal-changed", "goals.high_tech_enterprises.text"),
        ("goal-changed", "goals.high_tech_enterprises.op"),
    ]
    resolved = document["findings"]["resolved"]
    assert [(f["code"], f["path"]) for f in resolved] == [("PC502", "goals.high_tech_enterprises")]


def test_office_moved_from_cooperating_to_responsible(sides: tuple[Path, Path]) -> None:
    tasks = sides[1] / "tasks.yaml"
    edit(
        tasks,
        "        responsible: [青云谱区税务局]\n        cooperating: [各街办、镇、集聚区]",
        "        responsible: [青云谱区税务局, 各街办、镇、集聚区]\n        cooperating: []",
    )
    _, document = diff("old", "new")
    assert [(c["kind"], c["args"]) for c in document["changes"]] == [
        (
            "office-moved",
            {"task": 6, "office": "各街办、镇、集聚区", "old": "cooperating", "new": "responsible"},
        )
    ]


def test_a_renumbered_and_a_retitled_task(sides: tuple[Path, Path]) -> None:
    tasks = sides[1] / "tasks.yaml"
    edit(tasks, "      - number: 12\n", "      - number: 14\n")
    edit(tasks, "title: 不断优化人才发展环境", "title: 持续优化人才发展环境")
    _, document = diff("old", "new")
    changes = {(c["kind"], c["message"]) for c in document["changes"]}
    assert ("task-renumbered", "task 12 (努力提升人才培育水平) is now task 14") in changes
    assert (
        "task-retitled",
        "task 13: title 不断优化人才发展环境 → 持续优化人才发展环境",
    ) in changes
    # 11, 14, 13: the twelfth task's number is wrong, the thirteenth is right again
    assert [f["code"] for f in document["findings"]["introduced"]] == ["PC606"]


def test_an_alias_for_a_name_is_no_change(sides: tuple[Path, Path]) -> None:
    edit(sides[1] / "tasks.yaml", "responsible: [洪都街道]", "responsible: [洪都街办]")
    _, document = diff("old", "new")
    assert document["changes"] == []


def test_added_and_removed_tasks_and_offices(sides: tuple[Path, Path]) -> None:
    tasks = sides[1] / "tasks.yaml"
    edit(
        tasks,
        "  区国投集团: {kind: enterprise}\n",
        "  区国投集团: {kind: enterprise}\n  区审计局: {kind: department}\n",
    )
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(text.split("      - number: 13")[0], encoding="utf-8")
    _, document = diff("old", "new")
    assert ("registry-added", "offices.区审计局") in kinds(document)
    assert ("task-removed", "tasks.13") in kinds(document)


def test_fail_on_new(sides: tuple[Path, Path]) -> None:
    edit(sides[1] / "targets.yaml", "[300, 50, 53]", "[301, 50, 53]")
    assert runner.invoke(app, ["diff", "old", "new", "--fail-on-new", "error"]).exit_code == 1
    assert runner.invoke(app, ["diff", "old", "new"]).exit_code == 0
    # resolving a finding never fails the run
    assert runner.invoke(app, ["diff", "new", "old", "--fail-on-new", "info"]).exit_code == 0


def test_text_and_markdown_views(sides: tuple[Path, Path]) -> None:
    edit(sides[1] / "targets.yaml", "[300, 50, 53]", "[301, 50, 53]")
    text = runner.invoke(app, ["diff", "old", "new"]).stdout
    assert "patent_applications" in text
    assert "+1 (+0.3%)" in text
    assert "Introduced by the new revision (1):" in text
    markdown = runner.invoke(app, ["diff", "old", "new", "--format", "markdown"]).stdout
    assert "| 洪都街办 | 2021 | 300 | 301 | ▲ +1 (+0.3%) |  |" in markdown
    assert "**Introduced by the new revision (1):**" in markdown


def test_bad_arguments_exit_2(sides: tuple[Path, Path]) -> None:
    for args in (["old"], ["old", "new", "nope"], ["old/targets.yaml", "new"]):
        result = runner.invoke(app, ["diff", *args])
        assert result.exit_code == 2, args
        assert result.stderr.startswith("planchk: error: ")


def test_unusable_side_exits_2(sides: tuple[Path, Path]) -> None:
    (sides[1] / "targets.yaml").write_text("plan: [broken\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", "old", "new"])
    assert result.exit_code == 2
    assert "Could not be read (1):" in result.stdout


# --- git revisions ---------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    git(repo, "init", "-q")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "v1")
    git(repo, "tag", "v1")
    edit(repo / "data" / "targets.yaml", "[300, 50, 53]", "[301, 50, 53]")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qam", "v2")
    git(repo, "tag", "v2")
    monkeypatch.chdir(repo)
    return repo


def test_a_revision_against_the_working_tree(repo: Path) -> None:
    edit(repo / "data" / "targets.yaml", "[301, 50, 53]", "[300, 50, 53]")
    _, document = diff("HEAD")
    assert document["old"] == "HEAD"
    assert document["new"] == "working tree"
    assert [c["path"] for c in document["changes"]] == [
        "indicators.patent_applications.values.洪都街办.2021"
    ]
    assert [f["code"] for f in document["findings"]["resolved"]] == ["PC101"]
    assert document["findings"]["resolved"][0]["file"] == "HEAD:data/targets.yaml"


def test_two_revisions_and_a_path(repo: Path) -> None:
    _, document = diff("v1", "v2", "data/targets.yaml")
    assert [c["path"] for c in document["changes"]] == [
        "indicators.patent_applications.values.洪都街办.2021"
    ]
    assert [f["code"] for f in document["findings"]["introduced"]] == ["PC101"]
    _, only_tasks = diff("v1", "v2", "data/tasks.yaml")
    assert only_tasks["changes"] == []
    _, with_separator = diff("v1", "v2", "--", "data/targets.yaml")
    assert with_separator["changes"] == document["changes"]


def test_a_missing_revision_or_path_in_a_revision(repo: Path) -> None:
    missing = runner.invoke(app, ["diff", "v9"])
    assert missing.exit_code == 2
    assert "v9: neither an existing file or directory nor a git revision" in missing.stderr
    (repo / "extra.yaml").write_text("plan: {}\n", encoding="utf-8")
    absent = runner.invoke(app, ["diff", "v1", "extra.yaml"])
    assert absent.exit_code == 2
    assert "extra.yaml does not exist in revision v1" in absent.stderr


def test_git_diff_driver(repo: Path) -> None:
    (repo / ".gitattributes").write_text("data/*.yaml diff=planchk\n", encoding="utf-8")
    git(repo, "config", "diff.planchk.command", f"{sys.executable} -m planchk diff-driver")
    shown = git(repo, "diff", "--ext-diff", "v1", "v2")
    assert "planchk diff: old:data/targets.yaml → new:data/targets.yaml" in shown
    assert "洪都街办" in shown
    assert "Introduced by the new revision (1):" in shown
    assert "PC101" in shown


def test_indicator_and_alias_changes(sides: tuple[Path, Path]) -> None:
    targets = sides[1] / "targets.yaml"
    edit(
        targets,
        "  新经济产业集聚区: 集聚区\n",
        "  新经济产业集聚区: 集聚区\n  三家店: 三家店街办\n",
    )
    text = targets.read_text(encoding="utf-8")
    start = text.index("  patent_applications:\n    name")
    end = text.index("# 二、主要目标")
    targets.write_text(text[:start] + text[end:], encoding="utf-8")
    _, document = diff("old", "new")
    assert ("alias-added", "aliases.三家店") in kinds(document)
    assert ("indicator-removed", "indicators.patent_applications") in kinds(document)
    resolved = {f["code"] for f in document["findings"]["resolved"]}
    assert "PC202" in resolved  # the patent drops went with the table
    assert "PC032" in {f["code"] for f in document["findings"]["introduced"]}  # goal lost its table


def test_a_directory_named_like_the_base_revision_is_ambiguous(repo: Path) -> None:
    """Issue 17 §4: a pull request that adds origin/main/ holding a copy of its own plan made
    the documented gate compare the plan with itself and say "No differences"."""
    git(repo, "update-ref", "refs/remotes/origin/main", "v1")  # the base, as CI fetches it
    shutil.copytree(repo / "data", repo / "origin" / "main")  # the PR's shadow copy of v2
    ambiguous = runner.invoke(app, ["diff", "origin/main", "data/", "--fail-on-new", "error"])
    assert ambiguous.exit_code == 2
    assert "origin/main is both a file or directory here and a git revision" in ambiguous.stderr
    assert "planchk diff origin/main -- PATHS" in ambiguous.stderr
    # With git's separator the revision is the revision: v1 -> working tree (v2) adds PC101.
    _, document = diff("origin/main", "--", "data/")
    assert document["old"] == "origin/main"
    assert [f["code"] for f in document["findings"]["introduced"]] == ["PC101"]
    # Options go before the separator: after it, everything is a path (as with git).
    gate = runner.invoke(app, ["diff", "--fail-on-new", "error", "origin/main", "--", "data/"])
    assert gate.exit_code == 1
    # After the separator a path is a path, even one named like a revision.
    _, paths = diff("--", "origin/main", "data/")
    assert paths["old"] == "origin/main"
    assert paths["changes"] == []  # the shadow copy and data/ are the same plan


def test_a_revision_that_looks_like_an_option_never_reaches_git_as_one(repo: Path) -> None:
    from planchk.diff.sides import _show

    assert _show("--output=x", Path("data/targets.yaml")) is None
    assert not (repo / "x").exists()
    assert _show("HEAD", Path("data/targets.yaml")) == (repo / "data/targets.yaml").read_bytes()


def test_the_working_tree_is_named_in_the_chosen_language(repo: Path) -> None:
    shown = runner.invoke(app, ["--lang", "zh", "diff", "HEAD"]).stdout
    assert "HEAD → 工作区" in shown
    assert "working tree" not in shown
    markdown = runner.invoke(app, ["--lang", "zh", "diff", "HEAD", "-f", "markdown"]).stdout
    assert "HEAD → 工作区" in markdown
    _, document = diff("HEAD")
    assert document["new"] == "working tree"  # a key for programs, in every language


def test_a_revision_outside_a_git_repository_says_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = runner.invoke(app, ["diff", "HEAD"])
    assert result.exit_code == 2
    assert "HEAD: not an existing file or directory, and there is no git repository here" in (
        result.stderr
    )


def test_from_a_subfolder_the_default_data_is_the_repository_roots(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    validated = runner.invoke(app, ["validate", "-f", "json"])
    assert validated.exit_code == 1, validated.output  # v2's PC101
    assert json.loads(validated.stdout)["files"] == ["../data/targets.yaml", "../data/tasks.yaml"]
    _, document = diff("v1")
    assert [c["path"] for c in document["changes"]] == [
        "indicators.patent_applications.values.洪都街办.2021"
    ]
    _, same = diff("HEAD")
    assert same["changes"] == []
