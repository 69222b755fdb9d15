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
    return {"$schema": SCHEMA_URI, **document, "title": title}
