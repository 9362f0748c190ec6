"""The QApplication: identity, pyqtgraph configuration, and the window's run loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from types import TracebackType

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6 import QtGui, QtWidgets

from chery_viewer import __version__
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.graphics.application import ensure_application

ORGANISATION = "Chery Fact Sheet"
APPLICATION = "chery-viewer"


def icon_path() -> str:
    from chery_viewer.core.dataset import resources_dir

    candidate = resources_dir() / "icons" / "chery-viewer.svg"
    return str(candidate) if candidate.is_file() else ""


def make_application(argv: Sequence[str] | None = None) -> QtWidgets.QApplication:
    """The one QApplication (reused if it exists), named so QSettings has a home."""
    app = ensure_application(list(argv or sys.argv[:1]))
    QtWidgets.QApplication.setOrganizationName(ORGANISATION)
    QtWidgets.QApplication.setApplicationName(APPLICATION)
    # No application display name: Qt would append it to every title bar, after the data's own title.
    QtWidgets.QApplication.setApplicationVersion(__version__)
    from chery_viewer import APP_ID

    QtGui.QGuiApplication.setDesktopFileName(APP_ID)  # ties the window to the menu entry (Wayland, docks)
    path = icon_path()
    if path:
        app.setWindowIcon(QtGui.QIcon(path))
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, foreground="#1f2328", background="w")
    return app


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
    _quit_when_interrupted(app)
    window.show()
    return app.exec()


def _quit_when_interrupted(app: QtWidgets.QApplication) -> None:
    """A signal during an export reaches the slot that started it: the export has cleaned up,
    so the window closes with 128 + the signal's number instead of printing a traceback."""
    from chery_viewer.core.signals import Interrupted

    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, Interrupted):
            app.exit(exc.exit_status)
        else:
            previous(kind, exc, tb)

    sys.excepthook = hook
