"""The language the fact sheet speaks, and the one function every text goes through.

Every text a reader sees, in the core as in the window and the PDF, is written as
``translate("Context", "English text")``. ``pyside6-lupdate`` finds these calls by name and
collects them into ``resources/translations/*.ts``; at run time the Qt layer
(``chery_viewer.ui.language``) installs Qt's translators and hands their look-up to
:func:`set_language`. The core itself never imports Qt: without a look-up installed (plain
Python, the core tests) every text stays English.

Texts with values use named fields (``"{share} of group sales in {year}"``) so that a
translation may put them in another order.
"""

from __future__ import annotations

from collections.abc import Callable

#: The languages the app ships, by Qt locale name, each named in its own language.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"

Lookup = Callable[[str, str], str]

_language = DEFAULT_LANGUAGE
_lookup: Lookup | None = None


def translate(context: str, text: str) -> str:
    """``text`` in the current language (English when no translation is installed)."""
    return text if _lookup is None else _lookup(context, text)


def set_language(language: str, lookup: Lookup | None = None) -> None:
    """Make ``language`` current; ``lookup`` gives its texts (None: the English source texts)."""
    global _language, _lookup
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}' (known: {', '.join(LANGUAGES)})")
    _language, _lookup = language, lookup


def current_language() -> str:
    return _language


def is_chinese() -> bool:
    return _language.startswith("zh")


def has_cjk(text: str) -> bool:
    """Whether ``text`` has CJK characters (ideographs, kana, hangul, CJK punctuation)."""
    return any(ord(ch) >= 0x2E80 for ch in text)


def data_language(language: str) -> str:
    """The tag a data package uses for ``language``: BCP 47, as in ``label@zh-CN``."""
    return language.replace("_", "-")


def match_language(name: str) -> str | None:
    """The shipped language a locale or option names ('zh', 'zh_CN', 'zh-Hans-CN', 'en_GB'), else None."""
    tag = name.strip().replace("-", "_").split(".")[0].lower()
    if tag == "zh" or tag.startswith(("zh_cn", "zh_hans", "zh_sg")):
        return "zh_CN"
    if tag == "en" or tag.startswith("en_") or tag in ("c", "posix"):
        return "en"
    return None
