"""The one place a QApplication is created, for the window and for headless exports alike."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph picks its binding on import

from PySide6 import QtWidgets

_app: QtWidgets.QApplication | None = None  # the application this module created, kept alive


def ensure_application(argv: Sequence[str] | None = None) -> QtWidgets.QApplication:
    """The running QApplication, or a new one.

    With no display on Linux the new one is off-screen (Qt would otherwise abort the process);
    a running ``QGuiApplication`` without widgets is refused, since charts need a QApplication.
    """
    global _app
    existing = QtWidgets.QApplication.instance()
    if isinstance(existing, QtWidgets.QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a QGuiApplication without widgets is running; charts need a QApplication")
    display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = list(argv) if argv else [sys.argv[0] if sys.argv and sys.argv[0] else "chery-viewer"]
    _app = QtWidgets.QApplication(args)
    return _app
