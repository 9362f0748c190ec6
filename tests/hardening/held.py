"""Start the app in a process held at a known point, to deliver a signal or change a file there.

``CHERY_VIEWER_TEST_PAUSE=POINT:FOLDER`` (read only by ``core.signals.hold_for_test``) makes the
process create ``FOLDER/reached`` when it gets to POINT and wait there until ``FOLDER/go``
exists or a signal arrives. Nothing here measures time: a bound only stops a broken run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

#: The window, driven as a user drives it: File → Export PDF… with the file dialog answered.
WINDOW_EXPORT = """
import sys
from PySide6 import QtCore, QtWidgets
from chery_viewer import cli
from chery_viewer.ui.main_window import MainWindow

out = sys.argv[1]
QtWidgets.QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (out, "PDF documents (*.pdf)"))
show = MainWindow.show


def show_and_export(self):
    show(self)
    QtCore.QTimer.singleShot(0, self.export_pdf_action.trigger)
    QtCore.QTimer.singleShot(0, lambda: QtCore.QTimer.singleShot(0, self.close))


MainWindow.show = show_and_export
sys.exit(cli.main(sys.argv[2:]))
"""


def env(point: str, folder: Path, **extra: str) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    result = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHERY_VIEWER_TEST_PAUSE": f"{point}:{folder}", **extra}
    result.pop("CHERY_VIEWER_DEBUG", None)
    return result


def start(args: list[str], point: str, folder: Path, cwd: Path, **extra: str) -> subprocess.Popen[str]:
    """``python ARGS`` held at ``point``; returns once the process is there (or has ended)."""
    process = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env(point, folder, **extra), cwd=cwd,
    )  # fmt: skip
    deadline = time.monotonic() + 180
    while not (folder / "reached").exists():
        if process.poll() is not None or time.monotonic() > deadline:
            _out, err = process.communicate()
            raise AssertionError(f"the process never reached {point!r} (exit {process.returncode}): {err}")
        time.sleep(0.02)
    return process


def release(folder: Path) -> None:
    (folder / "go").write_text("")
