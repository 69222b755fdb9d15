"""JSON Schema of the plan files, generated from the pydantic models.

Editors that speak the YAML language server validate and complete plan files with it; see
the README. The committed copies under schemas/ are checked against this by the tests.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from planchk.models import TargetsFile, TasksFile

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
TITLES: dict[str, tuple[str, type[BaseModel]]] = {
    "targets": ("planchk targets file", TargetsFile),
    "tasks": ("planchk tasks file", TasksFile),
}


def json_schema(kind: str) -> dict[str, Any]:
    title, model = TITLES[kind]
    document = model.model_json_schema()
    _keys_hold_a_character(document)
    return {"$schema": SCHEMA_URI, **document, "title": title}


def _keys_hold_a_character(node: Any) -> None:
    """A name used as a key (an area's row) is stripped before its length is checked, as a value
    is: pydantic writes the key's minLength but not models.common.Name's pattern."""
    if isinstance(node, dict):
        names = node.get("propertyNames")
        if isinstance(names, dict) and names.get("minLength") == 1:
            names["pattern"] = r"\S"
        for value in node.values():
            _keys_hold_a_character(value)
    elif isinstance(node, list):
        for value in node:
            _keys_hold_a_character(value)
