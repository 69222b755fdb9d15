"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

What GitHub needs and ansible-lint learned the hard way: every rule once in the catalogue
with a stable id, non-empty messages, 1-based regions, fingerprints that survive lines moving
(built from code and data path), and waived findings as suppressions with their reason.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring  # the C one where there is one
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urljoin

from planchk import __version__, i18n, messages
from planchk.catalog import CodeInfo, all_codes
from planchk.config import docs_folder
from planchk.findings import Finding, Location, Severity, Suggestion
from planchk.formatters import RenderOptions
from planchk.formatters.codes import REFERENCE_PATHS, anchor, explain
from planchk.formatters.streamed import INDENT, Streamed, document, encoded
from planchk.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"  # the working directory planchk ran in, as CodeQL names it
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


# Suggested corrections are part of every report in this format.
SHOWS_SUGGESTIONS = True


def render(report: Report, options: RenderOptions) -> str:
    return "".join(pieces(report, options))


def pieces(report: Report, options: RenderOptions) -> Iterator[str]:
    """The log as it is written: one result at a time, never the whole text at once."""
    catalogue = all_codes()
    index = {info.code: i for i, info in enumerate(catalogue)}
    run = {
        "tool": {
            "driver": {
                "name": "planchk",
                "version": __version__,
                "rules": [rule_json(info, docs_base(options)) for info in catalogue],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "language": i18n.tag(),
        "columnKind": "unicodeCodePoints",
        "results": Streamed(((f, index[f.code]) for f in report.findings), _encoded_result),
    }
    return document({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]})


def _encoded_result(item: tuple[Finding, int], newline: str) -> str:
    return encoded_result(*item, newline)


def encoded_result(finding: Finding, rule_index: int, newline: str) -> str:
    """What `encoded(result_json(finding, rule_index), newline)` gives: written straight from
    a finding with a line and nothing more (nearly every one of a flood: the general encoder
    was most of the time 600,000 took to write), the others through their dict."""
    where = finding.location
    if finding.related or finding.suggestions or finding.waived is not None or where.place:
        return encoded(result_json(finding, rule_index), newline)
    if where.line <= 0:
        return encoded(result_json(finding, rule_index), newline)
    i1 = newline + INDENT
    i2, i3, i4, i5 = (i1 + INDENT * n for n in range(1, 5))
    region = f'{i5}"startLine": {where.line},{i5}"startColumn": {max(where.column, 1)}{i4}'
    physical = f'{i4}"artifactLocation": {_artifact(where.file, os.getcwd(), i4)},'
    text = _text(finding.message or finding.code)
    return (
        f'{{{i1}"ruleId": {_text(finding.code)},{i1}"ruleIndex": {rule_index},'
        f'{i1}"level": "{LEVELS[finding.severity]}",'
        f'{i1}"message": {{{i2}"text": {text}{i1}}},'
        f'{i1}"locations": [{i2}{{{i3}"physicalLocation": {{{physical}'
        f'{i4}"region": {{{region}}}{i3}}}{i2}}}{i1}],'
        f'{i1}"partialFingerprints": {{{i2}"planchk/v1": "{fingerprint(finding)}"{i1}}},'
        f'{i1}"properties": {{{i2}"path": {_text(finding.path)}{i1}}}{newline}}}'
    )


@functools.lru_cache(maxsize=256)
def _artifact(path: str, cwd: str, newline: str) -> str:
    """A file's artifactLocation, encoded once per file, working directory and indentation."""
    return encoded(dict(_artifact_location(path, cwd)), newline)


def _text(text: str) -> str:
    return str(encode_basestring(text))


def rule_json(info: CodeInfo, docs: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": info.code,
        "name": info.slug,
        "shortDescription": {"text": info.title_text},
        "fullDescription": {"text": info.why_text},
        "help": {"text": explain(info), "markdown": _help_markdown(info)},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": [info.family]},
    }
    if docs is not None:
        found["helpUri"] = help_uri(docs, info.code)
    return found


def help_uri(docs: str, code: str) -> str:
    """The code's section of the rules reference in the run's language: docs/rules.md#pc101."""
    page = PurePosixPath(REFERENCE_PATHS.get(i18n.language(), REFERENCE_PATHS["en"])).name
    return urljoin(docs, f"{page}#{anchor(code)}")


def docs_base(options: RenderOptions) -> str | None:
    """Where planchk's docs/ is published: the configuration's `docs-url`, else the package's
    Project-URL `Documentation` if one is ever declared. planchk has no public address of its
    own, so without either there is no helpUri (the rule's `help` carries its docs)."""
    if options.docs_url is not None:
        return options.docs_url
    try:
        declared = importlib.metadata.metadata("planchk").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    return documentation_url(declared)


def documentation_url(project_urls: list[str]) -> str | None:
    """The `Documentation` entry of core metadata's Project-URL fields ("label, url")."""
    for entry in project_urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation":
            return docs_folder(url)
    return None


def result_json(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message or finding.code},
        "locations": [location_json(finding.location)],
        "partialFingerprints": {"planchk/v1": fingerprint(finding)},
        "properties": {"path": finding.path},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, **location_json(loc)} for i, loc in enumerate(finding.related, start=1)
        ]
    if finding.waived is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.waived}]
    if finding.suggestions:
        result["fixes"] = fixes_json(finding.suggestions)
    return result


