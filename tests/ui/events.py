"""Driving the window as a user does: key presses through the window system, menus opened by
their mnemonics, and modal dialogs answered through their widgets while they run."""

from __future__ import annotations

import html
from collections.abc import Callable

import shiboken6
from PySide6 import QtCore, QtGui, QtTest, QtWidgets

Key = QtCore.Qt.Key
Mod = QtCore.Qt.KeyboardModifier
_generation = [0]  # bumped after each test: the dialog watches of a test that has ended stop
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


def open_tab(qtbot, window: QtWidgets.QMainWindow, index: int) -> None:
    """Ctrl+1…Ctrl+5: the tab ``index`` (from 0), waited for until its page shows."""
    press(window, Key(Key.Key_1 + index), Mod.ControlModifier)
    tabs: QtWidgets.QTabWidget = window.tabs  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: tabs.currentIndex() == index and tabs.currentWidget().isVisible())


def tab_to(qtbot, window: QtWidgets.QWidget, widget: QtWidgets.QWidget, most: int = 200) -> None:
    """Press Tab until ``widget`` has the keyboard focus, as a keyboard user reaches it."""
    for _ in range(most):
        if QtWidgets.QApplication.focusWidget() is widget:
            return
        press(window, Key.Key_Tab)
    raise AssertionError(f"{widget!r} is not reached by Tab")


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
    the caller meanwhile): :func:`in_turn` with one step. Returns a list that gets the dialog's
    class name, so a test can check the dialog did come."""
    return in_turn(qtbot, (kind, answer))


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
    # The user types into a dialog in front: one that is not active yet has not settled on its
    # folder, and its Return can go unanswered.
    if not dialog.isActiveWindow():
        dialog.activateWindow()
    for _ in range(500):  # 10 s
        if dialog.isActiveWindow():
            break
        QtTest.QTest.qWait(20)
    click(edit)
    for _ in range(20):
        edit.selectAll()
        type_text(edit, path)
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


def type_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Type ``text`` into the focused ``widget``: ASCII by key presses, anything else (Chinese)
    as an input method hands it over, a committed string (QTest presses only Latin-1 keys)."""
    for char in text:
        if char.isascii():
            QtTest.QTest.keyClicks(widget, char)
        else:
            event = QtGui.QInputMethodEvent()
            event.setCommitString(char)
            QtWidgets.QApplication.sendEvent(widget, event)


def choose_in_combo(combo: QtWidgets.QComboBox, wanted: str) -> None:
    """In the focused ``combo``, the entry containing ``wanted``, by keys: Home, then Down until it shows."""
    assert combo.window().focusWidget() is combo, f"{combo!r} has not the focus of its window"
    press(combo.window(), Key.Key_Home)
    for _ in range(combo.count()):
        if wanted in combo.currentText():
            return
        press(combo.window(), Key.Key_Down)
    raise AssertionError(f"no {wanted!r} among {[combo.itemText(i) for i in range(combo.count())]}")


def pick_file_type(dialog: QtWidgets.QFileDialog, wanted: str) -> None:
    """Choose the file type containing ``wanted`` in a Qt file dialog's type box by keys."""
    combo = dialog.findChild(QtWidgets.QComboBox, "fileTypeCombo")
    assert combo is not None and combo.isVisible()
    combo.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    choose_in_combo(combo, wanted)


def save_as(path: str, file_type: str = "") -> tuple[type, Callable[[QtWidgets.QWidget], None]]:
    """The step of :func:`in_turn` that answers a save dialog with ``path`` (after choosing
    the file type containing ``file_type``, when given)."""

    def answer(dialog: QtWidgets.QFileDialog) -> None:
        if file_type:
            pick_file_type(dialog, file_type)
        type_file_name(dialog, path)

    return (QtWidgets.QFileDialog, answer)


def message_text(box: QtWidgets.QWidget) -> str:
    assert isinstance(box, QtWidgets.QMessageBox)
    return box.text()


