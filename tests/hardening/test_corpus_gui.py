"""The damaged-package corpus through the window: one error dialog naming the file, the old sheet kept.

Each entry is opened as a user does, File → Open dataset… (Ctrl+O) with its path typed into
the dialog, and the error box is read while it is up, then closed with Escape. One window
serves the whole module (building one per entry would cost more than the checks); each test
notes what the window shows before and compares after.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.dataset import DESCRIPTOR
from chery_viewer.core.factsheet import FactSheet, load_factsheet
from chery_viewer.ui.dialogs import DatasetFileDialog
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings
from tests.ui.events import POPUP_WARNINGS, Key, Mod, escape, in_turn, press, show, stop_watching, type_file_name

from .corpus import DAMAGED as CORPUS
from .corpus import HARMLESS, Entry, build
from .hostile import HOSTILE

DAMAGED = (*CORPUS, *HOSTILE)
pytestmark = pytest.mark.qt_log_ignore(*POPUP_WARNINGS)


@pytest.fixture(scope="module")
def bundled() -> FactSheet:
    return load_factsheet()


@pytest.fixture(scope="module")
def window(
    qapp: QtWidgets.QApplication, bundled: FactSheet, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    ini = tmp_path_factory.mktemp("settings") / "settings.ini"
    win = MainWindow(bundled, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    win.resize(1280, 860)
    yield win
    win.close()
    win.deleteLater()
    qapp.processEvents()


@pytest.fixture
def shown(qtbot, window: MainWindow) -> Iterator[MainWindow]:
    """The module's window, shown and active, on its second tab (so that "kept" covers more than one panel)."""
    show(qtbot, window)
    if window.tabs.currentIndex() != 1:
        press(window, Key.Key_2, Mod.ControlModifier)
    # The shown window builds its other tabs one per turn of the event loop: all are there before
    # "before" is noted, so that a panel built meanwhile is not taken for one rebuilt.
    qtbot.waitUntil(lambda: len(window.panels) == window.tabs.count(), timeout=60_000)
    yield window
    stop_watching()


def _dialog_takes(dataset: Path) -> bool:
    """Whether File → Open dataset… can be answered with ``dataset``: a file, or a folder that
    holds a datapackage.json (the dialog opens any other folder, and refuses what is not there)."""
    try:
        return dataset.is_file() or (dataset / DESCRIPTOR).is_file()
    except OSError:  # a name too long to look at
        return False


def _open(qtbot, window: MainWindow, dataset: Path, *then: tuple[type, object]) -> list[str]:
    """Ctrl+O with the package's path typed into the dialog, then ``then``: the names of the
    dialogs of ``then`` that came.

    A path the dialog cannot take reaches the window another way (the command line, a drop, an
    Open recent entry whose package has changed since), each ending in ``open_dataset``: it is
    opened with that, and what follows is answered through the running dialogs all the same."""
    if _dialog_takes(dataset):
        came = in_turn(qtbot, (DatasetFileDialog, lambda d: type_file_name(d, str(dataset))), *then)
        press(window, Key.Key_O, Mod.ControlModifier)  # returns once the loader thread's verdict is shown
        qtbot.waitUntil(lambda: len(came) == 1 + len(then), timeout=60_000)
        assert came[0] == "DatasetFileDialog"
        came = came[1:]
    else:
        came = in_turn(qtbot, *then)
        window.open_dataset(str(dataset))
        qtbot.waitUntil(lambda: len(came) == len(then), timeout=60_000)
    show(qtbot, window)  # active again, as a window manager makes it once its dialog closes
    return came


def _state(window: MainWindow) -> tuple:
    panels = dict(window.panels)
    return (
        window.sheet,
        window.windowTitle(),
        window.status_label.text(),
        panels,
        [card.value_label.text() for panel in panels.values() for card in panel.kpi_cards],
        window.settings.directory("dataset"),
        window.tabs.currentIndex(),
    )


@pytest.mark.parametrize("entry", DAMAGED, ids=str)
def test_damaged_package_is_refused_and_the_old_sheet_stays(qtbot, entry: Entry, shown: MainWindow, tmp_path: Path):
    window = shown
    dataset = build(entry, tmp_path)
    before = _state(window)
    changed: list[bool] = []
    boxes: list[tuple] = []

    def read(box: QtWidgets.QMessageBox) -> None:
        boxes.append((box.text(), box.textFormat(), box.icon(), box.parent(), box.isVisible()))
        escape(box)

    window.sigSheetChanged.connect(lambda: changed.append(True))
    try:
        came = _open(qtbot, window, dataset, (QtWidgets.QMessageBox, read))
    finally:
        window.sigSheetChanged.disconnect()
    assert came == ["QMessageBox"]
    ((text, text_format, icon, parent, visible),) = boxes
    assert visible and parent is window
    assert text_format == QtCore.Qt.TextFormat.PlainText
    assert icon == QtWidgets.QMessageBox.Icon.Critical
    assert entry.names in text, text
    assert "current one stays open" in text
    for word in entry.words:
        assert word in text.lower(), text
    after = _state(window)
    assert after[0] is before[0], "the same FactSheet object"
    assert after[1:] == before[1:]
    assert all(after[3][k] is before[3][k] for k in before[3]), "the panels were not rebuilt"
    assert changed == []


@pytest.mark.parametrize("entry", HARMLESS, ids=str)
def test_harmless_variation_loads_with_the_same_figures(
    qtbot, entry: Entry, shown: MainWindow, bundled: FactSheet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = shown
    dataset = build(entry, tmp_path)
    kpis = [card.value_label.text() for card in window.current_panel().kpi_cards]
    boxes: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: boxes.append(box.text()) or 0)  # none may come
    assert _open(qtbot, window, dataset) == []
    qtbot.waitUntil(lambda: window.sheet.directory != bundled.directory, timeout=60_000)
    assert boxes == []
    sheet = window.sheet
    assert sheet is not bundled
    assert (sheet.figures, sheet.facts, sheet.partners, sheet.sources) == (
        bundled.figures,
        bundled.facts,
        bundled.partners,
        bundled.sources,
    )
    assert window.windowTitle() == bundled.title
    cards = window.current_panel().kpi_cards
    qtbot.waitUntil(lambda: all(card.value_label.isVisible() for card in cards))
    assert [card.value_label.text() for card in cards] == kpis
