"""Reading a text file's bytes as text: the encoding given, else a BOM's, else UTF-8, else the one
charset-normalizer finds where it is sure.

The old rule, 'UTF-8, else GB18030', read a Big5 file without a word: GB18030 takes nearly any
byte pair, and turned the names into private-use characters. Now no reading that holds a
private-use character is taken, and a file whose encoding is not clear is refused, naming what
was tried, so that the user names it with --encoding.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from planchk.importers import texts
from planchk.messages import PlanchkError

# UTF-32-LE's BOM begins with UTF-16-LE's: the longer is checked first.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A plan's tables are Chinese: where a Chinese and another reading are equally likely (short
# GBK text reads as Korean CP949 just as well), the Chinese one is meant.
CHINESE = frozenset({"gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950"})
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def decode(raw: bytes, encoding: str | None, path: Path) -> tuple[str, str]:
    """The text and the name of the encoding that read it."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise PlanchkError(texts.UNKNOWN_ENCODING, encoding=encoding) from None
        return _strict(raw, encoding, path), encoding
    for bom, name in BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom) :], name, path), f"{name} (BOM)"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _detect(raw, path)


def _strict(raw: bytes, encoding: str, path: Path) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise PlanchkError(
            texts.NOT_IN_ENCODING, path=path, encoding=encoding, offset=error.start
        ) from None


def _detect(raw: bytes, path: Path) -> tuple[str, str]:
    """The least chaotic of charset-normalizer's readings, where they all say the same."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    least = min((m.chaos for m in matches), default=None)
    readings = {
        codecs.lookup(m.encoding).name: str(m)
        for m in matches
        if m.chaos == least and not PRIVATE_USE.search(str(m))
    }
    chosen = {name: text for name, text in readings.items() if name in CHINESE} or readings
    if len(set(chosen.values())) == 1:
        name = min(chosen)
        return chosen[name], name
    tried = sorted({"utf-8", *(codecs.lookup(m.encoding).name for m in matches)})
    raise PlanchkError(texts.NO_ENCODING, path=path, tried=", ".join(tried))
