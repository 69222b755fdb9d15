"""--write-baseline records each finding as the cap receives it (suppress.baseline.Recorder):
the same entries the report of an uncapped check gives, and the output a capped validate
writes (issue 17: making every finding to record it took 20 s for 600,000).

Generated plans whose rows fall, swing and have blanks (deferred findings, some counted by the
trend rules when nothing records them), with waivers, an old baseline and caps of 0 to 1,000:
the written baseline holds, as a count of (file, code, path), what the uncapped report holds
active, and the command's output is byte for byte that of validate without the option (text, which
shows no suggested corrections: --write-baseline works none out).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planchk.cli import app
from planchk.config import Config
from planchk.engine import check_paths
from planchk.suppress.baseline import read_baseline
from tests.cli_runner import CliRunner

COMMAND = typer.main.get_command(app)
FIGURES = ["1", "2", "3", "9", "40", "-1", "2.5", "~"]
WAIVERS = [
    "{rule: PC202, where: indicators.x.values.区1.2022, reason: 已确认}",
    "{rule: trends, where: '*.区2.*', reason: 已确认}",
]


@st.composite
def runs(draw: st.DrawFn) -> dict[str, Any]:
    """A plan of 1-8 areas under a total, one table over three years, some waivers; a cap,
    and the share of the findings an old baseline (--baseline) records."""
    areas = draw(st.integers(1, 8))
    rows = [
        draw(st.lists(st.sampled_from(FIGURES), min_size=3, max_size=3)) for _ in range(areas + 1)
    ]
    names = ["全区", *(f"区{i}" for i in range(areas))]
    text = "plan: {title: 测试, period: [2021, 2023]}\nareas:\n"
    text += f"  全区: [{', '.join(names[1:])}]\nindicators:\n  x:\n    name: 指标\n"
    text += "    unit: 件\n    kind: flow\n    years: [2021, 2022, 2023]\n    values:\n"
    text += "".join(f"      {n}: [{', '.join(row)}]\n" for n, row in zip(names, rows, strict=True))
    waivers = draw(st.lists(st.sampled_from(WAIVERS), unique=True, max_size=2))
    if waivers:
        text += "waivers:\n" + "".join(f"  - {w}\n" for w in waivers)
    return {
        "text": text,
        "limit": draw(st.sampled_from([0, 1, 2, 1000])),
        "old": draw(st.sampled_from([None, 2, 3])),
    }


def _entries(path: Path) -> Counter[tuple[str, str, str]]:
    return read_baseline(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runs())
def test_the_recorded_baseline_is_the_uncapped_reports_and_the_output_the_capped(
    run: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "plan").mkdir()
        (root / "plan" / "targets.yaml").write_text(run["text"], encoding="utf-8")
        (root / "planchk.toml").write_text(f"max-findings-per-rule = {run['limit']}\n", "utf-8")
        config = Config(max_findings_per_rule=run["limit"])
        old: Counter[tuple[str, str, str]] | None = None
        given_old: list[str] = []
        if run["old"] is not None:  # an old baseline of every n-th finding of a first check
            first = check_paths([root / "plan"], replace(config, max_findings_per_rule=0))
            kept = [f for f in first.findings if not f.fatal and f.waived is None]
            entries = [
                {"file": "plan/targets.yaml", "code": f.code, "path": f.path}
                for f in kept[:: run["old"]]
            ]
            document = {"baseline_version": 1, "findings": entries}
            (root / "old.json").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
            old = read_baseline(root / "old.json")
            given_old = ["--baseline", "old.json"]
        runner, here = CliRunner(), os.getcwd()
        os.chdir(root)
        try:
            args = ["validate", "plan", "-f", "text", *given_old]  # text: no suggestions
            plain = runner.invoke_command(COMMAND, args)
            written = runner.invoke_command(COMMAND, [*args, "--write-baseline", "new.json"])
        finally:
            os.chdir(here)
        assert written.exit_code == 0, written.output
        uncapped = check_paths(
            [root / "plan"], replace(config, max_findings_per_rule=0), baseline=old
        )
        expected = Counter(
            (str((root / "plan" / "targets.yaml").resolve()), f.code, f.path)
            for f in uncapped.findings
            if not f.fatal and f.waived is None
        )
        assert _entries(root / "new.json") == expected
        assert written.stdout == plain.stdout
        # "Wrote 1 finding", "Wrote 2 findings": the count, singular or plural
        assert re.search(rf"Wrote {sum(expected.values())} findings? ", written.stderr)
