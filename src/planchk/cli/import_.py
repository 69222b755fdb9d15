"""`planchk import`: read a plan document or tables into plan files."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from planchk.cli.common import StdinFilenameOption, emit, usage_errors
from planchk.escape import visible_lines

# models.targets.Kind, the default first: written out rather than imported, so that the
# command line starts without pydantic (tests/test_cli.py keeps the two in step).
ImportKind = Literal["flow", "stock", "ratio", "change"]

FilesArgument = Annotated[
    list[Path],
    typer.Argument(
        help="A plan document (.docx, .html, .htm, .txt), or CSV, XLSX, XLS or ODS tables; - "
        "reads one from stdin (its kind from --stdin-filename)."
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="A plan directory, or a .yaml file for the targets (else stdout).",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(help="Encoding of CSV files (default: BOM, else UTF-8, else detected)."),
]
SheetOption = Annotated[
    list[str] | None,
    typer.Option(help="Read this sheet of a workbook; repeat for several (default: all)."),
]
TotalRowOption = Annotated[
    str | None, typer.Option(help="The name of the total row, where it is not evident.")
]
YearOption = Annotated[
    int | None, typer.Option(help="The year of a table whose columns are categories.")
]
UnitOption = Annotated[
    list[str] | None,
    typer.Option(
        help="The unit where the table prints none or several: UNIT for every column, or "
        "COLUMN=UNIT for one; repeat for several."
    ),
]
KindOption = Annotated[ImportKind, typer.Option(help="The kind of the imported indicators.")]
IntoOption = Annotated[
    Path | None,
    typer.Option(
        help="Update this targets file (in place, unless -o names another): tables replace "
        "those of the same title."
    ),
]
TitleOption = Annotated[str | None, typer.Option(help="The plan's title in a new targets file.")]
MaxBytesOption = Annotated[
    int | None, typer.Option(help="Refuse larger input files (default 50 MiB).")
]


def _waiting(target: Path) -> None:
    from planchk.importers import texts as import_texts

    sys.stderr.write(visible_lines(import_texts.WAITING(path=target)) + "\n")


def import_(
    files: FilesArgument,
    output: OutputOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    total_row: TotalRowOption = None,
    year: YearOption = None,
    unit: UnitOption = None,
    kind: KindOption = "flow",
    into: IntoOption = None,
    title: TitleOption = None,
    max_bytes: MaxBytesOption = None,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Read a plan document (.docx, .html, .txt) or tables (CSV, XLSX, XLS, ODS) into plan files.

    -o DIR (or any path not ending in .yaml) writes a plan directory, DIR/targets.yaml and
    DIR/tasks.yaml; -o FILE.yaml writes the targets file alone; without -o it goes to stdout.
    """
    from planchk.atomic import locked, made_parents, refuse_inputs
    from planchk.importers import Options
    from planchk.importers.piped import piped_files
    from planchk.importers.plandir import run_import
    from planchk.loader import DEFAULT_MAX_BYTES

    with usage_errors():
        files, piped = piped_files(files, stdin_filename, max_bytes or DEFAULT_MAX_BYTES)
        options = Options(
            total_row=total_row, year=year, units=tuple(unit or ()), kind=kind,
            encoding=encoding, sheets=tuple(sheet or ()), title=title, into=into,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES, piped=piped,
        )  # fmt: skip
        # --into without -o updates that file in place, as the README says; stdout stays empty.
        output = into if output is None and into is not None else output
        refuse_inputs(output, files)  # --into may be the output: that is how it updates in place
        target = into or output
        with (
            made_parents(target) if target else contextlib.nullcontext(),
            locked(target, lambda: _waiting(target)) if target else contextlib.nullcontext(),
        ):  # the lock is taken in the output's folder: made first, gone again if unused
            notes, text = run_import(files, options, output)
        if text is not None:
            emit(text, None)  # a closed pipe stops quietly, as validate's does
        sys.stderr.write("".join(visible_lines(note) + "\n" for note in notes))
