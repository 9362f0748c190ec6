"""Defects 5, 13 and 14 of issue 17 for the window's settings file.

A FIFO (or a link to a device) at the settings path hung the window before it appeared;
an empty HOME made root write ``/.config``; a missing HOME folder was created; a truncated
saved geometry opened a window of a few pixels and saved that again.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore

from chery_viewer.core.factsheet import FactSheet
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings

OPEN_AND_CLOSE = """
import sys
from PySide6 import QtCore
from chery_viewer import cli
from chery_viewer.ui.main_window import MainWindow

show = MainWindow.show


def show_and_close(self):
    show(self)
    QtCore.QTimer.singleShot(0, self.close)


MainWindow.show = show_and_close
sys.exit(cli.main([]))
"""
ORG_APP = Path("Chery Fact Sheet") / "chery-viewer.conf"
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"  # Qt's offscreen platform, not the app


def _lines(stderr: str) -> list[str]:
    return [line for line in stderr.strip().split("\n") if line and line != OFFSCREEN_NOISE]


def _window_process(tmp_path: Path, **env: str | None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for key, value in env.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run(
        [sys.executable, "-c", OPEN_AND_CLOSE], capture_output=True, text=True, env=environment, cwd=tmp_path,
        timeout=90,
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero"])
def test_a_special_settings_file_neither_hangs_nor_is_replaced(tmp_path: Path, kind: str) -> None:
    config = tmp_path / "config"
    path = config / ORG_APP
    path.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = _window_process(tmp_path, XDG_CONFIG_HOME=str(config), HOME=str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stderr)
    assert len(lines) == 1 and "settings" in lines[0] and "not a regular file" in lines[0], result.stderr
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(path).st_mode)
    else:
        assert os.readlink(path) == "/dev/zero"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_an_empty_home_writes_no_settings_at_the_root(tmp_path: Path) -> None:
    before = os.path.exists("/.config" / ORG_APP)
    result = _window_process(tmp_path, HOME="", XDG_CONFIG_HOME=None)
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stderr)
    assert len(lines) == 1 and "no home folder" in lines[0], result.stderr
    assert os.path.exists("/.config" / ORG_APP) == before


def test_a_missing_home_is_not_created(tmp_path: Path) -> None:
    result = _window_process(tmp_path, HOME=str(tmp_path / "gone" / "home"), XDG_CONFIG_HOME=None)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "gone").exists()


def test_the_settings_path_is_where_qt_keeps_them(tmp_path: Path) -> None:
    """In a fresh process: Qt works out its settings folder once per process, so a QSettings
    made by an earlier test would pin it to that test's home."""
    code = (
        "import sys; from PySide6 import QtCore; from chery_viewer.ui.settings import settings_path; "
        "QtCore.QCoreApplication.setOrganizationName('Chery Fact Sheet'); "
        "QtCore.QCoreApplication.setApplicationName('chery-viewer'); "
        "print(settings_path()); print(QtCore.QSettings().fileName())"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": "relative"}  # relative: ignored, by Qt and by us
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    ours, qts = done.stdout.splitlines()
    assert ours == qts == str(tmp_path / ".config" / ORG_APP)


def test_a_truncated_geometry_opens_a_usable_window(qtbot, sheet: FactSheet, tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    first = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.resize(1200, 800)
    first.show()
    saved = first.saveGeometry()
    first.close()
    store = QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)
    store.setValue("window/geometry", QtCore.QByteArray(bytes(saved)[:12]))  # a file cut short
    store.sync()
    window = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    assert window.width() >= 640 and window.height() >= 400, window.size()
    window.close()
    again = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    again.show()
    assert again.width() >= 640 and again.height() >= 400, "what was saved again is a usable size"
