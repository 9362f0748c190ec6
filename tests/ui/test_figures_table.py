"""View → All figures as a user meets it: Ctrl+F, typing, the filters, a header click, a double-click, exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6 import QtCore, QtTest, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.sections import SECTION_KEYS
from chery_viewer.ui.figures_table import KIND, NAME, PERIOD, SECTION, SOURCE, VALUE, FiguresDialog
from chery_viewer.ui.main_window import MainWindow


def _open_with_ctrl_f(qtbot, window: MainWindow) -> FiguresDialog:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QtTest.QTest.keyClick(window, QtCore.Qt.Key.Key_F, QtCore.Qt.KeyboardModifier.ControlModifier)
    dialog = window.figure_routes.figures
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.search.hasFocus)
    return dialog


def _column(dialog: FiguresDialog, column: int) -> list[str]:
    model = dialog.view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _pick(qtbot, combo: QtWidgets.QComboBox, text: str) -> None:
    """Open the combo's list and click the entry called ``text``."""
    QtTest.QTest.mouseClick(combo, QtCore.Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    # The list ignores a release within a double-click interval of opening (the opening click's own).
    qtbot.wait(QtWidgets.QApplication.doubleClickInterval() + 100)
    row = next(r for r in range(combo.count()) if combo.itemText(r) == text)
    rect = view.visualRect(view.model().index(row, 0))
    QtTest.QTest.mouseMove(view.viewport(), rect.center())
    QtTest.QTest.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: combo.currentText() == text)


