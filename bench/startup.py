"""Start-up to first frame: the app's window against a bare QMainWindow after the same imports.

Both run as fresh processes, interleaved, N times; each prints the wall-clock time of its
first paint and leaves with os._exit, so interpreter shutdown is not counted. The goal is
a ratio of at most 1.15 (issue: first frame within 15% of the floor). ``--lang zh_CN`` times
the Chinese window (translators and the bundled CJK font loaded).
"""

from __future__ import annotations

import argparse
import tempfile

from common import child_env, machine, median, table, time_child

FLOOR = """
import os, time
import PySide6.QtWidgets as W, PySide6.QtCore as C
import pandas, pyqtgraph
app = W.QApplication([])
w = W.QMainWindow(); w.resize(1280, 860)
class F(C.QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == C.QEvent.Type.Paint:
            print(time.time(), flush=True); os._exit(0)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""

APP = """
import os, sys, time
sys.argv = ["chery-viewer"]
from chery_viewer.core.factsheet import load_factsheet
from chery_viewer.ui.app import make_application
from PySide6 import QtCore
sheet = load_factsheet(os.environ.get("BENCH_DATASET") or None)
app = make_application()
from chery_viewer.ui import language
language.install(os.environ.get("BENCH_LANG", "en"))
from chery_viewer.ui.main_window import MainWindow
from chery_viewer.ui.settings import Settings
settings = Settings(QtCore.QSettings(os.environ["BENCH_SETTINGS"], QtCore.QSettings.Format.IniFormat))
w = MainWindow(sheet, settings); w.resize(1280, 860)
last = w.current_panel().charts[-1].viewport()
class F(QtCore.QObject):
    def eventFilter(self, obj, ev):
        if obj is last and ev.type() == QtCore.QEvent.Type.Paint:
            print(time.time(), flush=True); os._exit(0)
        return False
f = F(); last.installEventFilter(f); w.show(); app.exec()
"""


def measure(runs: int, lang: str = "en") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(BENCH_SETTINGS=f"{tmp}/settings.ini", BENCH_LANG=lang)
        time_child(FLOOR, env)  # warm the file cache
        time_child(APP, env)
        floors, apps = [], []
        for _ in range(runs):
            floors.append(time_child(FLOOR, env))
            apps.append(time_child(APP, env))
    return {"floor": median(floors), "app": median(apps)}


def rows(result: dict[str, float], lang: str = "en") -> list[tuple[str, str, str, str]]:
    ratio = result["app"] / result["floor"]
    edition = "" if lang == "en" else f" ({lang})"
    return [
        ("import floor to first frame (Qt+pandas+pyqtgraph)", "-", f"{result['floor'] * 1000:.0f} ms", ""),
        (f"app start-up to first frame{edition}", "-", f"{result['app'] * 1000:.0f} ms", ""),
        (f"start-up / floor{edition}", "<= 1.15", f"{ratio:.2f}", "yes" if ratio <= 1.15 else "NO"),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="the window's language")
    args = parser.parse_args()
    print(machine())
    print(table(rows(measure(args.runs, args.lang), args.lang)))
