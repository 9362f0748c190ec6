"""View → All figures as a user meets it: Ctrl+F, typing, the filters, a header click, a double-click, exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.sections import SECTION_KEYS
from chery_viewer.ui.figures_table import KIND, NAME, PERIOD, SECTION, SOURCE, VALUE, FiguresDialog
from chery_viewer.ui.main_window import MainWindow

from .events import (
    POPUP_WARNINGS,
    Key,
    Mod,
    answered,
    choose_in_combo,
    choose_language,
    click,
    double_click,
    letter,
    press,
    save_as,
    show,
    type_text,
)

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)


@pytest.fixture(autouse=True)
def _no_native_dialogs() -> None:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def _open_with_ctrl_f(qtbot, window: MainWindow) -> FiguresDialog:
    show(qtbot, window)
    press(window, Key.Key_F, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.figure_routes.figures is not None and window.figure_routes.figures.isVisible())
    dialog = window.figure_routes.figures
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(dialog.search.hasFocus)
    return dialog


def _column(dialog: FiguresDialog, column: int) -> list[str]:
    model = dialog.view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _pick(dialog: FiguresDialog, mnemonic: str, text: str) -> None:
    """Alt+``mnemonic`` (its label's) reaches a filter box; the keys choose the entry containing ``text``."""
    press(dialog, letter(mnemonic), Mod.AltModifier)
    combo = QtWidgets.QApplication.focusWidget()
    assert isinstance(combo, QtWidgets.QComboBox)
    choose_in_combo(combo, text)


def _click_header(dialog: FiguresDialog, column: int) -> None:
    header = dialog.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    click(header.viewport(), QtCore.QPoint(x, header.height() // 2))


def _double_click_cell(dialog: FiguresDialog, row: int, column: int) -> None:
    """A double-click on a cell of the table, which a few typed letters have brought into view."""
    rect = dialog.view.visualRect(dialog.view.model().index(row, column))
    assert dialog.view.viewport().rect().contains(rect.center()), "the row is in view"
    double_click(dialog.view.viewport(), rect.center())


def test_ctrl_f_opens_every_figure_fact_and_partner(qtbot, window: MainWindow, sheet: FactSheet):
    dialog = _open_with_ctrl_f(qtbot, window)
    total = len(sheet.figures) + len(window.analysis.derived) + len(sheet.facts) + len(sheet.partners)
    assert dialog.view.model().rowCount() == total
    assert dialog.count_label.text() == f"{total} of {total} shown"
    names = _column(dialog, NAME)
    assert sheet.facts[0].title in names and any(n.startswith("Haier") for n in names)


def test_typing_in_the_search_box_keeps_only_matching_rows(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    type_text(dialog.search, "patents")
    rows = dialog.shown_rows()
    assert 0 < len(rows) < dialog.model.rowCount()
    assert all("patent" in " ".join((r.label, r.value, r.formula)).lower() for r in rows)
    assert {r.section for r in rows} == {"innovation"}
    assert dialog.count_label.text().startswith(f"{len(rows)} of ")


def test_the_kind_and_source_filters_and_a_header_click_sort(qtbot, window: MainWindow):
    dialog = _open_with_ctrl_f(qtbot, window)
    _pick(dialog, "k", "derived")
    assert dialog.kind_combo.currentText() == "derived"
    assert set(_column(dialog, KIND)) == {"derived"}
    derived = dialog.shown_rows()
    assert derived and all(r.formula for r in derived)
    _pick(dialog, "k", "All kinds")
    _pick(dialog, "o", "[S7]")
    assert dialog.source_combo.currentText().startswith("[S7]")
    assert all("[S7]" in s for s in _column(dialog, SOURCE))
    _pick(dialog, "o", "All sources")
    _pick(dialog, "s", "Exports")
    assert dialog.section_combo.currentText() == "Exports"
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
    type_text(dialog.search, "Luxshare")
    row = next(i for i, r in enumerate(dialog.shown_rows()) if r.entry == "partner")
    _double_click_cell(dialog, row, NAME)
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
    type_text(dialog.search, "Exports January to July 2022")
    row = dialog.shown_rows()[0]
    _double_click_cell(dialog, 0, NAME)
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
    type_text(dialog.search, "Chinese-brand exporter")
    shown = dialog.shown_rows()
    i = next(i for i, r in enumerate(shown) if r.label == "Consecutive years as top Chinese-brand exporter")
    row = shown[i]
    _double_click_cell(dialog, i, NAME)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == SECTION_KEYS.index("exports"))
    table = next(t for t in window.current_panel().tables if t.selectedIndexes())
    (selected,) = {i.row() for i in table.selectedIndexes()}
    assert table.item(selected, 0).text() == row.label


def _export(qtbot, dialog: FiguresDialog, button: QtWidgets.QPushButton, path: Path) -> None:
    """Click an export button of the dialog and type ``path`` into the save dialog it opens."""
    assert answered(qtbot, dialog, lambda: click(button), save_as(str(path))) == ["QFileDialog"]


def test_the_rows_shown_export_to_csv_with_a_byte_order_mark(qtbot, window: MainWindow, tmp_path):
    dialog = _open_with_ctrl_f(qtbot, window)
    type_text(dialog.search, "patents")
    shown = dialog.shown_rows()
    target = tmp_path / "patents.csv"
    _export(qtbot, dialog, dialog.csv_button, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["ID", "Section", "Type", "Name", "Value", "Number", "Unit", "Period", "Kind", "Source",
                       "Formula", "Link"]  # fmt: skip
    assert [r[0] for r in rows[1:]] == [r.id for r in shown]
    granted = next(r for r in rows[1:] if r[0] == "patents_granted")
    assert granted[1] == "Innovation" and granted[9].startswith("[S") and granted[11].startswith("http")
    assert float(granted[5]) == window.sheet.figures["patents_granted"].value


def test_the_rows_shown_export_to_a_workbook_with_a_sources_sheet(qtbot, window: MainWindow, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    dialog = _open_with_ctrl_f(qtbot, window)
    type_text(dialog.search, "patents")
    shown = dialog.shown_rows()
    target = tmp_path / "patents.xlsx"
    _export(qtbot, dialog, dialog.xlsx_button, target)
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


def test_the_chinese_table_and_workbook(qtbot, window: MainWindow, tmp_path):
    from chery_viewer.ui import language

    show(qtbot, window)
    choose_language(qtbot, window, "简体中文")
    try:
        dialog = _open_with_ctrl_f(qtbot, window)
        assert dialog.windowTitle() == "全部数据"
        assert dialog.view.model().headerData(SECTION, QtCore.Qt.Orientation.Horizontal) == "板块"
        target = tmp_path / "数据.csv"
        _export(qtbot, dialog, dialog.csv_button, target)
        text = target.read_bytes().decode("utf-8-sig")
        assert text.splitlines()[0].startswith("编号,板块,条目类型,名称,数值")
        assert "创新" in text and "专利" in text
    finally:
        language.install("en")
