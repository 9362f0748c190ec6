"""The About box says who compiled the fact sheet, in both languages, and the Sources dialog
marks a date read from a page's content as inferred. Each is opened from the Help menu by keys."""

from __future__ import annotations

import pytest
from PySide6 import QtWidgets

from chery_viewer.ui import language
from chery_viewer.ui.dialogs import SourcesDialog
from chery_viewer.ui.main_window import MainWindow

from .events import POPUP_WARNINGS, choose_language, escape, in_turn, menu_item, message_text, show

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)


def _about_text(qtbot, window: MainWindow) -> str:
    texts: list[str] = []
    came = in_turn(qtbot, (QtWidgets.QMessageBox, lambda box: (texts.append(message_text(box)), escape(box))))
    menu_item(qtbot, window, "h", "a")  # Help → About
    assert came == ["QMessageBox"]
    return texts[0]


def test_about_says_unofficial_and_not_affiliated(qtbot, window: MainWindow):
    show(qtbot, window)
    text = _about_text(qtbot, window)
    assert "unofficial" in text and "not affiliated with Chery" in text
    assert "press reports" in text and "Chery's own releases" in text


def test_about_says_it_in_chinese(qtbot, window: MainWindow):
    show(qtbot, window)
    try:
        choose_language(qtbot, window, "简体中文")
        text = _about_text(qtbot, window)
        assert "非官方" in text and "与奇瑞无关联" in text and "新闻稿" in text
    finally:
        language.install("en")


def test_sources_dialog_marks_dates_read_from_the_content(qtbot, window: MainWindow):
    show(qtbot, window)
    texts: list[str] = []
    came = in_turn(qtbot, (SourcesDialog, lambda d: (texts.append(d.browser.toPlainText()), escape(d))))
    menu_item(qtbot, window, "h", "s")  # Help → Sources
    assert came == ["SourcesDialog"]
    shown = texts[0]
    assert "Autoo, 2020 (inferred from the content)" in shown  # S7: a year read from the article
    assert "Gulf News, 2023-02-03" in shown and "2023-02-03 (inferred" not in shown  # S1: from its address
    assert "[No headline recorded]" in shown and "S29" not in shown
