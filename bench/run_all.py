"""Every benchmark in one command, and one table: figure, goal, measured, ok.

Runs start-up, tab switching, headless export (both layouts, both languages, with the
PDF's size), peak memory, scale, the soak, and a longer fuzz run of the loader
(``CHERY_FUZZ_EXAMPLES=1000 pytest tests/core/test_fuzz.py``), then prints the machine line
and one table. Figures are medians of repeated runs; every ratio compares two things
measured in the same run.

The whole-process benchmarks (start-up, export, memory, scale) are called here: they time
fresh child processes themselves. The in-process ones (tabs, soak) each run in a child of
their own, so neither measures what the other left behind. A benchmark that fails gets a
row saying so, and the others still run.

Run: ``python bench/run_all.py`` (about ten minutes on two cores) or ``--quick`` (fewer
runs, a short soak and fuzz run: a few minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import export  # noqa: E402
import memory  # noqa: E402
import scale  # noqa: E402
import soak  # noqa: E402
import startup  # noqa: E402
from common import ROOT, child_env, machine, table  # noqa: E402

Row = tuple[str, str, str, str]

#: Runs of each benchmark: (full, quick).
SETTINGS = {
    "startup_runs": (9, 3),
    "tab_rounds": (20, 5),
    "export_runs": (7, 3),
    "memory_runs": (3, 1),
    "scale_runs": (3, 1),
    "soak_switches": (2000, 200),
    "soak_exports": (100, 10),
    "fuzz_examples": (1000, 100),
}
TAB_GOAL_S = 0.016


def in_child(module: str, call: str) -> Any:
    """``module.call`` evaluated in a fresh Python process; its JSON result."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(BENCH)!r}); import {module}; "
        f"print('RESULT ' + json.dumps({module}.{call}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), cwd=ROOT, check=False
    )
    found = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if result.returncode != 0 or not found:
        last = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
        raise RuntimeError(last)
    return json.loads(found[-1][len("RESULT ") :])


def tabs_rows(result: dict[str, float]) -> list[Row]:
    median, slowest = result["median"], result["max"]
    return [
        ("tab switch, median", f"< {TAB_GOAL_S * 1000:.0f} ms", f"{median * 1000:.1f} ms", _ok(median < TAB_GOAL_S)),
        ("tab switch, slowest", "-", f"{slowest * 1000:.1f} ms", ""),
    ]


def sheet_rows(runs: int, lang: str) -> list[Row]:
    """The two-page sheet's export against its own floor (the floor row is printed once, for the report)."""
    return export.rows(export.measure(runs, lang=lang, layout="sheet"), lang, "sheet")[1:]


def fuzz(examples: int) -> dict[str, float]:
    """The loader's property tests with ``examples`` examples each, in a pytest process of their own."""
    env = child_env(CHERY_FUZZ_EXAMPLES=str(examples), CHERY_VIEWER_CACHE_DIR="off")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/core/test_fuzz.py"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - start
    summary = (result.stdout.strip().splitlines() or [""])[-1]
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", summary)) else 0
    failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", summary)) else 0
    return {
        "examples": examples,
        "passed": passed,
        "failed": failed,
        "code": result.returncode,
        "seconds": seconds,
        "summary": summary,
    }


def fuzz_rows(r: dict[str, Any]) -> list[Row]:
    ok = r["code"] == 0 and r["failed"] == 0 and r["passed"] > 0
    return [
        (
            f"fuzz: loader, {r['examples']:,} examples x {r['passed'] + r['failed']} properties",
            "no failure",
            f"{r['passed']} passed, {r['failed']} failed ({r['seconds']:.0f} s)" if ok or r["passed"] else r["summary"],
            _ok(ok),
        )
    ]


def _ok(flag: bool) -> str:
    return "yes" if flag else "NO"


def benchmarks(quick: bool) -> list[tuple[str, Callable[[], list[Row]]]]:
    n = {key: values[1 if quick else 0] for key, values in SETTINGS.items()}
    return [
        ("start-up", lambda: startup.rows(startup.measure(n["startup_runs"]))),
        ("start-up zh_CN", lambda: startup.rows(startup.measure(n["startup_runs"], "zh_CN"), "zh_CN")[1:]),
        ("tabs", lambda: tabs_rows(in_child("tabs", f"measure({n['tab_rounds']})"))),
        ("export", lambda: export.rows(export.measure(n["export_runs"]))),
        ("export zh_CN", lambda: export.rows(export.measure(n["export_runs"], lang="zh_CN"), "zh_CN")[1:]),
        *((f"export sheet {lang}", lambda lang=lang: sheet_rows(n["export_runs"], lang)) for lang in ("en", "zh_CN")),
        ("memory", lambda: memory.rows(memory.measure(n["memory_runs"]))),
        ("scale", lambda: scale.rows(scale.measure(n["scale_runs"]))),
        (
            "soak",
            lambda: soak.rows(in_child("soak", f"measure(switches={n['soak_switches']}, exports={n['soak_exports']})")),
        ),
        ("fuzz", lambda: fuzz_rows(fuzz(n["fuzz_examples"]))),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs, a short soak and fuzz run")
    args = parser.parse_args()
    rows: list[Row] = []
    started = time.perf_counter()
    for name, run in benchmarks(args.quick):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        begin = time.perf_counter()
        try:
            rows += run()
        except Exception as exc:  # one broken benchmark must not hide the others
            message = " ".join(str(exc).split())[:100] or type(exc).__name__
            rows.append((f"{name}: failed", "-", message, "NO"))
        print(f"  {name}: {time.perf_counter() - begin:.0f} s", file=sys.stderr, flush=True)
    print(machine() + (", quick run" if args.quick else "") + f", {time.perf_counter() - started:.0f} s in all")
    print(table(rows))
    return 0 if all(r[3] != "NO" for r in rows) else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
