"""Workbooks whose worksheet XML is written by hand, for the hostile-workbook tests and
benchmarks/hostile.py: openpyxl itself would build every cell of such a sheet before it could
save it, which is the cost these cases exist to refuse."""

from __future__ import annotations

import zipfile
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"
HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def sheet_workbook(path: Path, data: str, dimension: str | None = None, merges: str = "") -> Path:
    """A one-sheet workbook holding `data` (rows of cells), declaring `dimension`, merging
    `merges` (<mergeCell> elements)."""
    import openpyxl  # only where a workbook is made

    openpyxl.Workbook().save(path)
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    merged = f'<mergeCells count="1">{merges}</mergeCells>' if merges else ""
    xml = f"{HEAD}{declared}<sheetData>{data}</sheetData>{merged}</worksheet>"
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts[SHEET] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, content in parts.items():
            new.writestr(name, content)
    return path
