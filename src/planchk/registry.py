"""The register of finding codes: how a code, rule or not, is declared and looked up.

A code is registered once with its slug, family, default severity, title and message
template. Rules add a check function through the `rule` decorator; loading problems (syntax,
schema, references) register a code without one. Codes are stable and never reused: a renamed
slug stays as an alias.

This module sits low and imports nothing above it: it holds the codes registered so far.
The complete catalogue is planchk.catalog, which imports every family; ask it, not this
module, for every code.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from planchk import i18n
from planchk.findings import Arg, Deferred, Finding, Problem, Severity

# A rule's check takes the rules' view of a plan (planchk.rules.context.PlanContext), which
# sits above this module: typed here by what it returns.
# It yields Problems, or Deferred ones where it may fire on every cell of a large table.
Check = Callable[[Any], Iterable[Problem | Deferred]]
C = TypeVar("C", bound=Check)

FAMILIES: dict[str, str] = {
    "PC0": "input",
    "PC1": "totals",
    "PC2": "trends",
    "PC3": "coverage",
    "PC4": "units",
    "PC5": "goals",
    "PC6": "tasks",
    "PC7": "plausibility",
    "PC9": "meta",
}

_ID_AFTER_NAME = re.compile(r" ?[(（]\{indicator\}[)）]")


@dataclass(frozen=True, eq=False)  # one object per declaration: its identity is its key
class Option:
    """A setting of a rule, set in the configuration under [tool.planchk.options.<rule>].

    Declared once, as a module constant handed to @rule(options=...); the rule reads it back
    through that constant (ctx.option(CONSTANT)), never by repeating its code and name.
    """

    default: Any
    parse: Callable[[Any], Any]  # raises PlanchkError saying what is expected
    help: str


@dataclass(frozen=True)
class CodeInfo:
    code: str
    slug: str
    severity: Severity
    title: str
    template: str
    doc: str = ""
    check: Check | None = None
    aliases: tuple[str, ...] = field(default=())
    options: Mapping[str, Option] = field(default_factory=dict)
    # Turns language-neutral arguments (a type key, a raw value) into words for the message;
    # the finding's args stay neutral so that machine consumers can render them again.
    localize: Callable[[Mapping[str, Arg]], Mapping[str, Arg]] | None = None
    # The rule compares office names with the areas, which only a targets file declares: it
    # does not run on a tasks file checked without one.
    needs_areas: bool = False
    # Every finding of the rule is searched for a suggested correction, and the text format
    # says so when none is found.
    always_suggests: bool = False

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:3]]

    @property
    def title_text(self) -> str:
        return i18n.text(f"{self.code}.title", self.title)

    @property
    def template_text(self) -> str:
        return i18n.text(f"{self.code}.message", self.template)

    @property
    def sections(self) -> DocSections:
        return doc_sections(self.doc)

    @property
    def why_text(self) -> str:
        return i18n.text(f"{self.code}.why", self.sections.why)

    def option_help(self, name: str) -> str:
        return i18n.text(f"{self.code}.option.{name}", self.options[name].help)

    def message(self, args: Mapping[str, Arg]) -> str:
        shown = self.localize(args) if self.localize else args
        template = self.template_text
        if "indicator" in shown and shown.get("name") == shown["indicator"]:
            # An indicator whose id is its name is named once, not `专利 (专利)`.
            template = _ID_AFTER_NAME.sub("", template)
        return template.format_map(shown)

    def finding(self, problem: Problem, *, fatal: bool = False) -> Finding:
        return Finding(
            code=self.code,
            slug=self.slug,
            severity=self.severity,
            message=self.message(problem.args),
            location=problem.location,
            path=problem.path,
            args=problem.args,
            related=problem.related,
            fatal=fatal,
            suggestions=problem.suggestions,
        )


_CODES: dict[str, CodeInfo] = {}
_BY_NAME: dict[str, str] = {}
_OPTION_KEYS: dict[Option, tuple[str, str]] = {}  # declaration -> (code, option name)


def register(info: CodeInfo) -> CodeInfo:
    if info.code[:3] not in FAMILIES or len(info.code) != 5 or not info.code[2:].isdigit():
        raise ValueError(f"malformed code {info.code!r}: expected PC and three digits")
    for name in (info.code, info.slug, *info.aliases):
        if name in _BY_NAME:
            raise ValueError(f"{name!r} is registered twice")
        _BY_NAME[name] = info.code
    _CODES[info.code] = info
    for name, option in info.options.items():
        _OPTION_KEYS[option] = (info.code, name)
    return info


def option_key(option: Option) -> tuple[str, str]:
    """The code and name under which an option was declared."""
    return _OPTION_KEYS[option]


def code(
    code: str,
    slug: str,
    severity: Severity,
    title: str,
    template: str,
    doc: str = "",
    *,
    localize: Callable[[Mapping[str, Arg]], Mapping[str, Arg]] | None = None,
) -> CodeInfo:
    """Register a code that is not a rule (loading and schema problems)."""
    doc = inspect.cleandoc(doc)
    return register(CodeInfo(code, slug, severity, title, template, doc, localize=localize))


def rule(
    code: str,
    slug: str,
    severity: Severity,
    title: str,
    template: str,
    aliases: tuple[str, ...] = (),
    options: Mapping[str, Option] | None = None,
    localize: Callable[[Mapping[str, Arg]], Mapping[str, Arg]] | None = None,
    *,
    needs_areas: bool = False,
    always_suggests: bool = False,
) -> Callable[[C], C]:
    """Register a check function under a code; its docstring is the rule's documentation."""

    def decorate(check: C) -> C:
        doc = inspect.cleandoc(check.__doc__ or "")
        info = CodeInfo(
            code, slug, severity, title, template, doc, check, aliases, options or {}, localize,
            needs_areas=needs_areas, always_suggests=always_suggests,
        )  # fmt: skip
        register(info)
        return check

    return decorate


def all_codes() -> list[CodeInfo]:
    """The codes registered so far, in order (planchk.catalog: all of them)."""
    return sorted(_CODES.values(), key=lambda info: info.code)


def rules() -> Iterator[CodeInfo]:
    return (info for info in all_codes() if info.check is not None)


def get(code: str) -> CodeInfo:
    return _CODES[code]


def find(code: str) -> CodeInfo | None:
    """The code's declaration, or None for a code not registered in this process."""
    return _CODES.get(code)


def resolve(name: str) -> list[CodeInfo]:
    """Codes named by a code, slug, alias, family name or `all`; empty when none matches."""
    name = name.strip()
    if not name:
        return []
    if name == "all":
        return all_codes()
    if name in _BY_NAME:
        return [_CODES[_BY_NAME[name]]]
    upper = name.upper()
    return [info for info in all_codes() if info.family == name or info.code.startswith(upper)]


@dataclass(frozen=True)
class DocSections:
    """A rule's documentation: why it exists (prose), a bad and a good example (data)."""

    why: str
    bad: str
    good: str


def doc_sections(doc: str) -> DocSections:
    """Split 'Why: ...', 'Bad:' and 'Good:' with their indented examples."""
    why, _, rest = doc.partition("\n\nBad:\n")
    bad, _, good = rest.partition("\n\nGood:\n")
    return DocSections(
        why=" ".join(why.removeprefix("Why:").split()),
        bad=textwrap.dedent(bad).strip("\n"),
        good=textwrap.dedent(good).strip("\n"),
    )
