"""An imported indicator's id: its name made a key that relations and data paths can name,
and unique in the file."""

from __future__ import annotations

import re
from collections.abc import Container

from planchk.importers import texts

_NOT_IN_IDS = re.compile(r"[\s+\-*×/÷()=<>≤≥.\[\]]+")  # what would break a relation or a data path


def unique_id(taken: Container[str], notes: list[str], name: str) -> str:
    """The id of the indicator `name`, none of `taken`; a renaming is said in `notes`."""
    base = _NOT_IN_IDS.sub("_", name).strip("_") or "indicator"
    if base.isdigit():  # YAML would read the key 2022 as a number, a relation too
        said = base
        base = f"indicator_{base}"
        notes.append(texts.ID_RENAMED(name=said, id=base))
    # 2022年目标 stays as it is: a plan key is any text, and relations read it as a name
    found, counter = base, 2
    while found in taken:
        found, counter = f"{base}_{counter}", counter + 1
    return found
