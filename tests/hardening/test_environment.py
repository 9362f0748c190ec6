"""Defects 11 and 14 of issue 17: the environment is the user's, and none of it is trusted to be tidy.

``LC_ALL=C`` (cron, CI, containers) must not add Qt's four lines about the locale to a quiet
success or to a one-line failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .held import start


def _run(args: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop("CHERY_VIEWER_DEBUG", None)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=180)


def test_c_locale_export_is_quiet(tmp_path: Path) -> None:
    result = _run(["-m", "chery_viewer", "--export-pdf", "out.pdf"], tmp_path, LC_ALL="C")
    assert (result.returncode, result.stderr) == (0, "")
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_c_locale_failure_after_qt_started_is_one_line(tmp_path: Path) -> None:
    """The output folder disappears while the file is written: one line, not Qt's four first."""
    folder = tmp_path / "out"
    folder.mkdir()
    process = start(["-m", "chery_viewer", "--export-pdf", str(folder / "f.pdf")], "write", tmp_path / "hold",
                    tmp_path, LC_ALL="C")  # fmt: skip
    shutil.rmtree(folder)
    (tmp_path / "hold" / "go").write_text("")
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2, stderr
    lines = stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("chery-viewer: cannot write"), stderr


def test_c_locale_keeps_english_and_posix_keeps_the_same(tmp_path: Path) -> None:
    for value in ("C", "POSIX"):
        args = ["-m", "chery_viewer", "--export-pdf", f"{value}.pdf"]
        result = _run(args, tmp_path, LC_ALL=value, LANG="zh_CN.UTF-8")
        assert (result.returncode, result.stderr) == (0, "")
    assert (tmp_path / "C.pdf").read_bytes() == (tmp_path / "POSIX.pdf").read_bytes()
