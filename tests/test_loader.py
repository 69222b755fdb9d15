"""Loading: every broken file is one clear finding with a position, never an exception."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from planchk.loader import compose as compose_module
from planchk.loader import load_file
from planchk.models import TargetsFile
from tests.paths import DATA
from tests.small_plans import MINIMAL_TARGETS, where


def load_text(
    tmp_path: Path, text: str | bytes, name: str = "targets.yaml"
) -> list[tuple[str, int, int]]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    loaded = load_file(path, name)
    assert all(f.fatal for f in loaded.problems)
    return where(loaded.problems)


def test_seed_numbers_keep_their_printed_digits() -> None:
    model = load_file(DATA / "targets.yaml", "t").model
    assert isinstance(model, TargetsFile)
    totals = model.indicators["contract_turnover"].values["青云谱区"]
    assert [str(v) for v in totals] == ["6.0", "7.0", "8.3"]
    for indicator in model.indicators.values():
        for row in indicator.values.values():
            assert all(type(v) is Decimal for v in row)


def test_pure_python_parser_gives_the_same_data_and_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (DATA / "targets.yaml").read_text(encoding="utf-8")
    fast = compose_module.compose(text, "t")
    monkeypatch.setattr(compose_module, "_PARSER", yaml.SafeLoader)
    slow = compose_module.compose(text, "t")
    assert fast.data == slow.data
    path = ("indicators", "patent_applications", "values", "洪都街办", 1)
    assert fast.sourcemap.node(path) == slow.sourcemap.node(path) == (69, 21)
    assert fast.sourcemap.key(path[:-1]) == slow.sourcemap.key(path[:-1]) == (69, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("plan: [1, 2\nareas: {}\n", [("PC003", 2, 6)], id="unclosed flow sequence"),
        pytest.param("plan:\n\ttitle: x\n", [("PC003", 2, 1)], id="tab indentation"),
        pytest.param("a: b: c\n", [("PC003", 1, 5)], id="mapping in a plain scalar"),
        pytest.param("plan: 1\nplan: 2\n", [("PC004", 2, 1)], id="duplicate top-level key"),
        pytest.param(
            "indicators:\n  x:\n    values:\n"
            "      甲: [1]\n      甲: [2]\n      乙: [1]\n      乙: [3]\n",
            [("PC004", 5, 7), ("PC004", 7, 7)],
            id="duplicate keys deep down, each reported",
        ),
        pytest.param("a: &x 1\nb: *x\n", [("PC005", 1, 4)], id="anchor"),
        pytest.param("a: !!python/object:os.system 1\n", [("PC006", 1, 4)], id="python tag"),
        pytest.param("a: !custom 1\n", [("PC006", 1, 4)], id="local tag"),
        pytest.param("a: 1\n---\na: 2\n", [("PC007", 2, 1)], id="two documents"),
        pytest.param("? [a, b]\n: 1\n", [("PC008", 1, 3)], id="list as key"),
        pytest.param("a: " + "[" * 40 + "]" * 40 + "\n", [("PC009", 1, 35)], id="deep nesting"),
        pytest.param("", [("PC010", 1, 1)], id="empty file"),
        pytest.param("# only a comment\n", [("PC010", 1, 1)], id="comment only"),
        pytest.param("- 1\n- 2\n", [("PC011", 1, 1)], id="list document"),
        pytest.param("42\n", [("PC011", 1, 1)], id="scalar document"),
    ],
)
def test_yaml_problems(tmp_path: Path, text: str, expected: list[tuple[str, int, int]]) -> None:
    assert load_text(tmp_path, text) == expected


def test_gbk_file_is_refused_with_the_position(tmp_path: Path) -> None:
    text = "plan:\n  title: 青云谱区方案\n"
    [finding] = load_file_problems(tmp_path, text.encode("gbk"))
    assert (finding.code, finding.location.line, finding.location.column) == ("PC002", 2, 10)
    assert "GB18030" in finding.message


def load_file_problems(tmp_path: Path, raw: bytes) -> list:  # type: ignore[type-arg]
    path = tmp_path / "targets.yaml"
    path.write_bytes(raw)
    return load_file(path, "targets.yaml").problems


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    raw = ("\ufeff" + MINIMAL_TARGETS.replace("\n", "\r\n")).encode("utf-8")
    path = tmp_path / "targets.yaml"
    path.write_bytes(raw)
    loaded = load_file(path, "targets.yaml")
    assert loaded.problems == []
    assert loaded.sourcemap.node(("indicators", "x", "values", "乙街道", 1)) == (13, 16)


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL_TARGETS, encoding="utf-8")
    [finding] = load_file(path, "targets.yaml", max_bytes=10).problems
    assert finding.code == "PC012"
    assert finding.args["limit"] == 10


def test_missing_file(tmp_path: Path) -> None:
    [finding] = load_file(tmp_path / "nope.yaml", "nope.yaml").problems
    assert finding.code == "PC001"
    assert "No such file" in finding.message


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        pytest.param(
            "甲街道: [4, 12]", "甲街道: [4, 十二]", [("PC022", 12, 16)], id="text in a cell"
        ),
        pytest.param(
            "甲街道: [4, 12]", "甲街道: [4, '12']", [("PC022", 12, 16)], id="quoted number"
        ),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, 012]", [("PC022", 12, 16)], id="leading zero"),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, 1_2]", [("PC022", 12, 16)], id="underscore"),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, 1e1]", [("PC022", 12, 16)], id="exponent"),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, .nan]", [("PC022", 12, 16)], id="nan"),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, 1:20]", [("PC022", 12, 16)], id="sexagesimal"),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, yes]", [("PC022", 12, 16)], id="yes"),
        pytest.param("甲街道: [4, 12]", "甲街道: [4, true]", [("PC022", 12, 16)], id="boolean"),
        pytest.param(
            "甲街道: [4, 12]",
            "甲街道: [4, " + "9" * 60 + "]",
            [("PC022", 12, 16)],
            id="huge integer",
        ),
        pytest.param(
            "[2021, 2022]\n    values",
            "[2021, '2022']\n    values",
            [("PC022", 9, 19)],
            id="year as text",
        ),
        pytest.param(
            "unit: 件", "unti: 件", [("PC020", 5, 3), ("PC021", 7, 5)], id="misspelt field"
        ),
        pytest.param("kind: flow", "kind: flo", [("PC023", 8, 11)], id="unknown kind"),
        pytest.param("[2021, 2022]}", "[2022, 2021]}", [("PC024", 1, 7)], id="period reversed"),
        pytest.param("title: 测试方案, ", "", [("PC020", 1, 1)], id="missing title"),
        pytest.param(
            "title: 测试方案",
            "title: 测试方案, issued: '20210609'",
            [("PC022", 1, 29)],
            id="date without dashes",
        ),
        pytest.param(
            "title: 测试方案",
            "title: 测试方案, issued: 2021-W23-3",
            [("PC022", 1, 29)],
            id="week date",
        ),
    ],
)
def test_schema_problems(
    tmp_path: Path, replace: str, by: str, expected: list[tuple[str, int, int]]
) -> None:
    assert replace in MINIMAL_TARGETS
    assert load_text(tmp_path, MINIMAL_TARGETS.replace(replace, by, 1)) == expected


@pytest.mark.parametrize("number", ["''", "'  '"])
def test_a_blank_section_number_is_refused(tmp_path: Path, number: str) -> None:
    tasks = f"sections:\n  - number: {number}\n    title: 总体要求\n"
    assert load_text(tmp_path, tasks, "tasks.yaml") == [("PC024", 2, 13)]


def test_unknown_field_names_the_closest_field_first(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL_TARGETS.replace("unit: 件", "unit: 件\n    unti: 件"), encoding="utf-8")
    [finding] = load_file(path, "targets.yaml").problems
    assert finding.code == "PC021"
    assert str(finding.args["expected"]).startswith("unit, name, table")


def test_plain_words_stay_words(tmp_path: Path) -> None:
    # YAML 1.1 would read NO as false and 010 as 8; a plan means the name NO.
    text = MINIMAL_TARGETS.replace("甲街道", "NO")
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, "targets.yaml")
    assert loaded.problems == []
    assert isinstance(loaded.model, TargetsFile)
    assert "NO" in loaded.model.areas["全区"]


def test_a_nested_list_inside_a_row_is_a_wrong_type_at_its_position(tmp_path: Path) -> None:
    text = MINIMAL_TARGETS.replace("乙街道: [6, 8]", "乙街道: [6, [8]]")
    assert load_text(tmp_path, text) == [("PC022", 13, 16)]


def test_cells_get_their_positions_from_the_sequence_text(tmp_path: Path) -> None:
    text = MINIMAL_TARGETS.replace(
        "乙街道: [6, 8]", "乙街道:\n        - 6\n        - 'x'\n        - 8"
    ).replace("甲街道: [4, 12]", "甲街道: [4,\n               12]")
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, "targets.yaml")
    [problem] = loaded.problems
    assert (problem.code, problem.location.line, problem.location.column) == ("PC022", 16, 11)
    smap = loaded.sourcemap
    assert smap.node(("indicators", "x", "values", "甲街道", 1)) == (
        13,
        16,
    )  # a flow row on two lines
    assert smap.node(("indicators", "x", "values", "乙街道", 0)) == (15, 11)  # a block sequence
    assert smap.node(("indicators", "x", "values", "乙街道", 3)) is None
