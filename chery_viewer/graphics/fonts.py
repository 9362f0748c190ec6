"""Fonts: the bundled CJK subset, and the font families for a language, as values.

Nothing here changes the application's font: the window sets its own font once per language
(:mod:`chery_viewer.ui.language`), and the paper renderer and the headless chart renderer take
the families they are given. In Chinese the bundled subset comes first, so every Chinese
character is drawn with (and embedded from) that font on any machine; a system CJK font only
serves characters the subset lacks, Simplified forms before any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtGui

from chery_viewer.core.dataset import resources_dir

CJK_FONT_FILES = ("NotoSansSC-Subset.ttf", "NotoSansSC-Subset-Bold.ttf")  # one family, Regular and Bold
SYSTEM_CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
DOCUMENT_FAMILIES = ("DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial")

_cjk_family: str | None = None


def cjk_family() -> str | None:
    """The bundled CJK font's family, registered with Qt on first use (None if it cannot be read).

    Both weights are registered: Qt draws no synthetic bold for an application font, so with
    the Regular file alone a bold Chinese heading (window and PDF) would come out regular.
    """
    global _cjk_family
    if _cjk_family is None:
        found: list[str] = []
        for name in CJK_FONT_FILES:
            font_id = QtGui.QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
            found += QtGui.QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _cjk_family = found[0] if found else ""
    return _cjk_family or None


def cjk_families() -> list[str]:
    """The families Chinese text is drawn from, the bundled subset first."""
    return [f for f in (cjk_family(), *SYSTEM_CJK_FAMILIES) if f]


def families_for(base: Sequence[str], chinese: bool) -> list[str]:
    """``base`` families for a language: for Chinese, the CJK families in front."""
    return [*cjk_families(), *base] if chinese else list(base)


def document_families(chinese: bool) -> list[str]:
    """The paper's families: the first installed of ``DOCUMENT_FAMILIES`` (else the application
    font's), with the CJK families in front for Chinese."""
    available = set(QtGui.QFontDatabase.families())
    first = next((f for f in DOCUMENT_FAMILIES if f in available), QtGui.QGuiApplication.font().family())
    return families_for([first], chinese)


def chart_font(families: Sequence[str]) -> QtGui.QFont:
    """The base font of a headless chart: the application font with ``families[0]`` in front of its
    own families when they do not already start with it (what the window's charts get from the
    window's font). A chart takes its sizes from this font and never reads the application's."""
    font = QtGui.QFont(QtGui.QGuiApplication.font())
    current = [f for f in font.families() if f] or [font.family()]
    if len(families) > 1 and current[0] != families[0]:
        font.setFamilies([families[0], *(f for f in current if f != families[0])])
    return font
