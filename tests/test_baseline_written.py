"""--write-baseline records every finding, capped or not, written as read (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planchk.cli import app
from planchk.findings import Finding, Location, Severity
from planchk.suppress.baseline import BASELINE_VERSION, _document
from planchk.suppress.cap import capped
from planchk.suppress.shown import Shown
from tests.cli_runner import CliRunner
from tests.small_plans import write_plan

FALLS = 6  # rows that fall, each a PC202, and the total's


def _falling(tmp_path: Path, limit: int) -> Path:
    names = [f"区{n}" for n in range(FALLS)]
    text = (
        "plan: {title: 测试, period: [2021, 2022]}\n"
        f"areas:\n  全区: [{', '.join(names)}]\n"
        "indicators:\n  x:\n    name: 指标\n    unit: 件\n    kind: flow\n"
        "    years: [2021, 2022]\n    values:\n"
        f"      全区: [{2 * FALLS}, {FALLS}]\n" + "".join(f"      {n}: [2, 1]\n" for n in names)
    )
    plan = write_plan(tmp_path / "plan", text)
    (tmp_path / "planchk.toml").write_text(f"max-findings-per-rule = {limit}\n", "utf-8")
    return plan


@pytest.mark.parametrize("limit", [2, 0])
def test_a_baseline_records_what_the_cap_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, limit: int
) -> None:
    """Capped, the baseline held only the findings shown: the rest came back as new."""
    _falling(tmp_path, limit)
    monkeypatch.chdir(tmp_path)
    written = runner.invoke(app, ["validate", "plan", "--write-baseline", "b.json", "-f", "json"])
    assert written.exit_code == 0, written.output
    entries = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"]
    falls = [f"indicators.x.values.{n}.2022" for n in ["全区", *(f"区{i}" for i in range(FALLS))]]
    assert [(e["file"], e["code"], e["path"]) for e in entries] == [
        ("plan/targets.yaml", "PC202", path) for path in falls
    ]
    assert f"Wrote {FALLS + 1} findings to the baseline b.json." in written.stderr
    shown = [(f["code"], f["path"]) for f in json.loads(written.stdout)["findings"]]
    if limit:  # the output is what the cap shows, its summary included
        assert shown == [("PC202", falls[0]), ("PC202", falls[1]), ("PC903", falls[2])]
    else:
        assert shown == [("PC202", path) for path in falls]
    again = runner.invoke(app, ["validate", "plan", "--baseline", "b.json", "-f", "json"])
    document = json.loads(again.stdout)
    assert (document["findings"], document["summary"]["baselined"]) == ([], FALLS + 1)


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8)


FILES = st.sampled_from(["targets.yaml", "子/tasks.yaml", 'a"\\b\t.yaml'])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FILES, TEXT, TEXT, st.booleans(), st.booleans()), max_size=4))
def test_the_baseline_is_the_json_it_was(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, bool, bool]]
) -> None:
    """Written in pieces: the bytes json.dumps(indent=2) wrote for the whole document."""
    root = tmp_path_factory.getbasetemp()
    findings = [
        Finding(code, "slug", Severity.ERROR, "m", Location(str(root / f"d/{file}"), 1, 1),
                path, waived="ok" if waived else None, fatal=fatal)
        for file, code, path, waived, fatal in rows
    ]  # fmt: skip
    counted = [0]
    text = "".join(_document(findings, root, counted, None))
    entries = [
        {"file": f"d/{file}", "code": c, "path": p}
        for file, c, p, waived, fatal in rows
        if not waived and not fatal
    ]
    document = {"baseline_version": BASELINE_VERSION, "findings": entries}
    assert counted == [len(entries)]
    assert json.loads(text) == json.loads(json.dumps(document))
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["PC201", "PC202", "PC101"]), st.sampled_from(["a.yaml", "b.yaml"]),
            st.integers(1, 30), st.sampled_from(list(Severity)), st.booleans(),
        ),
        max_size=40,
    ),
    st.integers(0, 4),
)  # fmt: skip
def test_shown_is_what_the_cap_shows(
    rows: list[tuple[str, str, int, Severity, bool]], limit: int
) -> None:
    """Fed every finding in report order, Shown gives what capping them all gives, each
    PC903 at its place."""
    findings = sorted(
        (
            Finding(code, "x", severity, "m", Location(file, line, 1), f"p{line}",
                    waived="ok" if waived else None)
            for code, file, line, severity, waived in rows
        ),
        key=lambda f: f.sort_key,
    )  # fmt: skip
    shown = Shown(limit)
    for finding in findings:
        shown.add(finding)
    expected = sorted(capped(findings, limit), key=lambda f: f.sort_key)
    assert shown.findings() == expected


def test_writing_a_baseline_of_a_broken_plan_lists_its_first_wrong_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    """The cap lifted to record every finding still lists a broken file's first cells of the
    wrong type (loader.cells), not each of them; no baseline is written."""
    plan = _falling(tmp_path, 2)
    targets = plan / "targets.yaml"
    targets.write_text(targets.read_text("utf-8").replace("[2, 1]", '["2", 1]'), "utf-8")
    monkeypatch.chdir(tmp_path)
    written = runner.invoke(app, ["validate", "plan", "--write-baseline", "b.json"])
    assert written.exit_code == 2
    assert written.stderr.count("error PC022") == 2
    assert f"{FALLS - 2} more findings of PC022" in written.stderr
    assert not Path("b.json").exists()
