"""`planchk import` into a plan directory: DIR/targets.yaml and DIR/tasks.yaml.

A plan document (.docx, .html, .htm, .txt) gives both files; spreadsheets (CSV, XLSX) give the
targets file from their breakdown tables and the tasks file from a task table (序号 / 重点任务 /
牵头单位 / 责任单位 / 配合单位) kept alone. Each file is loaded back with planchk's own loader
before it is written: what import writes, validate reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from planchk.importers import texts as import_texts
from planchk.importers.build import Options
from planchk.importers.grid import Grid, GridCell
from planchk.loader.discover import DOCUMENT_SUFFIXES
from planchk.messages import PlanchkError

# The plan-document readers (importers.plandoc and importers.documents, 0.05 s of imports)
# are imported where a plan document or a task table is read: a CSV or workbook of breakdown
# tables never loads them.
if TYPE_CHECKING:
    from planchk.importers.documents.model import Table
    from planchk.importers.plandoc import PlanImport
    from planchk.importers.plandoc.kinds import Guess

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class PlanTexts:
    targets: str | None = None
    tasks: str | None = None
    notes: list[str] = field(default_factory=list)
    imported: PlanImport | None = None
    indicators: int = 0


def writes_directory(output: Path | None) -> bool:
    """-o names a plan directory unless it ends in .yaml (today's meaning: one targets file).

    Something that exists and is not a directory (/dev/null, a FIFO, a file without a .yaml
    ending) is written as the one file it is, as before plan directories existed.
    """
    if output is None or output.suffix.lower() in YAML_SUFFIXES:
        return False
    return output.is_dir() or not output.exists()


def document_texts(path: Path, options: Options) -> PlanTexts:
    from planchk.importers.plandoc import import_path
    from planchk.importers.plandoc.write import targets_text, tasks_text

    imported = import_path(path, options)
    found = PlanTexts(notes=imported.notes, imported=imported)
    found.indicators = imported.counts.get("tables", 0)
    title = imported.targets["plan"]["title"] if imported.targets else path.stem
    if imported.targets is not None:
        found.targets = targets_text(imported.targets, path.name, imported.kinds, imported.comments)
        _check_readable(found.targets, "targets.yaml")
    if imported.tasks is not None:
        found.tasks = tasks_text(imported.tasks, title, path.name, imported.office_kinds)
        _check_readable(found.tasks, "tasks.yaml")
    return found


def sheet_tasks(grids: Sequence[Grid], areas: dict[str, list[str]], source: str) -> PlanTexts:
    """The tasks file from task tables kept alone as spreadsheets."""
    from planchk.importers.plandoc import tasks_file
    from planchk.importers.plandoc.tasks import annex_tasks
    from planchk.importers.plandoc.write import tasks_text

    sections = []
    for grid in grids:
        sections += annex_tasks(_as_table(grid), grid.source)
    found = PlanTexts()
    guesses: dict[str, Guess] = {}
    data = tasks_file(found.notes, sections, areas, guesses=guesses)
    found.tasks = tasks_text(data, source, source, guesses)
    _check_readable(found.tasks, "tasks.yaml")
    return found


def is_task_grid(grid: Grid) -> bool:
    # A task table is told by its header, the first row of two texts or more: only the rows up
    # to it are converted (a breakdown table of 10^6 cells took a second to convert whole).
    end = next((n for n, row in enumerate(grid.rows, 1) if sum(bool(c.text) for c in row) >= 2), 0)
    # is_task_table asks for 任务 in that header: without it, no need to load plandoc
    if not end or not any("任务" in cell.text for cell in grid.rows[end - 1]):
        return False
    from planchk.importers.plandoc.tables import is_task_table

    return is_task_table(_as_table(grid, grid.rows[:end]))


def _as_table(grid: Grid, grid_rows: Sequence[Sequence[GridCell]] | None = None) -> Table:
    from planchk.importers.documents.model import Cell, Table

    rows = []
    for cells in grid.rows if grid_rows is None else grid_rows:
        row: list[Cell] = []
        for cell in cells:
            row += [Cell("")] * (cell.column - 1 - len(row))
            row.append(Cell(cell.text, cell.merged))
        rows.append(tuple(row))
    return Table(tuple(rows), 1, False, 0, None, None)


def areas_beside(output: Path | None) -> dict[str, list[str]]:
    """The areas of the targets file already in the plan directory, for the tasks' aliases."""
    if output is None or not (output / "targets.yaml").is_file():
        return {}
    from planchk.loader import load_file
    from planchk.models import TargetsFile

    loaded = load_file(output / "targets.yaml", str(output / "targets.yaml"))
    return dict(loaded.model.areas) if isinstance(loaded.model, TargetsFile) else {}


def is_document_import(files: Sequence[Path]) -> bool:
    # importers.documents.is_document, without importing the documents' readers
    if any(f.suffix.lower() in DOCUMENT_SUFFIXES for f in files):
        from planchk.importers.plandoc import texts as plan_texts

        if len(files) != 1:
            raise PlanchkError(plan_texts.ONE_DOCUMENT, count=len(files))
        return True
    return False


def _check_readable(text: str, name: str) -> None:
    from planchk.loader import load_bytes

    loaded = load_bytes(text.encode("utf-8"), Path(name), name)
    if not loaded.usable:
        problem = loaded.problems[0].message if loaded.problems else "unknown"
        raise PlanchkError(import_texts.OUTPUT_INVALID, problem=problem)


def run_import(
    files: Sequence[Path], options: Options, output: Path | None
) -> tuple[list[str], str | None]:
    """Import `files` and write what they give where -o says: the notes for stderr, and the
    text for stdout when -o names nothing."""
    if is_document_import(files):
        from planchk.importers.plandoc import texts as plan_texts

        if options.into is not None:
            raise PlanchkError(plan_texts.INTO_DOCUMENT)
        found = document_texts(files[0], options)
    else:
        found = _spreadsheet_texts(files, options, output)
    return _write(found, output)


def _spreadsheet_texts(files: Sequence[Path], options: Options, output: Path | None) -> PlanTexts:
    """The targets file from the breakdown tables, the tasks file from the task tables."""
    from planchk.importers import import_files, read_grids

    grids = [g for path in files for g in read_grids(path, options)]
    is_task = [is_task_grid(g) for g in grids]
    task_grids = [g for g, task in zip(grids, is_task, strict=True) if task]
    tables = [g for g, task in zip(grids, is_task, strict=True) if not task]
    found = PlanTexts()
    if tables or not grids:
        result = import_files(files, options, tables)
        found = PlanTexts(result.text, None, result.notes, indicators=result.indicators)
    if task_grids:
        beside = output if writes_directory(output) else None
        areas = _areas(found.targets) or areas_beside(beside)
        tasks = sheet_tasks(task_grids, areas, files[0].name)
        found.tasks, found.notes = tasks.tasks, [*found.notes, *tasks.notes]
    return found


def _write(found: PlanTexts, output: Path | None) -> tuple[list[str], str | None]:
    from planchk.atomic import made_parents, write_atomic

    notes = list(found.notes)
    named = {"targets.yaml": found.targets, "tasks.yaml": found.tasks}
    written = {name: text for name, text in named.items() if text is not None}
    if output is not None and writes_directory(output):
        with made_parents(output / "targets.yaml"):  # the folder itself, if it is new
            for name, text in written.items():
                write_atomic(output / name, text)
        from planchk.importers.plandoc import texts as plan_texts  # (plandoc: why, above)

        notes.append(plan_texts.WROTE_PLAN(files=", ".join(written), path=output))
        return notes, None
    first = next(iter(written.values()))
    if len(written) > 1:
        from planchk.importers.plandoc import texts as plan_texts

        notes.append(plan_texts.TASKS_NOT_WRITTEN())
    if output is None:
        return notes, first
    write_atomic(output, first)
    if found.targets is not None:
        notes.append(import_texts.WROTE(count=found.indicators, path=output))
    else:
        from planchk.importers.plandoc import texts as plan_texts

        notes.append(plan_texts.WROTE_PLAN(files="tasks.yaml", path=output))
    return notes, None


def _areas(targets: str | None) -> dict[str, list[str]]:
    if targets is None:
        return {}
    import yaml

    data = yaml.safe_load(targets)
    return dict(data.get("areas") or {}) if isinstance(data, dict) else {}
