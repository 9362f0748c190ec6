"""The bar across the top of the window: loading progress with Cancel, or a problem with Dismiss.

It never blocks: the tabs stay usable below it. A problem found while reloading a changed
package shows here (a dialog would interrupt whoever is editing the files) and stays until
dismissed or until a later reload succeeds.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from chery_viewer.core.i18n import translate
from chery_viewer.graphics.theme import VERMILLION, Theme


class MessageBar(QtWidgets.QFrame):
    """Hidden until :meth:`show_progress` or :meth:`show_error`."""

    sigCancel = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.mode = ""  # "", "progress" or "error"
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = QtWidgets.QLabel()
        self.text.setObjectName("messageText")
        self.text.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # paths and errors come from outside
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QtWidgets.QPushButton()
        self.cancel_button.clicked.connect(self.sigCancel.emit)
        self.dismiss_button = QtWidgets.QPushButton()
        self.dismiss_button.clicked.connect(self.clear)
        row.addWidget(self.text, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.dismiss_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(translate("MessageBar", "Cancel"))
        self.dismiss_button.setText(translate("MessageBar", "Dismiss"))

    def apply_theme(self, theme: Theme) -> None:
        self.setStyleSheet(
            f"#messageBar[mode='error'] {{ background: {theme.surface}; border: 2px solid {VERMILLION}; }}"
            f"#messageBar[mode='progress'] {{ background: {theme.surface}; border: 1px solid {theme.border}; }}"
        )

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        self.setProperty("mode", mode)
        self.style().unpolish(self)
        self.style().polish(self)

    def show_progress(self, text: str, step: int = 0, steps: int = 0) -> None:
        """Loading: ``text``, a bar at ``step`` of ``steps`` (0 steps: busy) and Cancel."""
        self._set_mode("progress")
        self.text.setText(text)
        self.progress.setRange(0, steps)
        self.progress.setValue(step)
        self.progress.show()
        self.cancel_button.show()
        self.dismiss_button.hide()
        self.show()

    def show_error(self, text: str) -> None:
        self._set_mode("error")
        self.text.setText(text)
        self.progress.hide()
        self.cancel_button.hide()
        self.dismiss_button.show()
        self.show()

    def clear(self) -> None:
        self._set_mode("")
        self.text.clear()
        self.hide()
