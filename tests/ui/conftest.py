"""Fixtures for widget tests: one bundled fact sheet, isolated settings, a main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.dataset import bundled_dir
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings

from .events import stop_watching


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, sheet: FactSheet, settings: Settings) -> MainWindow:
    win = MainWindow(sheet, settings)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    return win


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data package."""
    target = tmp_path / "package"
    shutil.copytree(bundled_dir(), target)
    return target


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box the test makes, none of them shown."""
    shown: list[str] = []

    def fake_exec(box: QtWidgets.QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture(autouse=True)
def _dialog_watches_end_with_their_test() -> Iterator[None]:
    yield
    stop_watching()
