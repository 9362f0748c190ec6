"""Rebuild the translations: collect the texts from the code, then compile them for Qt.

    python resources/translations/build.py            # lupdate, then lrelease
    python resources/translations/build.py --check    # fail if the .ts or .qm files are stale

``pyside6-lupdate`` finds every ``translate("Context", "text")`` call in ``chery_viewer/``
and merges the texts into ``chery_viewer_<lang>.ts`` (translations already made are kept;
texts no longer in the code are dropped). ``pyside6-lrelease`` compiles each ``.ts`` into
the ``.qm`` file the app loads. Both tools ship with PySide6-Essentials, and their output
depends only on the sources, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """A PySide6 tool beside this interpreter, else on PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"error: {name} not found; it comes with PySide6-Essentials (pip install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "chery_viewer").rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are current")
    args = parser.parse_args()
    stale = []
    for language in LANGUAGES:
        ts, qm = HERE / f"chery_viewer_{language}.ts", HERE / f"chery_viewer_{language}.qm"
        if not args.check:
            update(ts)
            release(ts, qm)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh_ts, fresh_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
            shutil.copy(ts, fresh_ts)
            update(fresh_ts)
            release(fresh_ts, fresh_qm)
            stale += [
                p.name
                for p, q in ((ts, fresh_ts), (qm, fresh_qm))
                if not p.exists() or p.read_bytes() != q.read_bytes()
            ]
    if stale:
        print(f"stale: {', '.join(stale)}; run python resources/translations/build.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
