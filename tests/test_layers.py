"""The architecture as a test: import-linter's contracts in pyproject.toml (cli > ui > report >
graphics > core; the core without Qt; the paginator without Qt), checked in a fresh process
(pytest-qt has already imported Qt into this one)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> list[str]:
    found = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    return [found]


def test_the_import_contracts_are_kept():
    result = subprocess.run(_lint_imports(), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_report_module_importing_the_window_breaks_the_layers(tmp_path: Path):
    """The contract has teeth: a copy of the package where report imports ui fails it."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "chery_viewer", copy / "chery_viewer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    printing = copy / "chery_viewer" / "report" / "printing.py"
    printing.write_text(printing.read_text(encoding="utf-8") + "\nfrom chery_viewer.ui import charts  # noqa\n")
    env = {"PYTHONPATH": str(copy), "PATH": str(Path(sys.executable).parent)}
    result = subprocess.run(_lint_imports(), cwd=copy, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "chery_viewer.report.printing -> chery_viewer.ui.charts" in result.stdout
