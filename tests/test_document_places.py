"""Where a finding on a plan document is: the place in the document's terms, and for a text
export or a web page the line and column where its cell or paragraph starts, the same in the
text, JSON and SARIF outputs; a .docx (a zip archive) has the place alone.

Every expected position is worked out here from the file's own text, independently of the
readers: the line of a cell in the text export, the offset of a `<td>` in the page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from planchk.cli import app
from tests import documents
from tests.cli_runner import CliRunner
from tests.paths import SARIF_SCHEMA

runner = CliRunner()
CELL = "附件 表4 第4行 第3列"  # 洪都街办's 2022 patents: PC202, it falls from 300 to 50
PATENTS_TITLE = "（三）发明专利申请量指导性任务分解表"
GOALS = "第8段"  # the goals' paragraph: PC502


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _json(document: Path) -> dict[tuple[str, str], tuple[int, int]]:
    result = _run("validate", document, "-f", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["findings"]
    return {(f["code"], f["place"]): (f["line"], f["column"]) for f in found}


def _sarif(document: Path) -> dict[tuple[str, str], dict[str, Any]]:
    result = _run("validate", document, "-f", "sarif")
    assert result.exit_code == 0, result.output
    sarif = json.loads(result.stdout)
    if SARIF_SCHEMA.is_file():
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.validate(sarif, schema, format_checker=jsonschema.FormatChecker())
    found = {}
    for r in sarif["runs"][0]["results"]:
        (location,) = r["locations"]
        found[(r["ruleId"], location["logicalLocations"][0]["name"])] = location
    return found


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _text_cell(text: str) -> tuple[int, int]:
    """洪都街办's 2022 cell in the patents table: two lines under its name, after the tab."""
    lines = text.split("\n")
    title = lines.index(PATENTS_TITLE)
    name = next(n for n in range(title, len(lines)) if lines[n] == "\t洪都街办")
    assert lines[name + 2] == "\t50"
    return name + 3, 2


def _page_cell(page: str) -> tuple[int, int]:
    """洪都街办's 2022 cell in the patents table: the second <td> after the one naming it."""
    table = page.index("<table", page.index(PATENTS_TITLE))
    name = page.index("<td>洪都街办</td>", table)
    cells = [m.start() for m in re.finditer("<td", page[name:])]
    return _line_col(page, name + cells[2])


def test_a_text_export_places_findings_at_their_lines(tmp_path: Path) -> None:
    document = documents.write_text(tmp_path / "plan.txt", documents.data_blocks())
    text = document.read_text(encoding="utf-8")
    cell = _text_cell(text)
    goals = (text.split("\n").index(next(x for x in text.split("\n") if x.startswith("主要目标：")))
             + 1, 1)  # fmt: skip
    found = _json(document)
    assert found[("PC202", CELL)] == cell
    assert found[("PC502", GOALS)] == goals
    sarif = _sarif(document)
    region = sarif[("PC202", CELL)]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == cell
    shown = _run("validate", document).stdout
    assert f"{document}:{cell[0]}:{cell[1]}: {CELL}: warning PC202" in shown
    assert f"{document}:{goals[0]}:1: {GOALS}: warning PC502" in shown
    lines = [line.split(": ")[0] for line in shown.splitlines() if line.startswith("  ")]
    numbers = [int(line.split(":")[1]) for line in lines]
    assert numbers == sorted(numbers)  # in the file's order


def test_a_web_page_places_findings_at_their_elements(tmp_path: Path) -> None:
    document = documents.write_html(tmp_path / "plan.html", documents.data_blocks())
    page = document.read_text(encoding="utf-8")
    cell = _page_cell(page)
    found = _json(document)
    assert found[("PC202", CELL)] == cell
    goals = _line_col(page, page.index("<p style='text-indent:2em'>主要目标："))
    assert found[("PC502", GOALS)] == goals
    region = _sarif(document)[("PC202", CELL)]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == cell
    assert (
        f"{document}:{cell[0]}:{cell[1]}: {CELL}: warning PC202"
        in _run("validate", document).stdout
    )


def test_a_page_whose_lines_hold_markup_that_is_not_the_pages(tmp_path: Path) -> None:
    """A `<td>` in a script's string or a comment on the cell's line, and CRLF line ends: the
    column is still that of the cell's own tag."""
    document = documents.write_html(tmp_path / "plan.html", documents.data_blocks())
    page = document.read_text(encoding="utf-8")
    decoy = "<script>var t = '<td>x</td><p>y</p>';</script><!-- <td>old</td> -->"
    page = page.replace("<table", decoy + "<table").replace("\n", "\r\n")
    document.write_bytes(page.encode("utf-8"))
    found = _json(document)
    assert found[("PC202", CELL)] == _page_cell(page.replace("\r\n", "\n"))


def test_a_text_export_with_crlf_and_a_page_break(tmp_path: Path) -> None:
    document = documents.write_text(tmp_path / "plan.txt", documents.data_blocks())
    text = document.read_text(encoding="utf-8")
    cell = _text_cell(text)
    # a form feed (a page break) starts a line of text, not a numbered line
    text = text.replace(f"\n{PATENTS_TITLE}", f"\f{PATENTS_TITLE}").replace("\n", "\r\n")
    document.write_bytes(text.encode("utf-8"))
    assert _json(document)[("PC202", CELL)] == (cell[0] - 1, 2)


def test_a_docx_has_the_place_alone(tmp_path: Path) -> None:
    document = documents.write_docx(tmp_path / "plan.docx", documents.data_blocks())
    assert _json(document)[("PC202", CELL)] == (0, 0)
    location = _sarif(document)[("PC202", CELL)]
    assert "region" not in location["physicalLocation"]  # a zip archive: no text region
    assert location["logicalLocations"] == [{"name": CELL}]
    assert f"{document}: {CELL}: warning PC202" in _run("validate", document).stdout


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_diff_of_two_drafts_gives_positions_too(tmp_path: Path, suffix: str) -> None:
    write = documents.write_text if suffix == "txt" else documents.write_html
    old = write(tmp_path / f"old.{suffix}", documents.data_blocks())
    new = write(tmp_path / f"new.{suffix}", documents.data_blocks())
    result = _run("diff", old, new, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    remaining = json.loads(result.stdout)["findings"]["remaining"]
    placed = [f for f in remaining if f.get("place") == CELL and f["code"] == "PC202"]
    assert placed
    assert all(f["line"] > 0 and f["column"] > 0 for f in placed)


def test_github_annotations_name_the_place(tmp_path: Path) -> None:
    for write, suffix in ((documents.write_docx, "docx"), (documents.write_text, "txt")):
        document = write(tmp_path / f"plan.{suffix}", documents.data_blocks())
        shown = _run("validate", document, "-f", "github").stdout
        line = next(x for x in shown.splitlines() if f"::{CELL}: " in x and "PC202" in x)
        assert ("line=" in line) == (suffix == "txt"), line