def in_turn(qtbot, *steps: tuple[type, Callable[[QtWidgets.QWidget], None]]) -> list[str]:
    """Answer dialogs (or popup menus, for a ``QMenu`` kind) one after the other, as each comes up.

    Each step is ``(kind, answer)``. The watch for a step starts when the step before it is
    answered, since the next dialog often opens inside that answer (a file dialog's Return
    asks whether to replace the file, a menu item opens a file dialog); a dialog already
    answered is never taken for the next. Returns the class names of those that came.
    """
    seen: list[str] = []
    answered: list[QtWidgets.QWidget] = []
    generation = _generation[0]

    def watch(step: int) -> None:
        if step == len(steps):
            return
        kind, answer = steps[step]
        tries = [3000]  # 60 s per step, then it stops looking (the test's check of ``seen`` fails)

        def poll() -> None:
            if _generation[0] != generation:
                return  # its test has ended: a watch left waiting must not answer the next test's dialogs
            if issubclass(kind, QtWidgets.QMenu):
                up = QtWidgets.QApplication.activePopupWidget()
            else:
                up = QtWidgets.QApplication.activeModalWidget()
            if isinstance(up, kind) and up.isVisible() and not any(up is a for a in answered):
                answered.append(up)
                seen.append(type(up).__name__)
                watch(step + 1)
                if not issubclass(kind, QtWidgets.QMenu):  # closed later if the answer leaves it open (or fails)
                    QtCore.QTimer.singleShot(10_000, lambda: _close_if_open(up))
                answer(up)
            elif tries[0] > 0:
                tries[0] -= 1
                QtCore.QTimer.singleShot(20, poll)

        QtCore.QTimer.singleShot(0, poll)

    watch(0)
    return seen


def answered(qtbot, window: QtWidgets.QWidget, act: Callable[[], None],
             *steps: tuple[type, Callable[[QtWidgets.QWidget], None]]) -> list[str]:  # fmt: skip
    """Do ``act`` (a key press, a menu item, a click) and answer the dialogs it opens with
    ``steps`` (see :func:`in_turn`); returns once all of them came, with their class names,
    ``window`` active again as a window manager makes it once its dialog closes."""
    came = in_turn(qtbot, *steps)
    act()
    qtbot.waitUntil(lambda: len(came) == len(steps), timeout=60_000)
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeModalWidget() is None, timeout=60_000)
    show(qtbot, window)
    return came


def stop_watching() -> None:
    """End every watch of :func:`in_turn` still waiting (the tests' fixtures call it after each test)."""
    _generation[0] += 1


def click(widget: QtWidgets.QWidget, pos: QtCore.QPoint | None = None,
          button: QtCore.Qt.MouseButton = QtCore.Qt.MouseButton.LeftButton) -> None:  # fmt: skip
    """A mouse click on ``widget`` (at its centre unless ``pos`` says where), sent to its
    window through the window system as a user's is: QTest's widget overload hands the
    event to the widget itself, and a right click made so never opens a context menu."""
    top = widget.window()
    at = widget.mapTo(top, pos if pos is not None else widget.rect().center())
    # Onto the spot in two moves, as a hand arrives: after a popup has closed, a single move
    # into the window leaves Qt (offscreen) without the widget under the pointer, and a right
    # click then opens no context menu.
    QtTest.QTest.mouseMove(top.windowHandle(), at + QtCore.QPoint(1, 1))
    QtTest.QTest.mouseMove(top.windowHandle(), at)
    QtTest.QTest.mouseClick(top.windowHandle(), button, Mod.NoModifier, at)


def double_click(widget: QtWidgets.QWidget, pos: QtCore.QPoint) -> None:
    """A double-click on ``widget`` at ``pos``, through its window as :func:`click` sends one."""
    top = widget.window()
    at = widget.mapTo(top, pos)
    click(widget, pos)
    QtTest.QTest.mouseDClick(top.windowHandle(), QtCore.Qt.MouseButton.LeftButton, Mod.NoModifier, at)