def _click_header(dialog: FiguresDialog, column: int) -> None:
    header = dialog.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    pos = QtCore.QPoint(x, header.height() // 2)
    QtTest.QTest.mouseClick(header.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)


def _cell_pos(dialog: FiguresDialog, row: int, column: int) -> QtCore.QPoint:
    index = dialog.view.model().index(row, column)
    dialog.view.scrollTo(index)
    return dialog.view.visualRect(index).center()


OFFSCREEN_POPUPS = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def test_ctrl_f_opens_every_figure_fact_and_partner(qtbot, window: MainWindow, sheet: FactSheet):
    dialog = _open_with_ctrl_f(qtbot, window)
    total = len(sheet.figures) + len(window.analysis.derived) + len(sheet.facts) + len(sheet.partners)
    assert dialog.view.model().rowCount() == total
    assert dialog.count_label.text() == f"{total} of {total} shown"
    names = _column(dialog, NAME)
    assert sheet.facts[0].title in names and any(n.startswith("Haier") for n in names)


def test_typing_in_the_search_box_keeps_only_matching_rows(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    QtTest.QTest.keyClicks(dialog.search, "patents")
    rows = dialog.shown_rows()
    assert 0 < len(rows) < dialog.model.rowCount()
    assert all("patent" in " ".join((r.label, r.value, r.formula)).lower() for r in rows)
    assert {r.section for r in rows} == {"innovation"}
    assert dialog.count_label.text().startswith(f"{len(rows)} of ")


@OFFSCREEN_POPUPS
def test_the_kind_and_source_filters_and_a_header_click_sort(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    _pick(qtbot, dialog.kind_combo, "derived")
    assert set(_column(dialog, KIND)) == {"derived"}
    derived = dialog.shown_rows()
    assert derived and all(r.formula for r in derived)
    _pick(qtbot, dialog.kind_combo, "All kinds")
    _pick(qtbot, dialog.source_combo, next(dialog.source_combo.itemText(i) for i in range(dialog.source_combo.count())
                                           if dialog.source_combo.itemText(i).startswith("[S7]")))  # fmt: skip
    assert all("[S7]" in s for s in _column(dialog, SOURCE))
    _pick(qtbot, dialog.source_combo, "All sources")
    _pick(qtbot, dialog.section_combo, "Exports")
    assert set(_column(dialog, SECTION)) == {"Exports"}
    _click_header(dialog, VALUE)
    numbers = [r.number for r in dialog.shown_rows() if r.number is not None]
    assert numbers == sorted(numbers) and numbers[0] < numbers[-1]
    _click_header(dialog, VALUE)
    numbers = [r.number for r in dialog.shown_rows() if r.number is not None]
    assert numbers == sorted(numbers, reverse=True)
    _click_header(dialog, PERIOD)
    starts = [r.period_start for r in dialog.shown_rows()]
    assert starts == sorted(starts)


def test_double_clicking_a_row_shows_its_tab(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    assert window.tabs.currentIndex() == 0
    QtTest.QTest.keyClicks(dialog.search, "Luxshare")
    row = next(i for i, r in enumerate(dialog.shown_rows()) if r.entry == "partner")
    pos = _cell_pos(dialog, row, NAME)
    # A double-click as the hand makes it: a click, then the second press that Qt reports as a double-click.
    QtTest.QTest.mouseClick(dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    QtTest.QTest.mouseDClick(dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == SECTION_KEYS.index("partners"))
    assert window.statusBar().currentMessage().startswith("On this tab: Luxshare")
    # The tab shows the partner's row, selected.
    panel = window.current_panel()
    table = panel.tables[0]
    (selected,) = {i.row() for i in table.selectedIndexes()}
    assert table.item(selected, 0).text() == "Luxshare Precision"
    cell = table.visualItemRect(table.item(selected, 0))
    top_left = table.viewport().mapTo(panel.viewport(), cell.topLeft())
    assert panel.viewport().rect().contains(top_left)


def test_double_clicking_a_figure_scrolls_its_tab_to_the_row_that_shows_it(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    QtTest.QTest.keyClicks(dialog.search, "Exports January to July 2022")
    row = dialog.shown_rows()[0]
    pos = _cell_pos(dialog, 0, NAME)
    QtTest.QTest.mouseClick(dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    QtTest.QTest.mouseDClick(dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == SECTION_KEYS.index("exports"))
    panel = window.current_panel()
    table = next(t for t in panel.tables if t.selectedIndexes())
    (selected,) = {i.row() for i in table.selectedIndexes()}
    # a total from January sits in the exports-by-month grid, on the row of the month it runs to
    assert table.item(selected, 0).text() == "Jul 2022"
    assert table.currentItem().text() == "198,859 (derived)" == row.value.removesuffix(" vehicles") + " (derived)"
    assert table.horizontalHeaderItem(table.currentColumn()).text() == "Year to date"
    assert panel.verticalScrollBar().value() > 0


def test_double_clicking_a_listed_figure_selects_its_row(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    QtTest.QTest.keyClicks(dialog.search, "Chinese-brand exporter")
    shown = dialog.shown_rows()
    i = next(i for i, r in enumerate(shown) if r.label == "Consecutive years as top Chinese-brand exporter")
    row = shown[i]
    pos = _cell_pos(dialog, i, NAME)
    QtTest.QTest.mouseClick(dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    QtTest.QTest.mouseDClick(dialog.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == SECTION_KEYS.index("exports"))
    table = next(t for t in window.current_panel().tables if t.selectedIndexes())
    (selected,) = {i.row() for i in table.selectedIndexes()}
    assert table.item(selected, 0).text() == row.label


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_the_rows_shown_export_to_csv_with_a_byte_order_mark(qtbot, window: MainWindow, tmp_path, monkeypatch):
    dialog = _open_with_ctrl_f(qtbot, window)
    QtTest.QTest.keyClicks(dialog.search, "patents")
    shown = dialog.shown_rows()
    target = tmp_path / "patents.csv"
    _save_as(monkeypatch, target)
    QtTest.QTest.mouseClick(dialog.csv_button, QtCore.Qt.MouseButton.LeftButton)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["ID", "Section", "Type", "Name", "Value", "Number", "Unit", "Period", "Kind", "Source",
                       "Formula", "Link"]  # fmt: skip
    assert [r[0] for r in rows[1:]] == [r.id for r in shown]
    granted = next(r for r in rows[1:] if r[0] == "patents_granted")
    assert granted[1] == "Innovation" and granted[9].startswith("[S") and granted[11].startswith("http")
    assert float(granted[5]) == window.sheet.figures["patents_granted"].value


def test_the_rows_shown_export_to_a_workbook_with_a_sources_sheet(qtbot, window: MainWindow, tmp_path, monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")
    dialog = _open_with_ctrl_f(qtbot, window)
    QtTest.QTest.keyClicks(dialog.search, "patents")
    shown = dialog.shown_rows()
    target = tmp_path / "patents.xlsx"
    _save_as(monkeypatch, target)
    QtTest.QTest.mouseClick(dialog.xlsx_button, QtCore.Qt.MouseButton.LeftButton)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Figures", "Sources"]
    figures = list(book["Figures"].iter_rows(values_only=True))
    assert figures[0][:5] == ("ID", "Section", "Type", "Name", "Value")
    assert [r[0] for r in figures[1:]] == [r.id for r in shown]
    granted = next(r for r in figures[1:] if r[0] == "patents_granted")
    assert isinstance(granted[5], int | float) and granted[5] == window.sheet.figures["patents_granted"].value
    sources = list(book["Sources"].iter_rows(values_only=True))
    assert sources[0] == ("ID", "Publisher", "Title", "Date", "URL")
    named = {i for r in shown for i in r.source_ids}
    assert {r[0] for r in sources[1:]} == named
    s = window.sheet.sources[sorted(named)[0]]
    assert (s.id, s.publisher, s.title, s.url) in {(r[0], r[1], r[2], r[4]) for r in sources[1:]}
    assert book["Sources"]["E2"].hyperlink is not None


def test_the_chinese_table_and_workbook(qtbot, window: MainWindow, tmp_path, monkeypatch):
    from chery_viewer.ui import language

    window.set_language("zh_CN")
    try:
        dialog = _open_with_ctrl_f(qtbot, window)
        assert dialog.windowTitle() == "全部数据"
        assert dialog.view.model().headerData(SECTION, QtCore.Qt.Orientation.Horizontal) == "板块"
        target = tmp_path / "数据.csv"
        _save_as(monkeypatch, target)
        QtTest.QTest.mouseClick(dialog.csv_button, QtCore.Qt.MouseButton.LeftButton)
        text = target.read_bytes().decode("utf-8-sig")
        assert text.splitlines()[0].startswith("编号,板块,条目类型,名称,数值")
        assert "创新" in text and "专利" in text
    finally:
        language.install("en")
