"""The QApplication: identity, pyqtgraph configuration, and the window's run loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6 import QtGui, QtWidgets

from chery_viewer import __version__
from chery_viewer.core.factsheet import FactSheet

ORGANISATION = "Chery Fact Sheet"
APPLICATION = "chery-viewer"


def icon_path() -> str:
    from chery_viewer.core.dataset import resources_dir

    candidate = resources_dir() / "icons" / "chery-viewer.svg"
    return str(candidate) if candidate.is_file() else ""


def make_application(argv: Sequence[str] | None = None) -> QtWidgets.QApplication:
    """The one QApplication (reused if it exists), named so QSettings has a home."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(list(argv or sys.argv[:1]))
    QtWidgets.QApplication.setOrganizationName(ORGANISATION)
    QtWidgets.QApplication.setApplicationName(APPLICATION)
    # No application display name: Qt would append it to every title bar, after the data's own title.
    QtWidgets.QApplication.setApplicationVersion(__version__)
    QtGui.QGuiApplication.setDesktopFileName(APPLICATION)
    path = icon_path()
    if path:
        app.setWindowIcon(QtGui.QIcon(path))
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, foreground="#1f2328", background="w")
    return app  # type: ignore[return-value]


def run(sheet: FactSheet, language: str | None = None) -> int:
    """Open the main window on ``sheet`` and run until it closes.

    ``language`` (from ``--lang``) wins over the one chosen in View → Language, which wins
    over the system's locale.
    """
    app = make_application(sys.argv)
    from chery_viewer.ui import language as ui_language
    from chery_viewer.ui.main_window import MainWindow
    from chery_viewer.ui.settings import Settings

    settings = Settings()
    ui_language.install(language or ui_language.preferred(settings.language))
    window = MainWindow(sheet, settings)
    window.show()
    return app.exec()
