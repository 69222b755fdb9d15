"""planchk import of plan documents: a Word file, a web page and a text export.

The seed text (../shared/seed/) and data/ rendered by the tests as .docx, .html and .txt import
into the plan data/ holds, with the same findings; documents with one thing wrong each get a
clear message and keep what could be read.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planchk.cli import app
from planchk.engine import check_paths
from planchk.loader import load_file
from planchk.models import TargetsFile, TasksFile
from planchk.report import Report
from tests import documents
from tests.cli_runner import CliRunner
from tests.paths import DATA
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
    counted = re.search(r"#zoom: (\d+) paragraphs? and (\d+) tables?;", said)
    assert counted is not None, said
    paragraphs, tables = map(int, counted.groups())
    assert paragraphs > 1
    assert f"{paragraphs} paragraphs and" in said
    assert f"{tables} table{'' if tables == 1 else 's'};" in said


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


# --- documents with one thing wrong -----------------------------------------------------------
def _refused(document: Path) -> str:
    result = _run("import", document, "-o", document.parent / "out")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not (document.parent / "out").exists()
    return str(result.stderr)


def _goal_lines(*lines: str) -> list[documents.Block]:
    return [documents.Heading("主要目标", "一、"), *(documents.Para(line) for line in lines)]


def _table(title: str | None, unit: str | None = "单位：件") -> documents.Grid:
    rows = [["县区", "2022年", "2023年"], ["全区", "30", "40"], ["甲街道", "10", "15"],
            ["乙街道", "20", "25"]]  # fmt: skip
    return documents.Grid(title, unit, rows)


def test_a_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    document = tmp_path / "plan.docx"
    document.write_text("方案正文", encoding="utf-8")
    assert "not a Word .docx file" in _refused(document)


def test_a_password_protected_docx(tmp_path: Path) -> None:
    document = tmp_path / "plan.docx"  # Word keeps an encrypted document in an OLE container
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    document.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64)
    assert "password-protected" in _refused(document)
    old_doc = tmp_path / "old.docx"
    old_doc.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    assert "old Word .doc" in _refused(old_doc)


def test_a_workbook_named_docx_and_a_zip_bomb(tmp_path: Path) -> None:
    workbook = tmp_path / "plan.docx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a Word document" in _refused(workbook)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))
    assert "unpack to" in _refused(bomb)


def test_a_document_over_the_size_limit(tmp_path: Path) -> None:
    document = documents.write_text(tmp_path / "plan.txt", documents.data_blocks())
    result = _run("import", document, "-o", tmp_path / "out", "--max-bytes", "100")
    assert result.exit_code == 2
    assert "more than the limit of 100" in result.stderr


def test_a_page_with_no_table_and_no_goal_is_refused(tmp_path: Path) -> None:
    page = documents.write_html(tmp_path / "news.html", [documents.Para("区领导调研科技企业。")])
    said = _refused(page)
    assert "no breakdown table, goal or task" in said


def test_a_page_with_goals_and_no_table_keeps_its_goals(tmp_path: Path) -> None:
    blocks = _goal_lines("到2025年，全区高新技术企业达到200家，研发投入增长10%。")
    page = documents.write_html(tmp_path / "plan.html", blocks)
    result = _run("import", page, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    goals = sorted((g.year, g.op, str(g.value), g.unit) for g in targets.goals.values())
    assert goals == [(2025, ">=", "10", "%"), (2025, ">=", "200", "家")]
    assert not (tmp_path / "out" / "tasks.yaml").exists()


def test_a_text_whose_table_is_cut_short(tmp_path: Path) -> None:
    document = documents.write_text(tmp_path / "plan.txt", [_table("（一）专利分解表")])
    text = document.read_text(encoding="utf-8")
    document.write_text(text[: text.rindex("\t25")], encoding="utf-8")  # ends in 乙街道's row
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "附件" not in result.stderr
    assert "表1 第4行: the row has 2 of the header's 3 cells" in result.stderr
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (indicator,) = targets.indicators.values()
    assert {a: [str(v) for v in row] for a, row in indicator.values.items()} == {
        "全区": ["30", "40"], "甲街道": ["10", "15"],
    }  # fmt: skip
    report = check_paths([tmp_path / "out"])
    assert [f.code for f in report.findings if f.code == "PC101"] == ["PC101", "PC101"]


def test_a_goal_with_its_figure_missing(tmp_path: Path) -> None:
    blocks = _goal_lines("到2023年，力争新增研发平台达到8个，力争高新技术企业达到个。")
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "第2段: `力争高新技术企业达到个` states a goal without a figure" in result.stderr
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert [(g.text, g.value) for g in targets.goals.values()] == [
        ("到2023年，力争新增研发平台达到8个", Decimal(8))
    ]


def test_a_table_without_its_title(tmp_path: Path) -> None:
    blocks = [*_goal_lines("到2023年，专利申请量达到40件。"), documents.Para("附件"), _table(None)]
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "附件 表1 has no title line above it" in result.stderr
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (indicator,) = targets.indicators.values()
    assert indicator.name == "附件表1"
    assert [str(v) for v in indicator.values["全区"]] == ["30", "40"]


def test_a_goal_stated_twice_differently(tmp_path: Path) -> None:
    blocks = [
        *_goal_lines("到2023年，专利申请量达到40件。"),
        documents.Heading("重点任务", "二、"),
        documents.Para("1.工作目标。到2023年，专利申请量达到45件。"),
        documents.Para("附件"),
        _table("（一）专利申请量分解表"),
    ]
    document = documents.write_text(tmp_path / "plan.txt", blocks)
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "第4段: `到2023年，专利申请量达到45件` states goal `专利申请量` differently" in (
        result.stderr
    )
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (goal,) = targets.goals.values()
    assert (goal.text, goal.value, goal.restated) == (
        "到2023年，专利申请量达到40件", Decimal(40), ["到2023年，专利申请量达到45件"],
    )  # fmt: skip
    checked = _run("validate", document, "-f", "json")
    import json

    (finding,) = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "PC507"]
    assert (finding["place"], finding["args"]["said"]) == ("第4段", "达到45件")
    assert checked.exit_code == 1  # an error: the plan says two things


def test_tasks_numbered_in_the_text_without_an_annex(tmp_path: Path) -> None:
    blocks: list[documents.Block] = [
        documents.Heading("重点任务", "一、"),
        documents.Para("（一）培育创新主体"),
        documents.Para("1.培育科技企业。加大培育力度。（责任单位：区科工局、各街办、镇）"),
        documents.Para("2.建设研发平台。支持企业建设平台。（责任单位：区发改委，区科工局）"),
    ]
    document = documents.write_html(tmp_path / "tasks.html", blocks)
    directory, _ = _import(document, tmp_path / "out")
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    (section,) = tasks.sections
    assert (section.number, section.title) == ("一", "培育创新主体")
    assert [(t.number, t.title, t.responsible) for t in section.tasks] == [
        (1, "培育科技企业", ["区科工局", "各街办、镇"]),
        (2, "建设研发平台", ["区发改委", "区科工局"]),
    ]
    assert tasks.groups["各街办、镇"].open


def _text_tasks(tmp_path: Path, blocks: list[documents.Block]) -> list[tuple[Any, ...]]:
    document = documents.write_html(tmp_path / "tasks.html", blocks)
    directory, _ = _import(document, tmp_path / "out")
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    return [
        (s.number, s.title, t.number, t.title, t.lead, t.responsible, t.cooperating)
        for s in tasks.sections
        for t in s.tasks
    ]


def test_each_role_of_a_text_task_is_its_own_list(tmp_path: Path) -> None:
    """（牵头单位：A；配合单位：B、C）: A leads, B and C cooperate (not an office named
    `配合单位：B`); a （一） paragraph that carries its offices is a task, not a section."""
    blocks: list[documents.Block] = [
        documents.Heading("重点任务", "二、"),
        documents.Para("（一）科学编制规划。编制专项规划。（责任单位：县农业农村局、县自然资源局）"),
        documents.Para("（二）强化工程管护。落实管护主体。（牵头单位：县农业农村局；配合单位：县水利局、各乡镇人民政府）"),
        documents.Para("（三）加强资金保障。统筹资金。（牵头部门：县财政局；责任部门：县农业农村局）"),
        documents.Para("（四）推进数字农业。建设平台。（牵头单位：县发改委，配合单位：县工信局、县财政局）"),
        documents.Para("（五）强化科技支撑。推广技术。（主责单位：县科技局；协同单位：县农业农村局）"),
    ]  # fmt: skip
    assert _text_tasks(tmp_path, blocks) == [
        ("一", "重点任务", 1, "科学编制规划", [], ["县农业农村局", "县自然资源局"], []),
        ("一", "重点任务", 2, "强化工程管护", ["县农业农村局"], [], ["县水利局", "各乡镇人民政府"]),
        ("一", "重点任务", 3, "加强资金保障", ["县财政局"], ["县农业农村局"], []),
        ("一", "重点任务", 4, "推进数字农业", ["县发改委"], [], ["县工信局", "县财政局"]),
        ("一", "重点任务", 5, "强化科技支撑", ["县科技局"], [], ["县农业农村局"]),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "note",
    ["注：排在第一位的为牵头单位。", "（列第一位的为牵头单位，下同）", "排名首位的是牵头单位。"],
)
def test_a_plan_that_says_the_first_office_leads(tmp_path: Path, note: str) -> None:
    blocks: list[documents.Block] = [
        documents.Heading("重点任务", "二、"),
        documents.Para(note),
        documents.Para("1.科学编制规划。编制专项规划。（责任单位：县农业农村局、县自然资源局）"),
        documents.Para(
            "2.强化工程管护。落实管护主体。（牵头单位：县水利局；责任单位：县农业农村局）"
        ),
    ]
    assert [task[4:6] for task in _text_tasks(tmp_path, blocks)] == [
        (["县农业农村局"], ["县自然资源局"]),  # the first leads, as the note says (no PC604)
        (["县水利局"], ["县农业农村局"]),  # a lead the text names is kept
    ]


def test_without_that_note_no_lead_is_made_up(tmp_path: Path) -> None:
    blocks: list[documents.Block] = [
        documents.Heading("重点任务", "二、"),
        documents.Para("1.科学编制规划。编制专项规划。（责任单位：县农业农村局、县自然资源局）"),
    ]
    [task] = _text_tasks(tmp_path, blocks)
    assert task[4:6] == ([], ["县农业农村局", "县自然资源局"])


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_task_table_kept_alone_as_a_spreadsheet(tmp_path: Path, suffix: str) -> None:
    rows = [["序号", "重点任务", "牵头单位", "责任单位", "配合单位"], ["（一）培育创新主体"],
            ["1", "培育科技企业", "区科工局", "各街办、镇、集聚区", "区财政局、区税务局"],
            ["2", "建设研发平台", "区发改委\n区科工局", "区科工局", ""]]  # fmt: skip
    table = tmp_path / f"tasks.{suffix}"
    if suffix == "csv":
        import csv

        with table.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows(rows)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        sheet.merge_cells("A2:E2")
        book.save(table)
    directory, _ = _import(table, tmp_path / "out")
    assert not (directory / "targets.yaml").exists()
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    assert [(t.number, t.lead, t.responsible, t.cooperating) for t in tasks.sections[0].tasks] == [
        (1, ["区科工局"], ["各街办、镇、集聚区"], ["区财政局", "区税务局"]),
        (2, ["区发改委", "区科工局"], ["区科工局"], []),
    ]
    assert tasks.sections[0].title == "培育创新主体"


def test_two_documents_at_once_and_into_are_refused(tmp_path: Path) -> None:
    first = documents.write_text(tmp_path / "a.txt", documents.data_blocks())
    second = documents.write_text(tmp_path / "b.txt", documents.data_blocks())
    assert _run("import", first, second, "-o", tmp_path / "out").exit_code == 2
    into = _run("import", first, "--into", DATA / "targets.yaml")
    assert into.exit_code == 2
    assert "--into" in into.stderr


def test_without_o_the_targets_go_to_stdout(tmp_path: Path) -> None:
    document = documents.write_text(tmp_path / "plan.txt", documents.data_blocks())
    result = _run("import", document)
    assert result.exit_code == 0
    assert result.stdout.startswith("# 青云谱区科技创新基础大提升三年行动实施方案")
    assert "-o DIR" in result.stderr  # the tasks were read, not written
    single = _run("import", document, "-o", tmp_path / "plan.yaml")
    assert single.exit_code == 0
    assert "indicators:" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")


# --- checking a document directly ---------------------------------------------------------------
@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_validate_a_document_places_each_finding_in_it(
    tmp_path: Path, suffix: str, expected: tuple[dict[str, Any], list[Any]]
) -> None:
    import json

    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", documents.data_blocks())
    result = _run("validate", document, "-f", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["files"] == [str(document)]
    places = {(f["code"], f["args"].get("area"), f["args"].get("task")): f["place"]
              for f in found["findings"]}  # fmt: skip
    # 洪都街办's 2022 patents: the fourth table of the annex, row 4 (after the header, 青云谱区,
    # 三家店街办), column 3 (2022年)
    assert places[("PC202", "洪都街办", None)] == "附件 表4 第4行 第3列"
    assert places[("PC403", None, None)] == "附件 表3"
    assert places[("PC604", None, 5)] == "附件 表1 第8行"  # header, group row, tasks 1-4, group, 5
    assert places[("PC601", None, 1)] == "第11段"  # task 1's paragraph in the text
    assert places[("PC502", "青云谱区", None)] == "第8段"  # the goals' paragraph
    assert all(f["file"] == str(document) for f in found["findings"])
    # a .docx has no lines; a .txt and a web page give each place's (test_document_places.py)
    assert all((f["line"] > 0) == (suffix != "docx") for f in found["findings"])
    codes = sorted(f["code"] for f in found["findings"])
    assert codes == sorted(f[0] for f in expected[1])


def test_validate_text_output_and_a_bad_document(tmp_path: Path) -> None:
    document = documents.write_docx(tmp_path / "plan.docx", documents.data_blocks())
    result = _run("validate", document, DATA)
    assert result.exit_code == 0, result.output
    assert f"{document}: 附件 表4 第4行 第3列: warning PC202" in result.stdout
    assert "data/targets.yaml:" in result.stdout  # a plan directory beside it, as usual
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    refused = _run("validate", broken)
    assert refused.exit_code == 2
    assert "not a Word .docx file" in refused.stderr
    assert "Traceback" not in refused.output


def test_sarif_of_a_document_is_valid_and_names_the_place(tmp_path: Path) -> None:
    import json

    import jsonschema

    from tests.paths import SARIF_SCHEMA

    document = documents.write_html(tmp_path / "plan.html", documents.data_blocks())
    result = _run("validate", document, "-f", "sarif")
    assert result.exit_code == 0, result.output
    sarif = json.loads(result.stdout)
    if SARIF_SCHEMA.is_file():
        jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    (run,) = sarif["runs"]
    names = {r["locations"][0]["logicalLocations"][0]["name"] for r in run["results"]}
    assert "附件 表4 第4行 第3列" in names
    # a web page is text: each place has its region in the page's source
    assert all("region" in r["locations"][0]["physicalLocation"] for r in run["results"])


@pytest.mark.skipif(not SEED.is_file(), reason="the seed text (../shared/seed/) is absent")
def test_the_readme_shows_what_validate_says_on_the_seed_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split("<!-- document-output -->\n```text\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(SEED.parent)
    result = _run("validate", SEED.name)
    assert result.exit_code == 0
    assert result.stdout.startswith(shown)


def _patents_changed(blocks: list[documents.Block], area: str, column: int, value: str) -> None:
    for block in blocks:
        if isinstance(block, documents.Grid) and block.title and "发明专利" in block.title:
            next(row for row in block.rows if row[0] == area)[column] = value


def test_a_table_that_does_not_add_up_is_read_and_reported(tmp_path: Path) -> None:
    blocks = documents.data_blocks()
    _patents_changed(blocks, "洪都街办", 2, "60")  # 2022: the parts now add up to 575, not 565
    document = documents.write_text(tmp_path / "plan.txt", blocks)
    result = _run("validate", document, "-f", "json")
    assert result.exit_code == 1
    assert "附件 表4: the first row, 青云谱区, is taken as the total" in result.stderr
    import json

    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "PC101"]
    assert finding["place"] == "附件 表4 第2行 第3列"  # 青云谱区's 2022 total
    assert (finding["args"]["parts"], finding["args"]["total"]) == ("575", "565")


def test_diff_of_two_drafts_places_changes_and_findings_in_each(tmp_path: Path) -> None:
    import json

    old = documents.write_docx(tmp_path / "征求意见稿.docx", documents.data_blocks())
    blocks = documents.data_blocks()
    _patents_changed(blocks, "洪都街办", 2, "60")
    new = documents.write_html(tmp_path / "修改稿.html", blocks)
    result = _run("diff", old, new, "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["old"], report["new"]) == (str(old), str(new))
    (change,) = report["changes"]
    assert (change["args"]["area"], change["args"]["year"]) == ("洪都街办", 2022)
    assert (change["args"]["old"], change["args"]["new"]) == ("50", "60")
    introduced = {(f["code"], f["file"], f["place"]) for f in report["findings"]["introduced"]}
    assert ("PC101", str(new), "附件 表4 第2行 第3列") in introduced
    assert all(f["file"] == str(new) for f in report["findings"]["remaining"])


def test_report_of_a_document_marks_its_cells(tmp_path: Path) -> None:
    blocks = documents.data_blocks()
    _patents_changed(blocks, "洪都街办", 2, "60")
    document = documents.write_docx(tmp_path / "plan.docx", blocks)
    result = _run("report", document, "-f", "markdown")
    assert result.exit_code == 0, result.output
    # the total's cell is marked in the table, and the finding names its place in the document
    assert "| **青云谱区** | **513** | **565** ❌ PC101 (Σ 575) | **609** |" in result.stdout
    assert f"- `{document}: 附件 表4 第2行 第3列` ❌ PC101" in result.stdout
    html = _run("report", document, "-o", tmp_path / "report.html")
    assert html.exit_code == 0
    assert "附件 表4 第2行 第3列" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_validate_sends_to_the_readers_what_they_read() -> None:
    from planchk.importers.documents import READERS
    from planchk.loader.discover import DOCUMENT_SUFFIXES

    assert set(READERS) == set(DOCUMENT_SUFFIXES)


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
     (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"),
     (3, "chineseLegalSimplified", "叁"), (2, "ideographTraditional", "乙"),
     (3, "decimalEnclosedCircle", "③"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
     (7, "decimal", "7"), (5, "decimalFullWidth", "５"), (1, "bullet", "")],
)  # fmt: skip
def test_word_numbering_is_printed_as_word_prints_it(value: int, fmt: str, printed: str) -> None:
    from planchk.importers.documents.numbering import _format

    assert _format(value, fmt) == printed


def test_a_word_table_with_a_merged_two_row_header(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("（一）高新技术企业数量指导性任务分解表")
    document.add_paragraph("单位：家")
    rows = [
        ["县区", "2021年", "2022年", "2023年"],
        ["", "目标", "目标", "目标"],
        ["全区", "30", "33", "40"],
        ["甲街道", "10", "13", "15"],
        ["乙街道", "20", "20", "25"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(1, 0))  # 县区 spans the two header rows
    table.cell(0, 0).text = "县区"
    path = tmp_path / "plan.docx"
    document.save(str(path))
    directory, _ = _import(path, tmp_path / "out")
    targets = load_file(directory / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    (indicator,) = targets.indicators.values()
    assert (indicator.name, indicator.unit, indicator.years) == (
        "高新技术企业数量",
        "家",
        [2021, 2022, 2023],
    )
    assert [str(v) for v in indicator.values["乙街道"]] == ["20", "20", "25"]
    checked = _run("validate", path, "-f", "json")
    import json

    places = {f["code"]: f.get("place") for f in json.loads(checked.stdout)["findings"]}
    assert places.get("PC201") is None  # 乙街道 stays at 20: no fall
    assert checked.exit_code == 0


def test_a_text_export_that_indents_a_paragraph_with_a_tab(tmp_path: Path) -> None:
    document = tmp_path / "plan.txt"
    document.write_text(
        "一、主要目标\n\n\t到2023年，力争高新技术企业超过130家，专利申请量达到40件。\n\n"
        "\t二、重点任务\n\t1.培育科技企业。加大力度。（责任单位：区科工局）\n",
        encoding="utf-8",
    )  # a paragraph alone between blank lines, and two in one run: no table either way
    directory, _ = _import(document, tmp_path / "plan")
    targets = load_file(directory / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert sorted(str(g.value) for g in targets.goals.values()) == ["130", "40"]
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    assert [t.title for s in tasks.sections for t in s.tasks] == ["培育科技企业"]


def test_what_was_read_is_counted_in_plurals(tmp_path: Path) -> None:
    document = FORMATS["docx"](tmp_path / "plan.docx", documents.data_blocks())
    _, said = _import(document, tmp_path / "plan")
    assert "(s)" not in said  # the table reader's log of each table included
    counted = re.search(
        r"read (\d+) breakdown tables?, (\d+) goals?, (\d+) tasks? in (\d+) sect", said
    )
    assert counted is not None, said
    for number, word in zip(counted.groups(), ("table", "goal", "task", "section"), strict=True):
        noun = word if number == "1" else word + "s"
        assert f"{number} {'breakdown ' if word == 'table' else ''}{noun}" in said


@pytest.mark.parametrize(
    ("above", "title"), [("2024年重点任务清单\n", "2024年重点任务清单"), ("", "重点任务")]
)
def test_a_task_table_with_no_group_rows_is_one_section(
    tmp_path: Path, above: str, title: str
) -> None:
    """No （一） row over the tasks: one section named by the title line (was an empty title,
    a file import could not read back)."""
    table = tmp_path / "tasks.csv"
    table.write_text(
        f"{above}序号,重点任务,责任单位,完成时限\n1,建设村级服务站,县民政局,2024年10月\n"
        "2,改造农贸市场,县商务局,2024年12月\n",
        encoding="utf-8",
    )
    directory, _ = _import(table, tmp_path / "out")
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    (section,) = tasks.sections
    assert section.title == title
    assert [(t.number, t.title, t.responsible) for t in section.tasks] == [
        (1, "建设村级服务站", ["县民政局"]),
        (2, "改造农贸市场", ["县商务局"]),
    ]


def test_offices_marked_with_their_role_in_one_list(tmp_path: Path) -> None:
    """A 责任单位 column that marks the lead (县民政局（牵头）, 县住建局牵头) and the helpers
    (县民政局配合): each office under its role, its name without the mark (it was
    `县民政局（牵头`, an office that does not exist)."""
    table = tmp_path / "tasks.csv"
    table.write_text(
        "2025年重点任务清单\n序号,重点任务,责任单位,完成时限\n"
        "1,建设村级服务站,县民政局（牵头）、各乡镇人民政府,2025年10月\n"
        "2,完善养老服务网络,县民政局、县卫健委(牵头),2025年12月\n"
        '3,推进适老化改造,"县住建局牵头，县民政局配合",2025年12月\n',
        encoding="utf-8",
    )
    directory, _ = _import(table, tmp_path / "out")
    tasks = load_file(directory / "tasks.yaml", "t").model
    assert isinstance(tasks, TasksFile)
    assert [(t.lead, t.responsible, t.cooperating) for t in tasks.sections[0].tasks] == [
        (["县民政局"], ["各乡镇人民政府"], []),
        (["县卫健委"], ["县民政局"], []),
        (["县住建局"], [], ["县民政局"]),
    ]
    assert "县民政局（牵头" not in (directory / "tasks.yaml").read_text(encoding="utf-8")


WEB_PLAN = """<html><head><meta charset="utf-8"><title>某市2025年农村公路建设实施方案</title></head>
<body><div class="TRS_Editor">
<p>某市2025年农村公路建设实施方案</p>
<p>一、工作目标</p>
<p>到2025年底，全市农村公路总里程达到8000公里以上。</p>
<p>二、主要任务</p>
<p>1.推进农村公路新改建。（责任单位：市交通运输局，各县区人民政府）</p>
<p>2.加强养护管理。（责任单位：市交通运输局、市财政局）</p>
<p>附件：1.2025年农村公路建设任务分解表</p>
<table border="1">
<tr><td colspan="5">2025年农村公路建设任务分解表</td></tr>
<tr><td colspan="5">单位：公里、万元</td></tr>
<tr><td>序号</td><td>县区</td><td>新改建里程（公里）</td><td>补助资金（万元）</td><td>备注</td></tr>
<tr><td colspan="2">合计</td><td>500</td><td>15000</td><td></td></tr>
<tr><td>1</td><td>甲县</td><td>200</td><td>6000</td><td></td></tr>
<tr><td>2</td><td>乙县</td><td>180</td><td>5400</td><td>含桥梁2座</td></tr>
<tr><td>3</td><td>丙区</td><td>120</td><td>3600</td><td></td></tr>
</table></div></body></html>
"""


def test_a_web_page_plan_as_county_sites_print_it(tmp_path: Path) -> None:
    """The annex line names the table (附件：1.…表), the table prints its own title and 单位
    rows, two categories in one table, tasks with 责任单位 only: read as printed, no alarm."""
    page = tmp_path / "plan.html"
    page.write_text(WEB_PLAN, encoding="utf-8")
    directory, log = _import(page, tmp_path / "out")
    assert "table 「2025年农村公路建设任务分解表」" in log  # not 「附件：1.2025年…」
    assert "read 1 breakdown table, 1 goal, 2 tasks in 1 section" in log
    targets = load_file(directory / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)
    assert {i.name: (i.unit, i.values["乙县"][0]) for i in targets.indicators.values()} == {
        "新改建里程": ("公里", Decimal(180)),
        "补助资金": ("万元", Decimal(5400)),
    }
    checked = _run("validate", directory, "-f", "json")
    assert checked.exit_code == 0, checked.stdout


def test_a_plan_directory_named_like_a_document_is_a_plan_directory(tmp_path: Path) -> None:
    """A folder `v2.html` of plan files is checked as a plan directory (it was read as a web
    page: 'cannot read the file: Is a directory', exit 2), by validate, report and diff."""
    folder = tmp_path / "v2.html"
    shutil.copytree(DATA, folder)
    assert _run("validate", folder).exit_code == 0
    assert _run("report", folder, "-o", tmp_path / "r.html").exit_code == 0
    compared = _run("diff", folder, DATA)
    assert compared.exit_code == 0, compared.output
    assert "0 changes" in compared.output
