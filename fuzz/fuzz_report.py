"""Coverage-guided fuzzing of the outputs with hostile names, with atheris (not run in CI).

    python -m venv .fuzz && .fuzz/bin/pip install atheris -e .
    .fuzz/bin/python fuzz/fuzz_report.py /tmp/fuzz-report fuzz/corpus_report -max_total_time=600

Each input gives the names of a small plan directory (targets.yaml and tasks.yaml): the plan's
title, its areas, an indicator, offices and tasks. Each fuzzed byte below 0x80 is itself (every
C0 control, DEL and the markup characters); the bytes above stand for C1 controls, the bidi,
zero-width and other invisible characters, line and paragraph separators and CJK. Each name ends
in a letter of its own (so none is empty and no two are alike). Every plan also names one
office and one area by a fixed name holding all of these at once, and an office by a formula.
The plan has findings that name its areas and offices (a sum that does not add up, an
unknown area, an unknown office).

It is checked and rendered the way `planchk report` (HTML, Markdown, XLSX) and `planchk
validate` (text, json, sarif, github, junit) do it, and what must hold is asserted: HTML and JUnit
parse, and a name creates no element (HTML: no tag outside those the formatter writes, no raw
name holding `<`); the XLSX reopens with openpyxl and holds no formula; JSON and SARIF parse;
no raw control, bidi or invisible character in the outputs a person reads (the line breaks a
format writes aside). Any exception is a bug: atheris stops and writes the input to crash-*.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import openpyxl

    from planchk.config import Config
    from planchk.engine import check_discovery
    from planchk.escape import INVISIBLE
    from planchk.formatters import RenderOptions, get, get_report
    from planchk.formatters.report.view import build_view
    from planchk.loader.discover import discover

WORK = Path(tempfile.mkdtemp(prefix="planchk-fuzz-report-"))
CONTROLS = "".join(map(chr, range(0x20))) + "\x7f" + "".join(map(chr, range(0x80, 0xA0)))
MARKUP = "<>&[]*_`=+-@|#\\~!\"'"
HIGH = (
    list(map(chr, range(0x80, 0xA0)))  # C1 controls
    + sorted(INVISIBLE)
    + ["\u2028", "\u2029", "\u0085", "\ufffe", "\U000e0001", "\u202e\u0000", "\u00a0"]
    + list("青云谱区科技局办镇街")
)
EVERYTHING = CONTROLS + "".join(sorted(INVISIBLE)) + MARKUP + "<img src=x onerror=alert(1)>"
EVERYTHING += "<details><script>x</script>[a](http://x) @team #1 =1+1 区"
FORMULA = '=HYPERLINK("http://x","y")+1'  # starts a formula where a cell is written as typed
# What a person reads: no raw control (but the line breaks and tabs a format writes itself),
# no bidi or invisible character.
FORBIDDEN = frozenset(CONTROLS + "".join(INVISIBLE)) - frozenset("\n\t\r")
HTML_TAGS = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "article",
        "section",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "span",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "colgroup",
        "col",
        "svg",
        "polyline",
        "polygon",
        "line",
        "rect",
        "circle",
        "path",
        "g",
        "text",
        "a",
        "abbr",
        "b",
        "br",
        "code",
        "em",
        "strong",
        "small",
        "sup",
        "sub",
        "time",
        "footer",
        "main",
        "nav",
        "details",
        "summary",
        "mark",
        "dl",
        "dt",
        "dd",
    ]
)
JUNIT_TAGS = frozenset(
    [
        "testsuites",
        "testsuite",
        "testcase",
        "error",
        "failure",
        "skipped",
        "system-out",
        "properties",
        "property",
    ]
)


def names(data: bytes) -> list[str]:
    fdp = atheris.FuzzedDataProvider(data)
    found = []
    for role in "甲乙丙丁戊己庚辛":  # last: each name non-empty and different from the rest
        raw = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 24))
        found.append("".join(chr(b) if b < 0x80 else HIGH[b % len(HIGH)] for b in raw) + role)
    return found


def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly."""
    out = []
    for c in text:
        code = ord(c)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= code < 0x7F:
            out.append(c)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def plan(name: list[str]) -> tuple[str, str]:
    title, parent, part1, part2, indicator, office, task, unknown = map(quoted, name)
    every = quoted(EVERYTHING)
    targets = f"""plan:
  title: {title}
  period: [2021, 2023]
areas:
  {parent}: [{part1}, {part2}]
indicators:
  growth:
    name: {indicator}
    table: {title}
    unit: 家
    kind: stock
    sum: exact
    years: [2021, 2022]
    values:
      {parent}: [10, 20]
      {part1}: [3, 4]
      {part2}: [5, 6]
      {every}: [1, 2]
"""
    tasks = f"""offices:
  {office}: {{kind: department}}
sections:
  - number: 一
    title: {title}
    tasks:
      - number: 1
        title: {task}
        lead: [{office}]
        responsible: [{unknown}, {every}, {quoted(FORMULA)}]
        cooperating: [{part1}]
"""
    return targets, tasks


def check(data: bytes) -> None:
    name = names(data)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir()
    targets, tasks = plan(name)
    (WORK / "targets.yaml").write_text(targets, encoding="utf-8")
    (WORK / "tasks.yaml").write_text(tasks, encoding="utf-8")
    config = Config()
    found = discover([WORK], config.max_bytes)
    report = check_discovery(found, config)
    for fmt in ("text", "github"):
        readable(get(fmt)(report, RenderOptions()), fmt)
    for fmt in ("json", "sarif"):
        json.loads(get(fmt)(report, RenderOptions()))
    junit = get("junit")(report, RenderOptions())
    readable(junit, "junit")
    for element in ET.fromstring(junit.split("\n", 1)[1]).iter():
        if element.tag not in JUNIT_TAGS:
            raise AssertionError(f"junit: a name made an element <{element.tag}>")
    if report.unusable:
        return  # report writes no report for a plan it cannot check
    view = build_view(found, report)
    html = get_report("html")(view)
    readable(html, "html")
    markup(html, [*name, EVERYTHING])
    readable(get_report("markdown")(view), "markdown")
    workbook(get_report("xlsx")(view))


def readable(text: str | bytes, fmt: str) -> None:
    assert isinstance(text, str), fmt
    bad = FORBIDDEN.intersection(text)
    if bad:
        raise AssertionError(f"{fmt}: raw {sorted(bad)!r} in the output")


class Tags(HTMLParser):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            raise AssertionError(f"html: a name made an element <{tag}>")
        for attribute, _ in attrs:
            if attribute.startswith("on"):
                raise AssertionError(f"html: a name made an attribute {attribute}")


def markup(html: str, name: list[str]) -> None:
    Tags().feed(html)
    for each in name:
        if "<" in each and each in html:
            raise AssertionError(f"html: the name {each!r} is written raw")


def workbook(data: str | bytes) -> None:
    assert isinstance(data, bytes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    raise AssertionError(f"xlsx: formula in {sheet.title}!{cell.coordinate}")


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
