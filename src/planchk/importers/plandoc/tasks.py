"""Tasks as a plan prints them twice: in the text, a task's paragraph ends with its offices
(（责任单位：…）); in the annex, the task table gives each task's 牵头单位 / 责任单位 / 配合单位
under its group row (（一）…). Text and annex are matched by the task's title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from planchk.importers.documents import Document, Paragraph, Table
from planchk.importers.plandoc import texts
from planchk.importers.plandoc.folding import fold
from planchk.importers.plandoc.offices import marked_names
from planchk.importers.plandoc.outline import LEVELS, Part, heading
from planchk.importers.plandoc.result import PlanImport
from planchk.importers.printed import parse_number

_ROLES = (
    ("lead", re.compile(r"牵头|主办|主责")),
    ("cooperating", re.compile(r"配合|协办|参与|协同")),
    ("responsible", re.compile(r"责任|承办|实施")),
)
_NUMBER_HEADER = re.compile(r"序号|编号")
_TITLE_HEADER = re.compile(r"任务|事项|工作|内容|措施")
# Every role word of _ROLES: the text's parenthesis names its roles with the same words
_ROLE_WORD = r"(?:牵头|主办|主责|配合|协办|参与|协同|责任|承办|实施)(?:单位|部门)"
_OFFICES = re.compile(rf"[（(]\s*(?P<names>{_ROLE_WORD}\s*[:：][^）)]*)[）)]\s*[。.]?$")
# （牵头单位：县农业农村局；配合单位：县水利局、各乡镇人民政府）: each role its own list
_ROLE_LIST = re.compile(
    rf"(?P<role>{_ROLE_WORD})\s*[:：](?P<names>.*?)\s*(?=[；;，,。\s]\s*{_ROLE_WORD}|$)"
)
# 排在第一位的为牵头单位 · 列第一位的为牵头单位 · 排名首位的为牵头单位: the plan's own note that the
# first office of each list leads (many plans print their 责任单位 that way, and say so once)
_FIRST_LEADS = re.compile(r"(?:排|列)(?:在|名)?(?:第一位|首位|第一)的?(?:单位)?(?:为|是)牵头")
_NOT_IN_TITLE = re.compile(r"[\s“”\"'‘’，,。：:；;、]")


@dataclass
class Task:
    number: int
    title: str
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    text_offices: list[str] | None = None
    lead_blank: bool = False  # the annex has a 牵头单位 column, blank on this task's row
    place: str = ""  # the annex row, else the text's paragraph
    text_place: str = ""


@dataclass
class Section:
    number: str
    title: str
    tasks: list[Task] = field(default_factory=list)
    place: str = ""


@dataclass(frozen=True)
class TextTask:
    title: str
    offices: list[str]  # every office the text lists, in printed order
    roles: dict[str, list[str]]  # lead, responsible, cooperating as the text names them
    paragraph: Paragraph
    section: tuple[str, str] | None  # the （一） heading above it: number, title


def text_roles(printed: str) -> dict[str, list[str]]:
    """（责任单位：A、B） → responsible A, B; （牵头单位：A；配合单位：B、C） → lead A, cooperating
    B, C: each role word starts its own list."""
    roles: dict[str, list[str]] = {}
    for found in _ROLE_LIST.finditer(fold(printed)):  # 責任單位 as 责任单位; names as printed
        said = found.group("role")
        role = next((name for name, pattern in _ROLES if pattern.search(said)), "responsible")
        add_marked(roles, role, printed[found.start("names") : found.end("names")])
    return roles


def add_marked(roles: dict[str, list[str]], role: str, text: str) -> None:
    """The offices of a list headed `role`, each under the role its own mark gives it
    (县民政局（牵头） in a 责任单位 list leads), in printed order, each once per role."""
    for marked, name in marked_names(text):
        names = roles.setdefault(marked or role, [])
        if name not in names:
            names.append(name)


def annex_tasks(table: Table, source: str) -> list[Section]:
    rows = [[c.text for c in row] for row in table.rows]
    header_at = next((i for i, r in enumerate(rows) if sum(bool(t) for t in r) >= 2), 0)
    columns = task_columns(rows[header_at])
    sections: list[Section] = []
    for number, row in enumerate(rows[header_at + 1 :], header_at + 2):
        filled = list(dict.fromkeys(t for t in row if t))
        place = f"{source}: {table.row_place(number)}"
        group = _group(filled)
        if group is not None:
            sections.append(Section(*group, place=place))
            continue
        task = _task(row, columns, place)
        if task is None:
            continue
        if not sections:  # no group row: one section, named by the table's title line
            sections.append(Section("一", _title(table, rows[:header_at]), place=place))
        sections[-1].tasks.append(task)
    return [s for s in sections if s.tasks]


def _title(table: Table, above: Sequence[Sequence[str]]) -> str:
    """The table's title: from the document, else the line above a spreadsheet's header
    (2024年重点任务清单), else 重点任务 (a section needs a title; the user renames it)."""
    if table.title_text:
        return table.title_text
    return next((text for row in above for text in row if text), "重点任务")


def task_columns(header: Sequence[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        if _NUMBER_HEADER.search(text):
            columns.setdefault("number", index)
            continue
        role = next((name for name, pattern in _ROLES if pattern.search(text)), None)
        if role is not None and ("单位" in text or "部门" in text):
            columns.setdefault(role, index)
        elif _TITLE_HEADER.search(text):
            columns.setdefault("title", index)
    return columns


def _group(filled: Sequence[str]) -> tuple[str, str] | None:
    if len(filled) != 1:
        return None
    for pattern in LEVELS[:2]:
        found = pattern.match(filled[0])
        if found:
            return found.group("number"), found.group("title").strip()
    return None


def _task(row: Sequence[str], columns: dict[str, int], place: str) -> Task | None:
    def cell(role: str) -> str:
        index = columns.get(role)
        return row[index] if index is not None and index < len(row) else ""

    number = parse_number(cell("number"))
    title = cell("title").replace("\n", "")
    if number is None or number != int(number) or not title:
        return None
    roles: dict[str, list[str]] = {}
    for role in ("lead", "responsible", "cooperating"):
        add_marked(roles, role, cell(role))
    task = Task(int(number), title, place=place)
    task.lead, task.responsible, task.cooperating = (
        roles.get(role, []) for role in ("lead", "responsible", "cooperating")
    )
    task.lead_blank = "lead" in columns and not task.lead
    return task


def text_tasks(
    paragraphs: Sequence[Paragraph], parts: dict[int, Part], source: str, notes: list[str]
) -> list[TextTask]:
    """Paragraphs that end with their offices, in the tasks' part (三、重点任务) of the text."""
    listing = [
        (paragraph, offices)
        for paragraph in paragraphs
        if (offices := _OFFICES.search(fold(paragraph.printed)))
        and not parts[paragraph.number].annex
    ]
    # Only a tasks' part that holds offices sets the others aside: 一、目标任务 names 任务 but
    # states goals, and the offices then stand under 三、责任分工 or 二、工作措施.
    tasks_part = any(_in_tasks_part(parts[paragraph.number]) for paragraph, _ in listing)
    found: list[TextTask] = []
    for paragraph, offices in listing:
        part = parts[paragraph.number]
        title = task_title(paragraph.printed[: offices.start()])
        top = part.under(1)
        if tasks_part and not _in_tasks_part(part):
            section = top.title if top else ""
            place = f"{source}: {paragraph.place}"
            notes.append(texts.TEXT_TASK_OUTSIDE(place=place, title=title, section=section))
            continue
        sub = part.under(2)
        if sub is not None and sub.paragraph.number == paragraph.number:
            sub = None  # （一）科学编制规划。…（责任单位：…）: the task itself, not its group
        group = (sub.number, sub.title) if sub is not None else None
        if group is None and top is not None:  # tasks right under 二、重点任务: one section
            group = ("一", top.title)
        roles = text_roles(paragraph.printed[offices.start("names") : offices.end("names")])
        listed = list(dict.fromkeys(name for names in roles.values() for name in names))
        found.append(TextTask(title, listed, roles, paragraph, group))
    return found


