"""CSV encodings: a BOM's (UTF-8, UTF-16, UTF-32), UTF-8, else detected where the detection is
sure; never private-use characters, and a refusal that says what to do where it is not."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from planchk.cli import app
from tests.cli_runner import CliRunner

runner = CliRunner()
# Traditional characters, as a Taiwanese or Hong Kong table is kept: Big5 holds them, and
# GB18030 reads Big5's bytes too, as other characters, private-use ones among them.
TABLE = """\
（一）發明專利申請量分解表,,,
單位：件,,,
地區,2021年,2022年,2023年
臺北市,513,565,609
士林區,301,320,350
大安區,212,245,259
"""


def imported(tmp_path: Path, raw: bytes) -> tuple[int, str, str]:
    path = tmp_path / "table.csv"
    path.write_bytes(raw)
    result = runner.invoke(app, ["import", str(path)])
    return result.exit_code, result.stdout, result.stderr


def test_big5_is_detected_and_read_as_written(tmp_path: Path) -> None:
    code, out, err = imported(tmp_path, TABLE.encode("big5"))
    assert code == 0, err
    assert "臺北市: [513, 565, 609]" in out
    assert "read as big5" in err
    assert not any("\ue000" <= c <= "\uf8ff" for c in out + err)  # what GB18030 made of it


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_a_bom_names_the_encoding(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
           "utf-8": codecs.BOM_UTF8}[codec]  # fmt: skip
    code, out, err = imported(tmp_path, bom + TABLE.encode(codec))
    assert code == 0, err
    assert "臺北市: [513, 565, 609]" in out
    assert f"read as {codec} (BOM)" in err


def test_an_unclear_encoding_is_refused_naming_what_was_tried(tmp_path: Path) -> None:
    # GBK's 中文 is Big5's 笢恅: in so short a file nothing tells which is meant.
    code, out, err = imported(tmp_path, "中文,2021\n甲,5\n".encode("gbk"))
    assert code == 2
    assert out == ""
    assert "the encoding is not clear (tried " in err
    assert "utf-8" in err
    assert "--encoding" in err