def click_button(dialog: QtWidgets.QWidget, which: QtWidgets.QDialogButtonBox.StandardButton) -> None:
    """Click a message box's or a dialog's standard button (Yes, Save, Cancel…)."""
    if isinstance(dialog, QtWidgets.QMessageBox):
        button = dialog.button(QtWidgets.QMessageBox.StandardButton(which.value))
    else:
        box = dialog.findChild(QtWidgets.QDialogButtonBox)
        button = box.button(which) if box is not None else None
    assert button is not None, f"{type(dialog).__name__} has no {which.name} button"
    click(button)


def click_menu_action(menu: QtWidgets.QMenu, text: str) -> None:
    """Click the item of an open ``menu`` whose text (without its '&') is ``text``."""
    action = next((a for a in menu.actions() if a.text().replace("&", "") == text), None)
    assert action is not None, f"no {text!r} in {[a.text() for a in menu.actions()]}"
    click(menu, menu.actionGeometry(action).center())


def context_menu(qtbot, widget: QtWidgets.QWidget, item: str, pos: QtCore.QPoint | None = None,
                 *then: tuple[type, Callable[[QtWidgets.QWidget], None]]) -> list[str]:  # fmt: skip
    """Right-click ``widget`` (at ``pos``, else its centre), click ``item`` in the menu that
    opens and answer the dialogs it opens with ``then`` (see :func:`in_turn`); returns the
    menu's items (without their '&') as the user saw them."""
    shown: list[str] = []

    def pick(menu: QtWidgets.QMenu) -> None:
        shown.extend(a.text().replace("&", "") for a in menu.actions() if not a.isSeparator())
        click_menu_action(menu, item)

    came = in_turn(qtbot, (QtWidgets.QMenu, pick), *then)
    click(widget, pos, QtCore.Qt.MouseButton.RightButton)
    qtbot.waitUntil(lambda: len(came) == 1 + len(then), timeout=60_000)
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is None, timeout=10_000)
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeModalWidget() is None, timeout=60_000)
    return shown


def click_tab(tabs: QtWidgets.QTabWidget, index: int) -> None:
    """Click the tab ``index`` on the tab bar."""
    bar = tabs.tabBar()
    click(bar, bar.tabRect(index).center())


def choose_language(qtbot, window: QtWidgets.QMainWindow, name: str) -> None:
    """View → Language by keys: Alt+V, G for the submenu, then the arrow keys down to the
    language named ``name`` (as the menu names it: "English", "简体中文") and Return."""
    menu_item(qtbot, window, "v", "g")
    qtbot.waitUntil(lambda: _popup_with(name) is not None, timeout=10_000)
    popup = _popup_with(name)
    assert popup is not None
    for _ in range(len(popup.actions()) + 1):
        active = popup.activeAction()
        if active is not None and active.text() == name:
            break
        QtTest.QTest.keyClick(popup, Key.Key_Down)
    assert popup.activeAction() is not None and popup.activeAction().text() == name
    QtTest.QTest.keyClick(popup, Key.Key_Return)
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is None, timeout=10_000)


def tooltip_text() -> str:
    """The tooltip's text as the user reads it, or '' when none is visible."""
    if not QtWidgets.QToolTip.isVisible():
        return ""
    document = QtGui.QTextDocument()
    document.setHtml(QtWidgets.QToolTip.text())
    return html.unescape(document.toPlainText())


def _popup_with(text: str) -> QtWidgets.QMenu | None:
    popup = QtWidgets.QApplication.activePopupWidget()
    if isinstance(popup, QtWidgets.QMenu) and any(a.text() == text for a in popup.actions()):
        return popup
    return None


def move_onto(qtbot, widget: QtWidgets.QWidget, pos: QtCore.QPoint, steps: int = 6) -> None:
    """Move the pointer onto ``pos`` of ``widget`` in small steps, as a hand does."""
    start = QtCore.QPoint(max(pos.x() - 30, 1), max(pos.y() - 20, 1))
    for k in range(steps):
        QtTest.QTest.mouseMove(widget, start + (pos - start) * (k + 1) / steps)
        qtbot.wait(15)


