"""What a plan document says, as planchk's plan files: its breakdown tables, goals and tasks.

`import_document` reads a document (planchk.importers.documents) and returns the targets and
tasks files as plain data, with a note for everything it inferred or left out, and the place in
the document (附件 表2 第4行 第3列, 第17段) of each thing it read, so that a finding on the
imported plan can point back into the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planchk.importers.build import Imported, Options
from planchk.importers.documents import Document, Table, read_document
from planchk.importers.performance import Targets
from planchk.importers.plandoc import folding, goal_statement, goal_years, goals, tables, texts
from planchk.importers.plandoc.goalset import GoalSet
from planchk.importers.plandoc.outline import parts, plan_facts
from planchk.importers.plandoc.plan_year import title_plan_year
from planchk.importers.plandoc.result import PlanImport
from planchk.importers.plandoc.task_goals import task_goals
from planchk.importers.plandoc.taskfile import tasks_file
from planchk.importers.plandoc.tasks import all_tasks
from planchk.messages import PlanchkError

__all__ = ["PlanImport", "import_document", "import_path", "tasks_file"]


def import_path(path: Path, options: Options) -> PlanImport:
    return import_document(read_document(path, options.max_bytes, options.given(path)), options)


def import_document(document: Document, options: Options) -> PlanImport:
    result = PlanImport(document.source, notes=list(document.notes))
    result.positions = document.positions()
    outline, facts = parts(document.paragraphs), plan_facts(document.paragraphs)
    imported = Imported()
    task_tables: list[Table] = []
    read = 0
    listed: list[tuple[Table, Targets]] = []  # 绩效目标表: each row a goal
    classified = [(t, tables.performance_targets(t, document.source)) for t in document.tables]
    plan_year = title_plan_year(facts.title, facts.period)
    readings = tables.read_breakdowns(classified, document.source, options, plan_year)
    for table, targets in classified:
        if targets is not None:
            listed.append((table, targets))
            result.notes.extend(targets.notes)
        elif tables.is_task_table(table):
            task_tables.append(table)
        elif not tables.has_numbers(table):
            tables.left_out(result, texts.TABLE_NO_NUMBERS(place=f"{result.source}: {table.place}"))
        else:  # a table of two categories is one table read
            read += tables.add_breakdown(result, imported, readings[id(table)])
    span = facts.period or _span(imported)
    found = GoalSet(imported, document.source, result.notes, result.places, kinds=result.kinds)
    _listed_goals(result, found, listed, span)
    plan_goals = _goals(result, document, outline, found, span)
    for table in task_tables:  # 新建村卫生室30个 in a 重点任务清单's row
        for statement in task_goals(table, span):
            found.add(statement, statement.year or 0)
    sections = all_tasks(result, document, outline, task_tables)
    result.counts = {
        "tables": read,
        "goals": len(plan_goals),
        "tasks": sum(len(s.tasks) for s in sections),
        "sections": len(sections),
    }
    if not imported.indicators and not plan_goals and not sections:
        reasons = "".join(f"\n  {note}" for note in result.notes[len(document.notes) :])
        raise PlanchkError(texts.NOTHING_USABLE, path=document.source, reasons=reasons)
    if imported.indicators or plan_goals:
        period, logged = facts.period or _period(imported, plan_goals), len(imported.notes)
        result.targets = _targets(facts, period, imported, plan_goals, document.source)
        result.notes.extend(imported.notes[logged:])  # the units it declared (万个, 万人)
    if sections:
        result.tasks = tasks_file(
            result.notes, sections, imported.areas, result.proposed_aliases, result.office_kinds
        )
        if result.targets is not None and result.proposed_aliases:
            result.targets["aliases"] = dict(result.proposed_aliases)
    result.notes.append(texts.read_summary(document.source, result.counts))
    return result


def _span(imported: Imported) -> tuple[int, int] | None:
    """The years the tables cover, when the plan's title names no period."""
    years = [y for i in imported.indicators.values() for y in i.years]
    return (min(years), max(years)) if years else None


def _period(imported: Imported, found: dict[str, dict[str, Any]]) -> tuple[int, int] | None:
    years = [y for i in imported.indicators.values() for y in i.years]
    years += [y for g in found.values() for y in ([g["year"]] if "year" in g else g["period"])]
    return (min(years), max(years)) if years else None  # tables of 本期 only: no period


def _goals(
    result: PlanImport,
    document: Document,
    outline: dict[int, Any],
    found: GoalSet,
    span: tuple[int, int] | None,
) -> dict[str, dict[str, Any]]:
    last_year = span[1] if span else None
    for paragraph in document.paragraphs:
        read = folding.folded(paragraph)  # 達到 as 达到: the words read; the goal as printed
        if not goals.is_goal_paragraph(read, outline[paragraph.number]):
            continue
        place = f"{document.source}: {paragraph.place}"
        for said in goals.figureless(read):
            text = folding.printed_at(said, read.printed, paragraph.printed)
            result.notes.append(texts.GOAL_NO_FIGURE(place=place, text=text))
        whole = goal_years.WholeYear(goal_years.heading_year(outline[paragraph.number]))
        for found_goal in goals.statements(read, last_year, span, whole=whole):
            statement = goal_statement.as_printed(found_goal, read, paragraph)
            year = statement.year or last_year
            if year is None:
                continue
            if statement.year is None:
                result.notes.append(texts.GOAL_NO_YEAR(place=place, text=statement.text, year=year))
            found.add(statement, year)
        for said in whole.unread:  # 全年 in a plan of several years, no year said
            text = folding.printed_at(said, read.printed, paragraph.printed)
            result.notes.append(texts.GOAL_WHOLE_YEAR(place=place, text=text))
        for said in whole.done:  # 已累计完成…: the plan's background, not its goal
            text = folding.printed_at(said, read.printed, paragraph.printed)
            result.notes.append(texts.GOAL_DONE_ALREADY(place=place, text=text))
    return found.found


def _listed_goals(
    result: PlanImport,
    found: GoalSet,
    listed: list[tuple[Table, Targets]],
    span: tuple[int, int] | None,
) -> None:
    """The rows of the document's 绩效目标表 as goals, before the text's: a text that states
    one of them again is read as its restatement."""
    for table, targets in listed:
        for target in targets.targets:
            place = table.cell_place(target.row, target.column)
            statement = goal_statement.listed(target, place, span)
            if statement is None:
                place = f"{result.source}: {table.place}"
                result.notes.append(texts.TARGET_NO_YEAR(place=place, name=target.name))
                continue
            found.add(statement, statement.year or 0)


def _targets(
    facts: Any,
    period: tuple[int, int] | None,
    imported: Imported,
    found: dict[str, Any],
    source: str,
) -> dict[str, Any]:
    from planchk.importers.targets_file import declared_units, indicator_entry

    plan: dict[str, Any] = {"title": facts.title or Path(source).stem}
    for key in ("document_number", "issuer", "issued"):
        if getattr(facts, key) is not None:
            plan[key] = getattr(facts, key)
    if period is not None:
        plan["period"] = list(period)
    return {
        "plan": plan,
        "areas": imported.areas,
        "of_which": imported.of_which,  # 其中 rows: parts of their row, as a CSV's import
        # a table in a unit planchk does not know (万个, 万人) declares it, as a CSV table's
        # import does: validate then reads it, and a goal in it, without PC401
        "units": declared_units(imported),
        "indicators": {i: indicator_entry(ind) for i, ind in imported.indicators.items()},
        "goals": found,
        "relations": imported.relations,
    }
