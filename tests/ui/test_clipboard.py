"""Copying a chart and a KPI card as a user does: Ctrl+C on a focused chart, the card's right-click menu."""

from __future__ import annotations

import html

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui import language
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.widgets import KpiCard

from .events import POPUP_WARNINGS, Key, Mod, choose_language, click, context_menu, open_tab, press, show, tab_to

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)


@pytest.fixture(autouse=True)
def _empty_clipboard_after():
    """Empty the clipboard after each test: Qt's offscreen platform crashes at exit (SIGSEGV) when
    the clipboard still holds mime data made in Python; under X11 the same exit is clean."""
    yield
    QtWidgets.QApplication.clipboard().clear()


def _pick_from_menu(qtbot, owner: QtWidgets.QWidget, text: str) -> None:
    """Right-click ``owner`` and click the item called ``text`` in the menu that opens."""
    assert text in context_menu(qtbot, owner, text)


def test_ctrl_c_on_a_focused_chart_copies_images_values_and_sources(qtbot, window: MainWindow, sheet: FactSheet):
    show(qtbot, window)
    chart = window.current_panel().charts[0]
    click(chart.viewport(), QtCore.QPoint(5, 5))
    qtbot.waitUntil(chart.hasFocus)
    QtWidgets.QApplication.clipboard().clear()
    press(window, Key.Key_C, Mod.ControlModifier)
    mime = QtWidgets.QApplication.clipboard().mimeData()
    assert {"image/png", "image/svg+xml", "text/plain", "text/html"} <= set(mime.formats())
    png = QtGui.QImage.fromData(mime.data("image/png"), "PNG")
    assert (png.width(), png.height()) == (2 * 960, 2 * 540)  # the exported image's layout, at 2x
    assert png.pixelColor(2, 2).lightness() > 240  # light, whatever the window's theme
    assert "Gulf News (2023-02-03)" in png.text("Source")
    svg = bytes(mime.data("image/svg+xml")).decode("utf-8")
    assert "Sales and exports" in svg and "Gulf News (2023-02-03)" in svg
    text = mime.text()
    lines = text.splitlines()
    assert lines[0] == chart.spec.title
    assert lines[1].split("\t") == ["Series", "Category", "Value", "Unit", "Source"]
    assert "Group sales\t2022\t1,232,727\tvehicles\t[S1]" in lines
    s1 = sheet.sources["S1"]
    assert f"[S1] Gulf News, {s1.title}, 2023-02-03, {s1.url}" in lines
    page = mime.html()
    assert "<table" in page and "<td>2022</td>" in page
    assert f'<a href="{html.escape(s1.url, quote=True)}">' in page


def test_a_chart_menu_copies_its_data_without_images(qtbot, window: MainWindow):
    show(qtbot, window)
    chart = window.current_panel().charts[0]
    QtWidgets.QApplication.clipboard().clear()
    _pick_from_menu(qtbot, chart.viewport(), "Copy data")
    mime = QtWidgets.QApplication.clipboard().mimeData()
    assert "image/png" not in mime.formats() and "text/html" in mime.formats()
    assert "Exports\t2022\t451,337\tvehicles\t[S1]" in mime.text().splitlines()
    assert window.statusBar().currentMessage() == "Chart values copied with their sources"


def _group_sales_card(window: MainWindow) -> KpiCard:
    return next(c for c in window.current_panel().kpi_cards if c.kpi.figure_id == "sales_2022")


def test_a_kpi_card_copies_its_citation_and_its_value_from_its_menu(qtbot, window: MainWindow, sheet: FactSheet):
    show(qtbot, window)
    card = _group_sales_card(window)
    s1 = sheet.sources["S1"]
    _pick_from_menu(qtbot, card, "Copy citation")
    clipboard = QtWidgets.QApplication.clipboard()
    assert clipboard.text() == f"1,232,727 vehicles (2022) — Gulf News, {s1.title}, 2023-02-03, {s1.url}"
    assert f'<a href="{html.escape(s1.url, quote=True)}">' in clipboard.mimeData().html()
    _pick_from_menu(qtbot, card, "Copy value")
    assert clipboard.text() == "1,232,727 vehicles (2022)"


def test_ctrl_c_on_a_focused_card_copies_the_chinese_citation(qtbot, window: MainWindow, sheet: FactSheet):
    show(qtbot, window)
    choose_language(qtbot, window, "简体中文")
    try:
        card = _group_sales_card(window)
        tab_to(qtbot, window, card)
        press(window, Key.Key_C, Mod.ControlModifier)
        s1 = sheet.sources["S1"]
        text = QtWidgets.QApplication.clipboard().text()
        assert text.startswith("1,232,727辆（2022年）——Gulf News")
        assert s1.title in text and text.endswith(s1.url)
    finally:
        language.install("en")


def test_a_derived_card_copies_its_formula_and_the_sources_of_its_inputs(qtbot, window: MainWindow):
    show(qtbot, window)
    open_tab(qtbot, window, 1)  # Sales
    card = next(c for c in window.current_panel().kpi_cards if c.kpi.figure_id == "monthly_average_2022")
    _pick_from_menu(qtbot, card, "Copy citation")
    text = QtWidgets.QApplication.clipboard().text()
    assert "derived: " in text and "÷" in text
    assert "Gulf News" in text
