"""What a plan document says, as planchk's plan files: its breakdown tables, goals and tasks.

`import_document` reads a document (planchk.importers.documents) and returns the targets and
tasks files as plain data, with a note for everything it inferred or left out, and the place in
the document (附件 表2 第4行 第3列, 第17段) of each thing it read, so that a finding on the
imported plan can point back into the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planchk.importers.build import Imported, Options, add_table
from planchk.importers.documents import Document, Table, read_document
from planchk.importers.plandoc import goals, tables, texts
from planchk.importers.plandoc.goalset import GoalSet
from planchk.importers.plandoc.offices import is_collective, is_group, office_kind, propose_alias
from planchk.importers.plandoc.outline import parts, plan_facts
from planchk.importers.plandoc.tasks import Section, Task, annex_tasks, same_title, text_tasks
from planchk.messages import PlanchkError

__all__ = ["PlanImport", "import_document", "import_path", "tasks_file"]


@dataclass
class PlanImport:
    source: str
    targets: dict[str, Any] | None = None  # the targets file as plain data; None: nothing
    tasks: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # data path -> place in the document
    proposed_aliases: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def import_path(path: Path, options: Options) -> PlanImport:
    return import_document(read_document(path, options.max_bytes, options.given(path)), options)


def import_document(document: Document, options: Options) -> PlanImport:
    result = PlanImport(document.source, notes=list(document.notes))
    paragraphs = document.paragraphs
    outline = parts(paragraphs)
    facts = plan_facts(paragraphs)
    imported = Imported()
    task_tables: list[Table] = []
    for table in document.tables:
        if tables.is_task_table(table):
            task_tables.append(table)
        elif not tables.has_numbers(table):
            result.notes.append(texts.TABLE_NO_NUMBERS(place=f"{document.source}: {table.place}"))
        else:
            _add_breakdown(result, imported, table, options)
    last_year = facts.period[1] if facts.period else _last_year(imported)
    plan_goals = _goals(result, document, outline, imported, last_year)
    sections = _tasks(result, document, outline, task_tables)
    areas = imported.areas
    result.counts = {
        "tables": len(imported.indicators),
        "goals": len(plan_goals),
        "tasks": sum(len(s.tasks) for s in sections),
        "sections": len(sections),
    }
    if not imported.indicators and not plan_goals and not sections:
        reasons = "".join(f"\n  {note}" for note in result.notes[len(document.notes) :])
        raise PlanchkError(texts.NOTHING_USABLE, path=document.source, reasons=reasons)
    if imported.indicators or plan_goals:
        period = facts.period or _period(imported, plan_goals)
        result.targets = _targets(facts, period, imported, plan_goals, document.source)
    if sections:
        result.tasks = tasks_file(result.notes, sections, areas, result.proposed_aliases)
        if result.targets is not None and result.proposed_aliases:
            result.targets["aliases"] = dict(result.proposed_aliases)
    result.notes.append(texts.read_summary(document.source, result.counts))
    return result


def _add_breakdown(result: PlanImport, imported: Imported, table: Table, options: Options) -> None:
    source = result.source
    title = tables.title_of(table)
    own = tables.table_options(options, title)
    try:
        read = tables.breakdown(table, source, own, result.notes)
        before = set(imported.indicators)
        add_table(imported, read, own)
    except PlanchkError as error:
        place = f"{source}: {table.place}"
        result.notes.append(texts.TABLE_SKIPPED(place=place, reason=str(error)))
        return
    offset = read.grid.offset if isinstance(read.grid, tables.DocumentGrid) else 0
    for ind_id in [i for i in imported.indicators if i not in before]:
        indicator = imported.indicators[ind_id]
        if title is None:
            result.notes.append(
                texts.TABLE_UNTITLED(place=f"{source}: {table.place}", name=indicator.name)
            )
        result.places[f"indicators.{ind_id}"] = table.place
        for row in (read.total, *read.parts):
            result.places[f"indicators.{ind_id}.values.{row.name}"] = table.row_place(
                row.number - offset
            )
            for column in read.value_columns:
                year = column.year
                if year is not None and (column.name is None or column.name == indicator.name):
                    key = f"indicators.{ind_id}.values.{row.name}.{year}"
                    result.places[key] = table.cell_place(row.number - offset, column.index)


def _last_year(imported: Imported) -> int | None:
    years = [y for i in imported.indicators.values() for y in i.years]
    return max(years) if years else None


def _period(imported: Imported, found: dict[str, dict[str, Any]]) -> tuple[int, int]:
    years = [y for i in imported.indicators.values() for y in i.years]
    years += [g["year"] for g in found.values()]
    return (min(years), max(years))


def _goals(
    result: PlanImport,
    document: Document,
    outline: dict[int, Any],
    imported: Imported,
    last_year: int | None,
) -> dict[str, dict[str, Any]]:
    found = GoalSet(imported, document.source, result.notes, result.places)
    for paragraph in document.paragraphs:
        if not goals.is_goal_paragraph(paragraph, outline[paragraph.number]):
            continue
        place = f"{document.source}: {paragraph.place}"
        for text in goals.figureless(paragraph):
            result.notes.append(texts.GOAL_NO_FIGURE(place=place, text=text))
        for statement in goals.statements(paragraph, last_year):
            year = statement.year or last_year
            if year is None:
                continue
            if statement.year is None:
                result.notes.append(texts.GOAL_NO_YEAR(place=place, text=statement.text, year=year))
            found.add(statement, year)
    return found.found


def _tasks(
    result: PlanImport, document: Document, outline: dict[int, Any], task_tables: Sequence[Table]
) -> list[Section]:
    sections = [s for t in task_tables for s in annex_tasks(t, document.source)]
    in_text = text_tasks(document.paragraphs, outline, document.source, result.notes)
    annexed = [task for section in sections for task in section.tasks]
    for item in in_text:
        place = f"{document.source}: {item.paragraph.place}"
        match = next((t for t in annexed if same_title(t.title, item.title)), None)
        if match is not None:
            match.text_offices = item.offices
            match.text_place = item.paragraph.place
            continue
        if annexed:
            result.notes.append(texts.TEXT_TASK_UNMATCHED(place=place, title=item.title))
        number = max((t.number for s in sections for t in s.tasks), default=0) + 1
        task = Task(number, item.title, place=place, text_place=item.paragraph.place)
        if annexed:
            task.text_offices = item.offices
        else:
            task.responsible = item.offices  # the text is all there is: its list is who does it
        group = item.section or ("一", "重点任务")  # no heading above: the usual name
        section = next((s for s in sections if s.number == group[0]), None)
        if section is None:
            section = Section(*group)
            sections.append(section)
        section.tasks.append(task)
    for section in sections:
        for task in section.tasks:
            result.places[f"tasks.{task.number}"] = task.place.split(": ", 1)[-1]
            if task.text_place:
                result.places[f"tasks.{task.number}.text_offices"] = task.text_place
    return sections


def tasks_file(
    notes: list[str],
    sections: Sequence[Section],
    areas: dict[str, list[str]],
    proposed: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The tasks file's data: the offices registry and groups from every name the tasks use,
    and the sub-areas' other names proposed as aliases (into `proposed`)."""
    proposed = {} if proposed is None else proposed
    top = next(iter(areas), None)
    area_names = [*areas, *(p for parts in areas.values() for p in parts)]
    offices: dict[str, dict[str, str]] = {}
    groups: dict[str, dict[str, Any]] = {}
    for section in sections:
        for task in section.tasks:
            for name in [
                *task.lead,
                *task.responsible,
                *task.cooperating,
                *(task.text_offices or []),
            ]:
                if is_group(name):
                    groups.setdefault(name, _group(name, top))
                elif name in area_names or name in proposed:
                    continue
                elif (area := propose_alias(name, area_names)) is not None:
                    proposed[name] = area
                    notes.append(texts.ALIAS_PROPOSED(alias=name, area=area))
                else:
                    offices.setdefault(name, {"kind": office_kind(name, top)})
    return {
        "offices": offices,
        "groups": groups,
        "sections": [
            {"number": s.number, "title": s.title, "tasks": [_task_entry(t) for t in s.tasks]}
            for s in sections
        ],
    }


def _group(name: str, top: str | None) -> dict[str, Any]:
    if is_collective(name):
        return {"areas_under": top} if top else {"open": True, "kinds": ["area"]}
    return {"open": True, "kinds": ["department", "party", "agency", "enterprise"]}


def _task_entry(task: Task) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "number": task.number,
        "title": task.title,
        "lead": task.lead,
        "responsible": task.responsible,
        "cooperating": task.cooperating,
    }
    if task.text_offices is not None:
        entry["text_offices"] = task.text_offices
    return entry


def _targets(
    facts: Any, period: tuple[int, int], imported: Imported, found: dict[str, Any], source: str
) -> dict[str, Any]:
    from planchk.importers import _indicator_entry

    plan: dict[str, Any] = {"title": facts.title or Path(source).stem}
    for key in ("document_number", "issuer", "issued"):
        if getattr(facts, key) is not None:
            plan[key] = getattr(facts, key)
    plan["period"] = list(period)
    return {
        "plan": plan,
        "areas": imported.areas,
        "indicators": {i: _indicator_entry(ind) for i, ind in imported.indicators.items()},
        "goals": found,
        "relations": imported.relations,
    }
