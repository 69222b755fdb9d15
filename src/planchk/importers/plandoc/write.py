"""A plan directory's two files, laid out and commented as data/ is: one table row per line with
the rows aligned, a comment before each part saying what it holds, and a comment on what the
import inferred (a kind, an alias, a goal's indicator) where a reviewer should check it."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from planchk.escape import visible
from planchk.importers.plandoc.kinds import Guess
from planchk.importers.texts import ASSUMED
from planchk.importers.writer import scalar

INDENT = "  "


def targets_text(
    data: Mapping[str, Any],
    source: str,
    kinds: Mapping[str, Guess] | None = None,
    log: Sequence[str] = (),
) -> str:
    """The targets file; `log` is what the table reader said of each table (as a CSV import
    writes it), kept as comments at the top for the reviewer."""
    plan = data["plan"]
    lines = [
        f"# {visible(plan['title'])}: goals and target breakdown tables.",
        f"# Imported by planchk import from {visible(source)}: every number keeps its printed",
        "# digits, every name is spelled as printed. Review what the import inferred (marked",
        "# `check`).",
        *_log(log),
        "",
        "plan:",
        *(f"{INDENT}{key}: {_value(value)}" for key, value in plan.items()),
    ]
    if data.get("areas"):
        lines += ["", "# The hierarchy, declared once: a parent and the parts that add up to it."]
        lines += ["areas:", *(f"{INDENT}{k}: {_value(v)}" for k, v in data["areas"].items())]
    if data.get("of_which"):
        lines += ["", "# The 其中 rows: each a part of the row above it, never added into a total."]
        lines += ["of_which:", *(f"{INDENT}{k}: {_value(v)}" for k, v in data["of_which"].items())]
    if data.get("aliases"):
        lines += [
            "",
            "# Other names the text and the annex use for the same areas (proposed from "
            "the area list: check them).",
        ]
        lines += ["aliases:", *(f"{INDENT}{k}: {_value(v)}" for k, v in data["aliases"].items())]
    if data.get("units"):
        lines += ["", "# Units planchk does not know, each a measure of its own (as printed)."]
        lines += ["units:", *(f"{INDENT}{k}: {_value(v)}" for k, v in data["units"].items())]
    lines += _indicators(data.get("indicators") or {}, kinds or {})
    lines += _goals(data.get("goals") or {})
    if data.get("relations"):
        lines += ["", "relations:", *(f"{INDENT}- {scalar(r)}" for r in data["relations"])]
    return "\n".join(lines) + "\n"


def _indicators(indicators: Mapping[str, Any], kinds: Mapping[str, Guess]) -> list[str]:
    if not indicators:
        return []
    lines = [
        "",
        "# The annex breakdown tables. Each row is one area, one value per year, as printed.",
        "indicators:",
    ]
    for number, (ind_id, entry) in enumerate(indicators.items()):
        lines += [""] if number else []
        lines += _indicator(ind_id, entry, kinds.get(ind_id))
    return lines


def _goals(goals: Mapping[str, Any]) -> list[str]:
    if not goals:
        return []
    lines = ["", "# The goals the text states, one entry each, with its wording as printed."]
    lines += ["goals:"]
    for number, (goal_id, entry) in enumerate(goals.items()):
        lines += [""] if number else []
        lines += [f"{INDENT}{scalar(goal_id)}:"]
        lines += [f"{INDENT * 2}{k}: {_value(v)}" for k, v in entry.items()]
    return lines


def _log(log: Sequence[str]) -> list[str]:
    if not log:
        return []
    # A file name may hold a control character that YAML refuses even in a comment.
    said = [line for note in log for line in note.rstrip().split("\n")]
    return ["#", f"# {ASSUMED()}", *(f"# {visible(line)}".rstrip() for line in said)]


_KIND_MEANS = {
    "stock": "a count that accumulates (it should not fall)",
    "flow": "an amount per year",
    "ratio": "a rate (never summed)",
    "change": "a change from one year to the next",
}


def kind_comment(guess: Guess | None) -> str:
    """What the kind means and the printed words that decided it; `check` only where none
    did."""
    if guess is None:
        return "# check"
    means = _KIND_MEANS.get(guess.kind, guess.kind)
    if guess.weak:
        return f"# {means}: no word of the title decides it; check (a count held is stock)"
    return f"# {means}, by {guess.evidence}"


def _indicator(ind_id: str, entry: Mapping[str, Any], guess: Guess | None) -> list[str]:
    comments = {"kind": kind_comment(guess)}
    lines = [f"{INDENT}{scalar(ind_id)}:"]
    for key, value in entry.items():
        if key == "values":
            lines += [f"{INDENT * 2}values:", *_rows(value, 3)]
            continue
        line = f"{INDENT * 2}{key}: {_value(value)}"
        if key in comments:
            line = f"{line:<30}{comments[key]}"
        lines.append(line)
    return lines


def _rows(rows: Mapping[str, Sequence[Any]], depth: int) -> list[str]:
    """One row per line, the values aligned as a Chinese font shows them (a CJK character is
    two columns wide)."""
    names = {name: scalar(name) for name in rows}
    width = max((_columns(text) for text in names.values()), default=0)
    return [
        f"{INDENT * depth}{text}:{' ' * (width - _columns(text) + 1)}{_value(rows[name])}"
        for name, text in names.items()
    ]


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def tasks_text(
    data: Mapping[str, Any],
    title: str,
    source: str,
    guesses: Mapping[str, Guess] | None = None,
) -> str:
    lines = [
        f"# {title}: who does what.",
        f"# Imported by planchk import from {source}. `lead`, `responsible` and",
        "# `cooperating` are the annex's task table as printed; `text_offices` is the list the",
        "# main text prints after each task (责任单位：…). The sub-areas are offices too: they",
        "# come from targets.yaml. A task without `lead` names none (its first 责任单位 answers);",
        "# `lead: []` is a 牵头单位 cell printed blank. A list that ends with `等` is open.",
    ]
    if data.get("offices"):
        lines += [
            "",
            "# Offices named anywhere in the plan; each kind by the end of its name (the comment",
            "# says which), `check` where the name does not decide it.",
        ]
        lines += ["offices:", *_commented(data["offices"], guesses or {})]
    if data.get("groups"):
        lines += ["", "# Names that stand for several offices.", "groups:"]
        lines += _commented(data["groups"], guesses or {})
    lines += ["", "sections:"]
    for number, section in enumerate(data["sections"]):
        lines += [""] if number else []
        lines += [
            f"{INDENT}- number: {scalar(section['number'])}",
            f"{INDENT * 2}title: {scalar(section['title'])}",
            f"{INDENT * 2}tasks:",
        ]
        for task in section["tasks"]:
            entries = [f"{k}: {_value(v)}" for k, v in task.items()]
            lines += [f"{INDENT * 3}- {entries[0]}", *(f"{INDENT * 4}{e}" for e in entries[1:])]
    return "\n".join(lines) + "\n"


def _commented(entries: Mapping[str, Any], guesses: Mapping[str, Guess]) -> list[str]:
    """One entry per line, each with what decided it as a comment, the comments aligned."""
    lines = [f"{INDENT}{scalar(k)}: {_value(v)}" for k, v in entries.items()]
    width = max(_columns(line) for line in lines) + 2
    said = [_office_comment(guesses.get(name)) for name in entries]
    return [
        f"{line}{' ' * (width - _columns(line))}{comment}" if comment else line
        for line, comment in zip(lines, said, strict=True)
    ]


def _office_comment(guess: Guess | None) -> str:
    if guess is None:
        return ""
    if guess.kind == "group":
        return "# check: taken as several offices by 各/有关/相关" if guess.weak else ""
    if guess.weak and guess.evidence:
        return f"# check: named {guess.evidence}, as a vertically managed office often is"
    if guess.weak:
        return "# check: the name does not say"
    return f"# {guess.evidence}"


def _value(value: Any) -> str:
    """A value on one line: a scalar, or a flow list or mapping."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{scalar(k)}: {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return scalar(value)
