"""Qt's side of the two languages: translators, the bundled CJK font, the system default.

The texts live in ``resources/translations/chery_viewer_<lang>.qm``, compiled from the
``.ts`` sources by ``resources/translations/build.py``. Installing a language loads that
file and Qt's own translation of its standard buttons and dialogs (``qtbase_<lang>.qm``,
shipped with PySide6), and hands ``QCoreApplication.translate`` to the Qt-free core, so the
fact sheet's own texts (section builders, audit, periods, units) follow too.

For Chinese the bundled Noto Sans SC subset becomes the first font family of the
application and of the PDF: a machine with no CJK font of its own still shows, prints and
embeds every character.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from chery_viewer.core.dataset import resources_dir
from chery_viewer.core.i18n import DEFAULT_LANGUAGE, is_chinese, match_language, set_language

CJK_FONT_FILE = "NotoSansSC-Subset.ttf"
SYSTEM_CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")

_translators: list[QtCore.QTranslator] = []
_cjk_family: str | None = None
_default_families: list[str] | None = None


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def preferred(chosen: str = "") -> str:
    """The language to start in: the one chosen in settings, else the system locale's, else English."""
    for candidate in (chosen, *QtCore.QLocale.system().uiLanguages(), QtCore.QLocale.system().name()):
        language = match_language(candidate) if candidate else None
        if language:
            return language
    return DEFAULT_LANGUAGE


def install(language: str) -> None:
    """Make ``language`` current for the window, the PDF and the core's texts.

    Needs a QCoreApplication. English removes every translator: the source texts are English.
    The new translators are loaded before the old ones go, so a missing file changes nothing.
    """
    app = QtCore.QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QCoreApplication")
    loaded = [] if language == DEFAULT_LANGUAGE else _load(language)
    for translator in _translators:
        app.removeTranslator(translator)
    _translators[:] = loaded  # the old ones have no parent: dropping them deletes them
    for translator in loaded:
        app.installTranslator(translator)
    set_language(language, QtCore.QCoreApplication.translate if loaded else None)
    QtCore.QLocale.setDefault(QtCore.QLocale(language))
    _apply_font()


def _load(language: str) -> list[QtCore.QTranslator]:
    """Our translation of ``language`` and Qt's own (standard buttons, dialogs), if Qt has one."""
    ours = QtCore.QTranslator()
    if not ours.load(f"chery_viewer_{language}", translations_dir()):
        raise RuntimeError(f"the translation chery_viewer_{language}.qm is missing from {translations_dir()}")
    qt_own = QtCore.QTranslator()
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    return [ours, qt_own] if qt_own.load(f"qtbase_{language}", qt_dir) else [ours]


def font_families() -> list[str]:
    """Font families for text in the current language, most preferred first."""
    families = list(_default_families or [])
    if is_chinese():
        # The bundled subset first; a system CJK font, if any, only for characters it lacks
        # (a user's dataset may use others), Simplified forms before any other.
        families[:0] = [f for f in (cjk_family(), *SYSTEM_CJK_FAMILIES) if f]
    return families


def cjk_family() -> str | None:
    """The bundled CJK font's family, registered with Qt on first use (None if it cannot be read)."""
    global _cjk_family
    if _cjk_family is None:
        path = resources_dir() / "fonts" / CJK_FONT_FILE
        font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
        families = QtGui.QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _cjk_family = families[0] if families else ""
    return _cjk_family or None


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
