"""Failed exports: nothing partial left behind, an existing file untouched, one readable line."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6 import QtWidgets

from chery_viewer.core import files
from chery_viewer.core.factsheet import FactSheet
from chery_viewer.report import pdf
from chery_viewer.report.blocks.charts import ChartBlock
from chery_viewer.report.pdf import ExportError, export_pdf

OLD = b"%PDF-1.4\nan older fact sheet that must survive a failed export\n%%EOF\n"


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    path = tmp_path / "factsheet.pdf"
    path.write_bytes(OLD)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "factsheet.pdf")


def _one_line(exc: pytest.ExceptionInfo[ExportError], path: Path) -> str:
    message = str(exc.value)
    assert "\n" not in message and message.startswith(f"cannot write {path}: ")
    return message


def _fast_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip the drawing where only the file handling is under test."""
    monkeypatch.setattr(pdf, "render_pdf_bytes", lambda *args, **kwargs: b"%PDF-1.4\nnew\n%%EOF\n")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_read_only_folder(tmp_path: Path, existing: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch):
    _fast_render(monkeypatch)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(ExportError) as exc:
            export_pdf(sheet, existing)
    finally:
        tmp_path.chmod(0o755)
    assert _one_line(exc, existing).endswith("permission denied")
    assert existing.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_no_permission_to_create_the_temporary_file(
    tmp_path: Path, existing: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch
):
    """The same case where chmod cannot stop root: the temporary file cannot be created."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    _fast_render(monkeypatch)
    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, existing)
    assert _one_line(exc, existing) == f"cannot write {existing}: permission denied"
    assert existing.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_disk_full_while_writing(tmp_path: Path, existing: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch):
    real_fsync = os.fsync

    def full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    _fast_render(monkeypatch)
    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, existing)
    assert _one_line(exc, existing).endswith("no space left on the device")
    assert existing.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_replace_fails(tmp_path: Path, existing: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch):
    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    _fast_render(monkeypatch)
    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, existing)
    assert _one_line(exc, existing).endswith("the file system is read-only")
    assert existing.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_painting_fails_part_way(
    qapp: QtWidgets.QApplication, tmp_path: Path, existing: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch
):
    """An exception while the painter is active: the painter is ended, the process survives."""
    calls = []

    def broken(self: object, *args: object) -> None:
        calls.append(1)
        raise RuntimeError("the chart could not be drawn")

    monkeypatch.setattr(ChartBlock, "draw", broken)
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, existing)
    assert calls == [1]
    assert _one_line(exc, existing) == f"cannot write {existing}: the chart could not be drawn"
    assert existing.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_qt_refuses_to_paint(
    qapp: QtWidgets.QApplication, tmp_path: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(pdf.QtGui.QPainter, "begin", lambda self, device: False)
    out = tmp_path / "new.pdf"
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, out)
    assert str(exc.value) == f"cannot write {out}: Qt could not start painting the PDF"
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path: Path, sheet: FactSheet):
    out = tmp_path / "no such folder" / "factsheet.pdf"
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, out)
    assert _one_line(exc, out).endswith("the folder does not exist")
    assert list(tmp_path.iterdir()) == []


def test_target_is_a_folder(tmp_path: Path, sheet: FactSheet):
    with pytest.raises(ExportError) as exc:
        export_pdf(sheet, tmp_path)
    assert _one_line(exc, tmp_path).endswith("it is a folder")


def test_unknown_page_size(tmp_path: Path, sheet: FactSheet):
    out = tmp_path / "factsheet.pdf"
    with pytest.raises(ExportError, match="unknown page size 'A3'"):
        export_pdf(sheet, out, page_size="A3")
    assert list(tmp_path.iterdir()) == []


def test_success_replaces_the_old_file_and_keeps_its_mode(
    tmp_path: Path, existing: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch
):
    _fast_render(monkeypatch)
    existing.chmod(0o640)
    assert export_pdf(sheet, existing) == existing
    assert existing.read_bytes().startswith(b"%PDF-1.4\nnew")
    assert existing.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_new_file_gets_ordinary_permissions(tmp_path: Path, sheet: FactSheet, monkeypatch: pytest.MonkeyPatch):
    _fast_render(monkeypatch)
    mask = os.umask(0o022)
    try:
        out = export_pdf(sheet, tmp_path / "fresh.pdf")
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o644
