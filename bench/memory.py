"""Peak memory: the import floor, the app's start-up to first frame, and a headless export.

Each figure is the peak resident set size (``ru_maxrss``) of a fresh child process, the
median of N runs:

* floor: ``python -c "import PySide6.QtWidgets, pandas, pyqtgraph"``;
* start-up: the installed ``chery-viewer`` until its first frame (the probe of ``bench/startup.py``);
* export: ``chery-viewer --export-pdf OUT.pdf`` (the bundled dataset, A4).

A child started straight from a large process (``run_all.py`` has pandas loaded) would
inherit that process's peak through vfork and exec, so every child is started by a small
launcher (``python -S``, about 10 MB) that reports the child's ``ru_maxrss`` from ``wait4``.
Run: ``python bench/memory.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, child_env, entry_point, machine, median, table
from startup import app_env

FLOOR = [sys.executable, "-c", "import PySide6.QtWidgets, pandas, pyqtgraph"]

LAUNCHER = r"""
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
error = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
code = os.waitstatus_to_exitcode(status)
if code:
    sys.stderr.buffer.write(error)
print(usage.ru_maxrss, code)
"""


def peak_mb(args: list[str], env: dict[str, str]) -> float:
    """Peak RSS of one run of ``args``, in MB (ru_maxrss is in KiB on Linux)."""
    result = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    maxrss, code = result.stdout.split()
    if int(code) != 0:
        raise RuntimeError(f"{' '.join(args[:3])}… exited with {code}: {result.stderr.strip()}")
    return int(maxrss) / 1024


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env()
        commands = {
            "floor": (FLOOR, env),
            "startup": (entry_point(), app_env(tmp)),
            "export": ([*entry_point(), "--export-pdf", str(Path(tmp) / "factsheet.pdf")], env),
        }
        for args, env_of in commands.values():  # warm the bytecode and file caches
            peak_mb(args, env_of)
        peaks: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (args, env_of) in commands.items():
                peaks[name].append(peak_mb(args, env_of))
    return {name: median(values) for name, values in peaks.items()}


def rows(result: dict[str, float]) -> list[tuple[str, str, str, str]]:
    floor = result["floor"]

    def against_floor(name: str) -> str:
        return f"{result[name]:.0f} MB ({result[name] / floor:.2f}x the floor)"

    return [
        ("peak RSS, import floor (Qt widgets, pandas, pyqtgraph)", "-", f"{floor:.0f} MB", ""),
        ("peak RSS, start-up to first frame", "-", against_floor("startup"), ""),
        ("peak RSS, headless export", "-", against_floor("export"), ""),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each process (default: 3)")
    args = parser.parse_args()
    print(machine())
    print(table(rows(measure(args.runs))))
