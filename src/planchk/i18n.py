"""Messages in the reader's language: English or Simplified Chinese.

The mechanism is GNU gettext as the Python standard library reads it: English templates live
in the code and are the message ids; translations live in a .po catalogue that translators edit
with the usual tools (Poedit, Weblate), compiled to the .mo file shipped in the package. Every
message has a context (msgctxt) that names it (PC101.message, ui.SUMMARY_PASSED), so that two
equal English strings can be translated differently and a changed English template is caught
as an out-of-date translation (tools/i18n.py check, run by the tests).
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "planchk"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"en": "en-US", "zh": "zh-CN"}  # --lang value -> BCP 47 tag (SARIF run.language)
_GETTEXT_LOCALES = {"zh": "zh_CN"}

_state = {"language": "en"}  # chosen once per run by the command line


def choose(requested: str | None = None) -> str:
    """--lang, else PLANCHK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    for value in (requested, os.environ.get("PLANCHK_LANG")):
        if value:
            return value
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of: {', '.join(LANGUAGES)}")
    _state["language"] = language


def language() -> str:
    return _state["language"]


def tag() -> str:
    """The current language as a BCP 47 tag, e.g. zh-CN."""
    return LANGUAGES[language()]


def text(key: str, english: str) -> str:
    """The message `key` in the current language; the English template when untranslated."""
    current = language()
    if current == "en":
        return english
    return _catalog(current).pgettext(key, english)


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, LOCALE_DIR, languages=[_GETTEXT_LOCALES[language]], fallback=True
    )
