"""benchmarks/hostile_cases.py measures every hostile case against issue 17's bounds (10 s,
500 MB each); here, untimed, that no case of the hostile corpus goes unmeasured and each is
measured against the exit code the corpus gives it."""

from __future__ import annotations

from pathlib import Path

import yaml
from benchmarks.hostile_cases import all_cases
from benchmarks.hostile_inputs import CORPUS, corpus_cases


def test_every_corpus_file_is_a_measured_case() -> None:
    files = {p.name for p in CORPUS.iterdir()} - {"cases.yaml"}
    measured = {name.removeprefix("corpus: ") for name in all_cases() if name.startswith("corpus")}
    assert measured == files


def test_each_corpus_case_runs_its_file_and_expects_its_exit_code(tmp_path: Path) -> None:
    expected = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
    for name, make in corpus_cases().items():
        file = name.removeprefix("corpus: ")
        run = make(tmp_path)
        placed = Path(run.args[1])
        assert placed.read_bytes() == (CORPUS / file).read_bytes()
        assert run.exits == (expected[file]["exit"],)