def fixes_json(suggestions: Sequence[Suggestion]) -> list[dict[str, Any]]:
    """One SARIF fix per alternative, most likely first (SARIF 2.1.0 §3.55: each fix is one
    proposed way to resolve the result, made whole): the changes of one alternative, such as
    the parts 舍位平衡 rounds together, are replacements of the same fix."""
    grouped: dict[int, list[Suggestion]] = {}
    for suggestion in suggestions:
        grouped.setdefault(suggestion.alternative, []).append(suggestion)
    return [fix_json(grouped[key]) for key in sorted(grouped)]


def fix_json(changes: Sequence[Suggestion]) -> dict[str, Any]:
    """An alternative as a SARIF fix: replace the printed value in each cell it changes."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for change in changes:
        where = change.location
        region = {
            "startLine": where.line,
            "startColumn": where.column,
            "endColumn": where.column + len(change.old),
        }
        replacement = {"deletedRegion": region, "insertedContent": {"text": change.new}}
        by_file.setdefault(where.file, []).append(replacement)
    text = " ".join(messages.suggestion_text(c.kind, c.old, c.new, c.args) for c in changes)
    return {
        "description": {"text": text},
        "artifactChanges": [
            {"artifactLocation": artifact_location(file), "replacements": replacements}
            for file, replacements in by_file.items()
        ],
    }


def location_json(location: Location) -> dict[str, Any]:
    """A physical location with the nearest region the file has, and in a plan document the
    place in its own terms as a logical location.

    A .txt or a web page is a text artifact: its place comes with the line and column where the
    cell or paragraph starts (in the text, in the page's source). A .docx gets no region: it is
    a zip archive, a binary artifact, where SARIF 2.1.0 (§3.30.1, §3.30.2) allows only a byte
    region, and no byte offset into the archive (nor a character offset into its compressed
    document.xml) is a place a reader or a viewer can show; its logical location is the place.
    """
    physical: dict[str, Any] = {"artifactLocation": artifact_location(location.file)}
    if location.line > 0:
        physical["region"] = {"startLine": location.line, "startColumn": max(location.column, 1)}
    if location.place:  # a plan document: the place in its own terms, as a logical location
        return {"physicalLocation": physical, "logicalLocations": [{"name": location.place}]}
    return {"physicalLocation": physical}


def artifact_location(path: str) -> dict[str, str]:
    """An RFC 3986 reference: relative to %SRCROOT% for a file under it, else a file URI.

    A raw path is not a URI: a space, `#` or a Chinese folder name must be percent-encoded.
    """
    # Worked out once per file and working directory: a report of 600,000 findings names
    # a handful of files, and relpath is most of the cost of a result.
    return dict(_artifact_location(path, os.getcwd()))


@functools.lru_cache(maxsize=256)
def _artifact_location(path: str, cwd: str) -> tuple[tuple[str, str], ...]:
    absolute = os.path.abspath(path)  # normalises `..` without following links
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive, on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return (("uri", Path(absolute).as_uri()),)
    return (("uri", quote(Path(relative).as_posix())), ("uriBaseId", SRCROOT))


def fingerprint(finding: Finding) -> str:
    """Identity across revisions: file, code and data path, never the line."""
    identity = "\0".join((finding.location.file, finding.code, finding.path))
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


def _help_markdown(info: CodeInfo) -> str:
    sections = info.sections
    return (
        f"**{info.code} {info.slug}**: {info.title_text}\n\n"
        f"{messages.EXPLAIN_WHY(why=info.why_text)}\n\n"
        f"**{messages.DOC_BAD.text}**\n\n```yaml\n{sections.bad}\n```\n\n"
        f"**{messages.DOC_GOOD.text}**\n\n```yaml\n{sections.good}\n```"
    )
