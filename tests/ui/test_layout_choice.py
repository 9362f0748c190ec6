"""File → Document layout and the save dialog's file type choose between the two-page fact sheet
and the full report, for Export PDF, Print and Print preview; the choice is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtCore, QtWidgets
from PySide6.QtTest import QTest

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings


def _menu_pick(qtbot, window: MainWindow, layout: str) -> None:
    """File → Document layout → the item, clicked with the mouse as a user does."""
    window.show()
    qtbot.waitExposed(window)
    menu = window.layout_choice.menu
    menu.popup(window.mapToGlobal(QtCore.QPoint(40, 40)))
    qtbot.waitExposed(menu)
    action = window.layout_choice.actions[layout]
    QTest.mouseClick(menu, QtCore.Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_the_save_dialogs_file_type_picks_the_fact_sheet_and_is_remembered(
    qtbot, window: MainWindow, settings: Settings, sheet: FactSheet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[tuple[str, str]] = []

    def save_dialog(_parent, _title, _start, filters, selected):
        offered.append((filters, selected))
        sheet_type = next(f for f in filters.split(";;") if "2 pages" in f)
        return str(tmp_path / "handout"), sheet_type

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", save_dialog)
    window.export_pdf_action.trigger()
    filters, selected = offered[0]
    assert filters.split(";;") == ["Fact sheet (2 pages), PDF (*.pdf)", "Full report, PDF (*.pdf)"]
    assert selected == "Full report, PDF (*.pdf)"  # nothing chosen yet: the full report, as before
    assert len(PdfReader(tmp_path / "handout.pdf").pages) == 2
    assert window.layout_choice.actions["sheet"].isChecked()
    again = MainWindow(sheet, settings)  # the next start
    qtbot.addWidget(again)
    assert again.layout_choice.current == "sheet" and again.layout_choice.actions["sheet"].isChecked()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen menus
def test_print_and_preview_follow_the_menus_choice(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from chery_viewer.report import printing

    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(
        printing, "print_fact_sheet", lambda parent, sheet, **given: calls.append(("print", given["layout"]))
    )
    monkeypatch.setattr(
        printing, "preview_fact_sheet", lambda parent, sheet, **given: calls.append(("preview", given["layout"]))
    )
    window.print_action.trigger()
    _menu_pick(qtbot, window, "sheet")
    window.print_action.trigger()
    window.preview_action.trigger()
    _menu_pick(qtbot, window, "report")
    window.preview_action.trigger()
    assert calls == [("print", "report"), ("print", "sheet"), ("preview", "sheet"), ("preview", "report")]
    assert window.layout_choice.current == "report"


def test_the_preview_draws_two_pages_for_the_fact_sheet(window: MainWindow) -> None:
    from PySide6 import QtPrintSupport

    from chery_viewer.report.printing import configure_printer, render_to_printer

    printer = QtPrintSupport.QPrinter()
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    path = Path(QtCore.QDir.tempPath()) / "chery-sheet-print-test.pdf"
    printer.setOutputFileName(str(path))
    configure_printer(printer, window.sheet)
    try:
        drawn = render_to_printer(printer, window.sheet, window.analysis, window.document(), "sheet")
        assert drawn.page_count == 2
    finally:
        path.unlink(missing_ok=True)
