"""What importing a plan document gives: the plan files as plain data, what the import said
about it, and the place in the document of each thing it read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PlanImport:
    source: str
    targets: dict[str, Any] | None = None  # the targets file as plain data; None: nothing
    tasks: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # data path -> place in the document
    proposed_aliases: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    table_notes: list[str] = field(default_factory=list)  # the table reader's log, per table
