"""The corpus of printed tables in tests/tables/: where it is, what each case expects of
import and validate (NAME.yaml beside NAME.csv), and a printed cell as a person would have
typed it into Excel. test_tables reads the corpus as CSV and XLSX, test_xls_and_ods as .xls
and .ods."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

TABLES = Path(__file__).parent / "tables"

_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_BRACKETED = re.compile(r"^\((\d+(\.\d+)?)\)$")
_PERCENT = re.compile(r"^(-?\d+(\.\d+)?)%$")


def expectations(case: Path) -> dict[str, Any]:
    """What the case's YAML says import must infer and validate must find."""
    loaded: dict[str, Any] = yaml.safe_load(case.with_suffix(".yaml").read_text("utf-8"))
    return loaded


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _digits(text: str) -> str:
    return "0" + ("." + "0" * _decimals(text) if _decimals(text) else "")


def as_excel(text: str) -> tuple[int | float | str, str | None]:
    """What a person would have typed into Excel to print `text`: a number and its format."""
    plain = text.replace(",", "")
    number: int | float
    if _PERCENT.match(text):
        number = float(Decimal(text[:-1]) / 100)
        return number, _digits(text[:-1]) + "%"
    if _PLAIN.match(text) or _GROUPED.match(text):
        number = int(plain) if _decimals(plain) == 0 else float(plain)
        return number, ("#,##" if "," in text else "") + _digits(plain)
    bracketed = _BRACKETED.match(text)
    if bracketed:
        digits = _digits(bracketed.group(1))
        return -float(bracketed.group(1)), f"{digits};({digits})"
    return text, None  # text stays text, as Excel keeps it
