"""`planchk schema` and the loader judge the same files alike, except where a schema cannot see.

An editor validates a plan file as you type with the JSON Schema that `planchk schema` prints:
it must not show green for a file planchk refuses, nor red for one planchk reads. Each file of
the corpus below is read as an editor's YAML extension reads it (YAML 1.2, core schema: what the
YAML language server and check-jsonschema use), checked against the schema with format checking,
and loaded by planchk. Where the two disagree, the case must be one of CANNOT_EXPRESS: things
the schema cannot say because they are gone once the YAML is read, or because JSON Schema
compares a value only with constants.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from planchk.loader import load_bytes
from planchk.models.common import FIGURE_BOUND
from planchk.models.schema import json_schema
from planchk.plan.numbers import MAX_DIGITS
from tests.paths import DATA
from tests.small_plans import MINIMAL_TARGETS, MINIMAL_TASKS


def _targets(old: str, new: str) -> tuple[str, str]:
    assert old in MINIMAL_TARGETS
    return "targets", MINIMAL_TARGETS.replace(old, new, 1)


def _cell(text: str) -> tuple[str, str]:
    """The minimal targets file with one figure printed as `text`."""
    return _targets("甲街道: [4, 12]", f"甲街道: [{text}, 12]")


TITLE = "title: 测试方案"
ALIASED = "lead: &offices [区科工局], responsible: *offices"
# name -> (file kind, text). The first group the loader refuses, the second it reads.
REFUSED = {
    "hexadecimal figure": _cell("0x1F"),
    "octal figure": _cell("0o17"),
    "figure with underscore": _cell("1_0"),
    "figure with exponent": _cell("1e1"),
    "infinite figure": _cell(".inf"),
    "negative infinite figure": _cell("-.inf"),
    "not-a-number figure": _cell(".nan"),
    "5000-digit figure": _cell("9" * 5000),
    "50-digit year": _targets("2021, 2022]}", "2021, 1" + "0" * 49 + "]}"),
    "year with a decimal point": _targets("[2021, 2022]\n", "[2021.0, 2022]\n"),
    "reversed period": _targets("[2021, 2022]}", "[2022, 2021]}"),
    "anchor and alias": ("tasks", MINIMAL_TASKS.replace("lead: [区科工局]", ALIASED)),
    "complex key": _targets("甲街道: [4, 12]", "? [甲街道, 乙街道]\n      : [4, 12]"),
    "blank name": _targets(TITLE, "title: '   '"),
    "blank row name": _targets("乙街道: [6, 8]", "'  ': [6, 8]"),
    "name of ideographic spaces": _targets(TITLE, "title: '\u3000\u3000'"),
    "blank section number": ("tasks", MINIMAL_TASKS.replace("number: 一", "number: ' '")),
    "duplicate key": _targets("乙街道: [6, 8]", "乙街道: [6, 8]\n      乙街道: [6, 8]"),
    "date without dashes": _targets(TITLE, f"{TITLE}, issued: '20210609'"),
}
ACCEPTED = {
    "the bundled targets": ("targets", (DATA / "targets.yaml").read_text(encoding="utf-8")),
    "the bundled tasks": ("tasks", (DATA / "tasks.yaml").read_text(encoding="utf-8")),
    "the minimal targets": ("targets", MINIMAL_TARGETS),
    "the minimal tasks": ("tasks", MINIMAL_TASKS),
    "a 40-digit figure": _cell("9" * 40),
    "a negative decimal figure": _cell("-0.125"),
    "a blank cell": _cell("~"),
    "a section numbered 1": ("tasks", MINIMAL_TASKS.replace("number: 一", "number: 1")),
    "an issue date": _targets(TITLE, f"{TITLE}, issued: 2021-06-09"),
    "a name with spaces around it": _targets(TITLE, "title: ' 测试方案 '"),
}

# What the schema cannot say, by case, and why.
CANNOT_EXPRESS = {
    "hexadecimal figure": "YAML 1.2 reads 0x1F as the number 31: the printed form is gone",
    "octal figure": "YAML 1.2 reads 0o17 as the number 15: the printed form is gone",
    "figure with exponent": "YAML 1.2 reads 1e1 as the number 10: the printed form is gone",
    "year with a decimal point": "JSON has one number 2021 = 2021.0, and JSON Schema's integer "
    "is any number with no fraction",
    "not-a-number figure": "NaN compares false with every bound, and JSON has no NaN to exclude",
    "reversed period": "JSON Schema compares a value with constants, never with another value",
    "anchor and alias": "the alias is resolved by the YAML reader before a schema sees the data",
    "duplicate key": "the YAML reader keeps one of the two before a schema sees the data (the "
    "YAML language server reports a duplicate key itself, as a YAML error)",
    "complex key": "the YAML reader turns the key into text before a schema sees it; the same "
    "text is a valid name when quoted",
}


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as an editor's YAML extension reads a file (no YAML 1.1 types)."""


EditorLoader.yaml_implicit_resolvers = {}
_CORE = {
    "null": (r"~|null|Null|NULL|", "~nN"),
    "bool": (r"true|True|TRUE|false|False|FALSE", "tTfF"),
    "int": (r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    "float": (
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
}
for _tag, (_pattern, _first) in _CORE.items():
    _regex = re.compile(f"^(?:{_pattern})$")
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", _regex, [*_first, ""])


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | float:
    text = loader.construct_scalar(node)
    if text.startswith(("0x", "0o")):
        return int(text[2:], 16 if text[1] == "x" else 8)
    try:
        return int(text)
    except ValueError:  # past Python's digit limit for int(): a JavaScript reader gets a float
        return float(text)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = loader.construct_scalar(node).lower()
    if text.endswith(("inf", "nan")):
        return float(text.replace(".", ""))
    return float(text)


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    # A complex key becomes text, as a JavaScript object's key does.
    pairs = loader.construct_pairs(node, deep=True)
    return {k if isinstance(k, str | int | float | bool | None) else str(k): v for k, v in pairs}


EditorLoader.add_constructor("tag:yaml.org,2002:int", _int)
EditorLoader.add_constructor("tag:yaml.org,2002:float", _float)
EditorLoader.add_constructor("tag:yaml.org,2002:map", _mapping)


def schema_accepts(kind: str, text: str) -> bool:
    data = yaml.load(text, Loader=EditorLoader)  # a SafeLoader with YAML 1.2's types
    validator = jsonschema.Draft202012Validator(
        json_schema(kind), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return not list(validator.iter_errors(data))


def loader_accepts(kind: str, text: str) -> bool:
    loaded = load_bytes(text.encode(), Path(f"{kind}.yaml"), f"{kind}.yaml")
    return loaded.model is not None and not loaded.problems


def test_the_schema_and_the_loader_disagree_only_where_a_schema_cannot_see() -> None:
    verdicts = {
        name: (loader_accepts(kind, text), schema_accepts(kind, text))
        for name, (kind, text) in {**REFUSED, **ACCEPTED}.items()
    }
    assert {name: v[0] for name, v in verdicts.items()} == {
        **dict.fromkeys(REFUSED, False), **dict.fromkeys(ACCEPTED, True)
    }  # fmt: skip
    disagree = {name for name, (loader, schema) in verdicts.items() if loader != schema}
    assert disagree == set(CANNOT_EXPRESS)


def test_the_schemas_number_bound_is_the_loaders() -> None:
    assert FIGURE_BOUND == 10**MAX_DIGITS
