"""Soak: thousands of tab switches and a hundred PDF exports in one process, memory level.

One process, one shown main window. Ten rounds, each of 200 tab switches (cycling the five
tabs, waiting until the page's first chart has painted) and 10 PDF
exports (``export_pdf`` of the same sheet to a temporary file). The first round is the
warm-up; after it, and after every round, a checkpoint records the resident set size
(``VmRSS``), the live QObjects (the application's and every top-level widget's object
trees) and the live Python wrappers of QObjects.

Goals: RSS grows by less than 5% from the warm-up to the end; the QObject counts do not
keep growing (the last checkpoint is not above the first after the warm-up).
Run: ``python bench/soak.py [--switches 2000] [--exports 100]`` (a quick run:
``--switches 200 --exports 10``; the warm-up is a tenth of each).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RSS_GOAL = 0.05
ROUNDS = 10


def rss_mb() -> float:
    """Resident set size of this process now (VmRSS), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def measure(switches: int = 2000, exports: int = 100) -> dict[str, object]:
    import shiboken6
    from common import shown_window, tab_switcher
    from PySide6 import QtCore, QtWidgets

    from chery_viewer.report.pdf import export_pdf
    from chery_viewer.ui.app import make_application

    app = make_application(["soak"])

    def settle() -> None:
        """Deliver pending events, run deferred deletions, collect garbage."""
        for _ in range(3):
            app.processEvents()
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        gc.collect()

    def qt_objects() -> int:
        tops = QtWidgets.QApplication.topLevelWidgets()
        return 1 + len(app.findChildren(QtCore.QObject)) + sum(1 + len(w.findChildren(QtCore.QObject)) for w in tops)

    def wrappers() -> int:
        # Only wrappers of objects that still exist: counting the trees above wraps Qt's own
        # gesture objects too, and PySide keeps the wrapper of one that Qt deletes later (an
        # export's charts take 11 with them) as an empty shell. That is the probe's doing.
        return sum(isinstance(o, QtCore.QObject) and shiboken6.isValid(o) for o in gc.get_objects())

    with tempfile.TemporaryDirectory() as tmp:
        window = shown_window(app, f"{tmp}/settings.ini")
        sheet = window.sheet
        tab_to = tab_switcher(app, window)

        done = {"switches": 0, "exports": 0, "unpainted": 0}
        switch_times: list[float] = []
        export_times: list[float] = []

        def switch(n: int) -> None:
            for _ in range(n):
                seconds, painted = tab_to((window.tabs.currentIndex() + 1) % window.tabs.count())
                done["unpainted"] += not painted
                switch_times.append(seconds)
                done["switches"] += 1

        def export(n: int) -> None:
            for _ in range(n):
                start = time.perf_counter()
                export_pdf(sheet, Path(tmp) / "soak.pdf")
                export_times.append(time.perf_counter() - start)
                done["exports"] += 1
                app.processEvents()

        def python_objects() -> int:
            """Objects the garbage collector tracks, less the probe's empty shells (see ``wrappers``)."""
            objects = gc.get_objects()
            return len(objects) - sum(isinstance(o, QtCore.QObject) and not shiboken6.isValid(o) for o in objects)

        checkpoints: list[dict[str, float]] = []

        def checkpoint() -> None:
            settle()
            checkpoints.append(
                {
                    "switches": done["switches"],
                    "exports": done["exports"],
                    "rss_mb": rss_mb(),
                    "qt_objects": qt_objects(),
                    "wrappers": wrappers(),
                    "python_objects": python_objects(),
                }
            )

        per_round_switches, extra_switches = divmod(switches, ROUNDS)
        per_round_exports, extra_exports = divmod(exports, ROUNDS)
        started = time.perf_counter()
        for round_number in range(ROUNDS):
            last = round_number == ROUNDS - 1
            switch(per_round_switches + (extra_switches if last else 0))
            export(per_round_exports + (extra_exports if last else 0))
            checkpoint()
        elapsed = time.perf_counter() - started
        window.close()
        settle()
    first, final = checkpoints[0], checkpoints[-1]
    return {
        "switches": done["switches"],
        "exports": done["exports"],
        "unpainted": done["unpainted"],
        "seconds": elapsed,
        "switch_ms": 1000 * sorted(switch_times)[len(switch_times) // 2] if switch_times else 0.0,
        "export_s": sorted(export_times)[len(export_times) // 2] if export_times else 0.0,
        "rss_first": first["rss_mb"],
        "rss_last": final["rss_mb"],
        "qt_first": first["qt_objects"],
        "qt_last": final["qt_objects"],
        "qt_max": max(c["qt_objects"] for c in checkpoints),
        "wrappers_first": first["wrappers"],
        "wrappers_last": final["wrappers"],
        "python_first": first["python_objects"],
        "python_last": final["python_objects"],
        "checkpoints": checkpoints,
    }


def rows(r: dict) -> list[tuple[str, str, str, str]]:
    growth = (r["rss_last"] - r["rss_first"]) / r["rss_first"]
    qt_ok = r["qt_last"] <= r["qt_first"]
    wrappers_ok = r["wrappers_last"] <= r["wrappers_first"]
    return [
        (
            f"soak: {r['switches']:,} tab switches + {r['exports']} exports, one process",
            "-",
            f"{r['seconds']:.0f} s (switch {r['switch_ms']:.1f} ms, export {r['export_s']:.2f} s; "
            f"{r['unpainted']} unpainted)",
            "yes" if r["unpainted"] == 0 else "NO",
        ),
        (
            "soak: RSS growth after warm-up",
            f"< {RSS_GOAL:.0%}",
            f"{growth:+.1%} ({r['rss_first']:.0f} -> {r['rss_last']:.0f} MB)",
            "yes" if growth < RSS_GOAL else "NO",
        ),
        (
            "soak: live QObjects, first -> last checkpoint",
            "no growth",
            f"{r['qt_first']:,} -> {r['qt_last']:,} (max {r['qt_max']:,})",
            "yes" if qt_ok else "NO",
        ),
        (
            "soak: live Python wrappers of QObjects",
            "no growth",
            f"{r['wrappers_first']:,} -> {r['wrappers_last']:,}",
            "yes" if wrappers_ok else "NO",
        ),
        ("soak: Python objects (gc)", "-", f"{r['python_first']:,} -> {r['python_last']:,}", ""),
    ]


if __name__ == "__main__":
    from common import machine, table

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--switches", type=int, default=2000, help="tab switches in all (default: 2000)")
    parser.add_argument("--exports", type=int, default=100, help="PDF exports in all (default: 100)")
    parser.add_argument("--checkpoints", action="store_true", help="also print every checkpoint")
    args = parser.parse_args()
    result = measure(args.switches, args.exports)
    print(machine())
    if args.checkpoints:
        for c in result["checkpoints"]:
            print(c)
    print(table(rows(result)))
