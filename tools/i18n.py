"""Maintain planchk's message catalogues (needs Babel: pip install -e '.[test]').

    python tools/i18n.py extract   # write locale/planchk.pot from the code, merge into the .po
    python tools/i18n.py compile   # compile the .po files into the .mo files planchk reads
    python tools/i18n.py check     # what is missing, fuzzy, inconsistent or stale (exit 1)

The English templates in the code are the message ids; each message's context (msgctxt)
names it. A translation whose English template changed is kept but marked fuzzy, and `check`
fails until a translator has looked at it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import itertools
import pkgutil
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import denormalize, read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "planchk" / "locale"
POT = LOCALE / "planchk.pot"
LANGUAGES = {"zh_CN": LOCALE / "zh_CN" / "LC_MESSAGES"}
FIXED_DATE = dt.datetime(2021, 6, 9, tzinfo=dt.UTC)
HEADER = """\
# planchk messages. The English templates in the code are the message ids; msgctxt names
# each message. Edit translations here (any .po editor works), then run
# `python tools/i18n.py compile`; `python tools/i18n.py check` must pass.
# Glossary of the terms a planning office uses: docs/glossary.md.
#"""


def entries() -> list[tuple[str, str]]:
    """(context, English template) of every user-facing text, sorted by context."""
    # Each module registers its messages when it is imported: every module of planchk is, so
    # that a message declared in one that nothing else imports cannot go untranslated unseen.
    import planchk

    for module in pkgutil.walk_packages(planchk.__path__, "planchk."):
        if module.name != "planchk.__main__":  # importing it would run the command line
            importlib.import_module(module.name)
    from planchk import messages
    from planchk.catalog import all_codes

    found = {m.key: m.english for m in messages.CATALOGUE}
    found.update(_help_entries())
    for info in all_codes():
        found[f"{info.code}.title"] = info.title
        found[f"{info.code}.message"] = info.template
        found[f"{info.code}.why"] = info.sections.why
        for name, option in info.options.items():
            found[f"{info.code}.option.{name}"] = option.help
    return sorted(found.items())


def _help_entries() -> list[tuple[str, str]]:
    """The command line's help texts, as typer builds the commands (planchk.cli.help_texts)."""
    import typer.main

    from planchk.cli import app, help_texts

    return help_texts.entries(typer.main.get_command(app))


def template_catalog() -> Catalog:
    catalog = Catalog(
        project="planchk", domain="planchk", charset="utf-8", copyright_holder="planchk"
    )
    for context, english in entries():
        catalog.add(english, context=context)
    return catalog


def extract() -> None:
    _write_po(POT, template_catalog())
    for locale, directory in LANGUAGES.items():
        path = directory / "planchk.po"
        catalog = _read(path, locale) if path.exists() else Catalog(locale=locale, domain="planchk")
        before = _contents(catalog)
        old_text = path.read_text(encoding="utf-8") if path.exists() else ""
        catalog.update(template_catalog(), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write_po(path, catalog)
        # An entry extract does not change is written back as it was, wrapping included:
        # Babel rewraps every entry at its width, and a translator's line breaks are theirs.
        kept = _kept_as_written(old_text, path.read_text(encoding="utf-8"), before, catalog)
        path.write_text(kept, encoding="utf-8")


# One entry of a .po file as extract compares it: English, translation, flags and comments.
Contents = tuple[object, object, tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _contents(catalog: Catalog) -> dict[str, Contents]:
    """Each entry's contents by its context, copied: Catalog.update changes them in place."""
    return {
        m.context or "": (
            m.id,
            m.string,
            tuple(sorted(m.flags)),
            tuple(m.auto_comments),
            tuple(m.user_comments),
        )
        for m in catalog
        if m.id
    }


def _kept_as_written(
    old_text: str, new_text: str, before: dict[str, Contents], after: Catalog
) -> str:
    """`new_text` (as Babel writes the updated catalogue) with each entry whose contents the
    update left alone in its text of `old_text`. Entries are the blank-line separated blocks
    Babel writes; the header and new or changed entries stay as Babel writes them."""
    old_blocks = {}
    for block in old_text.split("\n\n"):
        context = _context_of(block)
        if context is not None:
            old_blocks[context] = block.strip("\n")
    now = _contents(after)
    blocks = []
    for block in new_text.split("\n\n"):
        context = _context_of(block)
        unchanged = context in old_blocks and before.get(context) == now.get(context)
        blocks.append(old_blocks[context] if context is not None and unchanged else block)
    return "\n\n".join(blocks)


def _context_of(block: str) -> str | None:
    """The msgctxt of one entry of a .po file, None if it has none (the header, comments).
    Babel wraps a context longer than its width over several lines, each a quoted string
    after an empty first one (`msgctxt ""`): every line is read, not only the first, so two
    long contexts are not both keyed "" (the later kept in the place of each)."""
    lines = block.strip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("msgctxt ")), None)
    if start is None:
        return None
    parts = [lines[start].removeprefix("msgctxt ")]
    parts += itertools.takewhile(lambda line: line.startswith('"'), lines[start + 1 :])
    return denormalize("\n".join(parts))


