"""The finding catalogue as people read it: `planchk rules` and the README's table."""

from __future__ import annotations

import json

from planchk.registry import all_codes

COLUMNS = ("code", "slug", "family", "severity", "title")


def rows() -> list[dict[str, str]]:
    return [
        {
            "code": info.code,
            "slug": info.slug,
            "family": info.family,
            "severity": info.severity.label,
            "title": info.title,
        }
        for info in all_codes()
    ]


def as_json() -> str:
    return json.dumps(rows(), ensure_ascii=False, indent=2) + "\n"


def as_markdown() -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row[c] for c in COLUMNS) + " |" for row in rows()]
    return "\n".join(lines) + "\n"


def print_table() -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in COLUMNS:
        table.add_column(column, no_wrap=column != "title")
    for row in rows():
        table.add_row(*(row[c] for c in COLUMNS))
    Console(highlight=False).print(table)
