"""Web pages through lxml's HTML parser: the article among the site's navigation, its
paragraphs (<br> ends a line) and its tables (rowspan and colspan laid out on a grid, <br> and
<p> inside a cell as the cell's lines).

lxml because python-docx needs it already (no second dependency), it parses the malformed
markup that government sites publish as a browser would, without fetching anything, and at C
speed; BeautifulSoup or html5lib would add a package for no gain here, and the standard
library's html.parser leaves building the tree and recovering from bad markup to us.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planchk.importers.csvgrid import typed_indent
from planchk.importers.documents import texts
from planchk.importers.documents.htmlpos import Position, positions
from planchk.importers.documents.model import Cell, RawParagraph, RawTable
from planchk.messages import PlanchkError

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "select",
    "button",
    "svg",
    "nav",
)
_BLOCKS = frozenset({
    "p", "div", "section", "article", "li", "ul", "ol", "dd", "dt", "dl", "blockquote", "pre",
    "center", "form", "header", "footer", "main", "aside", "address", "figure", "figcaption",
    "h1", "h2", "h3", "h4", "h5", "h6", "tr", "hr",
})  # fmt: skip
_HEADING = re.compile(r"^h([1-6])$")
_MAX_SPAN = 1000  # a rowspan or colspan beyond this is a typo, not a layout
_ARTICLE_SHARE = 0.7  # the article holds most of the page's text that is not links
_SPACE = re.compile(r"[ \t\r\n\f\v\xa0\u3000]+")


def decode(raw: bytes) -> tuple[str, str]:
    """The page's text and the encoding that read it: a BOM's, else the <meta> charset's, else
    UTF-8, else GB18030 (GBK and GB2312 pages)."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name
    declared = _CHARSET.search(raw[:4096])
    candidates = ["utf-8", "gb18030"]
    if declared is not None:
        name = declared.group(1).decode("ascii", "replace").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "x-gbk") else name
        try:
            codecs.lookup(name)
            candidates.insert(0, name)
        except LookupError:
            pass
    for name in candidates:
        try:
            return raw.decode(name), name
        except UnicodeDecodeError:
            continue
    return raw.decode("gb18030", errors="replace"), "gb18030 (with replacements)"


def blocks(raw: bytes, path: Path, notes: list[str]) -> Iterator[RawParagraph | RawTable]:
    import lxml.html
    from lxml import etree

    text, encoding = decode(raw)
    notes.append(texts.READ_ENCODING(path=path, encoding=encoding))
    try:
        parser = lxml.html.HTMLParser(
            encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
        )
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise PlanchkError(texts.HTML_UNREADABLE, path=path, reason=str(error)) from None
    spots = positions(root, text)
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    article = _article(root)
    found: list[RawParagraph | RawTable] = list(_Walker(spots).walk(article))
    classes = (article.get("class") or "").split()
    name = f"#{article.get('id')}" if article.get("id") else (f".{classes[0]}" if classes else "")
    notes.append(
        texts.ARTICLE_FOUND(
            path=path,
            element=article.tag,
            name=name,
            paragraphs=texts.PARAGRAPHS(sum(isinstance(b, RawParagraph) for b in found)),
            tables=texts.TABLES(sum(not isinstance(b, RawParagraph) for b in found)),
        )
    )
    yield from found


def _weight(element: Any, weights: dict[Any, int]) -> int:
    """Characters of text outside links: navigation is mostly links, an article mostly not."""
    total = len((element.text or "").strip()) if element.tag != "a" else 0
    for child in element:
        if not isinstance(child.tag, str):
            continue
        total += _weight(child, weights) if child.tag != "a" else 0
        total += len((child.tail or "").strip())
    weights[element] = total
    return total


def _article(root: Any) -> Any:
    """The smallest element that holds most of the page's text: go down while one child holds
    most of its parent's; a data table is not gone into (its text is spread over its cells)."""
    body = root.find("body")
    node = body if body is not None else root
    weights: dict[Any, int] = {}
    _weight(node, weights)
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        heavy = max(children, key=lambda c: weights.get(c, 0), default=None)
        if heavy is None or weights.get(heavy, 0) < _ARTICLE_SHARE * weights.get(node, 0):
            return node
        if heavy.tag in ("table", "tbody", "thead", "tr") and not _holds_blocks(heavy):
            return node
        if weights.get(heavy, 0) == 0:
            return node
        node = heavy


def _holds_blocks(element: Any) -> bool:
    """A layout table: one of its cells holds a table or several paragraphs of its own."""
    for cell in element.iter("td", "th"):
        if cell.find(".//table") is not None or len(cell.findall(".//p")) > 3:
            return True
    return False


