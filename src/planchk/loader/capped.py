"""The loader's own cap on fatal findings: the first `limit` of each code in a file, then one
PC903 (an error) that counts the rest of that code.

Fatal findings pass the run's cap (suppress.cap): what makes a file unusable is never left
out. A hostile plan can hold one on every row (600,000 rows that are numbers: PC022; each row
typed twice: PC004; under a look-alike name: PC015; 100,000 indicators with a field too many:
PC021), and each was made, held and written: 1.5 GB and 17 s of CPU for the first. The loader
keeps to the cap itself, in the order it finds them (the document's for the YAML problems and
the cells, the schema's fields' for pydantic's errors); a finding left out is never made
beyond what tells its code (its place and message are most of its cost), and the first one
left out gives the PC903 its place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from planchk.codes.meta import FINDINGS_CAPPED
from planchk.findings import Arg, Finding, Problem, Severity
from planchk.registry import CodeInfo

Made = Callable[[], tuple[CodeInfo, Problem]]


class FileCap:
    """Fatal findings of one file, the first `limit` of each code kept (0: every one)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.findings: list[Finding] = []
        self._kept: dict[str, int] = {}
        self._left_out: dict[str, tuple[CodeInfo, Problem, int]] = {}  # code -> first, count

    def room(self, info: CodeInfo) -> bool:
        """Whether a finding of `info`'s code would be kept."""
        return self.limit <= 0 or self._kept.get(info.code, 0) < self.limit

    def add(self, info: CodeInfo, problem: Problem) -> None:
        self.offer(info, lambda: (info, problem))

    def offer(self, info: CodeInfo, make: Made | Problem) -> None:
        """A finding of `info`'s code, kept (made) or counted; `make` gives its code and
        problem (the code `info` foretold) when it is kept or the first left out."""
        if self.room(info):
            made_info, problem = make() if callable(make) else (info, make)
            self._kept[info.code] = self._kept.get(info.code, 0) + 1
            self.findings.append(made_info.finding(problem, fatal=True))
        else:
            self.left_out(info, make, 1)

    def left_out(self, info: CodeInfo, first: Made | Problem, count: int) -> None:
        """`count` findings of `info`'s code left out; `first` is the first of them."""
        earlier = self._left_out.get(info.code)
        if earlier is None:
            problem = first()[1] if callable(first) else first
            self._left_out[info.code] = (info, problem, count)
        else:
            self._left_out[info.code] = (earlier[0], earlier[1], earlier[2] + count)

    def count(self, code: str, count: int) -> None:
        """`count` more findings of `code` left out, after a first one already left out."""
        info, first, counted = self._left_out[code]
        self._left_out[code] = (info, first, counted + count)

    def summaries(self) -> list[Finding]:
        """One PC903 for each code with findings left out, at the first one's place: an error
        (it stands for fatal findings), whatever the severity PC903 is declared with."""
        out = []
        for info, problem, count in self._left_out.values():
            args: dict[str, Arg] = {
                "rule": f"{info.code} {info.slug}", "count": count, "limit": self.limit,
            }  # fmt: skip
            summary = Problem(problem.location, problem.path, args)
            finding = FINDINGS_CAPPED.finding(summary, fatal=True)
            out.append(dataclasses.replace(finding, severity=Severity.ERROR))
        return out

    def take(self, problems: Any) -> None:
        """Each (info, problem) of an iterable, offered in turn."""
        for info, problem in problems:
            self.offer(info, problem)
