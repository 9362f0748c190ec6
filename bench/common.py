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
from collections.abc import Sequence
from pathlib import Path

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
    start = time.time()
    out = (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env or child_env(), check=True, cwd=ROOT
        )
        .stdout.strip()
        .splitlines()
    )
    end = float(out[-1]) if out and _is_float(out[-1]) else time.time()
    return end - start


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
