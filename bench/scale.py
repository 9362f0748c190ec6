"""Scale: a synthetic data package about 100 times the bundled one, against the bundled one.

The synthetic package keeps every bundled row and adds 30 years of annual totals and of
monthly sales for 60 markets (21,600 rows). It measures, as whole processes, start-up to
first frame and the headless PDF export for both packages, interleaved, and reports the
ratios. Goals: start-up within 1.5x, export within 2x the bundled package.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
import tempfile
from pathlib import Path

from common import ROOT, entry_point, machine, median, table, time_command, time_until_printed
from startup import app_env

sys.path.insert(0, str(ROOT))

YEARS = range(1995, 2025)
MARKETS = 60


def generate(target: Path) -> Path:
    """Write the synthetic package into ``target`` and return it."""
    from chery_viewer.core.dataset import bundled_dir

    shutil.copytree(bundled_dir(), target)
    figures = (target / "figures.csv").read_text(encoding="utf-8").splitlines()
    header = figures[0].split(",")
    existing = {line.split(",", 1)[0] for line in figures[1:]}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for year in YEARS:
        for metric, base in (("group_sales", 600_000), ("exports", 90_000)):
            fid = f"{'sales' if metric == 'group_sales' else 'exports'}_{year}"
            if fid not in existing:
                value = base + (year - YEARS[0]) * base // 20
                writer.writerow(
                    row(
                        header,
                        fid,
                        "sales" if metric == "group_sales" else "exports",
                        metric,
                        "Chery Group",
                        f"Synthetic {metric} {year}",
                        value,
                        str(year),
                    )
                )
    for market in range(MARKETS):
        name = f"Market {market + 1:02d}"
        for year in YEARS:
            for month in range(1, 13):
                fid = f"m{market:02d}_{year}_{month:02d}"
                value = 200 + market * 10 + month * 3 + (year - YEARS[0]) * 7
                writer.writerow(
                    row(
                        header,
                        fid,
                        "exports",
                        "market_sales",
                        name,
                        f"Sales in {name} {year}-{month:02d}",
                        value,
                        f"{year}-{month:02d}",
                    )
                )
    with open(target / "figures.csv", "a", encoding="utf-8") as handle:
        handle.write(out.getvalue())
    return target


def row(
    header: list[str], fid: str, section: str, metric: str, subject: str, label: str, value: int, period: str
) -> list[str]:
    values = {
        "id": fid,
        "section": section,
        "metric": metric,
        "subject": subject,
        "label": label,
        "value": str(value),
        "unit": "vehicles",
        "period": period,
        "kind": "stated",
        "approximate": "false",
        "lower_bound": "false",
        "source_id": "S1",
        "formula": "",
        "note": "Synthetic row for the scale benchmark.",
        # the package declares Chinese too, so every text has its translation
        "subject@zh-CN": {"Chery Group": "奇瑞集团"}.get(subject, subject.replace("Market ", "市场")),
        "label@zh-CN": f"合成数据：{label}",
        "note@zh-CN": "规模基准测试的合成数据。",
    }
    return [values[h] for h in header]


def measure(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        big = generate(Path(tmp) / "big")
        rows_big = (big / "figures.csv").read_text(encoding="utf-8").count("\n") - 1
        rows_small = (ROOT / "data" / "figures.csv").read_text(encoding="utf-8").count("\n") - 1
        env = app_env(tmp)
        window = {"small": entry_point(), "big": [*entry_point(), "--dataset", str(big)]}
        export = [*entry_point(), "--export-pdf", f"{tmp}/out.pdf"]
        starts: dict[str, list[float]] = {"small": [], "big": []}
        exports: dict[str, list[float]] = {"small": [], "big": []}
        for command in window.values():  # warm caches
            time_until_printed(command, env)
        for _ in range(runs):
            starts["small"].append(time_until_printed(window["small"], env))
            starts["big"].append(time_until_printed(window["big"], env))
            exports["small"].append(time_command(export))
            exports["big"].append(time_command([*export, "--dataset", str(big)]))
    return {
        "rows_small": rows_small,
        "rows_big": rows_big,
        **{f"start_{k}": median(v) for k, v in starts.items()},
        **{f"export_{k}": median(v) for k, v in exports.items()},
    }


def rows(r: dict[str, float]) -> list[tuple[str, str, str, str]]:
    start, export = r["start_big"] / r["start_small"], r["export_big"] / r["export_small"]
    return [
        ("scale: figure rows, bundled / synthetic", "-", f"{r['rows_small']:.0f} / {r['rows_big']:.0f}", ""),
        (
            "scale: start-up, synthetic / bundled",
            "<= 1.5",
            f"{start:.2f} ({r['start_big'] * 1000:.0f} ms)",
            "yes" if start <= 1.5 else "NO",
        ),
        (
            "scale: export, synthetic / bundled",
            "<= 2.0",
            f"{export:.2f} ({r['export_big'] * 1000:.0f} ms)",
            "yes" if export <= 2.0 else "NO",
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--generate", metavar="DIR", help="only write the synthetic package to DIR")
    args = parser.parse_args()
    if args.generate:
        print(generate(Path(args.generate)))
    else:
        print(machine())
        print(table(rows(measure(args.runs))))
