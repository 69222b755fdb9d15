"""`planchk schema`: the JSON Schema of the plan files, for editors."""

from __future__ import annotations

import json
from typing import Annotated, Literal, get_args

import typer

from planchk.cli.common import emit

# loader.FileKind, written out so that the command line starts without pydantic
# (tests/test_cli.py keeps the two in step).
FileKind = Literal["targets", "tasks"]


def schema(
    kind: Annotated[
        FileKind | None, typer.Argument(help="Which file's schema; both when omitted.")
    ] = None,
) -> None:
    """Print the JSON Schema of the plan files, for editors that validate YAML as you type."""
    from planchk.models.schema import json_schema

    document = json_schema(kind) if kind else {k: json_schema(k) for k in get_args(FileKind)}
    emit(json.dumps(document, ensure_ascii=False, indent=2) + "\n", None)
