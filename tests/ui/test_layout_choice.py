"""File → Document layout and the save dialog's file type choose between the two-page fact sheet
and the full report, for Export PDF, Print and Print preview; the choice is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings

from .events import POPUP_WARNINGS, Key, Mod, in_turn, menu_item, pick_file_type, press, show, type_file_name

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)


def _menu_pick(qtbot, window: MainWindow, layout: str) -> None:
    """File → Document layout → the item, by their mnemonics (Alt+F, L, then F or R)."""
    menu_item(qtbot, window, "f", "l", "f" if layout == "sheet" else "r")
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activePopupWidget() is None)


@pytest.fixture(autouse=True)
def _no_native_dialogs() -> None:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def test_the_save_dialogs_file_type_picks_the_fact_sheet_and_is_remembered(
    qtbot, window: MainWindow, settings: Settings, sheet: FactSheet, tmp_path: Path
) -> None:
    show(qtbot, window)
    offered: list[tuple[list[str], str]] = []

    def answer(dialog: QtWidgets.QFileDialog) -> None:
        offered.append((dialog.nameFilters(), dialog.selectedNameFilter()))
        pick_file_type(dialog, "2 pages")
        type_file_name(dialog, str(tmp_path / "handout"))  # no suffix: the chosen type's is added

    came = in_turn(qtbot, (QtWidgets.QFileDialog, answer))
    press(window, Key.Key_E, Mod.ControlModifier)  # File → Export PDF…
    qtbot.waitUntil(lambda: (tmp_path / "handout.pdf").exists(), timeout=60_000)
    assert came == ["QFileDialog"]
    filters, selected = offered[0]
    assert filters == ["Fact sheet (2 pages), PDF (*.pdf)", "Full report, PDF (*.pdf)"]
    assert selected == "Full report, PDF (*.pdf)"  # nothing chosen yet: the full report, as before
    assert len(PdfReader(tmp_path / "handout.pdf").pages) == 2
    assert window.layout_choice.actions["sheet"].isChecked()
    again = MainWindow(sheet, settings)  # the next start
    qtbot.addWidget(again)
    assert again.layout_choice.current == "sheet" and again.layout_choice.actions["sheet"].isChecked()


def test_print_and_preview_follow_the_menus_choice(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from chery_viewer.report import printing

    show(qtbot, window)
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(
        printing, "print_fact_sheet", lambda parent, sheet, **given: calls.append(("print", given["layout"]))
    )
    monkeypatch.setattr(
        printing, "preview_fact_sheet", lambda parent, sheet, **given: calls.append(("preview", given["layout"]))
    )
    press(window, Key.Key_P, Mod.ControlModifier)  # Print…
    _menu_pick(qtbot, window, "sheet")
    press(window, Key.Key_P, Mod.ControlModifier)
    menu_item(qtbot, window, "f", "v")  # File → Print preview…
    _menu_pick(qtbot, window, "report")
    press(window, Key.Key_P, Mod.ControlModifier | Mod.ShiftModifier)  # Print preview…
    assert calls == [("print", "report"), ("print", "sheet"), ("preview", "sheet"), ("preview", "report")]
    assert window.layout_choice.current == "report" and window.layout_choice.actions["report"].isChecked()


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
