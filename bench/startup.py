"""Start-up to first frame: the installed ``chery-viewer`` against a bare QMainWindow after
the imports the app is built on.

* floor: a fresh ``python -c`` that imports PySide6.QtWidgets, then pandas and pyqtgraph, and
  shows an empty 1280x860 ``QMainWindow``; its first paint is the floor's frame;
* app: the installed entry point (``chery-viewer [--lang zh_CN]``, the script pip wrote),
  started as a user starts it, with fresh settings. ``probe/sitecustomize.py`` is put on its
  ``PYTHONPATH``; it imports nothing until the app imports Qt itself, then prints the time at
  which every chart visible in the first window has painted, and exits.

Both run as fresh processes, interleaved, N times, with compiled bytecode (``common.child_env``);
medians. Goal (issue 18): at most 0.80 of the floor, 0.65 as a stretch.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import child_env, entry_point, machine, median, table, time_child, time_until_printed

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

PROBE = Path(__file__).resolve().parent / "probe"
RATIO_GOAL, STRETCH_GOAL = 0.80, 0.65


def app_env(config_home: str, **extra: str) -> dict[str, str]:
    """The app's environment: the probe first on the path, settings in a fresh folder."""
    env = child_env(CHERY_BENCH_FIRST_FRAME="1", XDG_CONFIG_HOME=config_home, **extra)
    env["PYTHONPATH"] = str(PROBE) + ":" + env["PYTHONPATH"]
    return env


def measure(runs: int, lang: str = "en") -> dict[str, float]:
    command = [*entry_point(), "--lang", lang]
    with tempfile.TemporaryDirectory() as tmp:
        env, env_app = child_env(), app_env(tmp)
        time_child(FLOOR, env)  # warm the file and bytecode caches
        time_until_printed(command, env_app)
        floors, apps = [], []
        for _ in range(runs):
            floors.append(time_child(FLOOR, env))
            apps.append(time_until_printed(command, env_app))
    return {"floor": median(floors), "app": median(apps)}


def rows(result: dict[str, float], lang: str = "en") -> list[tuple[str, str, str, str]]:
    ratio = result["app"] / result["floor"]
    edition = "" if lang == "en" else f" ({lang})"
    return [
        ("import floor to first frame (Qt+pandas+pyqtgraph)", "-", f"{result['floor'] * 1000:.0f} ms", ""),
        (f"chery-viewer to first frame{edition}", "-", f"{result['app'] * 1000:.0f} ms", ""),
        (
            f"start-up / floor{edition}",
            f"<= {RATIO_GOAL:.2f} ({STRETCH_GOAL:.2f})",
            f"{ratio:.2f}",
            "yes" if ratio <= RATIO_GOAL else "NO",
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="the window's language")
    args = parser.parse_args()
    print(machine())
    print(table(rows(measure(args.runs, args.lang), args.lang)))
