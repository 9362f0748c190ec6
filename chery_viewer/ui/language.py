"""The window's side of the two languages: the language to start in, and the window's font.

Translators are installed by :mod:`chery_viewer.graphics.language` (headless exports use it
too); here :func:`install` also puts the bundled CJK subset first in the application's font
for Chinese (and takes it out for English), so a machine with no CJK font of its own still
shows every character. The paper renderer never reads the application's font: it takes its
families from :mod:`chery_viewer.graphics.fonts`.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from chery_viewer.core.i18n import DEFAULT_LANGUAGE, is_chinese, match_language
from chery_viewer.graphics.fonts import cjk_family, families_for
from chery_viewer.graphics.language import install_translators, translations_dir

__all__ = ["cjk_family", "font_families", "install", "preferred", "translations_dir"]

_default_families: list[str] | None = None


def preferred(chosen: str = "") -> str:
    """The language to start in: the one chosen in settings, else the system locale's, else English."""
    for candidate in (chosen, *QtCore.QLocale.system().uiLanguages(), QtCore.QLocale.system().name()):
        language = match_language(candidate) if candidate else None
        if language:
            return language
    return DEFAULT_LANGUAGE


def install(language: str) -> None:
    """Make ``language`` current for the window, the PDF and the core's texts, and set the window's font.

    Needs a QCoreApplication. English removes every translator: the source texts are English.
    """
    install_translators(language)
    _apply_font()


def font_families() -> list[str]:
    """Font families for text in the current language, most preferred first."""
    return families_for(_default_families or [], is_chinese())


def _apply_font() -> None:
    """Put the CJK family first in the application font for Chinese, take it out for English."""
    global _default_families
    if not isinstance(QtCore.QCoreApplication.instance(), QtGui.QGuiApplication):
        return
    font = QtGui.QGuiApplication.font()
    if _default_families is None:
        _default_families = [f for f in font.families() if f] or [font.family()]
    font.setFamilies(font_families())
    QtGui.QGuiApplication.setFont(font)


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with ``letter`` as its Alt+key: the letter underlined where the text has it,
    else added in brackets after it, as Chinese menus do ("概览(&O)")."""
    at = text.lower().find(letter.lower())
    return f"{text[:at]}&{text[at:]}" if at >= 0 else f"{text}(&{letter})"
