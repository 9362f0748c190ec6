"""Installing a language's translators: ours and Qt's own, for the window and headless exports alike.

The texts live in ``resources/translations/chery_viewer_<lang>.qm``, compiled from the
``.ts`` sources by ``resources/translations/build.py``. Installing a language loads that
file and Qt's own translation of its standard buttons and dialogs (``qtbase_<lang>.qm``,
shipped with PySide6), and hands ``QCoreApplication.translate`` to the Qt-free core, so the
fact sheet's own texts (section builders, audit, periods, units) follow too. The window's
font is the window's business (:mod:`chery_viewer.ui.language`); nothing here touches it.
"""

from __future__ import annotations

from PySide6 import QtCore

from chery_viewer.core.dataset import resources_dir
from chery_viewer.core.i18n import DEFAULT_LANGUAGE, set_language

_translators: list[QtCore.QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_translators(language: str) -> None:
    """Make ``language`` current for Qt's and the core's texts.

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


def _load(language: str) -> list[QtCore.QTranslator]:
    """Our translation of ``language`` and Qt's own (standard buttons, dialogs), if Qt has one."""
    ours = QtCore.QTranslator()
    if not ours.load(f"chery_viewer_{language}", translations_dir()):
        raise RuntimeError(f"the translation chery_viewer_{language}.qm is missing from {translations_dir()}")
    qt_own = QtCore.QTranslator()
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    return [ours, qt_own] if qt_own.load(f"qtbase_{language}", qt_dir) else [ours]
