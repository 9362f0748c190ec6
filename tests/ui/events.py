"""Driving the window as a user does: key presses through the window system, menus opened by
their mnemonics, and modal dialogs answered through their widgets while they run."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6 import QtCore, QtTest, QtWidgets

Key = QtCore.Qt.Key
Mod = QtCore.Qt.KeyboardModifier
#: What the offscreen platform says when a menu pops up (it cannot raise or grab); harmless.
POPUP_WARNINGS = ("This plugin does not support raise", "This plugin does not support grabbing the keyboard")


def show(qtbot, window: QtWidgets.QWidget) -> None:
    """Show and activate ``window``: Qt delivers shortcuts only to the active window."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(window: QtWidgets.QWidget, key: Key, modifiers: Mod = Mod.NoModifier) -> None:
    """A key press at the window-system level, so Qt's shortcut map sees it as a user's would."""
    QtTest.QTest.keyClick(window.windowHandle(), key, modifiers)


def letter(char: str) -> Key:
    return Key(ord(char.upper()))


def menu_item(qtbot, window: QtWidgets.QMainWindow, menu: str, *items: str) -> None:
    """Alt+``menu`` opens a menu of the bar, then each of ``items`` is typed as its mnemonic
    (a submenu's letter opens it)."""
    press(window, letter(menu), Mod.AltModifier)
    for char in items:
        qtbot.waitUntil(lambda: isinstance(QtWidgets.QApplication.activePopupWidget(), QtWidgets.QMenu))
        popup = QtWidgets.QApplication.activePopupWidget()
        QtTest.QTest.keyClick(popup, letter(char))


def when_modal(qtbot, answer: Callable[[QtWidgets.QWidget], None], kind: type = QtWidgets.QDialog) -> list[str]:
    """Run ``answer`` on the next modal dialog of ``kind`` once it is up (its ``exec`` blocks
    the caller meanwhile). Returns a list that gets the dialog's class name, so a test can
    check the dialog did come."""
    seen: list[str] = []
    tries = [3000]  # 60 s, then it stops looking (the test's own assertion on ``seen`` fails)

    def poll() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(type(dialog).__name__)
            answer(dialog)
            # If the answer did not close it, close it later, so the test fails instead of hanging.
            QtCore.QTimer.singleShot(10_000, lambda: _close_if_open(dialog))
        elif tries[0] > 0:
            tries[0] -= 1
            QtCore.QTimer.singleShot(20, poll)

    QtCore.QTimer.singleShot(0, poll)
    return seen


def _close_if_open(dialog: QtWidgets.QDialog) -> None:
    if shiboken6.isValid(dialog) and dialog.isVisible():
        dialog.reject()


def escape(dialog: QtWidgets.QWidget) -> None:
    QtTest.QTest.keyClick(dialog, Key.Key_Escape)


def type_file_name(dialog: QtWidgets.QFileDialog, path: str) -> None:
    """Type ``path`` into a Qt file dialog's name field and press Return.

    A dialog that has just opened may still be filling its folder view, which can replace
    what was typed (as it would for a user typing that fast): type again until the field
    holds the path and Return has closed the dialog, as a user would.
    """
    edit = dialog.findChild(QtWidgets.QLineEdit, "fileNameEdit")
    assert edit is not None, "a Qt (not native) file dialog"
    for _ in range(20):
        edit.selectAll()
        QtTest.QTest.keyClicks(edit, path)
        if edit.text() != path:
            QtTest.QTest.qWait(100)
            continue
        popup = edit.completer().popup() if edit.completer() else None
        if popup is not None and popup.isVisible():  # the folder completer's list would take the Return
            QtTest.QTest.keyClick(popup, Key.Key_Escape)
        QtTest.QTest.keyClick(edit, Key.Key_Return)
        if not dialog.isVisible():
            return
        QtTest.QTest.qWait(100)


def message_text(box: QtWidgets.QWidget) -> str:
    assert isinstance(box, QtWidgets.QMessageBox)
    return box.text()
