"""Scale: packages 1, 10, 100 and 1,000 times the bundled one, opened and exported.

Each package keeps every bundled row and adds synthetic monthly sales of made-up markets until
``figures.csv`` has N times the bundled number of rows (1x is a copy of the bundled package with
one byte changed, so that it is validated like the others rather than recognised by its
digest). For each size, as fresh processes (the median of N runs), with the validation cache
off, so every figure includes the first opening's frictionless check:

* open: load, validate, analyse and build every tab's content, as the window's loader thread
  does (``chery_viewer.ui.loader.DatasetLoader.run``), without Qt; wall time and peak RSS;
* export: ``chery-viewer --dataset PKG --export-pdf OUT.pdf``; wall time and peak RSS;
* window: the window on the bundled package opens the big one with ``open_dataset`` (the
  loader thread, its progress bar, then the swap) while a 10 ms heartbeat timer ticks; the
  longest gap between two ticks, from the open until every tab's panel is built again, is the
  longest the window did not answer. Goal (issue 18): no stall over 100 ms.

Linear growth: the cost per row, from one size to the next ten times larger, may not grow
(``growth`` = time ratio / row ratio, at most 1.0 plus noise; fixed costs make it fall).
Run: ``python bench/scale.py [--runs 3] [--sizes 1,10,100,1000]``; ``--generate DIR --size N``
only writes a package.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, child_env, entry_point, machine, median, table
from memory import LAUNCHER

sys.path.insert(0, str(ROOT))

SIZES = (1, 10, 100, 1000)
STALL_GOAL_MS = 100.0
GROWTH_GOAL = 1.15  # time ratio over row ratio between sizes; 1.0 is exactly linear, noise allowed


def generate(target: Path, size: int = 100) -> Path:
    """Write a package ``size`` times the bundled one (in figure rows) into ``target``."""
    from chery_viewer.core.dataset import bundled_dir

    shutil.copytree(bundled_dir(), target)
    path = target / "figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header, bundled = lines[0].split(","), len(lines) - 1
    if not path.read_text(encoding="utf-8").endswith("\n"):
        raise RuntimeError(f"{path} does not end with a newline")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    wanted = bundled * size - bundled
    for n in range(wanted):
        market, rest = divmod(n, 12 * 40)
        year, month = divmod(rest, 12)
        writer.writerow(synthetic_row(header, market, 1985 + year, month + 1))
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(out.getvalue())
    if wanted == 0:  # 1x: one byte more in the descriptor (a newline), so it is validated like the others
        with open(target / "datapackage.json", "a", encoding="utf-8") as handle:
            handle.write("\n")
    return target


def synthetic_row(header: list[str], market: int, year: int, month: int) -> list[str]:
    """Monthly sales of a made-up market: short texts, so 1,000x stays under the 20 MiB file limit."""
    name = f"Market {market + 1:03d}"
    values = {
        "id": f"m{market:03d}_{year}_{month:02d}",
        "section": "exports",
        "metric": "market_sales",
        "subject": name,
        "label": f"{name} {year}-{month:02d}",
        "value": str(200 + market * 10 + month * 3 + (year - 1985) * 7),
        "unit": "vehicles",
        "period": f"{year}-{month:02d}",
        "kind": "stated",
        "approximate": "false",
        "lower_bound": "false",
        "source_id": "S1",
        "formula": "",
        "note": "Synthetic.",
        # the package declares Chinese too, so every text has its translation
        "subject@zh-CN": f"市场{market + 1:03d}",
        "label@zh-CN": f"市场{market + 1:03d} {year}-{month:02d}",
        "note@zh-CN": "合成。",
    }
    return [values[h] for h in header]


OPEN = """
import sys
from chery_viewer.core.audit import analyse
from chery_viewer.core.content import BUILDERS
from chery_viewer.core.factsheet import load_factsheet
sheet = load_factsheet(sys.argv[1]).localized("en")
analysis = analyse(sheet)
sections = {key: build(sheet, analysis) for key, build in BUILDERS.items()}
"""


def timed_peak(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one run of ``args``, started by a small launcher."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    seconds = time.perf_counter() - start
    maxrss, code = result.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(args[:3])}… exited with {code}: {result.stderr.strip()[-300:]}")
    return seconds, int(maxrss) / 1024


def window_stall(package: Path, env: dict[str, str]) -> dict[str, float]:
    """Run :func:`_window_probe` in a fresh process: the longest heartbeat gap while the window opens ``package``."""
    result = subprocess.run(
        [sys.executable, __file__, "--window-probe", str(package)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError((result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1])
    return json.loads(lines[-1])


def _window_probe(package: str) -> None:
    """In this process: the window on the bundled package, then File → Open of ``package`` with a heartbeat."""
    from chery_viewer.imports import import_qt_stack

    import_qt_stack()
    from PySide6 import QtCore

    from chery_viewer.core.factsheet import load_factsheet
    from chery_viewer.ui.app import make_application
    from chery_viewer.ui.main_window import TAB_KEYS, MainWindow
    from chery_viewer.ui.settings import Settings

    app = make_application(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QtCore.QSettings(f"{tmp}/s.ini", QtCore.QSettings.Format.IniFormat))
        window = MainWindow(load_factsheet(), settings)
        window.resize(1280, 860)
        window.show()
        deadline = time.perf_counter() + 30
        while len(window.panels) < len(TAB_KEYS) and time.perf_counter() < deadline:
            app.processEvents()
        ticks: list[float] = []
        heartbeat = QtCore.QTimer()
        heartbeat.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        heartbeat.start(10)
        start = time.perf_counter()
        ticks.append(start)
        shown = window.open_dataset(package)
        opened = time.perf_counter() - start
        deadline = time.perf_counter() + 120
        while len(window.panels) < len(TAB_KEYS) and time.perf_counter() < deadline:
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        settled = time.perf_counter()
        ticks.append(settled)
        heartbeat.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        print(json.dumps({"shown": shown, "open_s": opened, "settled_s": settled - start,
                          "max_gap_ms": max(gaps) * 1000, "ticks": len(ticks)}))  # fmt: skip
        window.close()


def measure(runs: int, sizes: tuple[int, ...] = SIZES, window: bool = True) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(CHERY_VIEWER_CACHE_DIR="off", XDG_CONFIG_HOME=f"{tmp}/config")
        for size in sizes:
            package = generate(Path(tmp) / f"x{size}", size)
            rows = (package / "figures.csv").read_text(encoding="utf-8").count("\n") - 1
            opening = [sys.executable, "-c", OPEN, str(package)]
            export = [*entry_point(), "--dataset", str(package), "--export-pdf", f"{tmp}/out.pdf"]
            timed_peak(opening, env)  # warm the file and bytecode caches
            opens = [timed_peak(opening, env) for _ in range(runs)]
            exports = [timed_peak(export, env) for _ in range(runs)]
            result = {
                "rows": rows,
                "bytes": (package / "figures.csv").stat().st_size,
                "open_s": median([t for t, _ in opens]),
                "open_mb": median([m for _, m in opens]),
                "export_s": median([t for t, _ in exports]),
                "export_mb": median([m for _, m in exports]),
            }
            if window:
                stall = window_stall(package, env)
                result.update({f"window_{k}": float(v) for k, v in stall.items()})
            results[str(size)] = result
            shutil.rmtree(package)
    return results


def rows(results: dict[str, dict[str, float]]) -> list[tuple[str, str, str, str]]:
    out: list[tuple[str, str, str, str]] = []
    previous: dict[str, float] | None = None
    for size, r in results.items():
        label = f"scale {int(size):,}x ({r['rows']:,.0f} figure rows, {r['bytes'] / 2**20:.1f} MiB)"
        measured = (f"open {r['open_s'] * 1000:,.0f} ms, {r['open_mb']:.0f} MB; "
                    f"export {r['export_s'] * 1000:,.0f} ms, {r['export_mb']:.0f} MB")  # fmt: skip
        out.append((label, "-", measured, ""))
        if previous is not None:
            factor = r["rows"] / previous["rows"]
            growth = max(r["open_s"] / previous["open_s"], r["export_s"] / previous["export_s"]) / factor
            ok = "yes" if growth <= GROWTH_GOAL else "NO"
            out.append((f"  growth per row to {int(size):,}x (time ratio / {factor:.1f}x rows)",
                        f"<= {GROWTH_GOAL:.2f}", f"{growth:.2f}", ok))  # fmt: skip
        if "window_max_gap_ms" in r:
            gap = r["window_max_gap_ms"]
            shown = "shown" if r["window_shown"] else "NOT shown"
            times = f"{shown} after {r['window_open_s']:.1f} s, all tabs {r['window_settled_s']:.1f} s"
            out.append((f"  window opens {int(size):,}x: longest stall (10 ms heartbeat)",
                        f"<= {STALL_GOAL_MS:.0f} ms", f"{gap:.0f} ms ({times})",
                        "yes" if gap <= STALL_GOAL_MS and r["window_shown"] else "NO"))  # fmt: skip
        previous = r
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="multiples of the bundled rows: 1,10,…")
    parser.add_argument("--no-window", action="store_true", help="skip the window's heartbeat measurement")
    parser.add_argument("--generate", metavar="DIR", help="only write a package of --size times the bundled one to DIR")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--window-probe", metavar="PKG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.window_probe:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _window_probe(args.window_probe)
    elif args.generate:
        print(generate(Path(args.generate), args.size))
    else:
        print(machine())
        sizes = tuple(int(s) for s in args.sizes.split(","))
        print(table(rows(measure(args.runs, sizes, window=not args.no_window))))
