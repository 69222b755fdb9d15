"""`planchk validate PLAN.docx`: check a plan document directly, without a plan directory.

The document is imported in memory (as `planchk import` would write it), the plan files are
loaded and checked like any others, and each finding is then placed in the document's own
terms by its data path: `indicators.X.values.洪都街办.2022` is 附件 表2 第4行 第3列, `goals.X`
the paragraph that states it, `tasks.1.text_offices` the task's paragraph.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from planchk.config import Config
from planchk.diff import DiffReport
from planchk.engine import check_discovery
from planchk.findings import Finding, Location
from planchk.importers.build import Options
from planchk.importers.plandir import document_texts
from planchk.loader import LoadedFile, load_bytes
from planchk.loader.discover import DOCUMENT_SUFFIXES, Discovery, Plan, discover
from planchk.report import Report


def is_document(path: Path) -> bool:
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def check_documents(
    paths: Sequence[Path], config: Config, *, suggest: bool = True
) -> tuple[Report, list[str]]:
    """Check plan files and plan documents together; the notes of each document's import."""
    others = [p for p in paths if not is_document(p)]
    found = discover(others, config.max_bytes) if others else Discovery([], [], [])
    notes: list[str] = []
    places: dict[str, tuple[str, dict[str, str]]] = {}  # display -> document, its places
    for path in (p for p in paths if is_document(p)):
        texts = document_texts(path, Options(max_bytes=config.max_bytes))
        notes += texts.notes
        assert texts.imported is not None
        loaded = {
            name: _load(text, path, name, config.max_bytes)
            for name, text in (("targets.yaml", texts.targets), ("tasks.yaml", texts.tasks))
            if text is not None
        }
        for file in loaded.values():
            places[file.display] = (str(path), texts.imported.places)
        found.loaded.extend(loaded.values())
        reported = {file.display for file in loaded.values()}
        found.plans.append(Plan(loaded.get("targets.yaml"), loaded.get("tasks.yaml"), reported))
    report = check_discovery(found, config, suggest=suggest)
    findings = [_placed(f, places) for f in report.findings]
    files = [places[f][0] if f in places else f for f in report.files]
    return Report.build(findings, files), notes


def _load(text: str, document: Path, name: str, max_bytes: int) -> LoadedFile:
    display = f"{document}#{name}"
    return load_bytes(text.encode("utf-8"), document.parent / name, display, max_bytes)


def _placed(finding: Finding, places: dict[str, tuple[str, dict[str, str]]]) -> Finding:
    """The finding at its place in the document: the place of the longest prefix of its data
    path that the import recorded (a table, a row, a cell; a paragraph)."""
    found = places.get(finding.location.file)
    if found is None:
        return finding
    document, known = found
    parts = finding.path.split(".")
    place = next(
        (known[key] for n in range(len(parts), 0, -1) if (key := ".".join(parts[:n])) in known),
        "",
    )
    location = Location(document, place=place or finding.location.file.rsplit("#", 1)[-1])
    return dataclasses.replace(finding, location=location, related=(), suggestions=())


def diff_documents(old: Path, new: Path, config: Config) -> tuple[DiffReport, list[str]]:
    """Two drafts of a plan document compared as two revisions of its plan files; each
    finding placed in the draft it comes from."""
    import tempfile

    from planchk.diff import Comparison

    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="planchk-diff-") as temporary:
        places: dict[str, tuple[str, dict[str, str]]] = {}
        sides = []
        for side, document in (("old", old), ("new", new)):
            texts = document_texts(document, Options(max_bytes=config.max_bytes))
            assert texts.imported is not None
            notes += texts.notes
            directory = Path(temporary) / side
            directory.mkdir()
            for name, text in (("targets.yaml", texts.targets), ("tasks.yaml", texts.tasks)):
                if text is not None:
                    (directory / name).write_text(text, encoding="utf-8")
                    places[str(directory / name)] = (str(document), texts.imported.places)
            sides.append(str(directory))
        report = Comparison(sides, [], config).run()

    def placed(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        return tuple(_placed(f, places) for f in findings)

    return dataclasses.replace(
        report, old=str(old), new=str(new), introduced=placed(report.introduced),
        resolved=placed(report.resolved), remaining=placed(report.remaining),
        unusable=placed(report.unusable),
    ), notes  # fmt: skip
