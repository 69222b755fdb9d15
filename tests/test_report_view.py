"""The report's view makes a table's rows as they are written (issue 17: a report of 100,000
rows held a view of every row and cell first), and says of a table only what no row shows."""

from __future__ import annotations

from planchk.config import Config
from planchk.engine import check_discovery
from planchk.findings import Finding, Location, Severity
from planchk.formatters.report.view import RowView, _Lookup, build_view
from planchk.loader.discover import discover
from tests.paths import ROOT

BROKEN = ROOT / "tests" / "plans" / "broken_county"


def _shown(rows: list[RowView]) -> list[Finding]:
    return [f for row in rows for f in (*row.findings, *(f for c in row.cells for f in c.findings))]


def test_rows_are_made_each_time_and_a_table_keeps_what_no_row_shows() -> None:
    found = discover([BROKEN], 10**8)
    report = check_discovery(found, Config())
    (plan,) = build_view(found, report).plans
    about_tables = about_rows = 0
    for table in plan.tables:
        assert not isinstance(table.rows, tuple | list)  # nothing held between passes
        first, second = list(table.rows), list(table.rows)
        assert first == second
        assert first[0] is not second[0]  # made again, the same
        prefix = f"indicators.{table.ind_id}"
        under = [f for f in report.findings if f.path == prefix or f.path.startswith(prefix + ".")]
        on_rows = {id(f) for f in _shown(first)}
        rest = [f for f in under if id(f) not in on_rows]
        assert sorted(map(id, rest)) == sorted(map(id, table.findings))
        assert len(rest) == len(table.findings)
        assert table.noted == any(row.note is not None for row in first)
        about_tables, about_rows = about_tables + len(rest), about_rows + len(on_rows)
    assert about_tables  # `indicators.enterprises.values`: the table, not a row
    assert about_rows > about_tables


def _finding(path: str) -> Finding:
    return Finding(
        code="PC031", slug="s", severity=Severity.ERROR, message=path,
        location=Location("p/tasks.yaml", 1, 1), path=path,
    )  # fmt: skip


def test_findings_under_a_path_are_found_by_its_first_two_parts() -> None:
    """`under` looks only at the paths that share the prefix's first two parts (it went through
    every path for every task and role), with the same answers in the same order."""
    paths = ["tasks.5.lead", "tasks.50.lead", "goals.a.b", "tasks.5", "goals.a", "goals.ab", "plan"]
    found = _Lookup([_finding(path) for path in paths])
    under = {p: [f.path for f in found.under(p)] for p in ("tasks.5", "goals.a", "tasks", "plan")}
    assert under == {
        "tasks.5": ["tasks.5.lead", "tasks.5"],
        "goals.a": ["goals.a.b", "goals.a"],
        "tasks": ["tasks.5.lead", "tasks.50.lead", "tasks.5"],
        "plan": ["plan"],
    }
    found.take("tasks.5")
    assert [f.path for f in found.under("tasks.5")] == ["tasks.5.lead"]
    assert found.paths_under("goals.a.b") == ["goals.a.b"]