def first_leads(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the plan says that the first office of each list leads (排在第一位的为牵头单位)."""
    return any(_FIRST_LEADS.search(fold(p.printed)) for p in paragraphs)


def _in_tasks_part(part: Part) -> bool:
    top = part.under(1)
    return top is not None and _is_tasks_heading(top.title)


def _is_tasks_heading(title: str) -> bool:
    return (
        "任务" in title
        or "分工" in title  # 责任分工, 任务分工
        or title in ("重点工作", "主要工作", "主要举措", "工作措施")
    )


def task_title(text: str) -> str:
    """A task's title as its paragraph begins: the words before the first 。, without a
    printed number (1. or （一）)."""
    own = heading(Paragraph(text, 0))
    first = re.split(r"[。；;]", text, maxsplit=1)[0].strip()
    return own.title if own is not None else first


def same_title(a: str, b: str) -> bool:
    a, b = _NOT_IN_TITLE.sub("", a), _NOT_IN_TITLE.sub("", b)
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


def all_tasks(
    result: PlanImport, document: Document, outline: dict[int, Part], task_tables: Sequence[Table]
) -> list[Section]:
    """The annex's tasks with the text's offices of each, and the text's tasks the annex
    does not list; each task's places (its annex row, its paragraph) recorded."""
    notes, places = result.notes, result.places
    sections = [s for t in task_tables for s in annex_tasks(t, document.source)]
    in_text = text_tasks(document.paragraphs, outline, document.source, notes)
    first_lead = first_leads(document.paragraphs)
    annexed = [task for section in sections for task in section.tasks]
    for item in in_text:
        place = f"{document.source}: {item.paragraph.place}"
        match = next((t for t in annexed if same_title(t.title, item.title)), None)
        if match is not None:
            match.text_offices = item.offices
            match.text_place = item.paragraph.place
            continue
        if annexed:
            notes.append(texts.TEXT_TASK_UNMATCHED(place=place, title=item.title))
        number = max((t.number for s in sections for t in s.tasks), default=0) + 1
        task = Task(number, item.title, place=place, text_place=item.paragraph.place)
        if annexed:
            task.text_offices = item.offices
        else:  # the text is all there is: its lists are who does it
            _take_roles(task, item.roles, first_lead)
        group = item.section or ("一", "重点任务")  # no heading above: the usual name
        section = next((s for s in sections if s.number == group[0]), None)
        if section is None:
            section = Section(*group)
            sections.append(section)
        section.tasks.append(task)
    for section in sections:
        for task in section.tasks:
            places[f"tasks.{task.number}"] = task.place.split(": ", 1)[-1]
            if task.text_place:
                places[f"tasks.{task.number}.text_offices"] = task.text_place
    return sections


def _take_roles(task: Task, roles: dict[str, list[str]], first_lead: bool) -> None:
    """A text-only task's offices by role; where the plan says the first office of a list
    leads and the text names no lead, the first 责任单位 is the lead, and the others are
    responsible: listed first to say it leads, it is not also responsible (no PC604)."""
    task.lead = list(roles.get("lead", []))
    task.responsible = list(roles.get("responsible", []))
    task.cooperating = list(roles.get("cooperating", []))
    if first_lead and not task.lead and task.responsible:
        task.lead, task.responsible = task.responsible[:1], task.responsible[1:]