def drop(window: QtWidgets.QWidget, data: QtCore.QMimeData, pos: QtCore.QPoint | None = None) -> bool:
    """A drag from another application entering ``window``, moving over it and dropped at
    ``pos`` (its centre unless given), delivered to the window as the window system hands
    them over: Qt then finds the widget under the point that takes drops. Returns whether the
    drag was accepted on entering (a refused one is not dropped)."""
    handle = window.windowHandle()
    at = pos if pos is not None else window.rect().center()
    copy, left, none = QtCore.Qt.DropAction.CopyAction, QtCore.Qt.MouseButton.LeftButton, Mod.NoModifier
    enter = QtGui.QDragEnterEvent(at, copy, data, left, none)
    QtWidgets.QApplication.sendEvent(handle, enter)
    if not enter.isAccepted():
        return False
    QtWidgets.QApplication.sendEvent(handle, QtGui.QDragMoveEvent(at, copy, data, left, none))
    QtWidgets.QApplication.sendEvent(handle, QtGui.QDropEvent(QtCore.QPointF(at), copy, data, left, none))
    return True


def rest_on(qtbot, widget: QtWidgets.QWidget, pos: QtCore.QPoint) -> None:
    """Move onto ``pos`` of ``widget`` and keep still until Qt's own tooltip request
    (``QEvent.ToolTip``, ~0.7 s after the pointer stops) has reached it and been answered:
    what shows then is what the user reads. A tooltip Qt hides takes 300 ms to go: wait for
    ``tooltip_text() == ""`` to see that none is left."""
    asked: list[bool] = []

    class Watch(QtCore.QObject):
        def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
            if event.type() == QtCore.QEvent.Type.ToolTip and watched is widget:
                asked.append(True)
            return False

    watch = Watch()
    QtWidgets.QApplication.instance().installEventFilter(watch)
    try:
        move_onto(qtbot, widget, pos)
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
        QtWidgets.QApplication.processEvents()  # the answer to it, shown or hidden
    finally:
        QtWidgets.QApplication.instance().removeEventFilter(watch)


def scroll_to(qtbot, panel: QtWidgets.QScrollArea, chart: QtWidgets.QGraphicsView,
              scene_pos: QtCore.QPointF) -> QtCore.QPoint:  # fmt: skip
    """Scroll the tab ``panel`` until ``scene_pos`` of ``chart`` is in view, as the user does to
    see it; returns where it is in the chart's viewport."""
    at = chart.mapFromScene(scene_pos)
    inner = chart.viewport().mapTo(panel.widget(), at)
    panel.ensureVisible(inner.x(), inner.y(), 60, 60)
    qtbot.waitUntil(lambda: panel.viewport().rect().contains(chart.viewport().mapTo(panel.viewport(), at)))
    return at


def point_at(qtbot, panel: QtWidgets.QScrollArea, chart: QtWidgets.QAbstractScrollArea) -> QtCore.QPoint:
    """Scroll ``chart`` of the tab ``panel`` into view, as the user does to see it, and move
    the pointer onto its middle; returns that point in the chart's viewport."""
    centre = chart.mapTo(panel.widget(), chart.rect().center())
    panel.ensureVisible(centre.x(), centre.y(), chart.width() // 2, chart.height() // 2 + 10)

    def seen() -> QtCore.QRect:  # the part of the chart inside the tab's scrolled view
        top_left = chart.mapTo(panel.viewport(), QtCore.QPoint(0, 0))
        return QtCore.QRect(top_left, chart.size()).intersected(panel.viewport().rect())

    qtbot.waitUntil(lambda: seen().height() > chart.height() // 2)
    at = chart.viewport().mapFrom(panel.viewport(), seen().center())
    move_onto(qtbot, chart.viewport(), at)
    return at
