"""Relations between indicators: a small, safe expression language, never evaluated as Python.

    total_projects = new_projects + renovated + expanded     # 合计 = 新建 + 改建 + 扩建
    key_enterprises <= high_tech_enterprises                 # 其中 ≤ 总
    funds = households * standard                            # 资金 = 户数 × 每户标准
    share = funds / funds[合计] * 100                         # 占比 = 资金 / 合计的资金


Names are indicator ids (or the indicators' Chinese names; 2022年目标 is a name, 2022 a
number); numbers are written as a plan file's values are (ASCII digits, at most one point, no
leading zero); the operators are + - * × / ÷ and parentheses; the comparators = == < <= > >=
≤ ≥. A relation is checked per area and year with exact Decimal arithmetic, and with interval
arithmetic over the rounding of the printed digits, so that a difference rounding explains is
told apart.

A name stands for the indicator's value in the row being checked; a name followed by a row in
brackets, `funds[合计]`, for its value in that one row (an area, an 其中 row or an area's alias,
as the file names it), whichever row is checked: the one extension a share of the total row
needs (each row's 占比 is its 资金 over the 合计 row's). A relation that names rows only is
checked once per year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation

from planchk.errors import RelationError
from planchk.plan.comparators import SYMBOLS, compare
from planchk.plan.numbers import decimals, is_number

COMPARATORS = SYMBOLS  # the spellings of planchk.plan.comparators, by their old name
# A number token is any run of decimal digits (full-width １２ and other scripts' digits too) so
# that it is read as a number and then held to the grammar of planchk.plan.numbers: a relation
# takes the numbers a plan file's values take (ASCII digits, no leading zero), and refuses the
# others with a message saying so, rather than reading them as names.
# A name may start with digits when a letter follows them (2022年目标: an indicator id
# as a table heads its column); digits alone, or with a decimal point, are a number.
# A row in brackets is read whole, up to its `]`: an area's name may hold any character
# (市本级(含开发区)), and only the bracket ends it.
_TOKEN = re.compile(
    r"\s*(?:(?P<name>\d+[^\s+\-*×/÷()=<>≤≥\[\]\d.][^\s+\-*×/÷()=<>≤≥\[\]]*"
    r"|[^\s+\-*×/÷()=<>≤≥\[\]\d][^\s+\-*×/÷()=<>≤≥\[\]]*)"
    r"|(?P<number>\d+(?:\.\d+)?)|(?P<row>\[[^\[\]]*\]?)"
    r"|(?P<op>==|<=|>=|[=<>≤≥+\-*×/÷()\]]))"
)
THIS_ROW = ""  # a Node's row when it names the row being checked


@dataclass(frozen=True)
class Node:
    kind: str  # num, ref, neg, +, -, *, /
    value: Decimal | None = None
    name: str = ""
    left: Node | None = None
    right: Node | None = None
    row: str = THIS_ROW  # a ref's row: the one checked, or one named in brackets

    def refs(self) -> list[str]:
        """The indicators named, each once, in the order written."""
        return list(dict.fromkeys(name for name, _ in self.cells()))

    def cells(self) -> list[tuple[str, str]]:
        """The (indicator, row) pairs named, each once, in the order written."""
        if self.kind == "ref":
            return [(self.name, self.row)]
        found: list[tuple[str, str]] = []
        for child in (self.left, self.right):
            if child is not None:
                found += [cell for cell in child.cells() if cell not in found]
        return found


@dataclass(frozen=True)
class Relation:
    text: str
    left: Node
    op: str
    right: Node

    def cells(self) -> list[tuple[str, str]]:
        cells = self.left.cells()
        return cells + [cell for cell in self.right.cells() if cell not in cells]

    def refs(self) -> list[str]:
        """Every indicator named, each once, in the order written."""
        return list(dict.fromkeys(name for name, _ in self.cells()))

    def per_row(self) -> list[str]:
        """The indicators named without a row: read in each row the relation is checked in."""
        return list(dict.fromkeys(name for name, row in self.cells() if row == THIS_ROW))

    def fixed(self) -> list[tuple[str, str]]:
        """The (indicator, row) pairs named with a row in brackets."""
        return [cell for cell in self.cells() if cell[1] != THIS_ROW]


# (indicator id, row as written) -> the row's key in the indicator's table, or None: no row
RowResolver = Callable[[str, str], str | None]


def parse(text: str, names: Mapping[str, str], rows: RowResolver | None = None) -> Relation:
    """Read a relation; `names` maps every usable name (id or Chinese name) to an id, `rows`
    finds a row named in brackets (None: rows are taken as written)."""
    tokens = _tokens(text)
    parser = _Parser(tokens, names, rows or (lambda _, row: row))
    left = parser.expression()
    op = parser.comparator()
    right = parser.expression()
    if parser.position != len(tokens):
        raise RelationError("unexpected", token=tokens[parser.position][1])
    return Relation(text, left, op, right)


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise RelationError("unexpected", token=text[position:].strip()[:10])
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


MAX_DEPTH = 50  # parentheses and signs nested deeper are no plan's relation, and would
# exhaust Python's recursion limit in this recursive-descent parser


class _Parser:
    def __init__(
        self, tokens: list[tuple[str, str]], names: Mapping[str, str], rows: RowResolver
    ) -> None:
        self.tokens, self.names, self.rows, self.position, self.depth = tokens, names, rows, 0, 0

    def peek(self) -> str:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else ""

    def take(self) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise RelationError("incomplete")
        token = self.tokens[self.position]
        self.position += 1
        return token

    def comparator(self) -> str:
        text = self.take()[1]
        if text not in COMPARATORS:
            raise RelationError("no-comparator", token=text)
        return COMPARATORS[text]

    def expression(self) -> Node:
        node = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()[1]
            node = Node(op, left=node, right=self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.peek() in ("*", "×", "/", "÷"):
            op = "*" if self.take()[1] in ("*", "×") else "/"
            node = Node(op, left=node, right=self.factor())
        return node

    def factor(self) -> Node:
        kind, text = self.take()
        if kind == "number":
            if not is_number(text):
                raise RelationError("number", token=text)
            return Node("num", value=Decimal(text))
        if kind == "name":
            if text not in self.names:
                raise RelationError("unknown-name", name=text)
            if self.position < len(self.tokens) and self.tokens[self.position][0] == "row":
                return self.row_ref(text, self.take()[1])
            return Node("ref", name=self.names[text])
        if text not in ("-", "("):
            raise RelationError("unexpected", token=text)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RelationError("too-deep", depth=MAX_DEPTH)
        if text == "-":
            node = Node("neg", left=self.factor())
        else:
            node = self.expression()
            if self.take()[1] != ")":
                raise RelationError("unclosed")
        self.depth -= 1
        return node

    def row_ref(self, name: str, bracketed: str) -> Node:
        """`name[row]`: the indicator's value in that row, whichever row is checked."""
        if not bracketed.endswith("]"):
            raise RelationError("unclosed-row", name=name)
        written = bracketed[1:-1].strip()
        if not written:
            raise RelationError("no-row", name=name)
        row = self.rows(self.names[name], written)
        if row is None:
            raise RelationError("unknown-row", name=name, row=written)
        return Node("ref", name=self.names[name], row=row)


