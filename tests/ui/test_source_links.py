"""Source ids on screen as a user meets them: hover one for its source, click it for Help → Sources there."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtTest, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.widgets import TableView

from .events import POPUP_WARNINGS, choose_language, move_onto, tooltip_text

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)

REST_MS = 1500  # past Qt's own tooltip event (~0.7 s), which the card behind the id would answer


def _shown(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)


def _label_with(window: MainWindow, source_id: str) -> QtWidgets.QLabel:
    """The first label on the current tab that names ``source_id``, scrolled into view."""
    panel = window.current_panel()
    found = next(
        w for w in panel.findChildren(QtWidgets.QLabel) if f'href="source:{source_id}"' in w.text() and w.isVisible()
    )
    panel.ensureWidgetVisible(found)
    QtWidgets.QApplication.processEvents()
    return found


def _point_at_link(qtbot, widget: QtWidgets.QLabel) -> QtCore.QPoint:
    """Sweep the pointer along the label's first line until it is on a link (the hand cursor)."""
    y = widget.fontMetrics().height() // 2 + widget.contentsMargins().top() + 1
    for x in range(1, widget.width(), 3):
        QtTest.QTest.mouseMove(widget, QtCore.QPoint(x, y))
        if widget.cursor().shape() == QtCore.Qt.CursorShape.PointingHandCursor:
            return QtCore.QPoint(x + 3, y)
    raise AssertionError(f"no link under the pointer in {widget.text()!r}")


def test_hovering_a_source_id_shows_its_source_and_a_click_opens_it(qtbot, window: MainWindow, sheet: FactSheet):
    _shown(qtbot, window)
    label = _label_with(window, "S13")  # a card's "Jul 2022 · [S13] Autobuzz.my"
    pos = _point_at_link(qtbot, label)
    QtTest.QTest.mouseMove(label, pos)
    qtbot.wait(REST_MS)
    source = sheet.sources["S13"]
    shown = tooltip_text()
    assert source.title in shown and source.publisher in shown and source.url in shown and source.date in shown
    QtTest.QTest.mouseClick(label, QtCore.Qt.MouseButton.LeftButton, pos=pos)
    dialog = window.figure_routes.sources
    assert dialog is not None
    qtbot.waitExposed(dialog)
    (marked,) = dialog.browser.extraSelections()
    assert marked.cursor.selectedText().startswith(f"[S13] {source.title}")
    assert dialog.browser.verticalScrollBar().value() > 0  # scrolled down to it
    visible = dialog.browser.cursorForPosition(QtCore.QPoint(4, 4)).block().text()
    assert visible.startswith("[S13]")


def test_captions_and_notes_are_selectable_and_keep_their_text(qtbot, window: MainWindow):
    _shown(qtbot, window)
    caption = _label_with(window, "S1")
    flags = caption.textInteractionFlags()
    assert flags & QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
    notes = [w for w in window.current_panel().findChildren(QtWidgets.QLabel) if w.text().startswith("•")]
    assert notes and all(n.textInteractionFlags() & QtCore.Qt.TextInteractionFlag.TextSelectableByMouse for n in notes)
    # Select a whole note with the mouse, as a reader does before Ctrl+C.
    note = notes[0]
    window.current_panel().ensureWidgetVisible(note)
    y = note.fontMetrics().height() // 2 + 1
    QtTest.QTest.mousePress(note, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(1, y))
    QtTest.QTest.mouseMove(note, QtCore.QPoint(note.width() - 2, note.height() - 2))
    QtTest.QTest.mouseRelease(
        note, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(note.width() - 2, note.height() - 2)
    )
    assert note.hasSelectedText() and len(note.selectedText()) > 10


def test_a_source_cell_in_a_table_names_its_source_and_opens_it(qtbot, window: MainWindow, sheet: FactSheet):
    _shown(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QtTest.QTest.keyClick(window, QtCore.Qt.Key.Key_5, QtCore.Qt.KeyboardModifier.ControlModifier)  # Partners
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 4)
    table = window.current_panel().findChildren(TableView)[0]
    column = next(c for c in range(table.columnCount()) if table.item(0, c).text().startswith("[S"))
    item = table.item(0, column)
    source_id = item.text().strip("[]").split("]")[0]
    window.current_panel().ensureWidgetVisible(table)
    QtWidgets.QApplication.processEvents()
    pos = table.visualItemRect(item).center()
    QtTest.QTest.mouseMove(table.viewport(), pos)
    qtbot.wait(REST_MS)
    assert sheet.sources[source_id].title in tooltip_text()
    QtTest.QTest.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    dialog = window.figure_routes.sources
    assert dialog is not None and dialog.isVisible()
    (marked,) = dialog.browser.extraSelections()
    assert marked.cursor.selectedText().startswith(f"[{source_id}]")


def test_a_source_in_the_figures_table_opens_sources_there(qtbot, window: MainWindow, sheet: FactSheet):
    from chery_viewer.ui.figures_table import SOURCE

    _shown(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QtTest.QTest.keyClick(window.windowHandle(), QtCore.Qt.Key.Key_F, QtCore.Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.figure_routes.figures is not None and window.figure_routes.figures.isVisible())
    dialog = window.figure_routes.figures  # View → All figures (Ctrl+F), the search field focused
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.search.hasFocus())
    QtTest.QTest.keyClicks(dialog.search, "Horizon")
    row = dialog.shown_rows()[0]
    index = dialog.view.model().index(0, SOURCE)
    QtTest.QTest.mouseClick(
        dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=dialog.view.visualRect(index).center()
    )
    sources = window.figure_routes.sources
    assert sources is not None and sources.isVisible()
    (marked,) = sources.browser.extraSelections()
    assert marked.cursor.selectedText().startswith(f"[{row.source_ids[0]}] {sheet.sources[row.source_ids[0]].title}")


def test_after_a_change_of_language_a_source_cell_names_its_source_in_that_language(qtbot, window: MainWindow):
    from chery_viewer.ui import language

    _shown(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QtTest.QTest.keyClick(window, QtCore.Qt.Key.Key_5, QtCore.Qt.KeyboardModifier.ControlModifier)  # Partners
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 4)
    try:
        choose_language(qtbot, window, "简体中文")
        table = window.current_panel().tables[0]
        qtbot.waitUntil(table.isVisible)
        cells = [table.item(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())]
        huawei = next(i for i in cells if i is not None and i.text() == "[S20]")
        table.scrollToItem(huawei)
        centre = table.viewport().mapTo(window.current_panel().widget(), table.visualItemRect(huawei).center())
        window.current_panel().ensureVisible(centre.x(), centre.y(), 40, 40)  # scrolled to, as a reader does
        QtWidgets.QApplication.processEvents()
        move_onto(qtbot, table.viewport(), table.visualItemRect(huawei).center())
        qtbot.wait(REST_MS)
        assert "2020-12-16（据内容推断）" in tooltip_text()  # the date in the language shown
    finally:
        language.install("en")
