"""Read the tables of the published plan text (../shared/seed/) the way a careful typist would.

Used only by tests, to check that data/ holds every number and name as printed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

SEED = Path(
    os.environ.get(
        "PLANCHK_SEED",
        Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_d54c12e36caaca93.txt",
    )
)
SUB_AREA_GROUP = "各街办、镇、集聚区"


def rows(text: str) -> list[list[str]]:
    """Table rows of the text: cells start with a tab, continue on untabbed lines."""
    out: list[list[str]] = []
    row: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t"):
            row.append(line[1:].strip())
        elif line.strip() and row:
            row[-1] += "\n" + line.strip()
        else:
            if row:
                out.append(row)
            row = []
    if row:
        out.append(row)
    return out


def breakdown_table(text: str, title: str) -> tuple[str, list[list[str]]]:
    """The unit line and the non-empty rows (header first) of one printed breakdown table."""
    start = text.index(title)
    rest = text[start + len(title) :]
    end = rest.find("分解表")  # the next table's title ends so
    body = rest if end < 0 else rest[: rest.rfind("\n", 0, end)]
    unit_line = body.strip().splitlines()[0]
    table = [r for r in rows(body) if any(cell for cell in r)]  # trailing empty rows: debris
    return unit_line.removeprefix("单位："), table


def office_names(cell: str) -> list[str]:
    """Names in a printed office list: split on 、 and line breaks, 等 ends the named offices."""
    cell = cell.replace(SUB_AREA_GROUP, "\0")
    names = []
    for part in re.split(r"[、\n]", cell):
        for piece in part.split("等"):
            name = piece.strip()
            if name:
                names.append(SUB_AREA_GROUP if name == "\0" else name)
    return names


def annex_tasks(text: str) -> list[list[str]]:
    """The 13 rows of 主要工作任务分解表: number, title, lead, responsible, cooperating."""
    start = text.index("\n主要工作任务分解表\n")
    end = text.index("（一）高新技术企业数量指导性任务分解表")
    return [row for row in rows(text[start:end]) if row and row[0].isdigit()]


def text_office_lists(text: str) -> list[list[str]]:
    """The office lists printed after each of the 13 tasks in 三、重点任务."""
    body = text[text.index("三、重点任务") : text.index("四、保障措施")]
    found = re.findall(r"（责任单位[:：]([^）]*)）", body)
    return [office_names(item) for item in found]
