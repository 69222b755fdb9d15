"""What importing a plan document gives: the plan files as plain data, what the import said
about it, and the place in the document of each thing it read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planchk.findings import Location
from planchk.importers.plandoc.kinds import Guess


@dataclass
class PlanImport:
    source: str
    targets: dict[str, Any] | None = None  # the targets file as plain data; None: nothing
    tasks: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # data path -> place in the document
    # place -> line and column where it starts in the file (a .txt, a web page; not a .docx)
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    proposed_aliases: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    table_notes: list[str] = field(default_factory=list)  # the table reader's log, per table
    # the written file's comments: the table reader's log, and what reading the tables left
    # out (rows cut short, tables that are no breakdown), which validate says as well
    comments: list[str] = field(default_factory=list)
    kinds: dict[str, Guess] = field(default_factory=dict)  # indicator id -> its kind, and why
    office_kinds: dict[str, Guess] = field(default_factory=dict)  # office or group -> kind, why

    def location(self, path: str) -> Location:
        """Where a finding on the data path `path` is in the document: the place of the
        longest prefix of it that the import recorded (a table, a row, a cell; a paragraph),
        with its line and column where the file has lines."""
        parts = path.split(".")
        prefixes = (".".join(parts[:n]) for n in range(len(parts), 0, -1))
        place = next((self.places[key] for key in prefixes if key in self.places), "")
        line, column = self.positions.get(place, (0, 0))
        return Location(self.source, line, column, place)
