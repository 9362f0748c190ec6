"""Helpers shared by the benchmarks: repeated subprocess runs, medians, a result table."""

from __future__ import annotations

import atexit
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_pycache: str | None = None


def pycache_prefix() -> str:
    """A temporary folder for the children's compiled bytecode: one per benchmark run, removed at exit."""
    global _pycache
    if _pycache is None:
        _pycache = tempfile.mkdtemp(prefix="chery-bench-pycache-")
        atexit.register(shutil.rmtree, _pycache, ignore_errors=True)
    return _pycache


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a measured child process.

    Children run with compiled bytecode, as after an install (pip compiles every module):
    they write their ``.pyc`` files to a temporary ``PYTHONPYCACHEPREFIX`` (never into the
    source tree), even where ``PYTHONDONTWRITEBYTECODE`` is set. Each benchmark's warm-up
    run fills it before timing.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONPYCACHEPREFIX"] = pycache_prefix()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


def time_child(code: str, env: dict[str, str] | None = None) -> float:
    """Seconds from spawning ``python -c code`` until it prints a wall-clock time (or exits)."""
    return time_until_printed([sys.executable, "-c", code], env)


def time_until_printed(args: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds from spawning ``args`` until it prints a wall-clock time (or exits)."""
    start = time.time()
    out = (
        subprocess.run(list(args), capture_output=True, text=True, env=env or child_env(), check=True, cwd=ROOT)
        .stdout.strip()
        .splitlines()
    )
    end = float(out[-1]) if out and _is_float(out[-1]) else time.time()
    return end - start


def entry_point() -> list[str]:
    """The installed ``chery-viewer`` command, as a user starts it (the script pip wrote next
    to this interpreter); ``python -m chery_viewer`` only where the project is not installed."""
    script = Path(sys.executable).with_name("chery-viewer")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "chery_viewer"]


def time_command(args: Sequence[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(list(args), capture_output=True, env=env or child_env(), check=True, cwd=ROOT)
    return time.perf_counter() - start


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def table(rows: Sequence[tuple[str, str, str, str]]) -> str:
    header = ("figure", "goal", "measured", "ok")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def shown_window(app: Any, settings_file: str) -> Any:
    """The main window on the bundled dataset, shown, with every tab's panel built."""
    from PySide6 import QtCore, QtTest

    from chery_viewer.core.factsheet import load_factsheet
    from chery_viewer.ui.main_window import MainWindow
    from chery_viewer.ui.settings import Settings

    settings = Settings(QtCore.QSettings(settings_file, QtCore.QSettings.Format.IniFormat))
    window = MainWindow(load_factsheet(), settings)
    window.resize(1280, 860)
    window.show()
    QtTest.QTest.qWaitForWindowExposed(window)
    deadline = time.perf_counter() + 10
    while len(window.panels) < 5 and time.perf_counter() < deadline:
        app.processEvents()
    return window


def tab_switcher(app: Any, window: Any) -> Callable[[int], tuple[float, bool]]:
    """``switch(index)``: change tab and wait until that page has painted; seconds and whether it did.

    The probe is each page's first chart, always in view at the top of the page (a chart
    below the fold is never painted).
    """
    from PySide6 import QtCore

    from chery_viewer.ui.main_window import TAB_KEYS

    painted: set[int] = set()

    class PaintSpy(QtCore.QObject):
        def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
            if event.type() == QtCore.QEvent.Type.Paint:
                painted.add(id(obj))
            return False

    spy = PaintSpy(window)
    targets = [window.panel(key).charts[0].viewport() for key in TAB_KEYS]
    for viewport in targets:
        viewport.installEventFilter(spy)

    def switch(index: int) -> tuple[float, bool]:
        painted.clear()
        start = time.perf_counter()
        window.tabs.setCurrentIndex(index)
        while id(targets[index]) not in painted and time.perf_counter() - start < 1:
            app.processEvents()
        return time.perf_counter() - start, id(targets[index]) in painted

    return switch
