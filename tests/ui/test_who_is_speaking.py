"""The About box says who compiled the fact sheet, in both languages, and the Sources dialog
marks a date read from a page's content as inferred."""

from __future__ import annotations

import pytest
from PySide6 import QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui import language
from chery_viewer.ui.dialogs import SourcesDialog
from chery_viewer.ui.main_window import MainWindow


def _about_text(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> str:
    boxes: list[QtWidgets.QMessageBox] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window.about_action.trigger()  # Help → About
    (box,) = boxes
    return box.text()


def test_about_says_unofficial_and_not_affiliated(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch):
    window.show()
    text = _about_text(window, monkeypatch)
    assert "unofficial" in text and "not affiliated with Chery" in text
    assert "press reports" in text and "Chery's own releases" in text


def test_about_says_it_in_chinese(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch):
    window.show()
    window.language_actions["zh_CN"].trigger()
    try:
        text = _about_text(window, monkeypatch)
        assert "非官方" in text and "与奇瑞无关联" in text and "新闻稿" in text
    finally:
        language.install("en")


def test_sources_dialog_marks_dates_read_from_the_content(qtbot, window: MainWindow, sheet: FactSheet):
    dialog = SourcesDialog(sheet, window)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.browser.toPlainText()
    assert "Autoo, 2020 (inferred from the content)" in shown  # S7: a year read from the article
    assert "Gulf News, 2023-02-03" in shown and "2023-02-03 (inferred" not in shown  # S1: from its address
    assert "[No headline recorded]" in shown and "S29" not in shown
