"""Where the main window opens: its saved place and size if they are usable, else the
preferred size shrunk to the screen and centred on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.ui.settings import Settings

if TYPE_CHECKING:
    _Base = QtWidgets.QMainWindow  # what it is mixed into, for the type checker
else:
    _Base = object

PREFERRED_SIZE = QtCore.QSize(1280, 860)
FRAME_ALLOWANCE = QtCore.QSize(16, 48)
MIN_RESTORED_SIZE = QtCore.QSize(480, 360)  # a saved geometry smaller than this is taken as damaged


class WindowPlacement(_Base):
    """Mixed into the main window (a ``QMainWindow`` with ``settings``)."""

    settings: Settings

    def _restore_geometry(self) -> bool:
        """The saved size and place, if they make a usable window. Qt's restoreGeometry
        accepts a truncated record and leaves a 1x1 window, so the result is checked too."""
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            return False
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        size, frame = self.size(), self.frameGeometry()
        usable = (
            size.width() >= MIN_RESTORED_SIZE.width()
            and size.height() >= MIN_RESTORED_SIZE.height()
            and screen.availableGeometry().contains(frame.center())
        )
        if not usable:
            self.setWindowState(QtCore.Qt.WindowState.WindowNoState)
        return usable

    def fit_to_screen(self) -> None:
        """The first window (or one whose saved geometry is unreadable): the preferred size,
        shrunk to the screen's available area so the status bar shows, and centred on it."""
        screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        # Leave room for the window manager's frame and title bar, which are not known before show().
        width = min(PREFERRED_SIZE.width(), available.width() - FRAME_ALLOWANCE.width())
        height = min(PREFERRED_SIZE.height(), available.height() - FRAME_ALLOWANCE.height())
        self.resize(width, height)
        self._centre(available)
        self._centre_when_shown = True  # again once the frame's real size is known

    def _centre_if_first_shown(self) -> None:
        """Centre again once shown, when the frame's real size is known (a first window only)."""
        if getattr(self, "_centre_when_shown", False):
            self._centre_when_shown = False
            screen = self.screen() or QtGui.QGuiApplication.primaryScreen()
            self._centre(screen.availableGeometry())

    def _centre(self, available: QtCore.QRect) -> None:
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())
