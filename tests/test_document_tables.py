"""A document's tables through the table reader: its log of what it inferred and skipped is
passed on per table (`附件 表2: …`), in the printed table's own row numbers, to stderr and as
comments in targets.yaml, as for a CSV or XLSX table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planchk.cli import app
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests import documents

runner = CliRunner()
FORMATS = {"docx": documents.write_docx, "html": documents.write_html, "txt": documents.write_text}


def _run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _noted_table() -> list[documents.Block]:
    rows = [
        ["县区", "2022年", "2023年"],
        ["全区", "30", "40"],
        ["甲街道", "10", "待定"],
        ["乙街道", "20", "25"],
        ["注：2023年甲街道的任务待定。"],
    ]
    table = documents.Grid("（一）专利申请量分解表", "单位：件", rows, spans={4: 3})
    return [documents.Para("附件"), table]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_the_table_log_is_passed_on_in_the_printed_rows(tmp_path: Path, suffix: str) -> None:
    document = FORMATS[suffix](tmp_path / f"plan.{suffix}", _noted_table())
    result = _run("import", document, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert f"{document}: 附件 表1: table 「（一）专利申请量分解表」" in said
    # rows counted as the document prints the table: the header is its 第1行, 全区 its 第2行
    assert re.search(r"header: rows? 1;", said), said
    assert "total row: 全区 (row 2)" in said
    assert re.search(
        r"rows? 5 after the table (is a note|are notes), not imported: 注：2023年", said
    )
    assert re.search(r"column 2023年: 1 cells? holds? text \(待定\)", said)
    written = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    comments = [line[2:] for line in written.splitlines() if line.startswith("# ")]
    logged = said[said.index(f"{document}: 附件 表1: table") :].splitlines()
    logged = logged[: next(i for i, line in enumerate(logged[1:], 1) if not line[:1].isspace())]
    assert [line.rstrip() for line in logged] == comments[comments.index(logged[0]) :][
        : len(logged)
    ]
    targets = load_file(tmp_path / "out" / "targets.yaml", "t").model
    assert isinstance(targets, TargetsFile)  # the comments keep the file readable
    (indicator,) = targets.indicators.values()
    assert [str(v) if v is not None else None for v in indicator.values["甲街道"]] == ["10", None]


def test_validate_shows_the_table_log(tmp_path: Path) -> None:
    document = documents.write_docx(tmp_path / "plan.docx", _noted_table())
    result = _run("validate", document)
    assert "Traceback" not in result.output
    assert f"{document}: 附件 表1: table 「（一）专利申请量分解表」" in result.stderr
    assert "total row: 全区 (row 2)" in result.stderr
