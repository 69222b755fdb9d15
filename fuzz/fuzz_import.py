"""Coverage-guided fuzzing of the table importer with atheris (not run in CI).

    python -m venv .fuzz && .fuzz/bin/pip install atheris -e .
    .fuzz/bin/python fuzz/fuzz_import.py /tmp/fuzz-import fuzz/corpus_import -max_total_time=600

Each input is imported the way `planchk import TABLE -o targets.yaml` imports it (run_import),
as one of (the first byte chooses):

- CSV text: the rest of the bytes as they are, or decoded as UTF-8 and written back in GBK,
  UTF-16 (with its BOM), UTF-8 with a BOM or GB18030;
- an XLSX workbook built with openpyxl from the rest read as CSV (one cell a field; numbers
  where a field is one);
- the rest of the bytes as they are, named .xlsx.

A refusal (planchk's PlanchkError: the message the user sees, exit 2) is expected. Anything
else is a bug: atheris stops and writes the input to crash-*. When the import succeeds, the
written targets file is loaded and checked the way `planchk validate` checks it, and that must
not raise either (nor find the file unusable: import checks what it writes).
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import openpyxl

    from planchk.engine import check_paths
    from planchk.errors import PlanchkError
    from planchk.formatters import RenderOptions, get
    from planchk.importers import Options
    from planchk.importers.plandir import run_import

WORK = Path(tempfile.mkdtemp(prefix="planchk-fuzz-import-"))
ENCODINGS = ("utf-8", "gbk", "utf-16", "utf-8-sig", "gb18030")


def check(data: bytes) -> None:
    if len(data) < 2:
        return
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    choice, body = data[0] % 8, data[1:]
    if choice < len(ENCODINGS):
        table = WORK / "表1.csv"
        table.write_bytes(body if choice == 0 else _reencoded(body, ENCODINGS[choice]))
    elif choice < 7:
        table = WORK / "表1.xlsx"
        table.write_bytes(_workbook(body))
    else:
        table = WORK / "表1.xlsx"
        table.write_bytes(body)
    output = WORK / "out" / "targets.yaml"
    output.parent.mkdir()
    try:
        run_import([table], Options(), output)
    except PlanchkError:
        return
    report = check_paths([output])
    if report.unusable:
        text = get("text")(report, RenderOptions())
        raise AssertionError(f"import wrote a targets file validate cannot use:\n{text}")
    for fmt in ("text", "json"):
        get(fmt)(report, RenderOptions())


def _reencoded(body: bytes, encoding: str) -> bytes:
    text = body.decode("utf-8", errors="replace")
    return text.encode(encoding, errors="replace")


def _workbook(body: bytes) -> bytes:
    text = body.decode("utf-8", errors="replace")
    book = openpyxl.Workbook()
    sheet = book.active
    try:
        rows = list(csv.reader(io.StringIO(text.replace("\0", ""))))
    except csv.Error:
        rows = [[line] for line in text.splitlines()]
    for r, row in enumerate(rows[:200], start=1):
        for c, field in enumerate(row[:50], start=1):
            sheet.cell(row=r, column=c, value=_cell(field))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(field: str) -> object:
    # openpyxl refuses the control characters XML cannot hold: drop them, as a workbook
    # written by a spreadsheet program would not have them either.
    field = "".join(c for c in field if c in "\t\n\r" or ord(c) >= 0x20)
    if field.startswith("="):
        field = "'" + field  # a string, not a formula openpyxl would write
    for kind in (int, float):
        try:
            return kind(field)
        except ValueError:
            pass
    return field


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
