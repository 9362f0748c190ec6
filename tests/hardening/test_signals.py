"""Defects 3 and 4 of issue 17: Ctrl-C, SIGTERM and SIGHUP while the fact sheet is exported.

Each export runs in its own process, held at a known point (while the pages are painted, or
with the temporary file written and not yet renamed) by the test-only hook in
``core.signals``; the test delivers the signal there. Whatever the signal, the export must
end with exit status 128 + its number, one line on stderr and no traceback, no temporary
``.part`` file beside the target, and the old file byte-identical.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from .held import WINDOW_EXPORT, release, start

OLD = b"%PDF-1.4\nan older fact sheet that an interrupted export must leave alone\n%%EOF\n"
CASES = [
    (point, sig)
    for point in ("render", "write")
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
]


def _check(process, out: Path, sig: int) -> str:
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + sig, (process.returncode, stderr)
    assert "Traceback" not in stderr and "Error calling Python" not in stderr, stderr
    assert out.read_bytes() == OLD, "the old file was replaced"
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name], "a temporary file was left behind"
    return stderr


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], tuple[object, Path]]:
    """Every CLI case, started before any is checked (they share the two cores)."""
    runs = {}
    for point, sig in CASES:
        root = tmp_path_factory.mktemp(f"{point}-{sig}")
        out = root / "out" / "factsheet.pdf"
        out.parent.mkdir()
        out.write_bytes(OLD)
        process = start(["-m", "chery_viewer", "--export-pdf", str(out)], point, root / "hold", root)
        process.send_signal(sig)
        runs[(point, sig)] = (process, out)
    return runs


@pytest.mark.parametrize(("point", "sig"), CASES, ids=[f"{p}-{signal.Signals(s).name}" for p, s in CASES])
def test_cli_export_interrupted(cli_runs, point: str, sig: int) -> None:
    process, out = cli_runs[(point, sig)]
    stderr = _check(process, out, sig)
    lines = stderr.strip().split("\n")
    assert len(lines) == 1 and "interrupted" in lines[0] and "nothing was written" in lines[0], stderr


def test_cli_export_released_after_the_hold_still_writes(tmp_path: Path) -> None:
    """The hook itself changes nothing: released without a signal, the export completes."""
    out = tmp_path / "out.pdf"
    process = start(["-m", "chery_viewer", "--export-pdf", str(out)], "write", tmp_path / "hold", tmp_path)
    release(tmp_path / "hold")
    _stdout, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (0, "")
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hold", "out.pdf"]


@pytest.mark.parametrize(("point", "sig"), [("write", signal.SIGTERM), ("render", signal.SIGHUP),
                                            ("write", signal.SIGINT)])  # fmt: skip
def test_window_export_interrupted(tmp_path: Path, point: str, sig: int) -> None:
    """File → Export PDF… in the window, then the session ends (SIGTERM, SIGHUP) or Ctrl-C in its terminal."""
    out = tmp_path / "out" / "factsheet.pdf"
    out.parent.mkdir()
    out.write_bytes(OLD)
    process = start(["-c", WINDOW_EXPORT, str(out)], point, tmp_path / "hold", tmp_path)
    process.send_signal(sig)
    _check(process, out, sig)


def test_window_export_released_writes(tmp_path: Path) -> None:
    out = tmp_path / "factsheet.pdf"
    process = start(["-c", WINDOW_EXPORT, str(out)], "write", tmp_path / "hold", tmp_path)
    release(tmp_path / "hold")
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert out.read_bytes().startswith(b"%PDF-")


if sys.platform != "linux":  # the signals and /proc details are Linux's
    pytestmark = pytest.mark.skip(reason="Linux only")
