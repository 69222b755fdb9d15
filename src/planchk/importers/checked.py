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
from planchk.findings import Finding
from planchk.importers.build import Options
from planchk.importers.describe import for_log
from planchk.importers.documents import is_document
from planchk.importers.plandir import document_texts
from planchk.importers.plandoc.result import PlanImport
from planchk.loader import LoadedFile, load_bytes
from planchk.loader.discover import Discovery, Plan, discover
from planchk.reading import Piped
from planchk.report import Report

Places = dict[str, PlanImport]  # the plan files' name -> the document's import


def check_documents(
    paths: Sequence[Path],
    config: Config,
    *,
    suggest: bool = True,
    verbose: bool = False,
    piped: Piped | None = None,
) -> tuple[Report, list[str]]:
    """Check plan files and plan documents together; the notes of each document's import
    (with `verbose`, the table reader's log of each table too). `piped`: a document that came
    on stdin, under the name it stands for."""
    found, places, notes = document_discovery(paths, config, verbose, piped)
    return placed_report(check_discovery(found, config, suggest=suggest), places), notes


def document_discovery(
    paths: Sequence[Path], config: Config, verbose: bool = False, piped: Piped | None = None
) -> tuple[Discovery, Places, list[str]]:
    """The plans under `paths`, each document imported in memory: its plan files are loaded
    under the document's name, so that what is checked and reported is the document."""
    others = [p for p in paths if not is_document(p)]
    found = discover(others, config.max_bytes) if others else Discovery([], [], [])
    notes: list[str] = []
    places: Places = {}
    for path in (p for p in paths if is_document(p)):
        texts = document_texts(path, Options(max_bytes=config.max_bytes, piped=piped))
        assert texts.imported is not None
        notes += _notes(texts.notes, texts.imported, verbose)
        places[str(path)] = texts.imported
        loaded = {
            name: _load(text, path, name, config.max_bytes)
            for name, text in (("targets.yaml", texts.targets), ("tasks.yaml", texts.tasks))
            if text is not None
        }
        found.loaded.extend(loaded.values())
        plan = Plan(loaded.get("targets.yaml"), loaded.get("tasks.yaml"), {str(path)})
        found.plans.append(plan)
    return found, places, notes


def _notes(notes: Sequence[str], imported: PlanImport, verbose: bool) -> list[str]:
    """What the import said, for a check of the document: the table reader's log of each
    table (what `planchk import` writes into targets.yaml) only when asked for."""
    # the lines of the file, and the log's shortened run of subtotal lines
    logged = {*imported.table_notes, *for_log(imported.table_notes)}
    return [note for note in notes if verbose or note not in logged]


def placed_report(report: Report, places: Places) -> Report:
    return Report.build([_placed(f, places) for f in report.findings], list(report.files))


def _load(text: str, document: Path, name: str, max_bytes: int) -> LoadedFile:
    # Both plan files go by the document's name: it is what the user gave and reads.
    return load_bytes(text.encode("utf-8"), document.parent / name, str(document), max_bytes)


def _placed(finding: Finding, places: Places) -> Finding:
    """The finding at its place in the document (and its line and column, for a .txt or a web
    page); the YAML lines of its related locations and suggestions mean nothing there."""
    imported = places.get(finding.location.file)
    if imported is None:
        return finding
    location = imported.location(finding.path)
    return dataclasses.replace(finding, location=location, related=(), suggestions=())


def diff_documents(
    old: Path, new: Path, config: Config, piped: Piped | None = None
) -> tuple[DiffReport, list[str]]:
    """Two drafts of a plan document compared as two revisions of its plan files; each
    finding placed in the draft it comes from. `piped`: one draft came on stdin."""
    import tempfile

    from planchk.diff import Comparison

    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="planchk-diff-") as temporary:
        places: Places = {}
        sides = []
        for side, document in (("old", old), ("new", new)):
            texts = document_texts(document, Options(max_bytes=config.max_bytes, piped=piped))
            assert texts.imported is not None
            notes += _notes(texts.notes, texts.imported, verbose=False)
            directory = Path(temporary) / side
            directory.mkdir()
            for name, text in (("targets.yaml", texts.targets), ("tasks.yaml", texts.tasks)):
                if text is not None:
                    (directory / name).write_text(text, encoding="utf-8")
                    places[str(directory / name)] = texts.imported
            sides.append(str(directory))
        report = Comparison(sides, [], config).run()

    def placed(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        return tuple(_placed(f, places) for f in findings)

    return dataclasses.replace(
        report, old=str(old), new=str(new), introduced=placed(report.introduced),
        resolved=placed(report.resolved), remaining=placed(report.remaining),
        unusable=placed(report.unusable),
    ), notes  # fmt: skip
