"""A YAML syntax error as a problem at the line and column PyYAML reports, in its own words."""

from __future__ import annotations

import yaml

from planchk.findings import Location, Problem
from planchk.loader.sourcemap import position_after


def syntax_problem(error: yaml.YAMLError, text: str, file: str) -> Problem:
    """A YAMLError as a problem at the position PyYAML reports."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:  # a ReaderError: an unacceptable character
        line, column = position_after(text[: _reader_offset(error, text)])
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark is not None:
        problem = f"{problem} ({context} at line {context_mark.line + 1})"
    return Problem(Location(file, line, column), "", {"problem": problem})


def _reader_offset(error: yaml.YAMLError, text: str) -> int:
    """Where a ReaderError's character is. libyaml reports a byte offset into the UTF-8
    encoding, PyYAML's reader a character offset; the character itself tells the truth."""
    character = getattr(error, "character", None)
    if isinstance(character, int):
        character = chr(character)
    found = text.find(character) if isinstance(character, str) and character else -1
    return found if found >= 0 else int(getattr(error, "position", 0))
