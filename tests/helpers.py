"""What many tests of import do: write a table, import it, read what import wrote, validate it.

`imported_and_validated(tmp_path, csv_text, *import_args)` (or a file: a workbook, a document)
runs `planchk import` with -o, asserts it succeeded, loads the plan it wrote and runs
`planchk validate -f json` on it; `imported` stops before validating.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planchk.cli import app
from planchk.loader import load_bytes, load_file
from planchk.models import TargetsFile, TasksFile
from tests.cli_runner import CliRunner

runner = CliRunner()
# What import writes a plan document (.docx, .html, .txt) into: a plan directory.
DOCUMENTS = (".docx", ".html", ".htm", ".txt")


@dataclass
class Imported:
    source: Path  # the table or document imported
    path: Path | None  # the targets file or plan directory import wrote; None: it wrote stdout
    log: str  # import's stderr: what it read in the tables
    document: dict[str, Any]  # the targets file as YAML data ({}: import wrote none)
    targets_model: TargetsFile | None  # the same, loaded as validate loads it
    tasks_model: TasksFile | None = None  # a plan directory's tasks file
    findings: list[dict[str, Any]] = field(default_factory=list)  # validate's, -f json
    validated: int | None = None  # validate's exit code; None: not validated

    @property
    def targets(self) -> TargetsFile:
        assert self.targets_model is not None, "import wrote no targets file"
        return self.targets_model

    @property
    def tasks(self) -> TasksFile:
        assert self.tasks_model is not None, "import wrote no tasks file"
        return self.tasks_model


def imported(
    tmp_path: Path,
    source: str | Path,
    *import_args: str,
    name: str = "t.csv",
    out: Path | None = None,
    stdout: bool = False,
) -> Imported:
    """Import `source` (a CSV's text, written to tmp_path/name, or a file) with `import_args`,
    into `out` (default tmp_path/t.yaml, or the plan directory tmp_path/out for a document;
    `stdout`: no -o, the targets from stdout), asserting it exits 0."""
    if isinstance(source, str):
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        source = path
    if stdout:
        target = None
    else:
        target = out or tmp_path / ("out" if source.suffix in DOCUMENTS else "t.yaml")
    args = ["import", str(source), *import_args, *(["-o", str(target)] if target else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return Imported(source, target, result.stderr, *_written(target, result.stdout_bytes))


def _written(target: Path | None, stdout: bytes) -> tuple[Any, ...]:
    """The targets file import wrote (as data and as a model) and its tasks file."""
    if target is not None and target.suffix != ".yaml":  # a plan directory
        model = load_file(target / "tasks.yaml", "tasks.yaml").model
        tasks = model if isinstance(model, TasksFile) else None
        targets_file = target / "targets.yaml"
        raw = targets_file.read_bytes() if targets_file.is_file() else None
    else:
        tasks = None
        raw = target.read_bytes() if target is not None else stdout
    if raw is None:
        return {}, None, tasks
    document = yaml.safe_load(raw)
    assert isinstance(document, dict)
    targets = load_bytes(raw, Path("targets.yaml"), "targets.yaml").model
    assert isinstance(targets, TargetsFile), raw.decode("utf-8", "replace")
    return document, targets, tasks


def imported_and_validated(
    tmp_path: Path,
    source: str | Path,
    *import_args: str,
    name: str = "t.csv",
    out: Path | None = None,
    expect: int | None = None,
) -> Imported:
    """`imported`, then `planchk validate -f json` on what it wrote: its findings and exit
    code (asserted to be `expect` where one is given)."""
    done = imported(tmp_path, source, *import_args, name=name, out=out)
    assert done.path is not None
    checked = runner.invoke(app, ["validate", str(done.path), "-f", "json"])
    assert "Traceback" not in checked.output
    assert expect is None or checked.exit_code == expect, checked.output
    done.findings = json.loads(checked.stdout)["findings"]
    done.validated = checked.exit_code
    return done


def closed_early(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run planchk with its stdout a pipe whose reader is gone before planchk writes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "planchk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # closed before the interpreter has even started: the write fails
    stderr = process.stderr.read()
    process.wait(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, b"", stderr)
