"""Defect 12 of issue 17 (this part): File → Open dataset… shows a wait cursor while it works.

Opening a large package takes seconds; with no sign of work, desktops offer to kill the app.
(Moving the work off the GUI thread is the performance issue's; this checks what the user
sees meanwhile, and that the cursor comes back whether the package loads or is refused.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui import main_window as main_window_module
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings

from .corpus import copy_package


@pytest.fixture
def window(qtbot, sheet: FactSheet, tmp_path: Path) -> MainWindow:
    ini = tmp_path / "settings.ini"
    win = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.parametrize("valid", [True, False], ids=["loads", "refused"])
def test_open_dataset_shows_a_wait_cursor_and_restores_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, valid: bool
) -> None:
    package = copy_package(tmp_path)
    if not valid:
        (package / "facts.csv").write_bytes(b"")
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(package / "datapackage.json"), "")
    )
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: 0)
    seen: list[QtCore.Qt.CursorShape | None] = []
    real = main_window_module.load_factsheet

    def load(path):  # what the user sees while the package is read and checked
        cursor = QtWidgets.QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        return real(path)

    monkeypatch.setattr(main_window_module, "load_factsheet", load)
    window.open_action.trigger()
    assert seen == [QtCore.Qt.CursorShape.WaitCursor]
    assert QtWidgets.QApplication.overrideCursor() is None
