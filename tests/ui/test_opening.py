"""Opening a dataset the ways a desktop user does: drag and drop, File → Open dataset… and
Open recent, and live edits on disk.

Drops are drag events carrying file URLs delivered to the window as the window system hands
them over; File → Open dataset… is Ctrl+O with the path typed into its dialog; Open recent is
opened by its mnemonics and clicked; live data is a CSV written into a copy of the package
while the window shows it.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from chery_viewer.core.dataset import bundled_dir
from chery_viewer.core.factsheet import load_factsheet
from chery_viewer.core.i18n import current_language
from chery_viewer.ui import language
from chery_viewer.ui.dialogs import DatasetFileDialog
from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
from chery_viewer.ui.settings import Settings

from .events import (
    POPUP_WARNINGS,
    Key,
    Mod,
    answered,
    choose_language,
    click,
    click_tab,
    drop,
    menu_item,
    open_tab,
    press,
    show,
    type_file_name,
)

pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)
WAIT_MS = 20_000  # frictionless validates an edited package in a thread; generous on a busy machine


def edited_copy(folder: Path, old: str = "1232727", new: str = "1232728") -> Path:
    shutil.copytree(bundled_dir(), folder)
    replace_in(folder / "figures.csv", old, new)
    return folder


def replace_in(file: Path, old: str, new: str, by_rename: bool = False) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    if by_rename:  # as many editors save: a new file renamed over the old one
        tmp = file.with_name(f".{file.name}.swp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, file)
    else:
        file.write_text(text, encoding="utf-8")


def headline(window: MainWindow) -> str:
    return window.panel("overview").kpi_cards[0].value_label.text()


def dropped(window: MainWindow, urls: list[QtCore.QUrl] | None, text: str = "") -> bool:
    """Drag ``urls`` (and ``text``) from a file manager onto the window and drop them."""
    data = QtCore.QMimeData()
    if urls is not None:
        data.setUrls(urls)
    if text:
        data.setText(text)
    return drop(window, data)


def open_dataset(qtbot, window: MainWindow, path: Path, *then: tuple[type, object]) -> None:
    """File → Open dataset… (Ctrl+O) with ``path`` typed into its dialog; returns once the load is over."""
    came = answered(qtbot, window, lambda: press(window, Key.Key_O, Mod.ControlModifier),
                    (DatasetFileDialog, lambda d: type_file_name(d, str(path))), *then)  # fmt: skip
    assert came[0] == "DatasetFileDialog"


def url(path: Path) -> QtCore.QUrl:
    return QtCore.QUrl.fromLocalFile(str(path))


# -- drag and drop -----------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["folder", "descriptor"])
def test_dropping_a_package_opens_it(qtbot, window: MainWindow, tmp_path: Path, errors: list[str], target: str) -> None:
    package = edited_copy(tmp_path / "dropped")
    show(qtbot, window)
    assert dropped(window, [url(package if target == "folder" else package / "datapackage.json")])
    qtbot.waitUntil(lambda: headline(window) == "1,232,728", timeout=WAIT_MS)
    assert window.dataset.directory == package
    assert errors == []
    assert window.settings.recent_datasets[0].startswith(str(package))


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("csv", "not a data package; drop its folder or its datapackage.json"),
        ("two", "Drop one data package at a time"),
        ("web", "not a file on this computer"),
    ],
)
def test_dropping_anything_else_says_what_can_be_dropped(
    qtbot, window: MainWindow, package_copy: Path, errors: list[str], what: str, expected: str
) -> None:
    urls = {
        "csv": [url(package_copy / "figures.csv")],
        "two": [url(package_copy), url(package_copy / "datapackage.json")],
        "web": [QtCore.QUrl("https://example.org/datapackage.json")],
    }[what]
    before = window.sheet
    show(qtbot, window)
    assert dropped(window, urls)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert expected in errors[0]
    assert "the current one stays open" in errors[0]
    assert window.sheet is before


def test_a_drag_without_files_is_refused(qtbot, window: MainWindow) -> None:
    show(qtbot, window)
    assert not dropped(window, None, text="just some text")


# -- open recent -------------------------------------------------------------------------------


def recent_actions(qtbot, window: MainWindow) -> list[QtGui.QAction]:
    """File → Open recent by their mnemonics (Alt+F, R); the items of the submenu that opens."""
    menu_item(qtbot, window, "f", "r")
    qtbot.waitUntil(window.recent_menu.isVisible)
    return [a for a in window.recent_menu.actions() if not a.isSeparator()]


def close_menus(qtbot) -> None:
    """Escape until no menu is open, as the user leaves them."""
    while isinstance(popup := QtWidgets.QApplication.activePopupWidget(), QtWidgets.QMenu):
        press(popup, Key.Key_Escape)
        qtbot.waitUntil(lambda p=popup: not p.isVisible())


def test_open_recent_lists_what_was_opened_drops_what_is_gone_and_reopens(
    qtbot, window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    first = edited_copy(tmp_path / "first")
    second = edited_copy(tmp_path / "second", "1232727", "1232729")
    show(qtbot, window)
    open_dataset(qtbot, window, first)
    assert headline(window) == "1,232,728"
    open_dataset(qtbot, window, second / "datapackage.json")
    assert headline(window) == "1,232,729"
    gone = edited_copy(tmp_path / "gone", "1232727", "1232726")
    open_dataset(qtbot, window, gone)
    assert headline(window) == "1,232,726"
    shutil.rmtree(gone)

    actions = recent_actions(qtbot, window)
    texts = [a.text() for a in actions]
    assert texts[0].endswith(str(second / "datapackage.json"))
    assert texts[1].endswith(str(first))
    assert texts[2].replace("&", "") == "Clear the list"
    assert window.settings.recent_datasets == [str(second / "datapackage.json"), str(first)]

    menu = window.recent_menu
    click(menu, menu.actionGeometry(actions[1]).center())
    qtbot.waitUntil(lambda: headline(window) == "1,232,728", timeout=WAIT_MS)
    assert window.dataset.directory == first
    assert errors == []


def test_open_recent_can_be_cleared(qtbot, window: MainWindow, tmp_path: Path) -> None:
    show(qtbot, window)
    open_dataset(qtbot, window, edited_copy(tmp_path / "one"))
    assert headline(window) == "1,232,728"
    actions = recent_actions(qtbot, window)
    menu = window.recent_menu
    click(menu, menu.actionGeometry(actions[-1]).center())
    qtbot.waitUntil(lambda: not menu.isVisible())
    show(qtbot, window)
    assert window.settings.recent_datasets == []
    actions = recent_actions(qtbot, window)
    assert [(a.text(), a.isEnabled()) for a in actions] == [("No recent datasets", False)]
    close_menus(qtbot)


def test_a_package_named_at_start_up_joins_the_recent_list(qtbot, tmp_path: Path, settings: Settings) -> None:
    package = edited_copy(tmp_path / "named")
    win = MainWindow(load_factsheet(package), settings)
    qtbot.addWidget(win)
    assert settings.recent_datasets == [str(package)]


# -- loading off the GUI thread ------------------------------------------------------------------


def test_the_window_keeps_running_while_a_package_loads_and_cancel_keeps_the_data(
    qtbot, window: MainWindow, tmp_path: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    package = edited_copy(tmp_path / "slow")
    # A package as slow as a large one: its loading thread waits until the test lets it go.
    gate = threading.Event()

    def slow_load(path: str) -> object:
        gate.wait(30)
        return load_factsheet(path)

    monkeypatch.setattr("chery_viewer.ui.loader.load_factsheet", slow_load)
    show(qtbot, window)
    seen: list[tuple[str, bool]] = []
    ticks: list[int] = []
    timer = QtCore.QTimer()

    def tick() -> None:
        """A timer goes on firing while the package loads; on its third tick, the user clicks Cancel."""
        bar = window.message_bar
        if gate.is_set() or not bar.isVisible():
            return  # not loading (yet)
        ticks.append(1)
        if len(ticks) == 3:
            seen.append((bar.text.text(), bar.isVisible() and bar.cancel_button.isVisible()))
            click(bar.cancel_button)
            gate.set()

    timer.timeout.connect(tick)
    timer.start(10)
    open_dataset(qtbot, window, package)
    timer.stop()
    text, cancellable = seen[0]
    assert text.startswith("Opening ") and str(package) in text and cancellable
    assert headline(window) == "1,232,727"
    assert window.dataset.directory == bundled_dir()
    assert not window.message_bar.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert errors == []
    open_dataset(qtbot, window, package)  # a cancelled load does not block the next one
    assert headline(window) == "1,232,728"
    assert window.dataset.directory == package


def test_while_a_package_loads_other_threads_get_the_gil_often_and_afterwards_as_before(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader's thread lowers the GIL switch interval for as long as it runs (the window's
    thread would otherwise wait up to 5 ms per switch, hundreds of ms in all on a big package),
    and the objects that were alive before it started are out of the collector's scans."""
    import gc
    import sys

    from chery_viewer.ui.loader import LOADING_SWITCH_INTERVAL_S

    before = sys.getswitchinterval()
    during: list[float] = []
    frozen: list[int] = []

    def observed_load(path: str) -> object:
        during.append(sys.getswitchinterval())
        frozen.append(gc.get_freeze_count())
        return load_factsheet(path)

    monkeypatch.setattr("chery_viewer.ui.loader.load_factsheet", observed_load)
    show(qtbot, window)
    open_dataset(qtbot, window, edited_copy(tmp_path / "pkg"))
    assert headline(window) == "1,232,728"
    assert during == [min(before, LOADING_SWITCH_INTERVAL_S)]
    assert frozen[0] > 1000, "the window's objects were not frozen while the package loaded"
    qtbot.waitUntil(lambda: not window._running)  # the thread has ended, not only sent its result
    assert sys.getswitchinterval() == before
    assert gc.get_freeze_count() == 0, "the objects frozen for the load were not given back to the collector"


