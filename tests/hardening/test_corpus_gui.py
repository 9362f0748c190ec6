"""The damaged-package corpus through the window: one error dialog naming the file, the old sheet kept.

One window serves the whole module (building one per entry would cost more than the
checks); each test notes what the window shows before, opens a corpus entry with
``MainWindow.open_dataset`` and compares. Dialogs are captured, never shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.factsheet import FactSheet, load_factsheet
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings

from .corpus import DAMAGED as CORPUS
from .corpus import HARMLESS, Entry, build
from .hostile import HOSTILE

DAMAGED = (*CORPUS, *HOSTILE)


@pytest.fixture(scope="module")
def bundled() -> FactSheet:
    return load_factsheet()


@pytest.fixture(scope="module")
def window(
    qapp: QtWidgets.QApplication, bundled: FactSheet, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    ini = tmp_path_factory.mktemp("settings") / "settings.ini"
    win = MainWindow(bundled, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    win.resize(1280, 860)
    win.tabs.setCurrentIndex(1)  # a second panel, so that "kept" covers more than one
    yield win
    win.close()
    win.deleteLater()
    qapp.processEvents()


class Dialogs:
    """Message boxes the window tried to show: text, format, icon and parent of each."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[QtWidgets.QMessageBox] = []
        self.texts: list[str] = []

        def fake_exec(box: QtWidgets.QMessageBox) -> int:
            self.shown.append(box)
            self.texts.append(box.text())
            return int(QtWidgets.QMessageBox.StandardButton.Ok.value)

        monkeypatch.setattr(QtWidgets.QMessageBox, "exec", fake_exec)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


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
def test_damaged_package_is_refused_and_the_old_sheet_stays(
    entry: Entry, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dataset = build(entry, tmp_path)
    before = _state(window)
    changed: list[bool] = []
    window.sigSheetChanged.connect(lambda: changed.append(True))
    try:
        assert window.open_dataset(str(dataset)) is False
    finally:
        window.sigSheetChanged.disconnect()
    assert len(dialogs.shown) == 1, dialogs.texts
    box = dialogs.shown[0]
    assert box.textFormat() == QtCore.Qt.TextFormat.PlainText
    assert box.icon() == QtWidgets.QMessageBox.Icon.Critical
    assert box.parent() is window
    assert entry.names in box.text(), box.text()
    assert "current one stays open" in box.text()
    for word in entry.words:
        assert word in box.text().lower(), box.text()
    after = _state(window)
    assert after[0] is before[0], "the same FactSheet object"
    assert after[1:] == before[1:]
    assert all(after[3][k] is before[3][k] for k in before[3]), "the panels were not rebuilt"
    assert changed == []


@pytest.mark.parametrize("entry", HARMLESS, ids=str)
def test_harmless_variation_loads_with_the_same_figures(
    entry: Entry, window: MainWindow, dialogs: Dialogs, bundled: FactSheet, tmp_path: Path
) -> None:
    dataset = build(entry, tmp_path)
    kpis = [card.value_label.text() for card in window.current_panel().kpi_cards]
    assert window.open_dataset(str(dataset)) is True
    assert dialogs.texts == []
    sheet = window.sheet
    assert sheet is not bundled and sheet.directory != bundled.directory
    assert (sheet.figures, sheet.facts, sheet.partners, sheet.sources) == (
        bundled.figures,
        bundled.facts,
        bundled.partners,
        bundled.sources,
    )
    assert window.windowTitle() == bundled.title
    assert [card.value_label.text() for card in window.current_panel().kpi_cards] == kpis
