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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


def measure(rounds: int) -> dict[str, float]:
    from common import shown_window, tab_switcher

    from chery_viewer.imports import import_qt_stack

    import_qt_stack()  # as the entry point does: pyqtgraph's Qt mirrors fill on first use
    from chery_viewer.ui.app import make_application

    app = make_application(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        window = shown_window(app, f"{tmp}/s.ini")
        switch = tab_switcher(app, window)
        times = [switch(index)[0] for _ in range(rounds) for index in (1, 2, 3, 4, 0)]
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
