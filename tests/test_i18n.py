"""Chinese and English: complete catalogues, language choice, consistent terms, CJK alignment."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from rich.cells import cell_len

from planchk import i18n, messages
from planchk.cli import app
from planchk.errors import TooLarge
from tests.cli_runner import CliRunner
from tests.paths import DATA, ROOT


def tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tools", ROOT / "tools" / "i18n.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogues_are_complete_consistent_and_current() -> None:
    pytest.importorskip("babel")
    assert tools().check() == []


def test_no_message_counts_with_a_parenthesised_plural() -> None:
    """`1 row(s)`: every English template that counts says `1 row` or `2 rows` (Counted)."""
    templates = tools().entries()
    assert len(templates) > 500  # the whole catalogue: finding messages and import notes too
    assert [key for key, english in templates if "(s)" in english] == []


def test_compiled_catalogues_compare_by_messages_not_generator_bytes() -> None:
    pytest.importorskip("babel")
    module = tools()
    catalog = module._read(module.LANGUAGES["zh_CN"] / "planchk.po", "zh_CN")
    compiled = module._compiled(catalog)
    version = re.search(rb"Generated-By: Babel [0-9.]+", compiled)
    assert version is not None
    # Another release's stamp of the same length, so the file's offsets stay valid.
    stamp = re.sub(rb"[0-9]", b"9", version.group())
    other_release = compiled.replace(version.group(), stamp)
    assert other_release != compiled
    assert module._messages(other_release) == module._messages(compiled)
    message = next(m for m in catalog if m.context == "PC101.title")
    message.string = "改过的标题"
    assert module._messages(module._compiled(catalog)) != module._messages(compiled)


def test_check_catches_a_missing_translation_and_a_placeholder_mismatch() -> None:
    pytest.importorskip("babel")
    module = tools()
    catalog = module._read(module.LANGUAGES["zh_CN"] / "planchk.po", "zh_CN")
    expected = dict(module.entries())
    message = next(m for m in catalog if m.context == "PC101.message")
    message.string = message.string.replace("{imbalance:+}", "{imbalanse}")
    other = next(m for m in catalog if m.context == "PC102.title")
    other.string = ""
    problems = module._check_catalog(catalog, expected, "zh_CN")
    assert any("PC101.message: placeholders differ" in p for p in problems)
    assert any("PC102.title: not translated" in p for p in problems)


def _glossary() -> list[tuple[str, str]]:
    rows = re.findall(
        r"^\| ([^|]+?) \| ([^|]+?) \| (yes|no) \|",
        (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    return [(english, chinese) for english, chinese, checked in rows if checked == "yes"]


def test_glossary_terms_are_used_consistently() -> None:
    pytest.importorskip("babel")
    module = tools()
    catalog = module._read(module.LANGUAGES["zh_CN"] / "planchk.po", "zh_CN")
    glossary = _glossary()
    assert len(glossary) > 20
    for message in catalog:
        if not message.id:
            continue
        english = re.sub(r"\{[^}]*\}", "", message.id).lower()
        for term, chinese in glossary:
            if re.search(rf"\b{re.escape(term)}\b", english):
                assert chinese in message.string, (message.context, term, message.string)


@pytest.mark.parametrize(
    ("cli", "env", "expected"),
    [
        (None, {}, "en"),
        ("zh", {}, "zh"),
        (None, {"PLANCHK_LANG": "zh"}, "zh"),
        ("en", {"PLANCHK_LANG": "zh"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        (None, {"PLANCHK_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_language_choice(
    monkeypatch: pytest.MonkeyPatch, cli: str | None, env: dict[str, str], expected: str
) -> None:
    for name in ("PLANCHK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.choose(cli) == expected


def test_unknown_language_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    monkeypatch.setenv("PLANCHK_LANG", "fr")
    result = runner.invoke(app, ["validate", str(DATA)])
    assert result.exit_code == 2
    assert "`fr` is not a language planchk speaks" in result.stderr


def _no_english(text: str) -> list[str]:
    """Latin words left in Chinese output, once identifiers, paths and codes are removed."""
    cleaned = re.sub(r"\S+\.ya?ml(:\d+:\d+)?:?", "", text)  # file:line:column
    cleaned = re.sub(r"PC\d{3}|\[[a-z0-9-]+\]", "", cleaned)  # codes and slugs
    cleaned = re.sub(r"[（(`][a-z_0-9]+[）)`]", "", cleaned)  # indicator and goal ids
    return re.findall(r"[A-Za-z]{2,}", cleaned)


def test_validate_in_chinese_leaves_no_english(tmp_path: Path, runner: CliRunner) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    targets = tmp_path / "data" / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[301, 50, 53]")
    targets.write_text(
        text + "waivers:\n  - {rule: PC202, where: '*.岱山街办.*', reason: 已核实}\n", "utf-8"
    )
    result = runner.invoke(app, ["--lang", "zh", "validate", str(tmp_path / "data")])
    assert result.exit_code == 1
    assert _no_english(result.stdout) == []
    assert "不平衡额 +1" in result.stdout
    assert "（已豁免：已核实）" in result.stdout
    assert "未通过：存在“错误”及以上级别的问题。" in result.stdout


def test_diff_and_errors_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    shutil.copytree(DATA, tmp_path / "old")
    shutil.copytree(DATA, tmp_path / "new")
    tasks = tmp_path / "new" / "tasks.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace(
            "        responsible: [青云谱区税务局]\n        cooperating: [各街办、镇、集聚区]",
            "        responsible: [青云谱区税务局, 各街办、镇、集聚区]\n        cooperating: []",
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    shown = runner.invoke(app, ["--lang", "zh", "diff", "old", "new"]).stdout
    assert "任务 6：各街办、镇、集聚区由配合单位改列为责任单位" in shown
    assert "共 1 处变更" in shown
    missing = runner.invoke(app, ["--lang", "zh", "validate", "--config", "nope.toml"])
    assert missing.exit_code == 2
    assert missing.stderr == "planchk：错误：nope.toml：配置文件不存在\n"


def test_machine_formats_carry_the_chosen_language_and_neutral_args(
    tmp_path: Path, runner: CliRunner
) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    targets = tmp_path / "data" / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("[300, 50, 53]", "[三百, 50, 53]"), "utf-8"
    )
    result = runner.invoke(app, ["--lang", "zh", "validate", str(tmp_path / "data"), "-f", "json"])
    document = json.loads(result.stdout)
    assert document["language"] == "zh-CN"
    [finding] = [f for f in document["findings"] if f["code"] == "PC022"]
    assert (
        finding["message"]
        == "`indicators.patent_applications.values.洪都街办[0]` 应为数字，例如 8.3，"
        "实际是文本“三百”"
    )
    assert finding["args"] == {
        "field": "indicators.patent_applications.values.洪都街办[0]",
        "expected": "number",
        "found_kind": "text",
        "found": "三百",
    }
    sarif = json.loads(
        runner.invoke(app, ["--lang", "zh", "validate", str(DATA), "-f", "sarif"]).stdout
    )
    assert sarif["runs"][0]["language"] == "zh-CN"
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert (
        next(r for r in rules if r["id"] == "PC101")["shortDescription"]["text"]
        == "分项之和与合计不符"
    )


def test_explain_in_chinese(runner: CliRunner) -> None:
    shown = runner.invoke(app, ["--lang", "zh", "explain", "PC601"]).stdout
    assert shown.startswith("PC601 text-office-not-in-annex（类别 tasks，默认严重程度 警告）")
    assert "原因：附件（主要工作任务分解表）是考核各单位的依据" in shown


def test_reference_docs_in_both_languages_are_current() -> None:
    from planchk.formatters import codes as catalogue

    for language, path in catalogue.REFERENCE_PATHS.items():
        i18n.set_language(language)
        committed = (ROOT / path).read_text(encoding="utf-8")
        assert committed == catalogue.reference(), (
            f"regenerate {path} with planchk --lang {language} explain --all"
        )


def test_each_reference_names_the_command_that_generates_it(runner: CliRunner) -> None:
    from planchk.formatters import codes as catalogue

    for language, path in catalogue.REFERENCE_PATHS.items():
        i18n.set_language(language)
        found = re.search(r"`planchk ([^`>]*) > ([^`]+)`", catalogue.reference())
        assert found, path
        assert found[2] == path
        i18n.set_language("en")
        generated = runner.invoke(app, found[1].split()).stdout
        assert generated == (ROOT / path).read_text(encoding="utf-8")


def test_cjk_columns_align_in_a_fixed_width_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    shutil.copytree(DATA, tmp_path / "old")
    shutil.copytree(DATA, tmp_path / "new")
    targets = tmp_path / "new" / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    for old, new in (
        ("[19, 21, 24]", "[19, 21, 25]"),
        ("[26, 28, 33]", "[26, 28, 32]"),
        ("[5, 7, 9]", "[5, 7, 10]"),
    ):
        text = text.replace(old, new)
    targets.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for language in ("zh", "en"):
        shown = runner.invoke(app, ["--lang", language, "diff", "old", "new"]).stdout
        rows = [
            line
            for line in shown.splitlines()
            if "2023" in line and ("街办" in line or "镇" in line or "集聚区" in line)
        ]
        assert len(rows) == 3
        # the year column starts at the same display column whatever the width of the area name
        starts = {cell_len(row[: row.index("2023")]) for row in rows}
        assert len(starts) == 1, rows
        ends = {
            cell_len(row[: row.index("2023") + 4])
            + cell_len(row[row.index("2023") + 4 :].split()[0])
            for row in rows
        }
        assert ends  # rendered without wrapping


def test_os_errors_are_said_in_the_chosen_language(tmp_path: Path, runner: CliRunner) -> None:
    """A reason the system gives (strerror) is said by errno in Chinese; in English it is the
    system's own text, and an errno planchk names no template for keeps that text too."""
    missing = tmp_path / "nope.yaml"
    outputs = {}
    for language in ("en", "zh"):
        result = runner.invoke(app, ["--lang", language, "validate", "-f", "json", str(missing)])
        [finding] = json.loads(result.stdout)["findings"]
        assert (result.exit_code, finding["code"]) == (2, "PC001")
        assert finding["args"]["reason"] == "No such file or directory"  # data: the system's
        outputs[language] = finding["message"]
        taken = tmp_path / "taken.txt"  # a file where -o would need a folder
        taken.write_text("", encoding="utf-8")
        args = ["--lang", language, "validate", str(DATA), "-o", str(taken / "x")]
        written = runner.invoke(app, args)
        assert written.exit_code == 2
        outputs[language + "-o"] = written.stderr
    assert "No such file or directory" in outputs["en"]
    assert "Not a directory" in outputs["en-o"]
    assert "没有这个文件或目录" in outputs["zh"]
    assert "不是目录" in outputs["zh-o"]
    assert _no_english(outputs["zh"]) == []


