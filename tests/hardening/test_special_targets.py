"""Defect 1 of issue 17: an export must never replace a device node, a FIFO or a symbolic link.

Root can rename a regular file over ``/dev/null``; the system then stays broken until someone
runs ``mknod``. Every writer goes through ``core.files.atomic_write``, so these tests drive the
command line (a real process where the target blocks or matters) and the window's writers onto
special files made in a temporary folder (a device node needs root; the copies of ``/dev/null``
and ``/dev/full`` are made with ``mknod``, never the real ones).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from chery_viewer import cli
from chery_viewer.core.files import WriteError, atomic_write

ROOT = os.name == "posix" and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="making a device node needs root")


def _device(path: Path, major: int, minor: int) -> Path:
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    return path


def _kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


def _write(tmp: Path) -> None:
    tmp.write_bytes(b"new contents\n")


@needs_root
@pytest.mark.parametrize(("name", "major", "minor"), [("null", 1, 3), ("full", 1, 7)])
def test_a_device_node_is_refused_and_stays_a_device(tmp_path: Path, name: str, major: int, minor: int) -> None:
    device = _device(tmp_path / name, major, minor)
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write(device, _write)
    assert _kind(device) == stat.S_IFCHR
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write(fifo, _write)
    assert _kind(fifo) == stat.S_IFIFO
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_link_to_a_device_is_refused_and_stays_a_link(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.pdf"
    link.symlink_to(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write(link, _write)
    assert link.is_symlink() and _kind(fifo) == stat.S_IFIFO


def test_a_link_to_a_regular_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real" / "factsheet.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    link = tmp_path / "latest.pdf"
    link.symlink_to(real)
    atomic_write(link, _write)
    assert link.is_symlink(), "the link was replaced by a file"
    assert real.read_bytes() == b"new contents\n"
    assert sorted(p.name for p in real.parent.iterdir()) == ["factsheet.pdf"]


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.pdf"
    link.symlink_to(tmp_path / "new.pdf")
    atomic_write(link, _write)
    assert link.is_symlink() and (tmp_path / "new.pdf").read_bytes() == b"new contents\n"


def test_a_target_turned_into_a_fifo_while_writing_is_not_replaced(tmp_path: Path) -> None:
    """The check is repeated just before the rename: the path is the user's, not ours."""
    target = tmp_path / "out.pdf"

    def write_then_swap(tmp: Path) -> None:
        _write(tmp)
        os.mkfifo(target)

    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write(target, write_then_swap)
    assert _kind(target) == stat.S_IFIFO
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def _cli(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("CHERY_VIEWER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "chery_viewer", *args], capture_output=True, text=True, env=env, cwd=tmp, timeout=120
    )


def test_cli_refuses_a_fifo_a_pipeline_reads(tmp_path: Path) -> None:
    """``--export-pdf`` onto a FIFO: exit 2 with one line, before any rendering, and the FIFO is kept."""
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    result = _cli(["--export-pdf", str(fifo)], tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and "not a regular file" in lines[0] and str(fifo) in lines[0], result.stderr
    assert _kind(fifo) == stat.S_IFIFO


@needs_root
def test_cli_refuses_a_device_node(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = _device(tmp_path / "null", 1, 3)
    assert cli.main(["--export-pdf", str(device)]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and "not a regular file" in err[0], err
    assert _kind(device) == stat.S_IFCHR


def test_cli_refuses_its_own_standard_output_when_it_is_a_pipe(tmp_path: Path) -> None:
    """``/proc/self/fd/1`` (and ``/dev/stdout``) of a process whose output is a pipe: the pipe is
    named as what it is, not as "the folder does not exist"."""
    for target in ("/proc/self/fd/1", "/dev/stdout"):
        result = _cli(["--export-pdf", target], tmp_path)
        assert result.returncode == 2, result.stderr
        line = result.stderr.strip()
        assert "\n" not in line and "not a regular file" in line and "does not exist" not in line, line
        assert result.stdout == ""


@pytest.mark.parametrize("action", ["export_pdf_action", "chart_image_action", "chart_data_action"])
def test_window_exports_onto_a_fifo_show_a_dialog_and_keep_it(
    qtbot, sheet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    """File → Export PDF…, Export chart image…, Export chart data… with a FIFO chosen in the dialog."""
    from PySide6 import QtCore, QtWidgets

    from chery_viewer.ui.main_window import MainWindow
    from chery_viewer.ui.settings import Settings

    ini = tmp_path / "settings.ini"
    window = MainWindow(sheet, Settings(QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    fifo = tmp_path / "out" / {"export_pdf_action": "a.pdf", "chart_image_action": "a.png"}.get(action, "a.csv")
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(fifo), ""))
    shown: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    getattr(window, action).trigger()
    assert len(shown) == 1 and "not a regular file" in shown[0] and str(fifo) in shown[0], shown
    assert _kind(fifo) == stat.S_IFIFO
    assert sorted(p.name for p in fifo.parent.iterdir()) == [fifo.name]
