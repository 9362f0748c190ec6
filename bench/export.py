"""Headless PDF export against the import floor, and the size of the PDF.

Two kinds of fresh process, interleaved, N times each (median, wall clock from spawn to
exit, interpreter shutdown included for both):

* floor: ``python -c "import PySide6.QtWidgets, pandas, pyqtgraph"``;
* export: the installed ``chery-viewer --export-pdf OUT.pdf --lang en`` (the bundled dataset, A4,
  the full report; ``--lang zh_CN`` for the Chinese edition, ``--layout sheet`` for the
  two-page fact sheet).

Both run with compiled bytecode, as after an install (``common.child_env``), and one
warm-up run of each fills the bytecode cache before timing.

Goals (issue 18): export at most 1.10 times the floor; the PDF under 300 KB.
Run: ``python bench/export.py [--runs 7] [--page-size A4|Letter] [--lang zh_CN] [--layout sheet]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import child_env, entry_point, machine, median, table, time_command

FLOOR = [sys.executable, "-c", "import PySide6.QtWidgets, pandas, pyqtgraph"]
RATIO_GOAL = 1.10
SIZE_GOAL_KB = 300.0


def export_command(out: Path, page_size: str, lang: str = "en", layout: str = "report") -> list[str]:
    return [*entry_point(), "--export-pdf", str(out), "--page-size", page_size, "--lang", lang, "--layout", layout]


def measure(runs: int, page_size: str = "A4", lang: str = "en", layout: str = "report") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "factsheet.pdf"
        env = child_env()
        time_command(FLOOR, env)  # warm the file cache
        time_command(export_command(out, page_size, lang, layout), env)
        floors, exports = [], []
        for _ in range(runs):
            floors.append(time_command(FLOOR, env))
            exports.append(time_command(export_command(out, page_size, lang, layout), env))
        size_kb = out.stat().st_size / 1024
    return {"floor": median(floors), "export": median(exports), "size_kb": size_kb}


def rows(result: dict[str, float], lang: str = "en", layout: str = "report") -> list[tuple[str, str, str, str]]:
    ratio = result["export"] / result["floor"]
    parts = [p for p in (lang if lang != "en" else "", "two-page sheet" if layout == "sheet" else "") if p]
    edition = f" ({', '.join(parts)})" if parts else ""
    return [
        ("floor median (import Qt widgets, pandas, pyqtgraph)", "-", f"{result['floor'] * 1000:.0f} ms", ""),
        (f"export median (chery-viewer --export-pdf){edition}", "-", f"{result['export'] * 1000:.0f} ms", ""),
        (f"export / floor{edition}", f"<= {RATIO_GOAL:.2f}", f"{ratio:.2f}", "yes" if ratio <= RATIO_GOAL else "NO"),
        (
            f"PDF size{edition}",
            f"< {SIZE_GOAL_KB:.0f} KB",
            f"{result['size_kb']:.0f} KB",
            "yes" if result["size_kb"] < SIZE_GOAL_KB else "NO",
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of each process (default: 7)")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="the PDF's language")
    parser.add_argument("--layout", choices=("report", "sheet"), default="report", help="the PDF's layout")
    args = parser.parse_args()
    print(machine())
    print(table(rows(measure(args.runs, args.page_size, args.lang, args.layout), args.lang, args.layout)))
