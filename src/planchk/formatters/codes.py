"""The finding catalogue as people read it: `planchk rules`, `explain`, and docs/rules*.md."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from planchk import i18n, messages
from planchk.catalog import CodeInfo, all_codes

if TYPE_CHECKING:
    from rich.console import Console

COLUMNS = ("code", "slug", "family", "severity", "title")
REFERENCE_PATHS = {"en": "docs/rules.md", "zh": "docs/rules.zh.md"}


def rows() -> list[dict[str, str]]:
    return [
        {
            "code": info.code,
            "slug": info.slug,
            "family": info.family,
            "severity": info.severity.label,
            "title": info.title_text,
        }
        for info in all_codes()
    ]


def as_json() -> str:
    return json.dumps(rows(), ensure_ascii=False, indent=2) + "\n"


def as_markdown() -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(row[c] for c in COLUMNS) + " |" for row in rows()]
    return "\n".join(lines) + "\n"


def print_table(console: Console | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in COLUMNS:
        table.add_column(column, no_wrap=column != "title")
    for row in rows():
        table.add_row(*(row[c] for c in COLUMNS))
    (console or Console(highlight=False)).print(table)


def explain(info: CodeInfo) -> str:
    """One rule's documentation for the terminal (`planchk explain`)."""
    sections = info.sections
    heading = messages.EXPLAIN_HEADING(
        code=info.code,
        slug=info.slug,
        family=info.family,
        severity=messages.severity(info.severity.label),
    )
    lines = [heading, info.title_text, "", messages.EXPLAIN_WHY(why=info.why_text), ""]
    lines += [messages.DOC_BAD.text, _indent(sections.bad), "", messages.DOC_GOOD.text]
    lines += [_indent(sections.good), "", messages.EXPLAIN_MESSAGE(template=info.template_text)]
    if info.aliases:
        lines.append(messages.EXPLAIN_ALIASES(aliases=", ".join(info.aliases)))
    if info.options:
        lines += ["", messages.EXPLAIN_OPTIONS(slug=info.slug)]
        lines += [
            "  "
            + messages.EXPLAIN_OPTION(name=name, default=o.default, help=info.option_help(name))
            for name, o in info.options.items()
        ]
    return "\n".join(lines) + "\n"


def anchor(code: str) -> str:
    """The fragment of a code's section in docs/rules*.md: `pc101`."""
    return code.lower()


def reference() -> str:
    """Every code's documentation as Markdown, in the current language (docs/rules*.md)."""
    language = i18n.language()
    path = REFERENCE_PATHS[language]
    command = (
        "planchk explain --all" if language == "en" else f"planchk --lang {language} explain --all"
    )
    parts = [
        f"# {messages.REFERENCE_TITLE.text}\n",
        messages.REFERENCE_GENERATED(command=command, path=path) + "\n",
        messages.REFERENCE_SEVERITIES.text + "\n",
    ]
    for info in all_codes():
        sections = info.sections
        # An anchor of its own (#pc101), which SARIF's helpUri points at: a heading's anchor
        # differs between Markdown renderers and would change with the slug.
        parts.append(f'<a id="{anchor(info.code)}"></a>\n')
        parts.append(f"## {info.code} {info.slug}\n")
        parts.append(
            messages.REFERENCE_RULE(
                title=info.title_text, family=info.family, severity=info.severity.label
            )
            + "\n"
        )
        parts.append(messages.EXPLAIN_MESSAGE(template=f"`{info.template_text}`") + "\n")
        parts.append(messages.EXPLAIN_WHY(why=info.why_text) + "\n")
        for label, example in (
            (messages.DOC_BAD, sections.bad),
            (messages.DOC_GOOD, sections.good),
        ):
            parts.append(f"**{label.text}**\n\n```\n{example}\n```\n")
        if info.options:
            parts.append(messages.REFERENCE_OPTIONS.text + "\n")
            parts += [
                "- "
                + messages.REFERENCE_OPTION(
                    name=name, default=o.default, help=info.option_help(name)
                )
                for name, o in info.options.items()
            ]
            parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


def _indent(block: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in block.splitlines())