# -- live data ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_native_dialogs() -> None:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


@pytest.fixture
def live(qtbot, tmp_path: Path, settings: Settings) -> MainWindow:
    package = tmp_path / "live"
    shutil.copytree(bundled_dir(), package)
    win = MainWindow(load_factsheet(package), settings)
    qtbot.addWidget(win)
    win.resize(900, 500)  # short enough that the overview scrolls
    show(qtbot, win)
    return win


@pytest.fixture
def chinese(qtbot, live: MainWindow):
    choose_language(qtbot, live, "简体中文")
    yield live
    language.install("en")


@pytest.mark.parametrize("by_rename", [False, True], ids=["in place", "by rename"])
def test_an_edit_on_disk_appears_keeping_tab_scroll_and_language(qtbot, chinese: MainWindow, by_rename: bool) -> None:
    live = chinese
    open_tab(qtbot, live, TAB_KEYS.index("overview"))
    bar = live.current_panel().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 150)
    # A click in the scroll bar's groove, below its handle, scrolls a page down, as a reader does.
    click(bar, QtCore.QPoint(bar.width() // 2, bar.height() - bar.width() - 4))
    qtbot.waitUntil(lambda: bar.value() > 0)
    scrolled = bar.value()
    figures = live.dataset.directory / "figures.csv"
    assert headline(live) == "123.3万"

    replace_in(figures, "1232727", "1332727", by_rename)
    qtbot.waitUntil(lambda: headline(live) == "133.3万", timeout=WAIT_MS)
    assert TAB_KEYS[live.tabs.currentIndex()] == "overview"
    qtbot.waitUntil(lambda: live.current_panel().verticalScrollBar().value() == scrolled)
    assert current_language() == "zh_CN"
    assert live.tabs.tabText(0) != "Overview"

    # The watcher follows the file again after the event: a second save arrives too.
    replace_in(figures, "1332727", "1432727", by_rename)
    qtbot.waitUntil(lambda: headline(live) == "143.3万", timeout=WAIT_MS)


def test_a_breaking_edit_shows_in_the_bar_and_keeps_the_last_good_data(qtbot, live: MainWindow) -> None:
    figures = live.dataset.directory / "figures.csv"
    replace_in(figures, "1232727", "1232728")
    qtbot.waitUntil(lambda: headline(live) == "1,232,728", timeout=WAIT_MS)

    replace_in(figures, "1232728", "lots")
    bar = live.message_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.mode == "error", timeout=WAIT_MS)
    assert "no longer loads" in bar.text.text()
    assert "figures.csv" in bar.text.text() and "row 5" in bar.text.text()
    assert QtWidgets.QApplication.activeModalWidget() is None  # a bar, not a dialog
    assert bar.geometry().top() < live.tabs.geometry().top()  # above the tabs
    assert headline(live) == "1,232,728"
    click_tab(live.tabs, 1)
    assert live.tabs.currentIndex() == 1  # the window goes on working under the bar

    replace_in(figures, "lots", "1232730")  # fixed: the bar goes, the new data comes
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=WAIT_MS)
    assert headline(live) == "1,232,730"


def test_a_burst_of_writes_reloads_once(qtbot, live: MainWindow) -> None:
    reloads: list[bool] = []
    live.sigSheetChanged.connect(lambda: reloads.append(True))
    figures = live.dataset.directory / "figures.csv"
    for value in ("1232728", "1232729", "1232730", "1232731"):
        text = figures.read_text(encoding="utf-8")
        figures.write_text(
            text.replace("1232727", value, 1) if value == "1232728" else text.replace(str(int(value) - 1), value, 1),
            encoding="utf-8",
        )
    qtbot.waitUntil(lambda: headline(live) == "1,232,731", timeout=WAIT_MS)
    qtbot.wait(1000)  # past the quiet interval: a late second reload would show here
    assert reloads == [True]


def test_dismiss_hides_the_bar(qtbot, live: MainWindow) -> None:
    replace_in(live.dataset.directory / "figures.csv", "1232727", "lots")
    bar = live.message_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.mode == "error", timeout=WAIT_MS)
    click(bar.dismiss_button)
    assert not bar.isVisible()
    assert headline(live) == "1,232,727"
