"""Tab switching: time from a tab change until its page is painted, for every tab.

Panels are built in idle time after the first frame, so a switch only shows a ready page.
Measured in one process: from ``setCurrentIndex`` until the event loop has delivered the new
page's paint (checked: the page's last chart received a Paint event); median over repeated
rounds of all five tabs. Goal: under one 60 Hz frame (16 ms). The probe is each page's first
chart, which is always in view (a chart below the fold is never painted).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


def measure(rounds: int) -> dict[str, float]:
    from PySide6 import QtCore, QtTest

    from chery_viewer.core.factsheet import load_factsheet
    from chery_viewer.ui.app import make_application
    from chery_viewer.ui.main_window import MainWindow
    from chery_viewer.ui.settings import Settings

    app = make_application(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QtCore.QSettings(f"{tmp}/s.ini", QtCore.QSettings.Format.IniFormat))
        window = MainWindow(load_factsheet(), settings)
        window.resize(1280, 860)
        window.show()
        QtTest.QTest.qWaitForWindowExposed(window)
        deadline = time.perf_counter() + 10
        while len(window.panels) < 5 and time.perf_counter() < deadline:
            app.processEvents()
        painted: list[QtCore.QObject] = []

        class PaintSpy(QtCore.QObject):
            def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
                if event.type() == QtCore.QEvent.Type.Paint:
                    painted.append(obj)
                return False

        spy = PaintSpy()
        for panel in window.panels.values():
            panel.charts[0].viewport().installEventFilter(spy)
        times: list[float] = []
        for _ in range(rounds):
            for index in (1, 2, 3, 4, 0):
                target = list(window.panels.values())[index].charts[0].viewport()
                painted.clear()
                start = time.perf_counter()
                window.tabs.setCurrentIndex(index)
                while target not in painted and time.perf_counter() - start < 1:
                    app.processEvents()
                times.append(time.perf_counter() - start)
        window.close()
    return {"median": statistics.median(times), "max": max(times)}


if __name__ == "__main__":
    from common import machine, table

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    result = measure(parser.parse_args().rounds)
    print(machine())
    print(
        table(
            [
                (
                    "tab switch, median",
                    "< 16 ms",
                    f"{result['median'] * 1000:.1f} ms",
                    "yes" if result["median"] < 0.016 else "NO",
                ),
                ("tab switch, slowest", "-", f"{result['max'] * 1000:.1f} ms", ""),
            ]
        )
    )
