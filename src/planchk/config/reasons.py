"""Why a configuration file is no TOML planchk can read, in the reader's language.

tomllib says why in English, with the place as text ("Invalid value (at line 3, column 9)"):
its message is read back into a line, a column and one of its (few, fixed) reasons, each a
template here. A reason this table does not know (a later Python's wording) is shown as tomllib
wrote it, at its place: never lost.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib

from planchk.errors import ConfigError
from planchk.messages import CONFIG_NOT_TOML, Message, message

CONFIG_NOT_TOML_AT = message(
    "ui.config-not-toml-at", "{path}:{line}:{column}: not valid TOML: {reason}"
)
TOO_DEEP = message("ui.config-too-deep", "tables or arrays are nested too deeply to read")
NOT_UTF8 = message(
    "ui.config-not-utf8", "byte {offset} is not UTF-8 text; a TOML file is written in UTF-8"
)
HUGE_INTEGER = message(
    "ui.config-huge-integer", "an integer has more than {digits} digits; write a smaller number"
)

_PLACE = re.compile(
    r"^(?P<reason>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$"
)

# tomllib's reasons (Python 3.11-3.13): its words, the key and the English of the template; what
# a reason quotes (a key, a character) is its {detail}.
_TABLE = [
    (r"Cannot overwrite a value", "overwrite", "a value is set twice"),
    (r"Unescaped '\\' in a string", "unescaped", "a \\ in a string starts no escape"),
    (r"Unterminated string", "unterminated", "a string is not closed"),
    (r"Unclosed inline table", "unclosed-table", "an inline table is not closed"),
    (r"Unclosed array", "unclosed-array", "an array is not closed"),
    (r"Invalid value", "invalid-value", "no TOML value here (a text is written in quotes)"),
    (r"Invalid statement", "invalid-statement", "this line is neither key = value nor a [table]"),
    (r"Invalid initial character for a key part", "key-start", "a key cannot start so"),
    (r"Invalid hex value", "hex", "an escape \\u or \\U is not followed by hexadecimal digits"),
    (r"Invalid date or datetime", "date", "not a valid date or time"),
    (r"Escaped character is not a Unicode scalar value", "scalar", "an escape names no character"),
    (r"Expected ']]' at the end of an array declaration", "array-end", "[[table]] is not closed"),
    (r"Expected ']' at the end of a table declaration", "table-end", "[table] is not closed"),
    (r"Expected '=' after a key in a key/value pair", "equals", "a key is not followed by ="),
    (r"Illegal character (?P<detail>.*)", "illegal", "the character {detail} is not allowed here"),
    (r"Found invalid character (?P<detail>.*)", "invalid", "the character {detail} is not allowed"),
    (
        r"Expected newline or end of document after a statement",
        "line-end",
        "a key = value or [table] must end its line",
    ),
    (r"Expected (?P<detail>'.*')", "expected", "{detail} was expected here"),
    (r"Duplicate inline table key (?P<detail>.*)", "duplicate", "the key {detail} is set twice"),
    (r"Cannot declare (?P<detail>.*) twice", "twice", "the table {detail} is declared twice"),
    (
        r"Cannot (?:redefine|mutate immutable) namespace (?P<detail>.*)",
        "redefine",
        "{detail} is already set and cannot be changed here",
    ),
]
_REASONS = [(re.compile(said), message(f"toml.{key}", english)) for said, key, english in _TABLE]


def not_toml(path: object, error: Exception) -> ConfigError:
    """The ConfigError for `error`, raised while reading the TOML of `path`."""
    if isinstance(error, RecursionError):
        return ConfigError(CONFIG_NOT_TOML, path=path, reason=_Rendered(TOO_DEEP))
    if isinstance(error, UnicodeDecodeError):
        return ConfigError(
            CONFIG_NOT_TOML, path=path, reason=_Rendered(NOT_UTF8, offset=error.start)
        )
    if not isinstance(error, tomllib.TOMLDecodeError):  # int()'s limit on a long integer
        digits = sys.get_int_max_str_digits()
        return ConfigError(
            CONFIG_NOT_TOML, path=path, reason=_Rendered(HUGE_INTEGER, digits=digits)
        )
    place = _PLACE.match(str(error))
    said = place.group("reason") if place else str(error)
    reason = _reason(said)
    if place is None or place.group("line") is None:
        return ConfigError(CONFIG_NOT_TOML, path=path, reason=reason)
    line, column = place.group("line"), place.group("column")
    return ConfigError(CONFIG_NOT_TOML_AT, path=path, line=line, column=column, reason=reason)


def _reason(said: str) -> object:
    """tomllib's reason as a template (rendered when shown), or as it said it."""
    for pattern, template in _REASONS:
        found = pattern.fullmatch(said)
        if found is not None:
            return _Rendered(template, **{k: _key(v) for k, v in found.groupdict().items()})
    return said


def _key(detail: str) -> str:
    """A key as a TOML file writes it: tomllib quotes a dotted key as a tuple, ('a', 'b')."""
    try:
        parts = ast.literal_eval(detail)
    except (ValueError, SyntaxError):
        return detail
    if isinstance(parts, tuple) and all(isinstance(p, str) for p in parts):
        return ".".join(parts)
    return detail


class _Rendered:
    """A template and its values, rendered when shown: in the language chosen by then."""

    def __init__(self, template: Message, **values: object) -> None:
        self.template, self.values = template, values

    def __str__(self) -> str:
        return self.template(**self.values)
