"""`-` reads a plan file from stdin; --stdin-filename names it for positions and pairing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import Result

from planchk.cli import app
from planchk.loader.discover import discover
from tests import documents
from tests.cli_runner import CliRunner
from tests.paths import DATA, ROOT

runner = CliRunner()
TARGETS = (DATA / "targets.yaml").read_bytes()
FUNDS = ROOT / "docs" / "examples" / "funds.csv"


def _json(*args: str, stdin: bytes = TARGETS) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["validate", "-f", "json", *args], input=stdin)
    return result.exit_code, json.loads(result.stdout)


def test_dash_reads_the_targets_file_from_stdin() -> None:
    code, document = _json("-")
    assert code == 0
    assert document["files"] == ["-"]
    findings = document["findings"]
    assert isinstance(findings, list)
    assert ("-", 69, 21, "PC202") in {
        (f["file"], f["line"], f["column"], f["code"]) for f in findings
    }


def test_stdin_filename_names_the_positions() -> None:
    named = str(DATA / "targets.yaml")
    code, document = _json("-", "--stdin-filename", named)
    assert code == 0
    assert document["files"] == [named]
    findings = document["findings"]
    assert isinstance(findings, list)
    assert {f["file"] for f in findings} == {named}  # the tasks file beside is context only


def test_a_targets_file_from_stdin_pairs_with_the_tasks_file_beside_its_name() -> None:
    found = discover([Path("-")], 10**6, stdin=io.BytesIO(TARGETS), stdin_filename=DATA / "x.yaml")
    [plan] = found.plans
    assert plan.tasks is not None
    assert plan.tasks.path == DATA / "tasks.yaml"
    assert plan.reported == {str(DATA / "x.yaml")}
    [alone] = discover([Path("-")], 10**6, stdin=io.BytesIO(TARGETS)).plans
    assert alone.tasks is None


def test_a_tasks_file_from_stdin_has_the_targets_beside_its_name_as_context() -> None:
    tasks = (DATA / "tasks.yaml").read_bytes()
    named = str(DATA / "tasks.yaml")
    code, document = _json("-", "--stdin-filename", named, stdin=tasks)
    findings = document["findings"]
    assert isinstance(findings, list)
    codes = {f["code"] for f in findings}
    assert code == 0
    assert "PC601" in codes
    assert "PC014" not in codes
    _, alone = _json("-", stdin=tasks)
    assert isinstance(alone["findings"], list)
    assert "PC014" in {f["code"] for f in alone["findings"]}  # no targets: said so


def test_stdin_over_the_size_limit_is_refused() -> None:
    code, document = _json("-", "--max-bytes", "100")
    assert code == 2
    findings = document["findings"]
    assert isinstance(findings, list)
    assert [f["code"] for f in findings] == ["PC012"]


# --- report, diff and import read `-` as validate does ------------------------------------------


def _alone(tmp_path: Path) -> Path:
    """data/targets.yaml copied where no tasks file stands beside it."""
    copy = tmp_path / "alone" / "targets.yaml"
    copy.parent.mkdir()
    copy.write_bytes(TARGETS)
    return copy


def test_report_of_stdin_is_the_report_of_the_file_it_names(tmp_path: Path) -> None:
    named = _alone(tmp_path)
    piped, on_disk = tmp_path / "piped.html", tmp_path / "disk.html"
    args = ["report", "-", "--stdin-filename", str(named), "-o", str(piped)]
    assert runner.invoke(app, args, input=TARGETS).exit_code == 0
    assert runner.invoke(app, ["report", str(named), "-o", str(on_disk)]).exit_code == 0
    assert piped.read_bytes() == on_disk.read_bytes()
    assert "PC202" in piped.read_text(encoding="utf-8")


def test_report_of_stdin_pairs_with_the_tasks_beside_its_name(tmp_path: Path) -> None:
    args = ["report", "-", "--stdin-filename", str(DATA / "targets.yaml"), "-f", "markdown"]
    result = runner.invoke(app, args, input=TARGETS)
    assert result.exit_code == 0
    assert "\n## Tasks\n" in result.stdout
    unnamed = runner.invoke(app, ["report", "-", "-f", "markdown"], input=TARGETS)
    assert unnamed.exit_code == 0
    assert "\n## Tasks\n" not in unnamed.stdout
    assert "from -." in unnamed.stdout


def _changed_copy(tmp_path: Path) -> Path:
    old = tmp_path / "old" / "targets.yaml"
    old.parent.mkdir()
    text = TARGETS.decode("utf-8")
    changed = text.replace("洪都街办:   [300, 50,", "洪都街办:   [300, 60,", 1)
    old.write_text(changed, encoding="utf-8")
    assert old.read_bytes() != TARGETS
    return old


def test_diff_reads_the_new_side_from_stdin(tmp_path: Path) -> None:
    old, new = _changed_copy(tmp_path), _alone(tmp_path)
    piped = ["diff", str(old), "-", "--stdin-filename", str(new), "-f", "json"]
    result = runner.invoke(app, piped, input=TARGETS)
    assert result.exit_code == 0, result.output
    on_disk = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    document = json.loads(result.stdout)
    assert document == json.loads(on_disk.stdout)
    changed = [c for c in document["changes"] if c["kind"] == "cell-changed"]
    assert [(c["args"]["old"], c["args"]["new"]) for c in changed] == [("60", "50")]
    unnamed = json.loads(runner.invoke(app, [*piped[:3], "-f", "json"], input=TARGETS).stdout)
    assert unnamed["new"] == "-"
    assert unnamed["changes"] == document["changes"]


def test_diff_reads_the_old_side_from_stdin_and_refuses_stdin_twice(tmp_path: Path) -> None:
    new = _changed_copy(tmp_path)
    result = runner.invoke(app, ["diff", "-", str(new), "-f", "json"], input=TARGETS)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["old"] == "-"
    for args in (["-", "-"], ["HEAD", "-"]):
        refused = runner.invoke(app, ["diff", *args], input=TARGETS)
        assert refused.exit_code == 2
        assert "OLD.yaml -" in refused.stderr
        assert "Traceback" not in refused.output


def _imported(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["import", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_import_of_a_csv_from_stdin_is_the_import_of_the_file() -> None:
    piped = _imported(["-", "--stdin-filename", str(FUNDS)], FUNDS.read_bytes())
    assert piped == _imported([str(FUNDS)])
    assert piped[0] == 0
    assert "合计" in piped[1]


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_import_of_zip_bytes_from_stdin(tmp_path: Path, suffix: str) -> None:
    """XLSX and DOCX are zip archives, read from their end: stdin is read whole first."""
    source = tmp_path / f"plan.{suffix}"
    if suffix == "xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        for row in csv.reader(io.StringIO(FUNDS.read_text(encoding="utf-8"))):
            sheet.append([_number(cell) for cell in row])
        book.save(source)
        out = ["-o", str(tmp_path / "out.yaml")]
    else:
        documents.write_docx(source, documents.data_blocks())
        out = ["-o", str(tmp_path / "plan")]
    from_disk = _imported([str(source), *out])
    assert from_disk[0] == 0, from_disk
    written = {p: p.read_bytes() for p in sorted(tmp_path.rglob("*.yaml"))}
    assert written
    piped = _imported(["-", "--stdin-filename", str(source), *out], source.read_bytes())
    assert piped == from_disk
    assert {p: p.read_bytes() for p in sorted(tmp_path.rglob("*.yaml"))} == written


def _number(cell: str) -> object:
    try:
        return int(cell)
    except ValueError:
        return cell or None


def test_import_from_stdin_needs_the_kind_and_stays_within_the_limit() -> None:
    raw = FUNDS.read_bytes()
    code, out, err = _imported(["-"], raw)
    assert (code, out) == (2, "")
    assert "--stdin-filename" in err
    code, _, err = _imported(["-", "--stdin-filename", "funds.pdf"], raw)
    assert code == 2
    assert "funds.pdf" in err
    code, out, err = _imported(["-", "--stdin-filename", "f.csv", "--max-bytes", "100"], raw)
    assert (code, out) == (2, "")
    assert "100" in err
    assert _imported(["-", "-", "--stdin-filename", "f.csv"], raw)[0] == 2


WRITERS = {"docx": documents.write_docx, "txt": documents.write_text, "html": documents.write_html}
PLACED = "附件 表4 第4行 第3列"  # 洪都街办's 2022 patents in the documents' tables: a PC202


def _piped_and_on_disk(path: Path, *args: str) -> tuple[Result, Result]:
    """The command on the file, then on its bytes from stdin with the file gone (so stdin is
    what was read), named by --stdin-filename."""
    on_disk = runner.invoke(app, [*args, str(path)])
    raw = path.read_bytes()
    path.unlink()
    piped = runner.invoke(app, [*args, "-", "--stdin-filename", str(path)], input=raw)
    return on_disk, piped


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_validate_of_a_document_from_stdin_is_the_validate_of_the_file(
    tmp_path: Path, suffix: str
) -> None:
    document = WRITERS[suffix](tmp_path / f"plan.{suffix}", documents.data_blocks())
    on_disk, piped = _piped_and_on_disk(document, "validate", "-f", "json")
    assert piped.exit_code == on_disk.exit_code == 0
    disk, pipe = (json.loads(r.stdout) for r in (on_disk, piped))
    assert pipe["files"] == disk["files"] == [str(document)]
    assert pipe["findings"] == disk["findings"]
    placed = {(f["code"], f.get("place"), f["file"]) for f in pipe["findings"]}
    assert ("PC202", PLACED, str(document)) in placed


def test_report_of_a_document_from_stdin_is_the_report_of_the_file(tmp_path: Path) -> None:
    document = documents.write_text(tmp_path / "plan.txt", documents.data_blocks())
    on_disk, piped = _piped_and_on_disk(document, "report", "-f", "markdown")
    assert piped.exit_code == on_disk.exit_code == 0
    assert piped.stdout == on_disk.stdout
    assert PLACED in piped.stdout


def test_diff_with_a_draft_from_stdin_is_the_diff_of_the_files(tmp_path: Path) -> None:
    old = documents.write_html(tmp_path / "old.html", documents.data_blocks())
    new = documents.write_html(tmp_path / "new.html", documents.data_blocks())
    on_disk = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    raw = new.read_bytes()
    new.unlink()
    piped = runner.invoke(
        app, ["diff", str(old), "-", "--stdin-filename", str(new), "-f", "json"], input=raw
    )
    assert piped.exit_code == on_disk.exit_code == 0, piped.output
    disk, pipe = json.loads(on_disk.stdout), json.loads(piped.stdout)
    assert pipe == disk
    remaining = pipe["findings"]["remaining"]
    assert any(f["code"] == "PC202" and f.get("place") == PLACED for f in remaining)
