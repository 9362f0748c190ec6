"""The command line as a user meets it: exit codes, one-line errors, and no stray files.

Most tests run ``python -m chery_viewer`` in a subprocess, as a user would. A few call
``main()`` in-process with a stand-in exporter, to check what the CLI does around the export
without depending on the real PDF writer.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from chery_viewer import __version__, cli
from chery_viewer.core.dataset import bundled_dir
from chery_viewer.core.factsheet import FactSheet

SENTINEL = b"an older file that a failed export must leave alone\n"


def run_cli(*args: str, cwd: Path, display: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CHERY_VIEWER_DEBUG")
    }
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "chery_viewer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("chery-viewer: ")
    assert result.stdout == ""
    return lines[0]


def pdfs_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pdf"))


@pytest.fixture
def existing_output(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "factsheet.pdf"
    out.parent.mkdir()
    out.write_bytes(SENTINEL)
    return out


@pytest.fixture
def damaged_package(tmp_path: Path) -> Path:
    target = tmp_path / "damaged"
    shutil.copytree(bundled_dir(), target)
    figures = target / "figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("Group sales 2021,961926,", "Group sales 2021,many,", 1),
        encoding="utf-8",
    )
    return target


# -- information --------------------------------------------------------------------------------


def test_version(tmp_path: Path):
    result = run_cli("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"chery-viewer {__version__}"


def test_help(tmp_path: Path):
    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0
    for option in ("--dataset", "--export-pdf", "--page-size", "--version"):
        assert option in result.stdout
    assert result.stderr == ""


# -- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("--bogus",), ("--page-size", "A5", "--export-pdf", "x.pdf"), ("--dataset",), ("a-path", "stray")]
)
def test_bad_option_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...]):
    line = one_line_error(run_cli(*args, cwd=tmp_path))
    assert "--help" in line
    assert pdfs_under(tmp_path) == []


def test_bad_option_leaves_an_existing_pdf_alone(tmp_path: Path, existing_output: Path):
    one_line_error(run_cli("--export-pdf", str(existing_output), "--page-size", "A3", cwd=tmp_path))
    assert existing_output.read_bytes() == SENTINEL


def test_missing_dataset_with_export(tmp_path: Path, existing_output: Path):
    missing = tmp_path / "no-such-package"
    line = one_line_error(run_cli("--dataset", str(missing), "--export-pdf", str(existing_output), cwd=tmp_path))
    assert str(missing) in line and "dataset" in line
    assert existing_output.read_bytes() == SENTINEL
    assert pdfs_under(tmp_path) == [existing_output]


def test_damaged_dataset_with_export(tmp_path: Path, damaged_package: Path, existing_output: Path):
    line = one_line_error(
        run_cli("--dataset", str(damaged_package), "--export-pdf", str(existing_output), cwd=tmp_path)
    )
    assert str(damaged_package / "figures.csv") in line
    assert "row 3" in line and "column 'value'" in line and "'many'" in line
    assert existing_output.read_bytes() == SENTINEL


def test_damaged_descriptor_with_export(tmp_path: Path, damaged_package: Path):
    (damaged_package / "datapackage.json").write_text('{"title": "half a', encoding="utf-8")
    out = tmp_path / "new.pdf"
    line = one_line_error(run_cli("--dataset", str(damaged_package), "--export-pdf", str(out), cwd=tmp_path))
    assert "datapackage.json" in line and "JSON" in line
    assert not out.exists()


def test_no_display_without_export(tmp_path: Path):
    line = one_line_error(run_cli(cwd=tmp_path, display=False))
    assert "no display" in line
    assert "--export-pdf" in line, "the message should point to the headless alternative"


def test_no_display_with_a_dataset_and_no_export(tmp_path: Path):
    line = one_line_error(run_cli("--dataset", str(bundled_dir()), cwd=tmp_path, display=False))
    assert "no display" in line


def test_export_into_a_folder_that_does_not_exist(tmp_path: Path):
    out = tmp_path / "missing" / "deeper" / "factsheet.pdf"
    line = one_line_error(run_cli("--export-pdf", str(out), cwd=tmp_path))
    assert str(out.parent) in line and "does not exist" in line
    assert not out.parent.exists()
    assert pdfs_under(tmp_path) == []


def test_export_to_a_directory(tmp_path: Path):
    folder = tmp_path / "reports.pdf"
    folder.mkdir()
    line = one_line_error(run_cli("--export-pdf", str(folder), cwd=tmp_path))
    assert "folder" in line and str(folder) in line
    assert list(folder.iterdir()) == []


def test_export_relative_path_into_missing_folder(tmp_path: Path):
    one_line_error(run_cli("--export-pdf", "nowhere/out.pdf", cwd=tmp_path))
    assert list(tmp_path.iterdir()) == []


# -- in-process, with a stand-in exporter -------------------------------------------------------------


class FakeExportError(Exception):
    pass


class FakeExporter:
    """Stands in for chery_viewer.report.pdf and records how the CLI calls it."""

    def __init__(self) -> None:
        self.calls: list[tuple[tuple, dict]] = []
        self.fail: str = ""
        self.module = types.ModuleType("chery_viewer.report.pdf")
        self.module.ExportError = FakeExportError  # type: ignore[attr-defined]
        self.module.export_pdf = self.export_pdf  # type: ignore[attr-defined]

    def export_pdf(self, *args, **kwargs) -> None:
        self.calls.append((args, kwargs))
        if self.fail:
            raise FakeExportError(self.fail)


@pytest.fixture
def fake_exporter(monkeypatch: pytest.MonkeyPatch) -> FakeExporter:
    fake = FakeExporter()
    monkeypatch.setitem(sys.modules, "chery_viewer.report.pdf", fake.module)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("CHERY_VIEWER_DEBUG", raising=False)
    return fake


def test_cli_hands_the_sheet_path_and_page_size_to_the_exporter(tmp_path: Path, fake_exporter, capsys):
    out = tmp_path / "factsheet.pdf"
    assert cli.main(["--export-pdf", str(out), "--page-size", "Letter"]) == 0
    ((args, kwargs),) = fake_exporter.calls
    assert isinstance(args[0], FactSheet) and args[0].report_year == 2022
    assert Path(args[1]) == out
    assert kwargs.get("page_size") == "Letter" or "Letter" in args
    assert capsys.readouterr().err == ""


def test_export_error_is_one_line_and_exit_2(tmp_path: Path, fake_exporter, capsys):
    fake_exporter.fail = "cannot write factsheet.pdf: permission denied"
    assert cli.main(["--export-pdf", str(tmp_path / "factsheet.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["chery-viewer: cannot write factsheet.pdf: permission denied"]


def test_unexpected_error_is_one_line_and_exit_1(tmp_path: Path, fake_exporter, capsys, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("painter\nexploded")

    monkeypatch.setattr(fake_exporter.module, "export_pdf", broken)
    assert cli.main(["--export-pdf", str(tmp_path / "factsheet.pdf")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "RuntimeError" in err and "CHERY_VIEWER_DEBUG" in err


def test_exporter_is_not_reached_for_a_damaged_dataset(tmp_path: Path, damaged_package: Path, fake_exporter, capsys):
    assert cli.main(["--dataset", str(damaged_package), "--export-pdf", str(tmp_path / "x.pdf")]) == 2
    assert fake_exporter.calls == []
    assert "figures.csv" in capsys.readouterr().err


def test_empty_export_path_is_refused(tmp_path: Path):
    line = one_line_error(run_cli("--export-pdf", "", cwd=tmp_path, display=False))
    assert "display" not in line


# -- the real exporter, once it exists ----------------------------------------------------------------


def _exporter_available() -> bool:
    try:
        return importlib.util.find_spec("chery_viewer.report.pdf") is not None
    except ImportError:
        return False


@pytest.mark.skipif(not _exporter_available(), reason="chery_viewer.report.pdf is not written yet")
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_export_pdf_without_a_display(tmp_path: Path, existing_output: Path, page_size: str):
    result = run_cli(
        "--export-pdf", str(existing_output), "--page-size", page_size, cwd=tmp_path, display=False, timeout=180
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = existing_output.read_bytes()
    assert data.startswith(b"%PDF-") and data != SENTINEL
    assert b"%%EOF" in data[-1024:]
    assert pdfs_under(tmp_path) == [existing_output]


@pytest.mark.skipif(not _exporter_available(), reason="chery_viewer.report.pdf is not written yet")
def test_export_under_a_regular_file(tmp_path: Path):
    plain = tmp_path / "notes.txt"
    plain.write_text("not a folder", encoding="utf-8")
    line = one_line_error(run_cli("--export-pdf", str(plain / "factsheet.pdf"), cwd=tmp_path, display=False))
    assert str(plain) in line
    assert plain.read_text(encoding="utf-8") == "not a folder"
    assert pdfs_under(tmp_path) == []