class _Walker:
    """Walks the article in document order: runs of inline text become paragraphs, each
    block element and <br> ends one, a data table becomes a grid."""

    def __init__(self, spots: dict[Any, Position]) -> None:
        self.spots = spots
        self.line: list[str] = []
        self.level: int | None = None
        self.at: Position = (0, 0)  # where the paragraph being read starts in the source

    def walk(self, element: Any) -> Iterator[RawParagraph | RawTable]:
        yield from self._element(element)
        yield from self._flush()

    def _element(self, element: Any) -> Iterator[RawParagraph | RawTable]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table" and not _holds_blocks(element):
            yield from self._flush()
            for caption in (child for child in element if child.tag == "caption"):
                yield from self._element(caption)  # the table's title (and unit line) above it
                yield from self._flush()
            yield _grid(element, self.spots)
        elif tag == "br":
            yield from self._flush()
        else:
            block = tag in _BLOCKS or tag in ("table", "td", "th")
            if block:
                yield from self._flush()
            heading = _HEADING.match(tag)
            if heading:
                self.level = int(heading.group(1))
            self._add(element.text or "" if tag else "", element)
            for child in element:
                yield from self._element(child)
            if block:
                yield from self._flush()
        self._add(element.tail or "", element)

    def _add(self, text: str, element: Any) -> None:
        """Text of the paragraph being read; its first words place it at their element (after
        a <br>, the <br>: the nearest tag the source has)."""
        if text.strip() and not any(part.strip() for part in self.line):
            self.at = self.spots.get(element, (0, 0))
        self.line.append(text)

    def _flush(self) -> Iterator[RawParagraph]:
        text = _SPACE.sub(" ", "".join(self.line)).strip()
        self.line = []
        if text:
            yield RawParagraph(_join_cjk(text), self.level, line=self.at[0], column=self.at[1])
        self.level = None
        self.at = (0, 0)


def _join_cjk(text: str) -> str:
    """Source line breaks inside Chinese text are not spaces: 实施 方案 is 实施方案."""
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", text)


def _grid(table: Any, spots: dict[Any, Position]) -> RawTable:
    """Rows of the table with every rowspan and colspan laid out on a grid."""
    rows: list[list[Cell]] = []
    pending: dict[int, tuple[Cell, int]] = {}  # column -> (covered cell, rows it still covers)
    for tr in _rows(table):
        row: list[Cell] = []
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            _carry_down(row, pending)
            text, (line, column) = _cell_text(td), spots.get(td, (0, 0))
            span, down = _span(td.get("colspan")), _span(td.get("rowspan"))
            indent = _indent(td)
            for offset in range(span):
                row.append(Cell(text, offset > 0, line, column, indent))
                if down > 1:
                    pending[len(row) - 1] = (Cell(text, True, line, column, indent), down - 1)
        _carry_down(row, pending)
        rows.append(row)
    # a row that ends early leaves the rest blank on the page (a browser draws it so), as the
    # CSV saved from it holds: never a row cut short
    width = max((len(row) for row in rows), default=0)
    return [row + [Cell("")] * (width - len(row)) for row in rows]


def _carry_down(row: list[Cell], pending: dict[int, tuple[Cell, int]]) -> None:
    """Fill the positions that cells of rows above span down into, from the row's end on."""
    while len(row) in pending:
        cell, left = pending.pop(len(row))
        row.append(cell)
        if left > 1:
            pending[len(row) - 1] = (cell, left - 1)


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if tr.tag == "tr")


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), _MAX_SPAN))
    except ValueError:
        return 1


def _cell_text(td: Any) -> str:
    """A cell's lines: <br> and block elements inside it end a line."""
    walker = _Walker({})
    lines = []
    for child_block in walker.walk(td):
        if isinstance(child_block, RawParagraph):
            lines.append(child_block.text)
    return "\n".join(lines)


def _indent(td: Any) -> int:
    """How far the cell's text is indented by the spaces typed before it (&nbsp;, 　, or
    spaces on its line), as a CSV's leading spaces are (csvgrid.typed_indent). The source's
    own line break and indentation before the text (<td>↵    合计) lay out the markup: there
    only non-breaking and full-width spaces count."""
    text = "".join(td.itertext())
    lead = text[: len(text) - len(text.lstrip())]
    if "\n" in lead or "\r" in lead:
        lead = "".join(ch for ch in lead if ch in "\xa0\u3000")
    return typed_indent(lead + "|")