def test_each_named_errno_has_its_template_and_others_keep_strerror() -> None:
    import errno

    i18n.set_language("zh")
    for number, template in messages.OS_ERRORS.items():
        said = messages.os_reason(OSError(number, "system text"))
        assert said == template()
        assert _no_english(said) == []
    assert messages.os_reason(OSError(errno.ESRCH, "No such process")) == "No such process"
    assert messages.os_reason(TooLarge(Path("x"), 9, 5)) == "超过 5 字节"
    assert messages.said_reason("Is a directory") == "这是一个目录"
    assert messages.said_reason("Stale file handle") == "Stale file handle"
    i18n.set_language("en")
    assert messages.os_reason(OSError(errno.ENOENT, "system text")) == "system text"
    assert messages.said_reason("Is a directory") == "Is a directory"


def test_entries_import_every_module_so_no_message_is_missed(tmp_path: Path) -> None:
    # A module that declares a message and that nothing imports: `check` must still see it.
    pytest.importorskip("babel")
    (tmp_path / "f13_unimported.py").write_text(
        'from planchk.messages import message\n\nPROBE = message("probe.unimported", "probe")\n',
        encoding="utf-8",
    )
    script = (
        "import sys, importlib.util, planchk\n"
        f"planchk.__path__.append({str(tmp_path)!r})\n"
        f"spec = importlib.util.spec_from_file_location('t', {str(ROOT / 'tools' / 'i18n.py')!r})\n"
        "tool = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(tool)\n"
        "print(dict(tool.entries()).get('probe.unimported'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.strip() == "probe"


HAND_WRAPPED = """\
#, python-brace-format
msgctxt "ui.config-not-utf8"
msgid "byte {offset} is not UTF-8 text; a TOML file is written in UTF-8"
msgstr ""
"第 {offset} 字节不是 UTF-8 文本；"
"TOML 文件须用 UTF-8 编写"
"""
REMOVED = 'msgctxt "ui.no-longer-said"\nmsgid "a message planchk no longer has"\nmsgstr "旧消息"\n'


def test_extract_keeps_existing_entries_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """extract adds the new entries and drops the removed ones; every other entry is written
    back byte for byte, however a translator wrapped it (Babel rewraps at its width)."""
    pytest.importorskip("babel")
    module = tools()
    directory = tmp_path / "zh_CN" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    monkeypatch.setattr(module, "POT", tmp_path / "planchk.pot")
    monkeypatch.setattr(module, "LANGUAGES", {"zh_CN": directory})
    committed = (ROOT / "src/planchk/locale/zh_CN/LC_MESSAGES/planchk.po").read_text("utf-8")
    po = directory / "planchk.po"
    po.write_text(committed, encoding="utf-8")
    module.extract()
    assert po.read_text(encoding="utf-8") == committed  # a current catalogue: nothing to do
    entries = committed.split("\n\n")
    utf8 = next(i for i, e in enumerate(entries) if 'msgctxt "ui.config-not-utf8"' in e)
    entries[utf8] = HAND_WRAPPED.rstrip("\n")
    deep = next(i for i, e in enumerate(entries) if 'msgctxt "ui.config-too-deep"' in e)
    del entries[deep]  # as if its message were new
    entries.insert(deep, REMOVED.rstrip("\n"))  # and in its place one planchk no longer has
    edited = "\n\n".join(entries)
    po.write_text(edited, encoding="utf-8")
    module.extract()
    written = po.read_text(encoding="utf-8")
    assert HAND_WRAPPED in written
    assert "no-longer-said" not in written
    assert (
        'msgctxt "ui.config-too-deep"\nmsgid "tables or arrays are nested too deeply to read"\n'
        'msgstr ""\n'
    ) in written
    # Besides those two entries, the file is as it was: every other entry untouched.
    assert written.split("\n\n")[:deep] == edited.split("\n\n")[:deep]
    assert written.split("\n\n")[deep + 1 :] == edited.split("\n\n")[deep + 1 :]


# Two contexts longer than Babel's width: it writes each over several lines (msgctxt "").
LONG_CONTEXTS = [
    f"ui.probe-{which}-a-context-long-enough-that-babel-wraps-it-over-two-lines"
    "-of-the-po-file-at-its-width"
    for which in ("first", "second")
]


def _long_entry(context: str, english: str) -> str:
    """The entry as a translator wrapped it: context split where Babel would not split it."""
    return (
        f'msgctxt ""\n"{context[:40]}"\n"{context[40:]}"\nmsgid "{english}"\n'
        f'msgstr ""\n"{english} 的"\n"译文"'
    )


def test_extract_keeps_entries_whose_context_is_wrapped_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrapped msgctxt is read whole: each long-context entry round-trips byte for byte,
    and one whose English changed is rewritten (keyed "" both were one, and the changed one
    was replaced by the other's old text)."""
    pytest.importorskip("babel")
    module = tools()
    directory = tmp_path / "zh_CN" / "LC_MESSAGES"
    directory.mkdir(parents=True)
    monkeypatch.setattr(module, "POT", tmp_path / "planchk.pot")
    monkeypatch.setattr(module, "LANGUAGES", {"zh_CN": directory})
    real = module.entries()
    english = {c: f"probe number {n}" for n, c in enumerate(LONG_CONTEXTS)}
    monkeypatch.setattr(module, "entries", lambda: sorted([*real, *english.items()]))
    po = directory / "planchk.po"
    po.write_text((ROOT / "src/planchk/locale/zh_CN/LC_MESSAGES/planchk.po").read_text("utf-8"))
    module.extract()  # adds the two entries as Babel writes them: wrapped
    blocks = po.read_text(encoding="utf-8").split("\n\n")
    at = [i for i, block in enumerate(blocks) if "probe number" in block]
    assert len(at) == 2
    assert all(blocks[i].startswith('msgctxt ""\n"ui.probe-') for i in at)
    for i, context in zip(at, LONG_CONTEXTS, strict=True):
        blocks[i] = _long_entry(context, english[context])
    translated = "\n\n".join(blocks)
    po.write_text(translated, encoding="utf-8")
    module.extract()
    assert po.read_text(encoding="utf-8") == translated
    english[LONG_CONTEXTS[1]] = "probe number 1, reworded"
    module.extract()
    after = po.read_text(encoding="utf-8").split("\n\n")
    assert after[at[0]] == blocks[at[0]]  # unchanged: as the translator wrapped it
    assert 'msgid "probe number 1, reworded"' in after[at[1]]
    assert after[at[1]] != blocks[at[0]]
    assert [b for i, b in enumerate(after) if i != at[1]] == [
        b for i, b in enumerate(blocks) if i != at[1]
    ]
