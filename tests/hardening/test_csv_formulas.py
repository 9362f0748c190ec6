"""Defect 10 of issue 17: a chart's CSV must not start a cell with TAB, CR or LF before a formula.

OWASP's list of characters that make a spreadsheet treat a cell as a formula (or that some
spreadsheets skip before looking for one) is = + - @ TAB CR (and LF for some). The names come
from a user's package; File → Export chart data… writes them with a leading quote.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6 import QtCore

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.core.formatting import spreadsheet_safe
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings

from .corpus import copy_package, set_cell

HOSTILE = {"catl": "\t=HYPERLINK(1)", "haier": "\n=1+1", "huawei": "\t@SUM(1)", "luxshare": "=2+3"}


@pytest.fixture
def window(qtbot, sheet: FactSheet, tmp_path: Path) -> MainWindow:
    ini = tmp_path / "settings.ini"
    win = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    return win


def test_exported_chart_data_starts_no_cell_with_a_formula_trigger(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = copy_package(tmp_path)
    for partner, name in HOSTILE.items():
        set_cell(package, "partners.csv", partner, "name", name)
    errors: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", lambda box: errors.append(box.text()) or 0)
    assert window.open_dataset(str(package)), errors
    window.tabs.setCurrentIndex(4)  # Partners: the network chart lists the names
    out = tmp_path / "network.csv"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(out), "CSV files (*.csv)")
    )
    window.chart_data_action.trigger()
    cells = [cell for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")) for cell in row]
    names = [c for c in cells if "HYPERLINK" in c or "1+1" in c or "SUM" in c or "2+3" in c]
    assert len(names) == len(HOSTILE), cells
    assert all(c.startswith("'") for c in names), names


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_every_owasp_trigger_is_quoted(lead: str) -> None:
    assert spreadsheet_safe(lead + "1+1") == "'" + lead + "1+1"
