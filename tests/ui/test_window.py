"""Issue 11's window items, each through the events a user causes: the first window's size,
one clear identity, mnemonics, the F1 list, Open dataset on a folder, descriptor errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.i18n import LANGUAGES, current_language
from chery_viewer.ui import language
from chery_viewer.ui.dialogs import DatasetFileDialog, ShortcutsDialog
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.settings import Settings

from .events import (
    POPUP_WARNINGS,
    Key,
    Mod,
    choose_language,
    escape,
    menu_item,
    message_text,
    press,
    show,
    type_file_name,
    when_modal,
)

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)


def _fresh(qtbot, sheet: FactSheet, settings: Settings) -> MainWindow:
    window = MainWindow(sheet, settings)
    qtbot.addWidget(window)
    show(qtbot, window)
    return window


def _assert_fits_and_centred(window: MainWindow) -> None:
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert available.contains(frame), (frame, available)
    assert abs(frame.center().x() - available.center().x()) <= 1
    assert abs(frame.center().y() - available.center().y()) <= 1


def test_first_window_fits_the_available_screen_and_is_centred(qtbot, sheet: FactSheet, settings: Settings) -> None:
    window = _fresh(qtbot, sheet, settings)  # the offscreen screen is 800x800, smaller than 1280x860
    _assert_fits_and_centred(window)
    assert window.statusBar().isVisible()
    assert window.frameGeometry().contains(window.statusBar().geometry().translated(window.pos()))


def test_a_truncated_saved_geometry_falls_back_to_the_first_window(qtbot, sheet: FactSheet, settings: Settings) -> None:
    first = _fresh(qtbot, sheet, settings)
    press(first, Key.Key_Q, Mod.ControlModifier)  # Quit saves the geometry
    saved = settings.geometry
    assert saved is not None and len(saved) > 20
    settings.geometry = saved.left(len(saved) // 2)  # a settings file cut short
    second = _fresh(qtbot, sheet, settings)
    _assert_fits_and_centred(second)


def test_identity_is_said_once_data_version_apart_from_app_version(qtbot, window: MainWindow) -> None:
    from chery_viewer import __version__

    show(qtbot, window)
    assert window.windowTitle() == "Chery Group Fact Sheet 2022"
    assert QtWidgets.QApplication.applicationDisplayName() in ("", QtWidgets.QApplication.applicationName()), (
        "a display name would be appended to every title bar"
    )
    assert "data version 1.0.0" in window.status_label.text()
    texts: list[str] = []
    came = when_modal(qtbot, lambda box: (texts.append(box.windowTitle() + "\n" + message_text(box)), escape(box)))
    menu_item(qtbot, window, "h", "a")  # Help → About
    assert came == ["QMessageBox"]
    assert f"app version {__version__}" in texts[0] and "data version 1.0.0" in texts[0]
    assert texts[0].startswith("About Chery Fact Sheet")


def test_about_names_the_app_in_chinese_as_the_title_bar_does(qtbot, window: MainWindow) -> None:
    show(qtbot, window)
    try:
        choose_language(qtbot, window, LANGUAGES["zh_CN"])
        texts: list[str] = []
        when_modal(qtbot, lambda box: (texts.append(box.windowTitle() + "\n" + message_text(box)), escape(box)))
        menu_item(qtbot, window, "h", "a")
        title = window.windowTitle()
        assert title == "奇瑞集团2022年数据概览" and "—" not in title
        assert texts[0].startswith("关于奇瑞数据概览") and "奇瑞数据概览，应用版本" in texts[0]
        assert "数据版本1.0.0" in texts[0] and "数据版本1.0.0" in window.status_label.text()
    finally:
        language.install("en")


def _speak(qtbot, window: MainWindow, code: str) -> None:
    """View → Language by keys, unless the window speaks ``code`` already."""
    if code != current_language():
        choose_language(qtbot, window, LANGUAGES[code])
    assert window.language_actions[code].isChecked()


def _menus(window: MainWindow) -> list[QtWidgets.QMenu]:
    menus, found = [a.menu() for a in window.menuBar().actions()], []
    while menus:
        menu = menus.pop()
        found.append(menu)
        menus += [a.menu() for a in menu.actions() if a.menu()]
    return found


@pytest.mark.parametrize("code", ["en", "zh_CN"])
def test_every_menu_item_has_one_mnemonic_unique_in_its_menu(qtbot, window: MainWindow, code: str) -> None:
    show(qtbot, window)
    try:
        _speak(qtbot, window, code)
        bar = [a.text() for a in window.menuBar().actions()]
        for menu in [*_menus(window), None]:
            texts = bar if menu is None else [a.text() for a in menu.actions() if not a.isSeparator()]
            if menu is not None and menu is window.language_menu:
                continue  # each language is named in its own language and script, picked with the arrows
            letters = []
            for text in texts:
                marks = re.findall(r"&(?!&)(.)", text)
                assert len(marks) == 1, f"{text!r} needs one mnemonic"
                letters.append(marks[0].lower())
            assert len(set(letters)) == len(letters), f"mnemonics repeat in {texts}"
    finally:
        language.install("en")


@pytest.mark.parametrize("code", ["en", "zh_CN"])
def test_view_menu_mnemonics_switch_tabs_and_theme(qtbot, window: MainWindow, code: str) -> None:
    show(qtbot, window)
    try:
        _speak(qtbot, window, code)
        menu_item(qtbot, window, "v", "s")
        assert TAB_KEYS[window.tabs.currentIndex()] == "sales"
        menu_item(qtbot, window, "v", "p")
        assert TAB_KEYS[window.tabs.currentIndex()] == "partners"
        menu_item(qtbot, window, "v", "d")
        assert window.theme.name == "dark" and window.theme_actions["dark"].isChecked()
        menu_item(qtbot, window, "v", "l")
        assert window.theme.name == "light"
    finally:
        language.install("en")


@pytest.mark.parametrize("code", ["en", "zh_CN"])
def test_f1_lists_the_keyboard_shortcuts(qtbot, window: MainWindow, code: str) -> None:
    show(qtbot, window)
    try:
        _speak(qtbot, window, code)
        rows: list[tuple[str, str]] = []
        came = when_modal(qtbot, lambda d: (rows.extend(d.entries()), escape(d)), ShortcutsDialog)
        press(window, Key.Key_F1)
        assert came == ["ShortcutsDialog"]
        keys = dict((k, w) for w, k in rows)
        export = "File → Export PDF…" if code == "en" else "文件 → 导出 PDF…"
        assert keys["Ctrl+E"] == export
        assert {"Ctrl+O", "Ctrl+P", "Ctrl+Q", "F1", *(f"Ctrl+{i}" for i in range(1, 6))} <= set(keys)
        assert all("&" not in what for what, _ in rows)
        show(qtbot, window)  # the window is active again, as after a dialog closes
        came = when_modal(qtbot, escape, ShortcutsDialog)
        menu_item(qtbot, window, "h", "k")  # Help → Keyboard shortcuts
        assert came == ["ShortcutsDialog"]
    finally:
        language.install("en")


def _retitle(package: Path, title: str) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = title
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


@pytest.mark.parametrize("pick", ["folder", "datapackage.json"])
def test_open_dataset_takes_the_folder_or_its_descriptor(qtbot, window: MainWindow, package_copy: Path, pick: str):
    show(qtbot, window)
    _retitle(package_copy, "Edited Fact Sheet")
    path = package_copy if pick == "folder" else package_copy / "datapackage.json"
    came = when_modal(qtbot, lambda d: type_file_name(d, str(path)), DatasetFileDialog)
    press(window, Key.Key_O, Mod.ControlModifier)
    assert came == ["DatasetFileDialog"]
    # the package is validated in the loader thread: allow for a slow, shared machine
    qtbot.waitUntil(lambda: window.windowTitle() == "Edited Fact Sheet", timeout=60_000)
    assert window.settings.directory("dataset") == str(package_copy.parent if pick == "folder" else package_copy)


def test_a_descriptor_error_names_the_field(qtbot, window: MainWindow, package_copy: Path) -> None:
    show(qtbot, window)
    _retitle(package_copy, "  ")
    shown: list[str] = []
    when_modal(qtbot, lambda d: type_file_name(d, str(package_copy)), DatasetFileDialog)
    came = when_modal(qtbot, lambda box: (shown.append(message_text(box)), escape(box)), QtWidgets.QMessageBox)
    press(window, Key.Key_O, Mod.ControlModifier)
    qtbot.waitUntil(lambda: came == ["QMessageBox"], timeout=60_000)  # after the loader thread's verdict
    assert "datapackage.json, field 'title'" in shown[0] and "column" not in shown[0]
    assert window.windowTitle() == "Chery Group Fact Sheet 2022"


def test_cancelling_open_dataset_keeps_the_sheet(qtbot, window: MainWindow) -> None:
    show(qtbot, window)
    before = window.sheet
    came = when_modal(qtbot, escape, DatasetFileDialog)
    press(window, Key.Key_O, Mod.ControlModifier)
    assert came == ["DatasetFileDialog"] and window.sheet is before


@pytest.fixture(autouse=True)
def _no_native_dialogs() -> None:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
