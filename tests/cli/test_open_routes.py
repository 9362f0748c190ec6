"""``chery-viewer PATH`` and ``chery-viewer --self-test``, run as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chery_viewer import cli
from chery_viewer.core.dataset import bundled_dir
from tests.cli.test_cli import one_line_error, run_cli


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    package = tmp_path / "broken"
    shutil.copytree(bundled_dir(), package)
    figures = package / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("1232727", "lots", 1), encoding="utf-8")
    return package


def test_a_positional_path_is_the_dataset(tmp_path: Path, broken: Path) -> None:
    line = one_line_error(run_cli("--export-pdf", str(tmp_path / "out.pdf"), str(broken), cwd=tmp_path))
    assert "figures.csv" in line and "row 5" in line
    assert not (tmp_path / "out.pdf").exists()


def test_the_window_opens_on_a_positional_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "mine"
    shutil.copytree(bundled_dir(), package)
    opened = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr("chery_viewer.ui.app.run", lambda sheet, language: opened.append(sheet.directory) or 0)
    assert cli.main([str(package / "datapackage.json")]) == 0
    assert opened == [package]


def test_path_and_dataset_together_are_refused(tmp_path: Path) -> None:
    line = one_line_error(run_cli(str(tmp_path), "--dataset", str(tmp_path), cwd=tmp_path))
    assert "give the dataset once" in line


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_self_test_passes_in_one_line(tmp_path: Path, lang: str) -> None:
    result = run_cli("--self-test", "--lang", lang, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"self-test passed ({lang})")
    assert list(tmp_path.iterdir()) == []  # nothing left behind where it ran


def test_self_test_on_a_broken_dataset_fails_in_one_line(tmp_path: Path, broken: Path) -> None:
    line = one_line_error(run_cli("--self-test", str(broken), cwd=tmp_path))
    assert "figures.csv" in line
