"""Defect 14 of issue 17 (fonts): characters no installed font has must not vanish without a word.

The export still succeeds (exit 0) and says, in one warning line on stderr, which characters
are blank in the PDF; a dataset whose characters all have glyphs exports in silence.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .corpus import copy_package, set_cell

PRIVATE_USE = "\U000f0001"  # a private-use character: no font of this machine has it


def _export(package: Path, out: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "chery_viewer", "--dataset", str(package), "--export-pdf", str(out), "--lang", lang],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip


def test_characters_without_a_glyph_are_named_in_one_warning(tmp_path: Path) -> None:
    package = copy_package(tmp_path)
    set_cell(package, "facts.csv", "first_million", "title", f"A million-vehicle year {PRIVATE_USE}")
    result = _export(package, tmp_path / "out.pdf")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and "warning" in lines[0] and "U+F0001" in lines[0], result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_dataset_the_fonts_cover_exports_silently(tmp_path: Path, lang: str) -> None:
    package = copy_package(tmp_path)
    set_cell(package, "facts.csv", "first_million", "title", "A million-vehicle year, café")
    result = _export(package, tmp_path / "out.pdf", lang)
    assert (result.returncode, result.stderr) == (0, "")