Interval = tuple[Decimal, Decimal]
# (indicator, row: THIS_ROW or a named one) -> (value, half unit)
Lookup = Callable[[str, str], tuple[Decimal, Decimal] | None]


def evaluate(node: Node, lookup: Lookup) -> tuple[Decimal, Interval] | None:
    """The exact value and the interval the printed digits allow; None for a blank or 0/0."""
    try:
        return _evaluate(node, lookup)
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        return None


def divides_by_zero(node: Node, lookup: Lookup) -> bool:
    """Whether the expression divides by zero (0/0 included) with these values."""
    try:
        _evaluate(node, lookup)
    except (DivisionByZero, InvalidOperation, ZeroDivisionError):
        return True
    return False


def _evaluate(node: Node, lookup: Lookup) -> tuple[Decimal, Interval] | None:
    if node.kind == "num":
        assert node.value is not None
        return node.value, (node.value, node.value)
    if node.kind == "ref":
        found = lookup(node.name, node.row)
        if found is None:
            return None
        value, half = found
        return value, (value - half, value + half)
    assert node.left is not None
    left = _evaluate(node.left, lookup)
    if node.kind == "neg":
        return None if left is None else (-left[0], (-left[1][1], -left[1][0]))
    assert node.right is not None
    right = _evaluate(node.right, lookup)
    if left is None or right is None:
        return None
    return _combine(node.kind, left, right)


def _combine(
    op: str, a: tuple[Decimal, Interval], b: tuple[Decimal, Interval]
) -> tuple[Decimal, Interval]:
    (x, (x0, x1)), (y, (y0, y1)) = a, b
    if op == "+":
        return x + y, (x0 + y0, x1 + y1)
    if op == "-":
        return x - y, (x0 - y1, x1 - y0)
    if op == "*":
        products = (x0 * y0, x0 * y1, x1 * y0, x1 * y1)
        return x * y, (min(products), max(products))
    if y0 <= 0 <= y1:  # the divisor's interval holds 0: no bound from rounding
        return x / y, (Decimal("-Infinity"), Decimal("Infinity"))
    quotients = (x0 / y0, x0 / y1, x1 / y0, x1 / y1)
    return x / y, (min(quotients), max(quotients))


def holds(op: str, left: Decimal, right: Decimal) -> bool:
    """Kept for code written before planchk.plan.comparators.compare, which it is."""
    return compare(left, op, right)


def printed_alike(left: Decimal, right: Decimal) -> bool:
    """Whether the side printed with fewer decimals is the other rounded to them (四舍五入):
    a 完成率 printed 102.9 beside 72 / 70 * 100 = 102.857… is the table printing what it
    computed, exactly as far as it prints, and no miss at all."""
    coarse, fine = sorted((left, right), key=decimals)
    places = decimals(coarse)
    if decimals(fine) <= places:
        return False  # as many decimals on both sides: compared exactly, already
    try:
        rounded = fine.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return False
    return rounded == coarse


def may_hold(op: str, left: Interval, right: Interval) -> bool:
    """Whether some values within the printed digits' rounding satisfy the comparator."""
    if op == "==":
        return left[0] <= right[1] and right[0] <= left[1]
    if op in ("<", "<="):
        return left[0] <= right[1]
    return left[1] >= right[0]