def compile_all() -> None:
    for locale, directory in LANGUAGES.items():
        catalog = _read(directory / "planchk.po", locale)
        with (directory / "planchk.mo").open("wb") as stream:
            write_mo(stream, catalog, use_fuzzy=False)


def check() -> list[str]:
    """Every problem with the catalogues, as sentences; empty when all is well."""
    problems: list[str] = []
    expected = entries()
    if _pot_entries() != expected:
        problems.append(f"{POT} is stale: run python tools/i18n.py extract")
    for locale, directory in LANGUAGES.items():
        catalog = _read(directory / "planchk.po", locale)
        problems += _check_catalog(catalog, dict(expected), locale)
        if _messages(_compiled(catalog)) != _messages((directory / "planchk.mo").read_bytes()):
            problems.append(
                f"{directory / 'planchk.mo'} is stale: run python tools/i18n.py compile"
            )
    return problems


def _check_catalog(catalog: Catalog, expected: dict[str, str], locale: str) -> list[str]:
    problems = []
    seen = set()
    for entry in catalog:
        if not entry.id:
            continue
        context = entry.context or ""
        seen.add(context)
        if expected.get(context) != entry.id:
            problems.append(f"{locale} {context}: not (or no longer) a planchk message")
        elif not entry.string:
            problems.append(f"{locale} {context}: not translated")
        elif entry.fuzzy:
            problems.append(f"{locale} {context}: fuzzy (the English changed): review it")
        elif placeholders(str(entry.id)) != placeholders(str(entry.string)):
            english, chinese = placeholders(str(entry.id)), placeholders(str(entry.string))
            problems.append(
                f"{locale} {context}: placeholders differ: {sorted(english)} "
                f"in English, {sorted(chinese)} in the translation"
            )
    problems += [f"{locale} {c}: missing" for c in expected if c not in seen]
    return problems


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _pot_entries() -> list[tuple[str, str]]:
    catalog = read_po(POT.open("rb"))
    return sorted((m.context or "", m.id) for m in catalog if m.id)  # type: ignore[misc]


def _compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _messages(compiled: bytes) -> set[tuple[str, str, str]]:
    """(context, English, translation) of each message in a compiled catalogue.

    The header entry is left out: it carries the generator's name and version
    (`Generated-By: Babel 2.18.0`), which changes with every Babel release while
    no translation does.
    """
    catalog = read_mo(io.BytesIO(compiled))
    return {(m.context or "", str(m.id), str(m.string)) for m in catalog if m.id}


def _read(path: Path, locale: str) -> Catalog:
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=locale, domain="planchk")
    # Dates would make every compiled file differ from the last; the .po is dated by git.
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    return catalog


def _write_po(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    catalog.fuzzy = False
    catalog.project = "planchk"
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "the planchk developers"
    catalog.header_comment = HEADER
    write_po(buffer, catalog, width=100, no_location=True)
    text = buffer.getvalue().decode("utf-8")
    # Babel stamps the time of writing; a fixed header keeps the file stable in git.
    lines = [line for line in text.splitlines(keepends=True) if "-Date:" not in line]
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "extract":
        extract()
    elif command == "compile":
        compile_all()
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "catalogues are complete and current")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
